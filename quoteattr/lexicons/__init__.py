"""Lexicons: the word lists behind the rules, kept as data files in one folder per language.

``lexicons/<code>/`` holds every word list of language ``<code>`` (``en``: English); a
:class:`~quoteattr.language.Language` gathers them into one object the stages read.

Each loader reads a shipped file once (cached) and merges user extras, so a user
extends the rules without editing code::

    from quoteattr import Pipeline
    Pipeline(cues=[("grumble", "verb", "clause", "grumble|grumbles|grumbled|grumbling")])
    Pipeline(cues="my_cues.tsv")   # same tab-separated columns
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Union

import attrs

from ..errors import ConfigError

CUE_TYPES = frozenset({"verb", "noun", "prep", "postp"})
CUE_FRAMES = frozenset(
    {
        "clause",
        "commit",
        "tell",
        "ask",
        "of",
        "obj",
        "prop",
        "verdict",
        "name",
        "according",
        "venue",
        "content",
        "topic",
        "quote",
        "impersonal",
    }
)
#: The cue frame of a verb that reports only with a dummy subject beside it ("es hieß, …", "heißt es in dem
#: Brief: …"); it reads like ``clause`` and names no speaker ("das heißt", "er heißt Peter" report nothing).
IMPERSONAL = "impersonal"

#: The language read when none is named.
DEFAULT_LANGUAGE = "en"

CueRow = tuple[str, ...]  #: (lemma, type, frame, forms) or (lemma, type, frame, forms, particle or preps)
CueSource = Union[str, Path, Iterable[CueRow], None]  # noqa: UP007 (a runtime alias on Python 3.10)


@attrs.frozen
class CueEntry:
    """One reporting cue: its lemma, type, syntactic frame and every inflected form.

    ``particle`` is the separable particle of a verb that splits around the clause
    (German ``hinzufügen``: ``fügte … hinzu``); empty for English. ``preps`` are the words that open
    a speech noun's content ("claim": ``that``, ``of``, ``about``; "attack": ``on``, ``against``), read
    from the same fifth column of a noun row; empty: the language's ``noun_complement`` words.
    """

    lemma: str
    type: str = attrs.field(validator=attrs.validators.in_(CUE_TYPES))
    frame: str = attrs.field(validator=attrs.validators.in_(CUE_FRAMES))
    forms: tuple[str, ...] = ()
    particle: str = ""
    preps: tuple[str, ...] = ()


@attrs.frozen
class CueLexicon:
    """Cue entries indexed by lower-cased surface form (multi-word forms keep their spaces)."""

    entries: tuple[CueEntry, ...]
    by_form: Mapping[str, CueEntry] = attrs.field(eq=False, repr=False)

    @classmethod
    def build(cls, entries: Iterable[CueEntry]) -> CueLexicon:
        entries = tuple(entries)
        by_form: dict[str, CueEntry] = {}
        for entry in entries:  # later entries (user extras) override shipped ones ...
            for form in entry.forms:
                known = by_form.get(form.lower())
                if known is not None and known.type == "verb" and entry.type == "noun":
                    continue  # ... except that a noun never hides a verb form ("notes", "tweets")
                by_form[form.lower()] = entry
        return cls(entries, by_form)

    def lookup(self, form: str) -> CueEntry | None:
        return self.by_form.get(form.lower())

    @functools.cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every verb or preposition form: a token that is none of these starts no cue.

        Speech nouns ("statement") never start a cue on their own, so they are left out.
        """
        return frozenset(form.split(" ", 1)[0] for form, cue in self.by_form.items() if cue.type != "noun")

    @functools.cached_property
    def first_words_any_case(self) -> frozenset[str]:
        """:attr:`first_words` and the speech nouns ("the claim that …" is read too) in lower, capitalised
        and upper case, to scan raw text quickly for units that may attribute."""
        words = self.first_words | {form.split(" ", 1)[0] for form in self.nouns}
        return frozenset(v for w in words for v in (w, w.capitalize(), w.upper()))

    @functools.cached_property
    def nouns(self) -> Mapping[str, CueEntry]:
        """Every speech-noun form (lower case) → its entry, whose frame is ``venue`` ("in a statement") or
        ``content`` ("the claim": a noun that stands for what was said)."""
        return {f.lower(): e for e in self.entries if e.type == "noun" for f in e.forms}

    @functools.cached_property
    def noun_preps(self) -> frozenset[str]:
        """Every word some speech noun's row names as opening its content ("on", "for", "that")."""
        return frozenset(p for e in self.entries if e.type == "noun" for p in e.preps)

    def noun_frame(self, form: str) -> str | None:
        """The frame of speech noun ``form`` (any case), or None if it is none."""
        entry = self.nouns.get(form.lower())
        return entry.frame if entry is not None else None

    @property
    def multiword_forms(self) -> tuple[str, ...]:
        """Forms of more than one word, longest first (for greedy matching)."""
        return tuple(sorted((f for f in self.by_form if " " in f), key=len, reverse=True))


