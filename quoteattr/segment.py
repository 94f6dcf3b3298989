"""Sentence segmentation: text → :class:`~quoteattr.model.Sentence` spans with exact offsets.

Why this shape: every later stage (quote marks, cues, speakers) works sentence by sentence and
reports offsets into the caller's text, so segmentation must never rewrite the text and must cost
time linear in its length. It works on boundary *offsets* in the untouched string:

1. One left-to-right scan with a compiled pattern (``_CANDIDATE``) finds every place a sentence
   could end: a run of terminators with the closing quotes or brackets after it (``term``), a blank
   line (``para``), a single line break (``nl``), the ``)`` of a list marker (``paren``) and a bullet
   (``bullet``).
2. Each candidate goes through :data:`RULES`, a table of named :class:`Rule` records, in order; the
   first rule with an opinion decides, and every kind of candidate ends with a default rule. A rule
   looks only at a bounded window: the token before the candidate and the token after it.
3. The text between two boundaries, trimmed of whitespace, is a sentence.

Line breaks: a blank line always ends a sentence and starts a new paragraph. A single line break is
taken as a soft wrap and does not end a sentence, unless the line is a list item, the next line
starts a list item, or the line is a heading (ALL CAPS or Title Case, at most 12 words, no final
punctuation) followed by a line that starts with a capital letter, a digit or a quote mark.

>>> [s.text for s in split_sentences('"Why now?" she asked. Mr. Smith lives in the U.S. He likes it.')]
['"Why now?" she asked.', 'Mr. Smith lives in the U.S.', 'He likes it.']
>>> text = "Title\\r\\n\\r\\nOne. Two."
>>> [(s.start, s.end, s.text, s.paragraph) for s in split_sentences(text)]
[(0, 5, 'Title', 0), (9, 13, 'One.', 1), (14, 18, 'Two.', 1)]

:func:`explain` lists every candidate with the rule that decided it, for debugging a bad split.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs
import regex

from quoteattr.language import Language, check_abbreviations, english, normalise_abbreviation
from quoteattr.model import Sentence, Span

__all__ = [
    "ABBREVIATIONS",
    "ATTRIBUTION_VERBS",
    "FEATURES",
    "KINDS",
    "RULES",
    "SENTENCE_STARTERS",
    "Decision",
    "Rule",
    "explain",
    "split_paragraphs",
    "split_sentences",
]

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
_ABBREVIATION_KINDS: Final = frozenset({"general", "prefix", "number"})
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
_ABBR_BITS: Final[dict[str, int]] = {k: _BIT["abbr_" + k] for k in _ABBREVIATION_KINDS}
_ABBR_GENERAL = _ABBR_BITS["general"]
_LINE_IS_ITEM, _NEXT_IS_ITEM = _BIT["line_is_item"], _BIT["next_is_item"]

# --- rules -------------------------------------------------------------------------------------
_NO: Final = -1  # a rule's verdict "no boundary here"; None means "no opinion"

Verdict = int | None
"""What a rule returns: ``None`` (no opinion), ``-1`` (no boundary) or the offset of the boundary."""

KINDS: Final = ("term", "para", "nl", "paren", "bullet")


def _feature_set(names: Iterable[str]) -> frozenset[str]:
    names = frozenset(names)
    unknown = names - _BIT.keys()
    if unknown:
        raise ValueError(f"unknown feature(s) {sorted(unknown)}; known: {', '.join(FEATURES)}")
    return names


@attrs.frozen
class Rule:
    """One named decision about a candidate boundary, with an example of text it decides.

    The rule is asked only about candidates of its ``kind`` that have every feature in ``when`` and
    none in ``unless`` (see :data:`FEATURES`); ``decide`` then returns a :data:`Verdict`.
    """

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    decide: Callable[[_Scanner], Verdict] = attrs.field(repr=False)
    example: str
    when: frozenset[str] = attrs.field(default=frozenset(), converter=_feature_set)
    unless: frozenset[str] = attrs.field(default=frozenset(), converter=_feature_set)


@attrs.frozen
class Decision:
    """What :func:`explain` reports for one candidate: where, what kind, which rule, and the result."""

    start: int
    end: int
    kind: str
    rule: str
    boundary: int | None


class _Scanner:
    """Scan state plus the current candidate's window. One instance per call; not shared."""

    __slots__ = (
        "abbr_any",
        "abbr_exact",
        "content_for",
        "content_pos",
        "end",
        "last_cut",
        "last_marker",
        "line_start",
        "match",
        "n",
        "out",
        "para_has_content",
        "paragraph",
        "run",
        "start",
        "tables",
        "text",
        "tok",
        "tok_start",
    )

    def __init__(self, text: str, tables: _Tables) -> None:
        self.text = text
        self.n = len(text)
        self.tables = tables
        self.abbr_any = tables.abbr_any
        self.abbr_exact = tables.abbr_exact
        self.out: list[Sentence] = []
        self.last_cut = 0
        self.paragraph = 0
        self.para_has_content = False
        self.line_start = 0
        self.last_marker: str | None = None
        self.content_for = -1
        self.content_pos = 0
        # the current candidate: its match, span, terminator run and the token before it
        self.match: regex.Match[str] | None = None
        self.start = self.end = self.tok_start = 0
        self.run = self.tok = ""

    def next_pos(self) -> int:
        """Where the token after the candidate starts."""
        return self.match.start("ntok") if self.match else self.end

    def read_prev(self, at: int, raw: str) -> None:
        """The token ``raw`` ending at ``at``, without opening punctuation, bullets or closing quotes."""
        tok = raw.lstrip(self.tables.openers_bullets)
        self.tok_start = at - len(tok)
        self.tok = tok.rstrip(self.tables.closers)

    def token_features(self, closed: bool) -> int:
        """Features of the token before a full stop: list marker, abbreviation, initial."""
        tok = self.tok
        if not tok:
            return 0
        features = _MARKER if _MARKER_TOKEN.fullmatch(tok) else 0
        if closed:
            return features
        if len(tok) == 1 and tok.isupper():
            return _INITIAL
        key = tok + "."
        kind = self.abbr_exact.get(key) or self.abbr_any.get(key.lower())
        if kind is not None:
            return features | _ABBR_BITS[kind]
        if _DOTTED_ACRONYM.fullmatch(tok):
            return features | _ABBR_GENERAL
        return features

    def content_start(self) -> int:
        """First offset of the current sentence that is not whitespace or a bullet (cached)."""
        if self.content_for != self.last_cut:
            m = _CONTENT.search(self.text, self.last_cut)
            self.content_pos = m.start() if m else self.n
            self.content_for = self.last_cut
        return self.content_pos

    def marker_follows(self) -> bool:
        """Is the token the next list marker after the last one (``2`` after ``1``, ``b`` after ``a``)?"""
        prev, tok = self.last_marker, self.tok
        if prev is None:
            return False
        if tok.isdigit() and prev.isdigit():
            return int(tok) == int(prev) + 1
        return not tok.isdigit() and not prev.isdigit() and ord(tok) == ord(prev) + 1

    def cut(self, at: int) -> None:
        """End the current sentence at ``at`` (ignored if not after the last boundary)."""
        a = self.last_cut
        if at <= a:
            return
        self.last_cut = at
        seg = self.text[a:at]
        body = seg.lstrip()
        if not body:
            return
        start = a + len(seg) - len(body)
        body = body.rstrip()
        self.out.append(_trusted_sentence(start, start + len(body), body, self.paragraph))
        self.para_has_content = True


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


