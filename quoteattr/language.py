"""Languages as data: one frozen :class:`Language` holds every word list a stage reads.

A language is the folder ``quoteattr/lexicons/<code>/``; nothing language-specific lives
in code. The stages (sentences, quote marks, attribution, speakers, coreference, the parse
rules) take a ``Language`` and read only its fields, so a second language is a new folder,
not new code::

    >>> en = get_language("en")
    >>> "said" in en.splitter_verbs, sorted(en.complementisers)
    (True, ['that'])
    >>> get_language("xx")
    Traceback (most recent call last):
    ...
    quoteattr.errors.ConfigError: unknown language 'xx'; supported: en

User extras (``Pipeline(cues=..., abbreviations=...)``) merge into a new ``Language``
with :meth:`Language.extended`; the splitter's verbs are derived from the cues, so a
user's cue reaches the sentence splitter too.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from . import lexicons as lx
from .errors import ConfigError
from .lexicons import CueLexicon, CueSource, PronounRow

__all__ = ["REQUIRED_FILES", "Language", "QuoteMarks", "get_language", "supported_languages"]

#: The files a folder under ``lexicons/`` must hold to be a language; the others are optional.
REQUIRED_FILES = ("cues.tsv", "pronouns.tsv", "function_words.tsv", "quote_marks.tsv")
ABBREVIATION_KINDS = frozenset({"general", "prefix", "number"})


@attrs.frozen(eq=False)
class QuoteMarks:
    """A language's quotation-mark pairs, indexed the ways the pairing and the splitter need.

    ``openers`` maps an opening mark to its (closing mark, style) pairs; a mark listed with
    itself is *symmetric* (``"``). A mark first listed as a closer (German ``“``, Danish
    ``»``) is *mainly closing*: it opens only right before a word.
    """

    pairs: tuple[tuple[str, str, str], ...]
    openers: Mapping[str, tuple[tuple[str, str], ...]]
    closers: frozenset[str]
    symmetric: frozenset[str]
    mainly_closing: frozenset[str]
    opening_chars: str  #: marks that open (first listed as an opener, or symmetric), for the splitter
    closing_chars: str  #: marks that close (first listed as a closer, or symmetric), for the splitter

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, str, str]]) -> QuoteMarks:
        pairs = tuple(pairs)
        openers: dict[str, list[tuple[str, str]]] = {}
        closers: set[str] = set()
        first_role: dict[str, str] = {}
        for opening, closing, name in pairs:
            openers.setdefault(opening, []).append((closing, name))
            closers.add(closing)
            first_role.setdefault(opening, "open")
            first_role.setdefault(closing, "close")
        symmetric = frozenset(o for o, ps in openers.items() if any(c == o for c, _ in ps))
        mainly_closing = frozenset(m for m, r in first_role.items() if r == "close" and m not in symmetric)
        opening = "".join(m for m, r in first_role.items() if r == "open" or m in symmetric)
        closing = "".join(m for m, r in first_role.items() if r == "close" or m in symmetric)
        return cls(
            pairs,
            {o: tuple(ps) for o, ps in openers.items()},
            frozenset(closers),
            symmetric,
            mainly_closing,
            opening,
            closing,
        )


def _classes(words: Mapping[str, frozenset[str]], *names: str) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for name in names:
        out |= words.get(name, frozenset())
    return out


@attrs.frozen(eq=False)
class Language:
    """Everything language-specific, loaded from ``lexicons/<code>/`` (see docs/lexicon.md).

    Build with :func:`get_language`; the fields are read-only tables. Equality is identity:
    two pipelines with the same extras still hold two objects, and caches key on the object.
    """

    code: str
    cues: CueLexicon
    pronoun_rows: Mapping[str, tuple[PronounRow, ...]]
    titles: frozenset[str]
    honorifics: Mapping[str, str]  #: honorific (no dot) → gender
    nominals: frozenset[str]
    name_particles: frozenset[str]
    words: Mapping[str, frozenset[str]]  #: function-word class → words (function_words.tsv)
    word_forms: Mapping[str, tuple[str, ...]]  #: word-form rule → endings (word_forms.tsv)
    irregular_past: frozenset[str]
    quote_marks: QuoteMarks
    abbreviations: Mapping[str, str]  #: abbreviation with its final dot → kind
    sentence_starters: frozenset[str]
    features: frozenset[str] = frozenset()  #: word-order rules the language switches on (features.txt)
    given_names: Mapping[str, str] = attrs.field(factory=dict)  #: given name → gender (given_names.tsv)
    name_stoppers: frozenset[str] = frozenset()  #: words that open sentences, never names (name_stoppers.txt)
    place_words: frozenset[str] = frozenset()  #: last words of place names, "Main Street" (place_words.txt)
    # derived once, read constantly by the rules
    det: frozenset[str] = attrs.field(init=False)
    prep: frozenset[str] = attrs.field(init=False)
    adv: frozenset[str] = attrs.field(init=False)
    aux: frozenset[str] = attrs.field(init=False)
    conj: frozenset[str] = attrs.field(init=False)
    subord: frozenset[str] = attrs.field(init=False)
    relpro: frozenset[str] = attrs.field(init=False)
    time: frozenset[str] = attrs.field(init=False)
    stop: frozenset[str] = attrs.field(init=False)
    complementisers: frozenset[str] = attrs.field(init=False)
    question_words: frozenset[str] = attrs.field(init=False)
    ask_openers: frozenset[str] = attrs.field(init=False)  #: question words and the infinitive marker
    pronouns: Mapping[str, tuple[int, str, str]] = attrs.field(init=False)
    subject_pronouns: frozenset[str] = attrs.field(init=False)
    object_pronouns: frozenset[str] = attrs.field(init=False)
    personal_subjects: frozenset[str] = attrs.field(init=False)  #: subject pronouns for people, not "you"
    singular_persons: frozenset[str] = attrs.field(init=False)  #: "he", "she", "I"
    gendered_subjects: frozenset[str] = attrs.field(init=False)  #: "he", "she"
    finite_hints: frozenset[str] = attrs.field(init=False)
    function_words: frozenset[str] = attrs.field(init=False)
    splitter_verbs: frozenset[str] = attrs.field(init=False)
    not_name_openers: frozenset[str] = attrs.field(init=False)  #: a name run never starts with one of these

    def __attrs_post_init__(self) -> None:
        w = self.words
        derived: dict[str, object] = {
            name: w.get(name, frozenset())
            for name in ("det", "prep", "adv", "aux", "conj", "subord", "relpro", "time", "stop")
        }
        derived["complementisers"] = w.get("comp", frozenset())
        derived["question_words"] = w.get("question", frozenset())
        derived["ask_openers"] = w.get("question", frozenset()) | w.get("infinitive", frozenset())
        rows = self.pronoun_rows
        derived["pronouns"] = {f: (r[0].person, r[0].number, r[0].gender) for f, r in rows.items()}
        nom = frozenset(f for f, rs in rows.items() if any("nom" in r.cases for r in rs))
        derived["subject_pronouns"] = nom
        derived["object_pronouns"] = frozenset(
            f for f, rs in rows.items() if any("acc" in r.cases for r in rs)
        )
        people = frozenset(f for f in nom if any(r.gender != "n" and r.person != 2 for r in rows[f]))
        derived["personal_subjects"] = people
        derived["singular_persons"] = frozenset(
            f for f in people if any(r.number == "sg" and r.gender != "n" and r.person != 2 for r in rows[f])
        )
        derived["gendered_subjects"] = frozenset(
            f for f in nom if any(r.person == 3 and r.number == "sg" and r.gender in "mf" for r in rows[f])
        )
        derived["finite_hints"] = derived["aux"] | self.irregular_past | w.get("finite", frozenset())  # type: ignore[operator]
        derived["function_words"] = _classes(w, "det", "prep", "conj", "subord", "adv", "time")
        derived["not_name_openers"] = (
            self.name_stoppers | _classes(w, "prep", "conj", "subord", "adv", "time", "question") | nom
        )
        derived["splitter_verbs"] = frozenset(
            form
            for form, entry in self.cues.by_form.items()
            if entry.type == "verb" and " " not in form and form.isalpha()
        )
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def cls(self, name: str) -> frozenset[str]:
        """The words of function-word class ``name`` (empty if this language has none)."""
        return self.words.get(name, frozenset())

    def endings(self, rule: str) -> tuple[str, ...]:
        """The endings of word-form rule ``rule`` (empty if this language has none)."""
        return self.word_forms.get(rule, ())

    def extended(self, *, cues: CueSource = None, abbreviations: Iterable[str] | None = None) -> Language:
        """This language plus a user's cues and abbreviations (a new object; this one is unchanged)."""
        if cues is None and abbreviations is None:
            return self
        changes: dict[str, object] = {}
        if cues is not None:
            changes["cues"] = lx.extend_cues(self.cues, cues)
        if abbreviations is not None:
            table = dict(self.abbreviations)
            for entry in check_abbreviations(abbreviations):
                key = normalise_abbreviation(entry)
                if key != ".":
                    table.setdefault(key, "general")
            changes["abbreviations"] = table
        return _rebuild(self, changes)

    def with_lexicon(self, cues: CueLexicon) -> Language:
        """This language with ``cues`` as its whole cue lexicon (the splitter's verbs follow)."""
        return _rebuild(self, {"cues": cues})

    def __repr__(self) -> str:
        return f"Language({self.code!r})"


