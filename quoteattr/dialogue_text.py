"""What the text of a dialogue says, read on the surface: names in the narration, speech tags, vocatives.

The conversation stage (:mod:`quoteattr.dialogue`) decides who speaks; this module only reads:
capitalised names outside quotes (and whether they open a clause), fiction speech tags next to a quote
(``"…," said Ann`` / ``Ann cried`` / ``Ann went on:``), forms of address inside a quote, the signals that
tell fiction from news, and the quoted lines the news rules dropped. Word lists live in
``lexicons/en/dialogue_verbs.txt``, ``gender.tsv``, ``vocatives.txt`` and ``not_names.txt``.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Sequence

import attrs
import regex

from .characters import address_words, name_parts, not_name_words, title_gender
from .lexicons import shipped_cues, tagged_words, word_list
from .model import Mention, Quote
from .quotemarks import QuoteSpan

__all__ = [
    "CONTEXT_EVIDENCE",
    "ENDEARMENT_RE",
    "MIN_SIGNALS",
    "NAME_RE",
    "SENTENCE_START_RE",
    "TAG_WINDOW",
    "VOCATIVE_RE",
    "NameHit",
    "address_forms",
    "clean_tag",
    "dash_line_starts",
    "dash_lines",
    "is_conversation",
    "narration_names",
    "paragraph_bounds",
    "recovered_lines",
    "role_nouns",
    "tag_mention",
    "tag_patterns",
    "title_words",
    "untagged",
]


#: Evidence heads of earlier stages that did not read a tag of the quote itself: guesses from context.
CONTEXT_EVIDENCE = frozenset(
    {"", "unattributed", "same-paragraph", "next-paragraph", "subject-before", "bare-after", "speaker-next"}
)


#: Weighted fiction signals (see :func:`is_conversation`) that make a text a conversation.
MIN_SIGNALS = 3


#: Most characters between a tag verb and the speaker, or looked at around a quote for a tag.
TAG_WINDOW = 80


_WORD = r"\p{Lu}[\p{L}\p{M}'’]*+(?:-[\p{L}\p{M}'’]++)*+"  # 'Emma--but' is Emma


# A run of capitalised words ("Mr. Ann Wood"); a "." inside is split off afterwards unless it ends a title.
NAME_RE = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’\-]){_WORD}(?:\.?\s[ \t]*+{_WORD})*+")


#: A lower-case word right after a name: the name is the subject of a verb ("Ann smiled").
_LOWER_NEXT_RE = regex.compile(r"\s++\p{Ll}")


_PARAGRAPH_RE = regex.compile(r"\n[ \t]*+\n\s*+")


# Text that ends where a sentence starts. Searched from the end ((?r)): the pattern is anchored there, so a
# reverse search tries one position instead of every one of the window. Callers read only whether it
# matches. Read backwards, the spaces after a line break are greedy, not possessive: they give the break back.
SENTENCE_START_RE = regex.compile(r"(?r)(?:^|[.!?]['’\"”)]*+\s++|[\"”]\s*+|\n\s*)$")


ENDEARMENT_RE = regex.compile(r"(?:[Mm]y\s++)?(?:[Dd]ear(?:est)?\s++)?")


@functools.lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    return tuple(sorted(word_list("dialogue_verbs.txt"), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def tag_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """After a quote: ``, said Ann`` / ``, Ann said``; before one: ``Ann said:``."""
    verb = "(?:" + "|".join(regex.escape(v).replace(r"\ ", r"\s++") for v in _verbs()) + ")"
    # "the duchess", "the old man", "the lady from Geneva"
    of = "|".join(DESCRIPTION_LINKS)
    word = r"[\p{L}\-]++"
    # a second word is part of the description unless it is the tag's verb ("the girl sighed")
    second = rf"(?:\s++(?!(?:{of}|{verb})(?![\p{{L}}])){word})?+"
    described = rf"(?:{DESCRIBED_BY})\s++{word}{second}(?:\s++(?:{of})\s++(?:the\s++)?+{word})?+"
    speaker = rf"(?:{described}|{_WORD}(?:\.?\s[ \t]*+{_WORD}){{0,3}}|he|she|I)"
    lead = r"\A[ \t]*+(?:[,;:]|--|[—–])?+\s*+"
    after_inverted = regex.compile(rf"{lead}(?P<verb>{verb})\s++(?P<sp>{speaker})(?![\p{{L}}])")
    after_plain = regex.compile(
        rf"{lead}(?P<sp>{speaker})\s++(?:[\p{{Ll}}]++ly\s++)?+(?P<verb>{verb})(?![\p{{L}}])"
    )
    before = regex.compile(rf"(?P<sp>{speaker})\s++(?:[\p{{Ll}}]++ly\s++)?+(?P<verb>{verb})\s*+[,:]?+\s*+\Z")
    return after_inverted, after_plain, before


@functools.lru_cache(maxsize=1)
def address_forms() -> frozenset[str]:
    return address_words() | word_list("vocatives.txt")


@attrs.define
class NameHit:
    """A name in the narration, and whether it opens a clause (a subject) or follows a tag verb."""

    start: int
    end: int
    text: str
    subject: bool  #: opens a sentence and a lower-case word follows ("Ann smiled")
    person: bool  #: surely a person: titled, two words, after a tag verb, or seen inside a sentence too
    possessive: bool = False


def paragraph_bounds(text: str) -> list[int]:
    """Start offsets of the paragraphs (blank-line separated), ascending, the first 0."""
    return [0] + [m.end() for m in _PARAGRAPH_RE.finditer(text)]


_STOP_RE = regex.compile(r"\.\s")


def _split_name(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a capitalised run at a full stop unless the word before it is a title or an initial."""
    piece_start = start
    for m in _STOP_RE.finditer(text, start, end):
        # the word before the full stop: back to the previous space (one word, so each character once)
        word = text[
            max(text.rfind(" ", start, m.start()), text.rfind("\n", start, m.start()), start - 1)
            + 1 : m.start()
        ]
        word = word.lower()
        if len(word) == 1 or title_gender(word) or word + "." in title_words():
            continue
        yield piece_start, m.start()
        piece_start = m.end()
    yield piece_start, end