_new = object.__new__
_set = object.__setattr__
# The fast path below fills exactly these fields; if the model grows, fall back to the constructor.
_FAST_SENTENCE: Final = tuple(f.name for f in attrs.fields(Sentence)) == ("start", "end", "text", "paragraph")


def _trusted_sentence(start: int, end: int, text: str, paragraph: int) -> Sentence:
    """Build a Sentence without running validators: the scanner guarantees the invariants.

    Validators cost more than the rest of the per-sentence work; the public constructor still checks.
    """
    if not _FAST_SENTENCE:
        return Sentence(start, end, text, paragraph)
    s: Sentence = _new(Sentence)
    _set(s, "start", start)
    _set(s, "end", end)
    _set(s, "text", text)
    _set(s, "paragraph", paragraph)
    return s


# Rule bodies: the feature masks in RULES say when each one is asked; the docstring says why.
def _no_boundary(s: _Scanner) -> Verdict:
    """The candidate is not a boundary."""
    return _NO


def _boundary_after(s: _Scanner) -> Verdict:
    """The boundary is right after the candidate (after any closing quotes or brackets)."""
    return s.end


def _boundary_before(s: _Scanner) -> Verdict:
    """The boundary is right before the candidate (a blank line, a bullet)."""
    return s.start


def _list_marker_at_start(s: _Scanner) -> Verdict:
    """``1.`` or ``a.`` opening a sentence is a list marker, not a sentence of its own."""
    if s.tok_start == s.content_start():
        s.last_marker = s.tok
        return _NO
    return None


