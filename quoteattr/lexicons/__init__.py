"""Lexicons: the word lists behind the rules, kept as data files next to this module.

Each loader reads a shipped file once (cached) and merges user extras, so a user
extends the rules without editing code::

    from quoteattr import Pipeline
    Pipeline(cues=[("grumble", "verb", "clause", "grumble|grumbles|grumbled|grumbling")])
    Pipeline(cues="my_cues.tsv")   # same four tab-separated columns
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Union

import attrs

from ..errors import ConfigError

CUE_TYPES = frozenset({"verb", "noun", "prep"})
CUE_FRAMES = frozenset({"clause", "tell", "ask", "of", "obj", "name", "according", "venue"})

CueRow = tuple[str, str, str, str]
CueSource = Union[str, Path, Iterable[CueRow], None]  # noqa: UP007 (a runtime alias on Python 3.10)


@attrs.frozen
class CueEntry:
    """One reporting cue: its lemma, type, syntactic frame and every inflected form."""

    lemma: str
    type: str = attrs.field(validator=attrs.validators.in_(CUE_TYPES))
    frame: str = attrs.field(validator=attrs.validators.in_(CUE_FRAMES))
    forms: tuple[str, ...] = ()


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
        """:attr:`first_words` in lower, capitalised and upper case, to scan raw text quickly."""
        return frozenset(v for w in self.first_words for v in (w, w.capitalize(), w.upper()))

    @property
    def multiword_forms(self) -> tuple[str, ...]:
        """Forms of more than one word, longest first (for greedy matching)."""
        return tuple(sorted((f for f in self.by_form if " " in f), key=len, reverse=True))


def _data_lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _parse_cue_rows(lines: Iterable[str], origin: str) -> list[CueEntry]:
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 4:
            raise ConfigError(
                f"{origin}:{n}: expected 4 tab-separated columns (lemma, type, frame, forms), "
                f"got {len(cols)}: {line!r}"
            )
        try:
            out.append(_entry(*cols))
        except ConfigError as exc:
            raise ConfigError(f"{origin}:{n}: {exc}: {line!r}") from None
    return out


def _entry(lemma: str, type_: str, frame: str, forms: str) -> CueEntry:
    """One entry from four cells; a :class:`~quoteattr.errors.ConfigError` names the cell that is wrong."""
    for name, cell in (("lemma", lemma), ("type", type_), ("frame", frame), ("forms", forms)):
        if not isinstance(cell, str):
            raise ConfigError(f"'{name}' must be a str, got {type(cell).__name__}")
    if not lemma.strip():
        raise ConfigError("'lemma' is empty")
    if type_.strip() not in CUE_TYPES:
        raise ConfigError(f"'type' must be one of {sorted(CUE_TYPES)}, got {type_.strip()!r}")
    if frame.strip() not in CUE_FRAMES:
        raise ConfigError(f"'frame' must be one of {sorted(CUE_FRAMES)}, got {frame.strip()!r}")
    words = tuple(dict.fromkeys(f.strip().lower() for f in forms.split("|") if f.strip()))
    return CueEntry(lemma.strip().lower(), type_.strip(), frame.strip(), words or (lemma.strip().lower(),))


@functools.lru_cache(maxsize=1)
def shipped_cues() -> CueLexicon:
    return CueLexicon.build(_parse_cue_rows(_data_lines("cues.tsv"), "cues.tsv"))


def load_cues(extra: CueSource = None) -> CueLexicon:
    """The shipped cue lexicon, plus ``extra`` (a TSV path or ``(lemma, type, frame, forms)`` rows).

    Raises:
        ConfigError: a row has the wrong number of columns, an empty lemma, or an unknown type or
            frame (the message names the row, or the file and line), or the file is not UTF-8.
    """
    base = shipped_cues()
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
            if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) != 4:
                raise ConfigError(f"cue row {n}: expected (lemma, type, frame, forms), got {row!r}")
            try:
                added.append(_entry(*row))
            except ConfigError as exc:
                raise ConfigError(f"cue row {n} {tuple(row)!r}: {exc}") from None
    return CueLexicon.build(base.entries + tuple(added))


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """A shipped one-word-per-line list (``titles.txt``, ``nominals.txt``, ...), lower-cased."""
    return frozenset(line.strip().lower() for line in _data_lines(name))


@functools.lru_cache(maxsize=1)
def pronouns() -> Mapping[str, tuple[int, str, str]]:
    """Pronoun form → (person, number, gender)."""
    table = {}
    for line in _data_lines("pronouns.tsv"):
        form, person, number, gender = line.split("\t")
        table[form] = (int(person), number, gender)
    return table


@functools.lru_cache(maxsize=1)
def quote_mark_pairs() -> tuple[tuple[str, str, str], ...]:
    """(open, close, name) for every quotation style we pair."""
    rows = []
    for line in _data_lines("quote_marks.tsv"):
        opening, closing, name = line.split("\t")
        rows.append((_unescape(opening), _unescape(closing), name))
    return tuple(rows)


def _unescape(mark: str) -> str:
    return mark.encode("ascii").decode("unicode_escape") if mark.startswith("\\u") else mark


@functools.lru_cache(maxsize=1)
def function_words() -> Mapping[str, frozenset[str]]:
    """Word class (``det``, ``prep``, ``aux``, ...) → the words of that class, from ``function_words.tsv``."""
    classes: dict[str, set[str]] = {}
    for line in _data_lines("function_words.tsv"):
        word, cls = line.split("\t")
        classes.setdefault(cls.strip(), set()).add(word.strip().lower())
    return {cls: frozenset(words) for cls, words in classes.items()}
