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

from collections.abc import Callable, Iterable
from typing import Final

import attrs
import regex

from quoteattr.language import Language
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

# The patterns and the per-language tables live in segment_patterns.py.
from quoteattr.segment_patterns import (
    _ABBR_BITS,
    _ABBR_GENERAL,
    _ATTRIBUTION_SPAN,
    _BIT,
    _CONTENT,
    _DOTTED_ACRONYM,
    _FEATURES_OF,
    _GROUPS,
    _INITIAL,
    _LINE_BREAK,
    _MARKER,
    _MARKER_TOKEN,
    _MAX_HEADING_CHARS,
    _MAX_HEADING_WORDS,
    _PARAGRAPH_BREAK,
    _SMALL_WORD_LETTERS,
    _TERMINATORS,
    ABBREVIATIONS,
    ATTRIBUTION_VERBS,
    FEATURES,
    SENTENCE_STARTERS,
    _Tables,
    _tables_for,
)

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


def _decide(s: _Scanner, kind: str, features: int, trace: list[Decision] | None) -> None:
    """Ask the rules for this kind and these features, in order; the first with an opinion decides."""
    for i, decide in _DISPATCH.get((kind, features)) or _applicable(kind, features):
        verdict = decide(s)
        if verdict is not None:
            if trace is not None:
                trace.append(
                    Decision(s.start, s.end, kind, RULES[i].name, None if verdict == _NO else verdict)
                )
            if verdict != _NO:
                s.cut(verdict)
            return


def _scan(text: str, tables: _Tables, trace: list[Decision] | None) -> list[Sentence]:
    """The one left-to-right pass: candidates from the language's pattern, verdicts from the rules."""
    s = _Scanner(text, tables)
    for m in tables.candidate.finditer(text):
        groups = m.group(*_GROUPS)
        kind = KINDS[groups.index("", 0, 5)]  # the one kind group that matched (empty, not None)
        s.start, s.end = m.span()
        s.match = m
        describe = _FEATURES_OF.get(kind)
        _decide(s, kind, describe(s, groups, tables) if describe is not None else 0, trace)
        if kind == "para":
            s.last_cut = max(s.last_cut, s.end)
            s.last_marker = None  # an inline list marker continues a list only within its paragraph
            s.line_start = s.end
            if s.para_has_content:
                s.paragraph += 1
                s.para_has_content = False
        elif kind == "nl":
            s.line_start = s.end
    s.cut(len(text))
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