def language_dir(lang: str = DEFAULT_LANGUAGE) -> Path:
    """The folder holding language ``lang``'s lexicons."""
    return Path(str(resources.files(__name__))) / lang


@functools.cache
def has_file(name: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Does language ``lang`` have the lexicon file ``name``? Stages that only some languages run ask
    for every document, and each answer is a file lookup (about 0.3 ms, some 5% of the time on a corpus
    of short documents), so it is looked up once per process, as the word lists are read once."""
    return (language_dir(lang) / name).is_file()


def data_lines(name: str, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The non-blank, non-comment lines of ``lexicons/<lang>/<name>``."""
    text = (language_dir(lang) / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _parse_cue_rows(lines: Iterable[str], origin: str) -> list[CueEntry]:
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) not in (4, 5):
            raise ConfigError(
                f"{origin}:{n}: expected 4 tab-separated columns (lemma, type, frame, forms)"
                f" or 5 (and a particle, or a noun's prepositions), got {len(cols)}: {line!r}"
            )
        try:
            out.append(_entry(*cols))
        except ConfigError as exc:
            raise ConfigError(f"{origin}:{n}: {exc}: {line!r}") from None
    return out


def _entry(lemma: str, type_: str, frame: str, forms: str, particle: str = "") -> CueEntry:
    """One entry from four or five cells; a :class:`~quoteattr.errors.ConfigError` names the bad cell.
    The fifth cell of a noun row lists the words that open its content (``that|of|about``)."""
    cells = (("lemma", lemma), ("type", type_), ("frame", frame), ("forms", forms), ("particle", particle))
    for name, cell in cells:
        if not isinstance(cell, str):
            raise ConfigError(f"'{name}' must be a str, got {type(cell).__name__}")
    if not lemma.strip():
        raise ConfigError("'lemma' is empty")
    if type_.strip() not in CUE_TYPES:
        raise ConfigError(f"'type' must be one of {sorted(CUE_TYPES)}, got {type_.strip()!r}")
    if frame.strip() not in CUE_FRAMES:
        raise ConfigError(f"'frame' must be one of {sorted(CUE_FRAMES)}, got {frame.strip()!r}")
    words = tuple(dict.fromkeys(f.strip().lower() for f in forms.split("|") if f.strip()))
    if type_.strip() == "noun":
        preps = tuple(dict.fromkeys(p.strip().lower() for p in particle.split("|") if p.strip()))
        lemma = lemma.strip().lower()
        return CueEntry(lemma, "noun", frame.strip(), words or (lemma,), "", preps)
    particle = particle.strip().lower()
    return CueEntry(
        lemma.strip().lower(),
        type_.strip(),
        frame.strip(),
        joined_forms(words, particle) or (lemma.strip().lower(),),
        particle,
    )


def joined_forms(forms: tuple[str, ...], particle: str) -> tuple[str, ...]:
    """The forms of a separable verb with each separated finite form also joined to its particle: the
    verb-final clause joins them ("warf … vor" → "dass sie ihm vorwarf"), so a row lists each form once."""
    if not particle:
        return forms
    return tuple(dict.fromkeys(forms + tuple(particle + f for f in forms if not f.startswith(particle))))


def shipped_cues(lang: str = DEFAULT_LANGUAGE) -> CueLexicon:
    """The cue lexicon shipped for language ``lang`` (one object per language)."""
    return _shipped_cues(lang)


@functools.cache
def _shipped_cues(lang: str) -> CueLexicon:
    return CueLexicon.build(_parse_cue_rows(data_lines("cues.tsv", lang), f"{lang}/cues.tsv"))


def load_cues(extra: CueSource = None, lang: str = DEFAULT_LANGUAGE) -> CueLexicon:
    """The shipped cue lexicon, plus ``extra`` (a TSV path or ``(lemma, type, frame, forms[, particle])``).

    Raises:
        ConfigError: a row has the wrong number of columns, an empty lemma, or an unknown type or
            frame (the message names the row, or the file and line), or the file is not UTF-8.
    """
    base = shipped_cues(lang)
    if extra is None:
        return base
    return extend_cues(base, extra)


def extend_cues(base: CueLexicon, extra: CueSource) -> CueLexicon:
    """``base`` plus the user's rows (a TSV path or tuples); a later row overrides an earlier form."""
    if extra is None:
        return base
    if isinstance(extra, (str, Path)):
        path = Path(extra)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:  # a missing file stays a FileNotFoundError
            raise ConfigError(f"cues file {str(path)!r} is not UTF-8 text: {exc}") from exc
        added = _parse_cue_rows(lines, str(path))
    else:
        added = []
        for n, row in enumerate(extra, 1):
            if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) not in (4, 5):
                raise ConfigError(
                    f"cue row {n}: expected (lemma, type, frame, forms[, particle]), got {row!r}"
                )
            try:
                added.append(_entry(*row))
            except ConfigError as exc:
                raise ConfigError(f"cue row {n} {tuple(row)!r}: {exc}") from None
    return CueLexicon.build(base.entries + tuple(added))