def _list_marker_inline(s: _Scanner) -> Verdict:
    """``2.`` after item ``1.`` starts the next item: the boundary goes *before* the marker."""
    if s.marker_follows():
        s.last_marker = s.tok
        return s.tok_start
    return None


def _quote_attribution(s: _Scanner) -> Verdict:
    """A quoted question or exclamation followed by ``Name asked`` is one sentence with its attribution."""
    at = s.next_pos()
    if _LINE_BREAK.search(s.text, s.end, at):  # an attribution follows on the same line
        return None
    if s.tables.attribution.match(s.text, at, min(s.n, at + _ATTRIBUTION_SPAN)):
        return _NO
    return None


def _period_then_ellipsis(s: _Scanner) -> Verdict:
    """``word. . . . Next``: the attached full stop ends the sentence, the ellipsis opens the next."""
    run = s.run
    return s.start + 1 if run.startswith(". .") and run.count(".") >= 4 else None


def _detached_ellipsis(s: _Scanner) -> Verdict:
    """A three-dot ellipsis with a space before it marks a pause or omission inside the sentence."""
    run = s.run
    return _NO if run == "…" or (run.count(".") == 3 and len(run) in (3, 5)) else None


def _paren_marker_start(s: _Scanner) -> int:
    """Where a ``1)`` or ``(1)`` marker starts: before its opening bracket, if any."""
    at = s.tok_start
    return at - 1 if at and s.text[at - 1] == "(" else at


def _paren_list_marker_at_start(s: _Scanner) -> Verdict:
    """``1)`` or ``(a)`` opening a sentence is a list marker."""
    if _paren_marker_start(s) == s.content_start():
        s.last_marker = s.tok
        return _NO
    return None


def _paren_list_marker_inline(s: _Scanner) -> Verdict:
    """``2)`` after item ``1)`` starts the next item: the boundary goes before the marker."""
    if s.marker_follows():
        s.last_marker = s.tok
        return _paren_marker_start(s)
    return None


def _heading_line(s: _Scanner) -> Verdict:
    """A short ALL CAPS or Title Case line with no final punctuation is a heading of its own."""
    if s.start - s.line_start > _MAX_HEADING_CHARS:
        return None
    line = s.text[s.line_start : s.start].strip()
    if not line or line[-1] in _TERMINATORS or line[-1] in ",;:-–—&/":
        return None
    words = line.split()
    if len(words) > _MAX_HEADING_WORDS or not any(c.isalpha() for c in line):
        return None
    if line.isupper():
        return s.start
    for w in words:
        if w[0].islower() and sum(c.isalpha() for c in w) > _SMALL_WORD_LETTERS:
            return None
    return s.start if words[0][0].isupper() or words[0][0].isdigit() else None


def _rule(name: str, kind: str, features: str, decide: Callable[[_Scanner], Verdict], example: str) -> Rule:
    """Shorthand for the table below: ``features`` is ``"needed !excluded"``."""
    words = features.split()
    when = [w for w in words if not w.startswith("!")]
    unless = [w[1:] for w in words if w.startswith("!")]
    return Rule(name, kind, decide, example, when=frozenset(when), unless=frozenset(unless))