def _rebuild(lang: Language, changes: Mapping[str, object]) -> Language:
    fields = {a.name: getattr(lang, a.name) for a in attrs.fields(Language) if a.init}
    fields.update(changes)
    return Language(**fields)


def normalise_abbreviation(entry: str) -> str:
    """``"Gen"`` and ``"Gen."`` are one abbreviation, kept with its final dot."""
    entry = entry.strip()
    return entry if entry.endswith(".") else entry + "."


def check_abbreviations(extra: Iterable[str]) -> tuple[str, ...]:
    """The user's abbreviations as a tuple of strings, or a ``TypeError`` that says what was wrong."""
    if isinstance(extra, (str, bytes)):
        raise TypeError(
            "abbreviations must be an iterable of strings such as ['Inc.', 'approx.'], not a string"
        )
    entries = tuple(extra)
    for entry in entries:
        if not isinstance(entry, str):
            raise TypeError(f"abbreviations must contain strings, got {type(entry).__name__}: {entry!r}")
    return entries


def supported_languages() -> tuple[str, ...]:
    """The codes of the folders under ``lexicons/`` that hold a complete language."""
    root = Path(str(lx.language_dir(lx.DEFAULT_LANGUAGE))).parent
    return tuple(
        sorted(
            p.name for p in root.iterdir() if p.is_dir() and all((p / f).is_file() for f in REQUIRED_FILES)
        )
    )