@functools.cache
def word_list(name: str, lang: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """A shipped one-entry-per-line list (``titles.txt``, ``nominals.txt``), lower-cased; empty if absent."""
    if not has_file(name, lang):
        return frozenset()
    return frozenset(line.strip().lower() for line in data_lines(name, lang))


@attrs.frozen
class PronounRow:
    """One reading of a pronoun form: person, number, gender (m, f, n, x) and the cases it takes."""

    person: int
    number: str
    gender: str
    cases: frozenset[str]


@functools.cache
def pronoun_rows(lang: str = DEFAULT_LANGUAGE) -> Mapping[str, tuple[PronounRow, ...]]:
    """Pronoun form → every reading of it (a form may have several rows: German "sie")."""
    table: dict[str, list[PronounRow]] = {}
    for line in data_lines("pronouns.tsv", lang):
        cols = line.split("\t")
        form, person, number, gender = cols[:4]
        cases = frozenset(cols[4].split("|")) if len(cols) > 4 else frozenset({"nom", "acc"})
        table.setdefault(form.lower(), []).append(PronounRow(int(person), number, gender, cases))
    return {form: tuple(rows) for form, rows in table.items()}


@functools.cache
def pronouns(lang: str = DEFAULT_LANGUAGE) -> Mapping[str, tuple[int, str, str]]:
    """Pronoun form → (person, number, gender) of its first row."""
    return {form: (r[0].person, r[0].number, r[0].gender) for form, r in pronoun_rows(lang).items()}


@functools.cache
def quote_mark_pairs(
    lang: str = DEFAULT_LANGUAGE, name: str = "quote_marks.tsv"
) -> tuple[tuple[str, str, str], ...]:
    """(open, close, name) for every quotation style we pair (or, with ``name``, another file of pairs)."""
    rows = []
    for line in data_lines(name, lang):
        opening, closing, name = line.split("\t")
        rows.append((_unescape(opening), _unescape(closing), name))
    return tuple(rows)


def _unescape(mark: str) -> str:
    return mark.encode("ascii").decode("unicode_escape") if mark.startswith("\\u") else mark


@functools.cache
def function_words(lang: str = DEFAULT_LANGUAGE) -> Mapping[str, frozenset[str]]:
    """Word class (``det``, ``prep``, ``aux``, ...) → the words of that class, from ``function_words.tsv``."""
    classes: dict[str, set[str]] = {}
    for line in data_lines("function_words.tsv", lang):
        word, cls = line.split("\t")
        classes.setdefault(cls.strip(), set()).add(word.strip().lower())
    return {cls: frozenset(words) for cls, words in classes.items()}


@functools.cache
def tagged_words(name: str, lang: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """A two-column ``word<TAB>tag`` file (``honorifics.tsv``) as word → tag; empty if absent."""
    if not has_file(name, lang):
        return {}
    return {
        line.split("\t")[0].strip().lower(): line.split("\t")[1].strip() for line in data_lines(name, lang)
    }


@functools.cache
def content_ends(lang: str = DEFAULT_LANGUAGE) -> Mapping[tuple[str, ...], str]:
    """What ends reported content (``content_ends.tsv``): words (a tuple, lower case) → where they
    stand (``comma``: after a comma; ``alone``); empty if the language has none."""
    return {tuple(words.split()): where for words, where in tagged_words("content_ends.tsv", lang).items()}


@functools.cache
def word_forms(lang: str = DEFAULT_LANGUAGE) -> Mapping[str, tuple[str, ...]]:
    """Word-form rule name → its endings, from ``word_forms.tsv`` (empty if the language has none)."""
    if not has_file("word_forms.tsv", lang):
        return {}
    return {
        line.split("\t")[0].strip(): tuple(e for e in line.split("\t")[1].strip().split("|") if e)
        for line in data_lines("word_forms.tsv", lang)
    }


@functools.cache
def abbreviation_rows(lang: str = DEFAULT_LANGUAGE) -> tuple[tuple[str, str], ...]:
    """``(abbreviation, kind)`` rows of ``abbreviations.txt`` (kind ``general`` when not given)."""
    if not has_file("abbreviations.txt", lang):
        return ()
    rows = []
    for line in data_lines("abbreviations.txt", lang):
        fields = line.split()
        rows.append((fields[0], fields[1] if len(fields) > 1 else "general"))
    return tuple(rows)


@functools.cache
def case_sensitive_list(name: str, lang: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """A one-word-per-line list kept as written (``sentence_starters.txt`` is matched case-sensitively)."""
    if not has_file(name, lang):
        return frozenset()
    return frozenset(line.split()[0] for line in data_lines(name, lang))