@functools.lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    return word_list("nominals.txt")


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return word_list("titles.txt")


@functools.cache
def _place_prepositions() -> dict[str, str]:
    return dict(tagged_words("place_prepositions.tsv"))


# The last two words before the trailing space. Searched from the end ((?r)), so only the one position the
# pattern can end at is tried; each run is whole (the look-behind), as the leftmost forward match read it.
_LAST_WORDS_RE = regex.compile(r"(?r)(?<!\p{L})(\p{L}++)[ \t\n]++(\p{L}++)[ \t\n]++\Z")


def _placed(before: str) -> bool:
    """Whether the text before a name makes it a place: "in Europe", "to the Casino" (not "to Ann")."""
    m = _LAST_WORDS_RE.search(before[-30:])
    if m is None:
        return False
    preps = _place_prepositions()
    last = m.group(2).lower()
    if last == "the":
        return m.group(1).lower() in preps
    return preps.get(last) == "bare"


def narration_names(text: str, quotes: Sequence[Quote]) -> list[NameHit]:
    """Names outside the direct quotes, left to right, stripped of sentence-opening words."""
    spans = [(q.start, q.end) for q in quotes]
    starts = [s for s, _ in spans]
    skip = not_name_words()
    verbs = _verbs()
    out: list[NameHit] = []
    inside: set[str] = set()
    for m in NAME_RE.finditer(text):
        for s, e in _split_name(text, m.start(), m.end()):
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0 and spans[k][0] <= s < spans[k][1]:
                continue  # inside a quote: a vocative or a mention, not narration
            words = text[s:e].split()
            lead = s  # "The Warden smiled": the name opens its sentence after the stripped article
            while (
                words
                and words[0].lower().strip(".") in skip
                and not title_gender(words[0].lower().strip("."))
            ):
                s = text.index(words[0], s) + len(words[0])
                s += len(text[s:e]) - len(text[s:e].lstrip())
                words.pop(0)
            if not words or e <= s:
                continue
            possessive = words[-1].endswith(("'s", "’s"))  # "Ann's hat": a mention, not a person acting
            title, parts = name_parts(text[s:e])
            if not parts or (len(parts) == 1 and parts[0] in skip):
                continue
            before = text[max(0, s - 40) : s]
            opens = bool(SENTENCE_START_RE.search(text[max(0, lead - 40) : lead]))
            joined = before.endswith(" and ")  # "Ann and Tom reached the bridge": both are subjects
            follows_verb = before.rstrip().lower().endswith(verbs)
            subject = (
                (opens or joined) and not possessive and _LOWER_NEXT_RE.match(text, e, e + 30) is not None
            )
            person = bool(title) or len(parts) > 1 or follows_verb
            hit = NameHit(s, e, text[s:e], subject or follows_verb, person, possessive)
            out.append(hit)
            if not opens and not _placed(before):
                inside.add(" ".join(parts))
    for hit in out:  # "Etiquette required …" opens one sentence only; "Ann" also stands inside one
        if not hit.person and " ".join(name_parts(hit.text)[1]) in inside:
            hit.person = True
    return out