def _abbreviations(code: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for entry, kind in lx.abbreviation_rows(code):
        if kind not in ABBREVIATION_KINDS:
            raise ValueError(f"{code}/abbreviations.txt: unknown kind {kind!r} for {entry!r}")
        table[normalise_abbreviation(entry)] = kind
    return table


@functools.cache
def _shipped(code: str) -> Language:
    return Language(
        code=code,
        cues=lx.shipped_cues(code),
        pronoun_rows=lx.pronoun_rows(code),
        titles=lx.word_list("titles.txt", code),
        honorifics=lx.tagged_words("honorifics.tsv", code),
        nominals=lx.word_list("nominals.txt", code),
        name_particles=lx.word_list("name_particles.txt", code),
        words=lx.function_words(code),
        word_forms=lx.word_forms(code),
        irregular_past=lx.word_list("irregular_past.txt", code),
        quote_marks=QuoteMarks.build(lx.quote_mark_pairs(code)),
        abbreviations=_abbreviations(code),
        sentence_starters=lx.case_sensitive_list("sentence_starters.txt", code),
        features=lx.word_list("features.txt", code),
        given_names=lx.tagged_words("given_names.tsv", code),
        name_stoppers=lx.word_list("name_stoppers.txt", code),
        place_words=lx.word_list("place_words.txt", code),
    )


def get_language(
    lang: str | Language = lx.DEFAULT_LANGUAGE,
    *,
    cues: CueSource = None,
    abbreviations: Iterable[str] | None = None,
) -> Language:
    """The shipped language ``lang`` (a code such as ``"en"``), extended with the user's extras.

    Raises:
        ConfigError: no complete language ``lang`` is shipped; the message lists the supported ones.
    """
    if isinstance(lang, Language):
        return lang.extended(cues=cues, abbreviations=abbreviations)
    supported = supported_languages()
    if not isinstance(lang, str) or lang not in supported:
        raise ConfigError(f"unknown language {lang!r}; supported: {', '.join(supported)}")
    return _shipped(lang).extended(cues=cues, abbreviations=abbreviations)


def english() -> Language:
    """The default language, for callers that take ``lang=None``."""
    return _shipped(lx.DEFAULT_LANGUAGE)
