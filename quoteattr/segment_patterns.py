"""The sentence splitter's patterns and per-language tables (see :mod:`quoteattr.segment`).

Character classes, the one candidate pattern (built per language from its quote marks), and the
tables the scanner reads from a :class:`~quoteattr.language.Language`: abbreviations, sentence
starters and the attribution verbs derived from its cues.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs
import regex

if TYPE_CHECKING:
    from quoteattr.segment import _Scanner

from quoteattr.language import (
    ABBREVIATION_KINDS,
    Language,
    check_abbreviations,
    english,
    normalise_abbreviation,
)

# --- character classes -------------------------------------------------------------------------
# Whitespace is exactly what str.isspace() accepts, so trimming with str.strip() agrees with the scan
# (the regex module's \s leaves out U+001C..U+001F).
_WS: Final = r"[\s\x1c-\x1f]"
_NONSPACE: Final = r"[^\s\x1c-\x1f]"
# Line breaks are exactly what str.splitlines() breaks on.
_NL: Final = r"(?>\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])"  # atomic: CRLF is one break
_HS: Final = r"[\t \x1f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]"  # whitespace that is not a line break

_TERMINATORS: Final = ".?!…‽。！？"
_QUESTION_EXCLAMATION: Final = frozenset("?!‽！？")
_BRACKET_CLOSERS: Final = ")]}"  # quote marks come from the language (lexicons/<code>/quote_marks.tsv)
_BRACKET_OPENERS: Final = "([{"
_BULLETS: Final = "•‣⁃◦▪●■►"

_E = regex.escape  # (pattern, special_only=False) escapes every punctuation mark
_T = _E(_TERMINATORS, special_only=False)
_WINDOW: Final = 48  # longest token looked at on either side of a candidate
_MAX_GAP: Final = 64  # a gap of more whitespace than this counts as "nothing follows"
# The token before a candidate, captured by looking behind; the token after it (skipping opening
# quotes and brackets), captured by looking ahead. Both are bounded, so each costs O(1).
_PREV: Final = rf"(?<=(?P<ptok>{_NONSPACE}{{0,{_WINDOW}}}+))"


def _candidate_pattern(openers: str, closers: str, spaced_closers: str) -> regex.Pattern[str]:
    """One alternative per kind of candidate; the empty group at the end of each names the kind.

    ``openers``/``closers`` are the language's quote marks plus brackets; ``spaced_closers`` may follow a
    terminator after one space (French: "fini. »").
    """
    nxt = (
        rf"(?=(?:{_WS}{{0,{_MAX_GAP}}}+)(?:[{_E(openers, special_only=False)}][ \xa0\u202f]?){{0,8}}+"
        rf"(?P<ntok>(?P<nword>\p{{L}}{{0,{_WINDOW}}}+){_NONSPACE}{{0,{_WINDOW}}}+))"
    )
    spaced = rf"(?:[ \xa0\u202f][{_E(spaced_closers, special_only=False)}])?" if spaced_closers else ""
    return regex.compile(
        rf"""
        (?<![{_T}]|[{_T}][ ])               # only at the start of a run, so a long run is read once
        {_PREV}
        (?P<run>[{_T}](?:[ ]?[{_T}])*+)     # "." "?!" "..." "…" ". . . ." (one space between dots)
        (?P<close>[{_E(closers, special_only=False)}]*+{spaced})
        (?={_WS}|\Z)                        # a boundary needs space after it: not example.com, 3.5
        {nxt} (?P<term>)
    | (?:{_NL}(?:{_HS}*+{_NL})++ | \u2029) (?P<para>)
    | {_NL} {nxt} (?P<nl>)
    | {_PREV} \)(?={_WS}) {nxt} (?P<paren>)
    | [{_E(_BULLETS, special_only=False)}] (?P<bullet>)
    """,
        regex.VERBOSE,
    )


_CANDIDATE: Final = _candidate_pattern(
    english().quote_marks.opening_chars + _BRACKET_OPENERS,
    english().quote_marks.closing_chars + _BRACKET_CLOSERS,
    "".join(sorted(english().quote_marks.mainly_closing)),
)  # the English pattern; other languages build theirs in _tables()
_GROUPS: Final = tuple(
    _CANDIDATE.groupindex[g]
    for g in ("term", "para", "nl", "paren", "bullet", "ptok", "run", "close", "ntok", "nword")
)  # group numbers: fetching by number is much faster than by name
_LINE_BREAK: Final = regex.compile(_NL)
_PARAGRAPH_BREAK: Final = regex.compile(rf"{_NL}(?:{_HS}*+{_NL})++|\u2029")
_CONTENT: Final = regex.compile(rf"[^\s\x1c-\x1f{regex.escape(_BULLETS, special_only=False)}]")
_MARKER_TOKEN: Final = regex.compile(r"[0-9]{1,3}|[a-z]")
_DOTTED_ACRONYM: Final = regex.compile(r"(?:\p{L}\.)+\p{L}")
_LIST_START: Final = regex.compile(
    rf"{_HS}{{0,16}}+(?:[{regex.escape(_BULLETS, special_only=False)}]"
    rf"|[-*–—](?={_HS})|\(?(?:[0-9]{{1,3}}|[a-z])(?:\.\)?|\))(?={_HS}))"
)
_MAX_HEADING_CHARS: Final = 160
_MAX_HEADING_WORDS: Final = 12
_SMALL_WORD_LETTERS: Final = 3  # words this short may stay lower case in a Title Case heading


# --- lexicons ----------------------------------------------------------------------------------
#: Shipped English abbreviations (with their final dot) → kind (``general``, ``prefix`` or ``number``).
ABBREVIATIONS: Final[Mapping[str, str]] = MappingProxyType(dict(english().abbreviations))
#: Capitalised words after which a full stop following an abbreviation or initial ends the sentence.
SENTENCE_STARTERS: Final = english().sentence_starters
#: Verbs that keep ``"Why now?" Smith asked.`` in one sentence: every one-word form of a verb cue.
ATTRIBUTION_VERBS: Final = english().splitter_verbs
_ATTRIBUTION_SPAN: Final = 4 * 32 + 16


@attrs.frozen(eq=False)
class _Tables:
    """What the scanner reads from a language: built once per language (and set of extras)."""

    abbr_any: dict[str, str]  #: lower-case entries, matched in any case
    abbr_exact: dict[str, str]  #: entries with a capital, matched as written
    starters: frozenset[str]
    attribution: regex.Pattern[str]
    candidate: regex.Pattern[str]
    quote_closers: frozenset[str]
    openers_bullets: str
    closers: str


def _split_by_case(table: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Lower-case entries match any case; entries with a capital match only as written."""
    any_case = {k: v for k, v in table.items() if k == k.lower()}
    exact = {k: v for k, v in table.items() if k != k.lower()}
    return any_case, exact