def is_conversation(text: str, quotes: Sequence[Quote], paragraphs: Sequence[int]) -> bool:
    """Whether the text reads as fiction dialogue rather than news, from signals news rarely shows.

    Strong signals (weight 2): a tag with a verb news does not use ("cried Ann", "she sighed") or an
    inverted pronoun ("said she"); a quote that addresses someone ("…, sir", "Daddy, …"). Weak ones
    (weight 1): two quote-opened paragraphs in a row, the second untagged or fiction-tagged; a line that
    asks or exclaims. News opens paragraphs with quotes too, but continues one voice with news verbs.
    """
    directs = [q for q in quotes if q.kind == "direct"]
    opened: dict[int, Quote] = {}
    for q in directs:
        p = bisect.bisect_right(paragraphs, q.start) - 1
        if p not in opened and q.start - paragraphs[p] <= 2:
            opened[p] = q
    score = 0
    for p, q in opened.items():
        if p - 1 in opened and (untagged(q, text) or _fiction_tag(text, q)):
            score += 1
    for q in directs:
        score += q.text.rstrip(" ,;—–-").endswith(("?", "!"))  # a line that asks or exclaims
        score += 2 * (_fiction_tag(text, q) or _addresses(q.text))
        if score >= MIN_SIGNALS:
            return True
    return score >= MIN_SIGNALS


def _addresses(quote_text: str) -> bool:
    """Whether the quote speaks to someone by a form of address ("Yes, sir." / "Mamma, look")."""
    words = address_forms()
    return any(vm.group("v").lower() in words for vm in VOCATIVE_RE.finditer(quote_text))


def untagged(q: Quote, text: str) -> bool:
    """Whether earlier stages only guessed ``q``'s speaker from context, without a tag of its own.

    ``colon-before`` counts as a guess unless a colon really introduces the quote: in fiction the
    "bare" sentence before a line (``"Who?" I asked.``) is the previous line's tag.
    """
    head = q.evidence.split("+")[0]
    if head == "colon-before":
        return not text[max(0, q.start - 8) : max(0, q.start - 1)].rstrip().endswith(":")
    return head in CONTEXT_EVIDENCE


def _fiction_tag(text: str, q: Quote) -> bool:
    """A tag right after the quote that news would not write: "said she", "Ann sighed", "cried Tom"."""
    after_inverted, after_plain, _ = tag_patterns()
    window = text[q.end + 1 : q.end + 1 + TAG_WINDOW]
    inverted = after_inverted.match(window)
    if inverted is not None and inverted.group("sp").lower() in ("he", "she"):
        return True
    m = inverted or after_plain.match(window)
    return m is not None and shipped_cues().lookup(regex.sub(r"\s++", " ", m.group("verb").lower())) is None


#: A dropped quote is taken back as a line of dialogue when its words end like speech, inside the marks.
_SPOKEN_END_RE = regex.compile(r"[.,!?;:—–-]\s*+\Z")


def recovered_lines(
    text: str, quotes: Sequence[Quote], marks: Sequence[QuoteSpan], paragraphs: Sequence[int]
) -> list[Quote]:
    """Quote-mark spans no quote covers that read as spoken lines: a fiction tag next to them, or a
    paragraph that opens with them, their words ending like speech ("Not again," / "Quite lost.")."""
    after_inverted, after_plain, _ = tag_patterns()
    starts = sorted((q.start, q.end) for q in quotes)
    # paragraphs that open with a direct quote: their other quoted pieces are dialogue too
    lines = {
        p
        for q in quotes
        if q.kind == "direct" and q.start - paragraphs[p := bisect.bisect_right(paragraphs, q.start) - 1] <= 2
    }
    begin = [s for s, _ in starts]
    out = []
    for span in marks:
        if span.depth != 0 or span.end - span.start < 2:
            continue
        k = bisect.bisect_right(begin, span.end) - 1
        if k >= 0 and starts[k][1] > span.start:
            continue  # some quote already covers it
        body = text[span.start : span.end]
        if not _SPOKEN_END_RE.search(body):
            continue
        window = text[span.outer_end : span.outer_end + TAG_WINDOW]
        p = bisect.bisect_right(paragraphs, span.open) - 1
        opens = span.open - paragraphs[p] <= 2
        if not (opens or p in lines or after_inverted.match(window) or after_plain.match(window)):
            continue
        if opens:
            lines.add(p)  # its paragraph is a line of dialogue: the pieces after the tag are too
        out.append(
            Quote(
                span.start,
                span.end,
                body,
                kind="direct",
                confidence=0.4,
                evidence="unattributed",
                unbalanced=span.unbalanced,
            )
        )
    return out


#: Words that open a description in a tag: "the old man", "her mother".
DESCRIBED_BY = "the|The|his|His|her|Her"

#: Words that carry a description on to a place or group in a tag ("the lady from Geneva").
DESCRIPTION_LINKS = ("from", "of")

#: A line of dash dialogue ("— Yes, he said."): a dash opening a line, then words.
_DASH_LINE_RE = regex.compile(r"(?m)^[ \t]*+[—–][ \t]*+(?=\S)")
#: Dash-opened lines a text needs before they are read as dialogue (one could be a list item).
MIN_DASH_LINES = 2
#: Where a dash line's words may stop for a tag: after , ! ? or . and a space.
_DASH_STOP_RE = regex.compile(r"[,!?.][ \t]++")