_ANY = ""  # a rule with no feature condition: the default for its kind
#: The decision table, in order: for each candidate, the first rule that applies and returns a
#: verdict decides. Each kind ends with a rule that always applies.
# fmt: off
RULES: Final[tuple[Rule, ...]] = (
    # blank lines
    _rule("blank_line", "para", _ANY, _boundary_before, "A headline\n\nThe story starts here."),
    # terminator runs (. ? ! … and their mixtures) with the closing quotes and brackets after them
    _rule("bracketed_ellipsis", "term", "ellipsis after_bracket", _no_boundary,
          "The plan [...] Was dropped."),
    _rule("nothing_follows", "term", "next_none", _boundary_after, "It is over."),
    _rule("list_marker_at_start", "term", "period marker", _list_marker_at_start, "1. The first item"),
    _rule("list_marker_inline", "term", "period marker !next_lower", _list_marker_inline,
          "1. The first item 2. The second item"),
    _rule("lowercase_next", "term", "next_lower", _no_boundary, '"Why now?" she asked.'),
    _rule("quote_attribution", "term", "question close_quote next_upper !next_starter", _quote_attribution,
          '"Why now?" Ms. Jones asked.'),
    _rule("period_then_ellipsis", "term", "ellipsis next_upper !after_space", _period_then_ellipsis,
          "It was done. . . . The rest was easy."),
    _rule("detached_ellipsis", "term", "ellipsis after_space", _detached_ellipsis,
          "He paused . . . I waited."),
    _rule("prefix_abbreviation", "term", "abbr_prefix", _no_boundary, "Dr. A. Smith arrived."),
    _rule("number_abbreviation", "term", "abbr_number next_digit", _no_boundary, "See No. 5 on p. 55 today."),
    _rule("abbreviation_then_number", "term", "abbr_general next_numeric", _no_boundary,
          "It opened Jan. 5 in the U.S. $5 store."),
    _rule("abbreviation_then_starter", "term", "abbr_general next_starter", _boundary_after,
          "He lives in the U.S. He likes it."),
    _rule("abbreviation", "term", "abbr_general", _no_boundary,
          "She joined the U.S. Army at Ft. Bragg."),
    _rule("initial_then_initial", "term", "initial next_initial", _no_boundary,
          "A book by J. R. R. Tolkien."),
    _rule("initial_then_starter", "term", "initial next_starter", _boundary_after,
          "You and I. Did you see him?"),
    _rule("initial", "term", "initial", _no_boundary, "George W. Bush spoke."),
    _rule("terminator", "term", _ANY, _boundary_after, "It rained. We stayed in."),
    # the ")" of a list marker
    _rule("paren_list_marker_at_start", "paren", "marker", _paren_list_marker_at_start, "1) The first item"),
    _rule("paren_list_marker_inline", "paren", "marker !next_lower", _paren_list_marker_inline,
          "a) One thing b) Another"),
    _rule("paren", "paren", _ANY, _no_boundary, "The plan (approved) Works."),
    # bullets
    _rule("bullet", "bullet", _ANY, _boundary_before, "Menu • Soup • Bread"),
    # single line breaks
    _rule("next_line_list_item", "nl", "next_is_item", _boundary_before, "You need:\n- eggs\n- milk"),
    _rule("list_item_line", "nl", "line_is_item !next_lower !next_none", _boundary_before,
          "- eggs\nMilk is optional."),
    _rule("heading_line", "nl", "next_capital", _heading_line, "MARKET REPORT\nShares fell on Monday."),
    _rule("soft_line_break", "nl", _ANY, _no_boundary, "The minister said\nthe talks would go on."),
)
# fmt: on


def _mask(names: frozenset[str]) -> int:
    bits = 0
    for name in names:
        bits |= _BIT[name]
    return bits


_MASKS: Final = tuple((_mask(r.when), _mask(r.unless)) for r in RULES)
_DISPATCH: dict[tuple[str, int], tuple[tuple[int, Callable[[_Scanner], Verdict]], ...]] = {}


def _applicable(kind: str, features: int) -> tuple[tuple[int, Callable[[_Scanner], Verdict]], ...]:
    """Indexes and bodies of the rules that apply to a candidate, in table order (memoised)."""
    key = (kind, features)
    rules = _DISPATCH.get(key)
    if rules is None:
        rules = tuple(
            (i, r.decide)
            for i, (r, (when, unless)) in enumerate(zip(RULES, _MASKS, strict=True))
            if r.kind == kind and features & when == when and not features & unless
        )
        _DISPATCH[key] = rules
    return rules


# --- scanning ----------------------------------------------------------------------------------
def _check_text(text: object, func: str) -> str:
    if isinstance(text, str):
        return text
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
    raise TypeError(f"{func}() expects text as str, got {type(text).__name__}{hint}")


