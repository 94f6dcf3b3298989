"""Hypothesis strategies for hostile text, shared by the property tests and the fuzz loop.

Random ``st.text()`` almost never makes the attribution rules fire, so most of the pipeline would go
untested. These strategies mix the ingredients the rules react to (cue verbs from the shipped lexicon,
names, pronouns, titles, every quote mark of ``quote_marks.tsv``, sentence punctuation, line breaks) with
the characters that break naive text code: lone surrogates, NUL and other controls, zero-width and bidi
marks, combining marks, characters whose case mapping changes length (``İ``, ``ß``), emoji sequences
and other scripts with their own quote marks.
"""

from __future__ import annotations

from hypothesis import strategies as st

from quoteattr.lexicons import function_words, pronouns, quote_mark_pairs, shipped_cues, word_list

QUOTE_PAIRS: tuple[tuple[str, str, str], ...] = quote_mark_pairs()
QUOTE_MARKS: tuple[str, ...] = tuple(sorted({c for o, cl, _ in QUOTE_PAIRS for c in (o, cl)}))
CUE_FORMS: tuple[str, ...] = tuple(sorted(shipped_cues().by_form))
FUNCTION_WORDS: tuple[str, ...] = tuple(sorted(w for ws in function_words().values() for w in ws))
PRONOUNS: tuple[str, ...] = tuple(sorted(pronouns()))
ROLES: tuple[str, ...] = tuple(sorted(word_list("titles.txt") | word_list("nominals.txt")))

#: Invented people and organisations (never names from real articles).
NAMES: tuple[str, ...] = (
    "Mara Quill",
    "Tomas Vey",
    "Ines Okafor",
    "Lin Bao",
    "Oskar de Wit",
    "Rana al-Haddad",
    "J. R. Ostrow",
    "Dr. Pell",
    "Acme Corp.",
    "the Ministry of Ports",
    "Quill",
    "Vey",
    "O'Brien-Lutz",
    "ZENITH LABS",
)
NEWS_WORDS: tuple[str, ...] = (
    "the",
    "plan",
    "talks",
    "would",
    "resume",
    "on",
    "Monday",
    "budget",
    "bridge",
    "is",
    "not",
    "over",
    "we",
    "will",
    "win",
    "officials",
    "city",
    "council",
    "report",
    "U.S.",
    "p.m.",
    "No.",
    "Jan.",
    "etc.",
    "3.5",
    "1,200",
    "e.g.",
    "don't",
    "players'",
    "rock 'n' roll",
    "'90s",
    "example.com",
    "x",
)
PUNCTUATION: tuple[str, ...] = (*".,;:?!…—–-()[]{}/&*•", "...", ". . .", "?!", ":\n", "1.", "a)", "(2)")
WHITESPACE: tuple[str, ...] = (
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\n \n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
    "\x85",
    "\xa0",
    "\u2028",
    "\u2029",
    "\u3000",
    "\u200a",
)
#: Characters that break naive text code, one family per entry.
NASTY: tuple[str, ...] = (
    "\x00",
    "\x01",
    "\x07",
    "\x1b",
    "\x7f",  # NUL and other controls
    "\ud800",
    "\udfff",
    "\udc80",
    "\ud83d",  # lone surrogates
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u2060",  # zero-width
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",  # bidi
    "\u2069",
    "\u0301",
    "e\u0301",
    "\u0308\u0308\u0308",
    "\u20dd",
    "\u0903",  # combining marks
    "İ",
    "ß",
    "ǅ",
    "ﬁ",
    "ŉ",
    "ΐ",
    "Σ",
    "\u0130stanbul",  # case mapping changes length
    "👍",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "🇫🇷",
    "\U0010ffff",
    "\ufffd",
    "\U0001d400",  # astral, sequences
    "Сказал",
    "«Да», — сказал он.",
    "„Nein“, sagte sie.",
    "「はい」と彼は言った。",  # other scripts and marks
    "قال «نعم».",
    "他说：“好的。”",
    "٣",
    "١٢",
    "\u0660",
    "Ⅻ",
    "²",  # digits and numbers of other kinds
    "<p>",
    "</b>",
    "&quot;",
    "&amp;",
    "<br/>",
    "\\",
    "%s",
    "{0}",
)