@functools.lru_cache(maxsize=64)
def _tables(lang: Language, extra: tuple[str, ...] = ()) -> _Tables:
    """Cached, so a pipeline passing the same extras for every document builds the tables once.

    The returned dicts are only ever read.
    """
    any_case, exact = _split_by_case(lang.abbreviations)
    for entry in extra:
        key = normalise_abbreviation(entry)
        if key != ".":
            (any_case if key == key.lower() else exact).setdefault(key, "general")
    verbs = "|".join(sorted(map(regex.escape, lang.splitter_verbs), key=len, reverse=True)) or "(?!)"
    attribution = regex.compile(rf"(?:\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]{{0,30}}+{_HS}++){{1,3}}+(?:{verbs})\b")
    marks = lang.quote_marks
    openers, closers = marks.opening_chars + _BRACKET_OPENERS, marks.closing_chars + _BRACKET_CLOSERS
    spaced = "".join(sorted(marks.mainly_closing))
    candidate = _CANDIDATE if lang is english() else _candidate_pattern(openers, closers, spaced)
    return _Tables(
        any_case,
        exact,
        lang.sentence_starters,
        attribution,
        candidate,
        frozenset(marks.closing_chars),
        openers + _BULLETS,
        closers,
    )


def _tables_for(lang: Language | None, extra: Iterable[str] | None) -> _Tables:
    entries = () if extra is None else check_abbreviations(extra)
    return _tables(lang if lang is not None else english(), entries)