def _scan(text: str, tables: _Tables, trace: list[Decision] | None) -> list[Sentence]:  # noqa: C901 (issue 11: still to split)
    """The one left-to-right pass: candidates from the language's pattern, verdicts from the rules."""
    s = _Scanner(text, tables)
    n = len(text)
    dispatch = _DISPATCH
    starters = tables.starters
    quote_closers = tables.quote_closers
    for m in tables.candidate.finditer(text):
        groups = m.group(*_GROUPS)
        kind = KINDS[groups.index("", 0, 5)]  # the one kind group that matched (empty, not None)
        start, end = m.span()
        s.start, s.end, s.match = start, end, m
        if kind == "term":
            prev, run, close, ntok, nword = groups[5:]
            s.run = run
            features = _next_features(ntok, nword, starters)
            if close:
                features |= _CLOSED
                if not quote_closers.isdisjoint(close):
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
        elif kind == "nl":
            features = _next_features(groups[8], groups[9], starters)
            if _LIST_START.match(text, end, min(n, end + 24)):
                features |= _NEXT_IS_ITEM
            if _LIST_START.match(text, s.line_start, start):
                features |= _LINE_IS_ITEM
        elif kind == "paren":
            s.read_prev(start, groups[5])
            features = _next_features(groups[8], groups[9], starters)
            if _MARKER_TOKEN.fullmatch(s.tok):
                features |= _MARKER
        else:
            features = 0
        rules = dispatch.get((kind, features)) or _applicable(kind, features)
        verdict: Verdict = None
        for i, decide in rules:
            verdict = decide(s)
            if verdict is not None:
                if trace is not None:
                    boundary = None if verdict == _NO else verdict
                    trace.append(Decision(start, end, kind, RULES[i].name, boundary))
                if verdict != _NO:
                    s.cut(verdict)
                break
        if kind == "para":
            s.last_cut = max(s.last_cut, end)
            s.last_marker = None  # an inline list marker continues a list only within its paragraph
            s.line_start = end
            if s.para_has_content:
                s.paragraph += 1
                s.para_has_content = False
        elif kind == "nl":
            s.line_start = end
    s.cut(n)
    return s.out


def split_sentences(
    text: str, *, abbreviations: Iterable[str] | None = None, lang: Language | None = None
) -> list[Sentence]:
    """Split ``text`` into sentences, in order, trimmed, with ``text[s.start:s.end] == s.text``.

    Args:
        text: any string; it is never modified.
        abbreviations: extra abbreviations (``"Gen."`` or ``"approx"``) that extend the shipped
            list in ``lexicons/<code>/abbreviations.txt``; a lower-case entry matches any case.
        lang: the :class:`~quoteattr.language.Language` whose lists apply (English when ``None``).

    Returns:
        A list of :class:`~quoteattr.model.Sentence`; empty for empty or whitespace-only text.

    Raises:
        TypeError: ``text`` is not a ``str`` or ``abbreviations`` is not an iterable of ``str``.

    >>> [s.text for s in split_sentences("She met Gen. Ghani at 5 p.m. on Aug. 3. It went well.")]
    ['She met Gen. Ghani at 5 p.m. on Aug. 3.', 'It went well.']
    >>> [s.text for s in split_sentences("He joined Acme Hldgs. Bank in May.", abbreviations=["Hldgs."])]
    ['He joined Acme Hldgs. Bank in May.']
    """
    return _scan(_check_text(text, "split_sentences"), _tables_for(lang, abbreviations), None)


def explain(
    text: str, *, abbreviations: Iterable[str] | None = None, lang: Language | None = None
) -> list[Decision]:
    """Every candidate boundary in ``text`` with the rule that decided it (``boundary`` None = kept whole).

    >>> [(d.rule, d.boundary) for d in explain("Mr. Smith left. He was tired.")]
    [('prefix_abbreviation', None), ('terminator', 15), ('nothing_follows', 29)]
    """
    trace: list[Decision] = []
    _scan(_check_text(text, "explain"), _tables_for(lang, abbreviations), trace)
    return trace


def split_paragraphs(text: str) -> list[Span]:
    """Blocks of ``text`` separated by blank lines, trimmed; index ``i`` is ``Sentence.paragraph == i``.

    >>> [p.text for p in split_paragraphs("Headline\\n\\nFirst. Second.\\r\\n \\r\\nThird.\\n")]
    ['Headline', 'First. Second.', 'Third.']
    """
    text = _check_text(text, "split_paragraphs")
    spans: list[Span] = []
    last = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(spans, text, last, m.start())
        last = m.end()
    _append_trimmed(spans, text, last, len(text))
    return spans


def _append_trimmed(spans: list[Span], text: str, a: int, b: int) -> None:
    seg = text[a:b]
    body = seg.lstrip()
    if body:
        start = a + len(seg) - len(body)
        body = body.rstrip()
        spans.append(Span(start, start + len(body), body))