def _choice(items: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(items)


def _pieces(
    cues: tuple[str, ...],
    names: tuple[str, ...],
    news: tuple[str, ...],
    function_words: tuple[str, ...],
    pronouns: tuple[str, ...],
    roles: tuple[str, ...],
    marks: tuple[str, ...],
) -> st.SearchStrategy[str]:
    """One piece of text in a language: a word, a mark, a space, a nasty character or a few random ones."""
    return st.one_of(
        _choice(cues),
        _choice(names),
        _choice(news),
        _choice(news),
        _choice(function_words),
        _choice(pronouns),
        _choice(roles),
        _choice(marks),
        _choice(marks),
        _choice(PUNCTUATION),
        _choice(WHITESPACE),
        _choice(WHITESPACE),
        _choice(NASTY),
        st.text(max_size=3),
    )


#: One piece of English text.
pieces: st.SearchStrategy[str] = _pieces(
    CUE_FORMS, NAMES, NEWS_WORDS, FUNCTION_WORDS, PRONOUNS, ROLES, QUOTE_MARKS
)

#: The shapes of English attribution: ``o``/``c`` quote marks, ``words``, ``who``, ``cue``, ``end``.
SHAPES: tuple[str, ...] = (
    "{o}{words},{c} {who} {cue}{end}",
    "{who} {cue} that {words}{end}",
    "{who} {cue}: {o}{words}{end}{c}",
    "According to {who}, {words}{end}",
    "{o}{words}{c} {cue} {who}, {o}{words}{c}{end}",
    "{who} {cue} the {o}{words}{c} {words}{end}",
)


def _attribution(
    pairs: tuple[tuple[str, str, str], ...],
    words: st.SearchStrategy[str],
    who: st.SearchStrategy[str],
    cues: tuple[str, ...],
    shapes: tuple[str, ...],
) -> st.SearchStrategy[str]:
    """A sentence shaped like news attribution in a language, so the cue frames actually run."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        o, c, _ = draw(st.sampled_from(pairs))
        return draw(st.sampled_from(shapes)).format(
            o=o,
            c=c,
            words=" ".join(draw(st.lists(words, min_size=1, max_size=8))),
            who=draw(who),
            cue=draw(_choice(cues)),
            end=draw(_choice((".", ". ", "!", "?", "", ",", ":", "\n\n"))),
        )

    return build()


_WHO = st.one_of(_choice(NAMES), _choice(PRONOUNS), _choice(ROLES).map(lambda r: "the " + r))
_attribution_en = _attribution(QUOTE_PAIRS, st.one_of(_choice(NEWS_WORDS), pieces), _WHO, CUE_FORMS, SHAPES)


#: Hostile text: attribution-shaped sentences and loose pieces, glued with or without spaces.
hostile_text: st.SearchStrategy[str] = st.lists(st.one_of(pieces, pieces, _attribution_en), max_size=40).map(
    "".join
)

#: Anything at all, including text no tokenizer would expect.
any_text: st.SearchStrategy[str] = st.one_of(st.text(max_size=200), hostile_text, hostile_text)


# German: the same hostile pieces, with the words and marks of ``lexicons/de/`` and German frames.
QUOTE_PAIRS_DE: tuple[tuple[str, str, str], ...] = quote_mark_pairs("de")
CUE_FORMS_DE: tuple[str, ...] = tuple(sorted(shipped_cues("de").by_form))
NAMES_DE: tuple[str, ...] = (
    "Greta Hollmann",
    "Jörg Brandt",
    "Dr. Ulrike Sommerfeld",
    "die Stadtverwaltung",
    "Hollmann",
)
NEWS_WORDS_DE: tuple[str, ...] = (
    "die",
    "Brücke",
    "bleibt",
    "bis",
    "Mai",
    "gesperrt",
    "nicht",
    "zu",
    "spät",
    "haben",
)
PRONOUNS_DE: tuple[str, ...] = tuple(sorted(pronouns("de")))
ROLES_DE: tuple[str, ...] = tuple(sorted(word_list("titles.txt", "de") | word_list("nominals.txt", "de")))
pieces_de: st.SearchStrategy[str] = _pieces(
    CUE_FORMS_DE,
    NAMES_DE,
    NEWS_WORDS_DE,
    tuple(sorted(w for ws in function_words("de").values() for w in ws)),
    PRONOUNS_DE,
    ROLES_DE,
    tuple(sorted({c for o, cl, _ in QUOTE_PAIRS_DE for c in (o, cl)})),
)
#: German attribution: verb-second tags, ``dass``, an infinitive clause, ``laut``/``zufolge``.
SHAPES_DE: tuple[str, ...] = (
    "{o}{words}{c}, {cue} {who}{end}",
    "{who} {cue}, dass {words}{end}",
    "{who} {cue} ihr vor, {words} zu haben{end}",
    "Laut {who} {words}{end}",
    "{who} zufolge {words}{end}",
    "{who} {cue}: {o}{words}{end}{c}",
)
_WHO_DE = st.one_of(_choice(NAMES_DE), _choice(PRONOUNS_DE), _choice(ROLES_DE).map(lambda r: "der " + r))
_attribution_de = _attribution(
    QUOTE_PAIRS_DE, st.one_of(_choice(NEWS_WORDS_DE), pieces_de), _WHO_DE, CUE_FORMS_DE, SHAPES_DE
)

#: Hostile German text, for ``lang="de"``.
hostile_text_de: st.SearchStrategy[str] = st.lists(
    st.one_of(pieces_de, pieces_de, _attribution_de), max_size=40
).map("".join)