# --- candidate features ------------------------------------------------------------------------
# A candidate is described once by a bit set of features; a rule names the features it needs
# (``when``) and those that rule it out (``unless``). The scanner calls only the rules whose
# features match (memoised per feature set), so a rule's own code holds just the stateful or costly
# part of its check, and an ordinary "word. The" costs one call.
FEATURES: Final[tuple[str, ...]] = (
    "period",  # the terminator run is a single "."
    "question",  # the run holds "?" or "!"
    "ellipsis",  # any other run: "..." "…" ". . ." "...."
    "after_bracket",  # the run follows "[" or "(": "[...]"
    "after_space",  # the run follows whitespace: "is . . . I"
    "closed",  # quote marks or brackets follow the run
    "close_quote",  # ... and one of them is a quote mark
    "next_none",  # nothing follows: end of text, or a gap of more than _MAX_GAP spaces
    "next_lower",  # the next word starts in lower case
    "next_upper",  # ... with a capital (or an uncased letter)
    "next_digit",  # ... with a digit
    "next_symbol",  # ... with anything else ("$5", "-")
    "next_numeric",  # next_digit or next_symbol
    "next_capital",  # next_upper or next_digit
    "next_starter",  # the next word is in SENTENCE_STARTERS
    "next_initial",  # the next token is a capital and a dot: "A."
    "marker",  # the token before is a list marker: 1 to 3 digits or one lower-case letter
    "abbr_prefix",  # the token before, with the dot and no closers, is a "prefix" abbreviation
    "abbr_number",  # ... a "number" abbreviation
    "abbr_general",  # ... a general abbreviation or a dotted acronym
    "initial",  # the token before, with the dot and no closers, is one capital letter
    "line_is_item",  # (line breaks) the line before starts with a bullet or list marker
    "next_is_item",  # (line breaks) the next line starts with a bullet or list marker
)
_BIT: Final[dict[str, int]] = {name: 1 << i for i, name in enumerate(FEATURES)}
_PERIOD, _QUESTION, _ELLIPSIS = _BIT["period"], _BIT["question"], _BIT["ellipsis"]
_AFTER_BRACKET, _AFTER_SPACE = _BIT["after_bracket"], _BIT["after_space"]
_CLOSED, _CLOSE_QUOTE = _BIT["closed"], _BIT["close_quote"]
_NEXT_NONE, _NEXT_LOWER, _NEXT_UPPER = _BIT["next_none"], _BIT["next_lower"], _BIT["next_upper"]
_NEXT_DIGIT, _NEXT_SYMBOL = _BIT["next_digit"], _BIT["next_symbol"]
_NEXT_NUMERIC, _NEXT_CAPITAL = _BIT["next_numeric"], _BIT["next_capital"]
_NEXT_STARTER, _NEXT_INITIAL = _BIT["next_starter"], _BIT["next_initial"]
_MARKER, _INITIAL = _BIT["marker"], _BIT["initial"]
_ABBR_BITS: Final[dict[str, int]] = {k: _BIT["abbr_" + k] for k in ABBREVIATION_KINDS}
_ABBR_GENERAL = _ABBR_BITS["general"]
_LINE_IS_ITEM, _NEXT_IS_ITEM = _BIT["line_is_item"], _BIT["next_is_item"]


# --- describing a candidate -------------------------------------------------------------------------
def _next_features(tok: str, word: str, starters: frozenset[str]) -> int:
    """Features of the token after a candidate (``word`` is its leading letters)."""
    if not tok:
        return _NEXT_NONE
    c = tok[0]
    if c.islower():
        return _NEXT_LOWER
    if c.isalpha():
        f = _NEXT_UPPER | _NEXT_CAPITAL
        if word in starters:
            f |= _NEXT_STARTER
        if len(tok) == 2 and tok[1] == ".":
            f |= _NEXT_INITIAL
        return f
    if c.isdigit():
        return _NEXT_DIGIT | _NEXT_NUMERIC | _NEXT_CAPITAL
    return _NEXT_SYMBOL | _NEXT_NUMERIC


def _term_features(s: _Scanner, groups: tuple[str, ...], tables: _Tables) -> int:
    """Features of a terminator run: what it is, what closes it, the tokens around it."""
    prev, run, close, ntok, nword = groups[5:]
    start, text = s.start, s.text
    s.run = run
    features = _next_features(ntok, nword, tables.starters)
    if close:
        features |= _CLOSED
        if not tables.quote_closers.isdisjoint(close):
            features |= _CLOSE_QUOTE
    if run == ".":
        features |= _PERIOD
        s.read_prev(start, prev)
        features |= s.token_features(bool(close))
    elif _QUESTION_EXCLAMATION.isdisjoint(run):
        features |= _ELLIPSIS
    else:
        features |= _QUESTION
    prev_char = text[start - 1] if start else ""
    if prev_char in ("[", "("):
        features |= _AFTER_BRACKET
    elif prev_char.isspace():
        features |= _AFTER_SPACE
    return features


def _line_features(s: _Scanner, groups: tuple[str, ...], tables: _Tables) -> int:
    """Features of a single line break: the next word, and whether either line is a list item."""
    features = _next_features(groups[8], groups[9], tables.starters)
    if _LIST_START.match(s.text, s.end, min(s.n, s.end + 24)):
        features |= _NEXT_IS_ITEM
    if _LIST_START.match(s.text, s.line_start, s.start):
        features |= _LINE_IS_ITEM
    return features


def _paren_features(s: _Scanner, groups: tuple[str, ...], tables: _Tables) -> int:
    """Features of a ``)`` that may close a list marker (``a)``)."""
    s.read_prev(s.start, groups[5])
    features = _next_features(groups[8], groups[9], tables.starters)
    return features | _MARKER if _MARKER_TOKEN.fullmatch(s.tok) else features


#: How each kind of candidate is described; a kind not listed has no features.
_FEATURES_OF: Final[dict[str, Callable[[_Scanner, tuple[str, ...], _Tables], int]]] = {
    "term": _term_features,
    "nl": _line_features,
    "paren": _paren_features,
}