def dash_lines(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """Dash dialogue (``— Yes, he said.`` / ``– Out where?``) as direct quotes, each line a turn.

    The words run from the dash to a speech tag (``, he said``) or the end of the line; none is
    taken where a quote already is.
    """
    found = list(_DASH_LINE_RE.finditer(text))
    if len(found) < MIN_DASH_LINES:
        return []
    after_inverted, after_plain, _ = tag_patterns()
    begin = sorted(q.start for q in quotes)
    out = []
    for m in found:
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        k = bisect.bisect_left(begin, m.end())
        if k < len(begin) and begin[k] < line_end:
            continue  # the line already holds a quote
        end = len(text[m.end() : line_end].rstrip()) + m.end()
        for stop in _DASH_STOP_RE.finditer(text, m.end(), line_end):
            window = text[stop.end() : stop.end() + TAG_WINDOW]
            if after_inverted.match(window) or after_plain.match(window):
                end = stop.start() + 1  # "Yes," — the tag follows
                break
        if end > m.end():
            out.append(
                Quote(
                    m.end(), end, text[m.end() : end], kind="direct", confidence=0.4, evidence="unattributed"
                )
            )
    return out


def dash_line_starts(text: str) -> list[int]:
    """Offsets where a dash-dialogue line starts: each is a turn of its own."""
    return [m.start() for m in _DASH_LINE_RE.finditer(text)]


# A vocative: a name or form of address set off by commas or ending the quote ("Ann, come", "…, sir.").
VOCATIVE_RE = regex.compile(
    r"(?:\A|[,;!?.]\s++|\A(?:O|Oh|Ah)\s++)"
    r"(?P<v>(?:[Mm]y\s++)?[\p{L}][\p{L}'’\-]*+(?:\.?\s[ \t]*+\p{Lu}[\p{L}'’\-]*+){0,2})"
    r"(?=\s*+(?:[,!?]|\.(?:\s|\Z)|\Z))"
)


#: The trailing name run or pronoun of a tag. Matched in reverse ((?r), from the end of the text): a forward
#: search anchored at \Z tries every start and is quadratic on a long run of capitalised words. In reverse the
#: quantifiers are greedy, not possessive, so a word can give back letters to find its capital.
_WORD_REVERSED = r"\p{Lu}[\p{L}\p{M}'’\-]*"
_TRAILING_RE = regex.compile(
    rf"(?r)(?:{_WORD_REVERSED}(?:\.?\s[ \t]*{_WORD_REVERSED})*|(?<![\p{{L}}])(?:he|she|I))\Z"
)


#: Longest tag mention :func:`clean_tag` reads.
MAX_TAG_CHARS = 200


#: A tag mention that opens with a pronoun or a name and runs on into lower-case words ("she suddenly",
#: "Thorpe rather", "she repeated in a"): the pronoun or the name is the speaker.
_LEADING_RE = regex.compile(
    rf"(?:(?P<p>he|she|He|She|I)|(?P<n>{_WORD}(?:\.?[ \t]++{_WORD}){{0,3}}))(?=\s++\p{{Ll}})"
)


def clean_tag(text: str, m: Mention) -> Mention:
    """A tag mention as a name or pronoun: "Instead of answering her he" → "he", "she presently" → "she"."""
    if len(m.text) > MAX_TAG_CHARS:
        return (
            m  # no speech tag is this long: leave hostile text alone (the search below looks at each start)
        )
    words = m.text.split()
    lead = _LEADING_RE.match(m.text) if len(words) > 1 else None
    if lead is not None and not any(w in NAME_LINKS for w in words[1:]):
        return tag_mention(text, m.start, m.start + lead.end())
    if m.kind != "name" or len(words) < 3 or all(w[:1].isupper() or w in NAME_LINKS for w in words):
        return m
    tail = _TRAILING_RE.search(m.text)
    if tail is None:
        return m
    return tag_mention(text, m.start + tail.start(), m.start + tail.end())


#: Lower-case words inside a name ("Catherine of Aragon", "Ludwig van Beethoven").
NAME_LINKS = ("of", "de", "van", "von")


def tag_mention(text: str, start: int, end: int) -> Mention:
    s = text[start:end]
    kind = (
        "pronoun"
        if s.lower() in ("he", "she", "i")
        else "name"
        if s[:1].isupper() and not s.startswith("The ")
        else "nominal"
    )
    if s.startswith(("the ", "The ")) and any(w[:1].isupper() for w in s.split()[1:]):
        kind = "name"  # "the Mouse": a character called by a capitalised noun
    return Mention(start, end, s, kind=kind)
