"""Pair quotation marks into direct-quote spans.

Marks are paired by *direction* (an opening mark waits for a closing mark of a
compatible style) on a stack, so nesting (“He said ‘no’ twice”) works and one
stray mark costs at most its own paragraph, never the whole document. Symmetric
marks (``"`` and ``'``) get their direction from the characters around them;
``'`` and ``’`` between letters or before digits are apostrophes (``don't``,
``the '90s``), never quote marks.

Scraped news mixes styles ("“We will appeal," she said."): a mark listed in
``quote_mark_fallbacks.tsv`` for an opener, standing in closing position, is
kept as that quote's *fallback* closer and used only if no proper closer comes
before the paragraph ends or the same style opens again.

A paragraph that opens a quote without closing it, followed by a paragraph that
opens with the same style, is a multi-paragraph quote: each paragraph's piece is
returned with ``continues=True`` on all but the last. Other unclosed quotes end
at their paragraph and come back flagged ``unbalanced=True``.

Cost is linear: one scan over the marks, a bounded search of the stack.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

import attrs
import regex

from . import lexicons
from .language import Language, english
from .segment_patterns import _PARAGRAPH_BREAK as PARAGRAPH_BREAK

#: How deep quotes may nest before further marks are treated as plain text.
MAX_DEPTH = 16
#: How far down the stack a closing mark may look for its opener (bounds cost on hostile input).
MAX_CLOSE_SEARCH = 4

# Paragraphs exactly as the sentence splitter sees them (\u2029, \x85, \u2028 ... included): a quote that ran
# across a paragraph break the splitter saw crossed the attribution units (issue 6).
_PARAGRAPH_BREAK = PARAGRAPH_BREAK

#: Punctuation after which a symmetric mark opens a quote (the language's opening marks are added).
_OPEN_PUNCTUATION = frozenset("([{<-–—/:;")


@attrs.frozen
class QuoteSpan:
    """A quoted stretch: the marks' offsets and the content between them."""

    open: int  #: offset of the opening mark
    close: int | None  #: offset of the closing mark, None when never closed
    start: int  #: content start (after the opening mark)
    end: int  #: content end (before the closing mark, or the paragraph end)
    style: str  #: the pair's name from quote_marks.tsv
    depth: int = 0  #: 0 for a top-level quote
    unbalanced: bool = False
    continues: bool = False  #: a multi-paragraph quote goes on in the next paragraph
    close_width: int = 1  #: characters in the closing mark (2 for a doubled mark: ``''``)

    @property
    def outer_start(self) -> int:
        return self.open

    @property
    def outer_end(self) -> int:
        """End of the quote including its closing mark."""
        return self.end if self.close is None else self.close + self.close_width


@attrs.define
class _Open:
    pos: int
    mark: str
    closers: frozenset[str]
    style: str
    styles: tuple[tuple[str, str], ...] = ()  #: (closing mark, style name) pairs this opener accepts
    fallback: int | None = None  #: a mark of another style in closing position, used if no closer comes
    fallback_style: str = ""
    fallback_width: int = 1

    @property
    def content_start(self) -> int:
        return self.pos + len(self.mark)

    def style_for(self, closing: str) -> str:
        return next((name for c, name in self.styles if c == closing), self.style)


@attrs.frozen(eq=False)
class _Marks:
    """The language's marks as the pairing reads them (built once per language)."""

    openers: dict[str, list[tuple[str, str]]]  #: opening mark → (closing mark, style) pairs
    closers: frozenset[str]
    symmetric: frozenset[str]  #: marks that pair with themselves ('"'): direction from context
    mainly_closing: frozenset[str]  #: first listed as closers (»): open only right before a word
    apostrophes: frozenset[str]  #: marks that are apostrophes between letters ("don't")
    open_context: frozenset[str]  #: characters after which a symmetric mark opens
    pattern: regex.Pattern[str]  #: any mark, a doubled one (``''``) before its single character
    fallbacks: dict[str, dict[str, str]]  #: opening mark → {mark that may close it instead: style}


#: The language's fallback closers (one mark for another, in scraped text); a language may have none.
FALLBACKS_FILE = "quote_mark_fallbacks.tsv"


def _fallback_pairs(code: str) -> dict[str, dict[str, str]]:
    """Opening mark → {fallback closing mark: style name}, from :data:`FALLBACKS_FILE`."""
    if not lexicons.has_file(FALLBACKS_FILE, code):
        return {}
    out: dict[str, dict[str, str]] = {}
    for opening, closing, name in lexicons.quote_mark_pairs(code, FALLBACKS_FILE):
        out.setdefault(opening, {})[closing] = name
    return out


@functools.lru_cache(maxsize=16)
def _marks(lang: Language) -> _Marks:
    qm = lang.quote_marks
    openers = {o: list(ps) for o, ps in qm.openers.items()}
    chars = set(openers) | qm.closers
    return _Marks(
        openers,
        qm.closers,
        qm.symmetric,
        qm.mainly_closing,
        frozenset("".join(lang.endings("apostrophe"))),
        _OPEN_PUNCTUATION | frozenset(openers),
        _mark_pattern(chars),
        _fallback_pairs(lang.code),
    )


def _mark_pattern(marks: set[str]) -> regex.Pattern[str]:
    """Any mark: longer marks first, so ``''`` is one mark, not two apostrophes."""
    long = sorted((m for m in marks if len(m) > 1), key=lambda m: (-len(m), m))
    single = "[" + regex.escape("".join(sorted(m for m in marks if len(m) == 1))) + "]"
    return regex.compile("|".join([*(regex.escape(m) for m in long), single]))


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int, open_context: frozenset[str], width: int = 1) -> bool:
    """A mark at ``i`` can open when it stands before a word and after a space or opening punctuation."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return (prev.isspace() or prev in open_context) and not nxt.isspace()


def _can_close(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return not prev.isspace() and not _is_word(nxt)


def _is_apostrophe(text: str, i: int) -> bool:
    """``don't``, ``Ruiz's``, ``the '90s``, ``rock 'n' roll``: not quote marks."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if _is_word(prev) and _is_word(nxt):
        return True
    return nxt.isdigit()


def find_quotes(text: str, lang: Language | None = None) -> list[QuoteSpan]:
    """All quote spans of ``text``, in order of their opening mark, with ``lang``'s marks (default English).

    >>> [text[q.start:q.end] for text in ['"Yes," she said.'] for q in find_quotes(text)]
    ['Yes,']
    """
    spans: list[QuoteSpan] = []
    paragraph_ends = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    lang = lang if lang is not None else english()
    table = _marks(lang)
    marks = table.pattern.finditer(text)
    pending = next(marks, None)
    left_open: _Open | None = None  # the outermost quote the previous paragraph left open
    para_start = 0
    for para_end in paragraph_ends:
        stack: list[_Open] = []
        first = True
        while pending is not None and pending.start() < para_end:
            i, mark = pending.start(), pending.group()
            if first and left_open is not None and mark == left_open.mark and not text[para_start:i].strip():
                _mark_continued(spans, left_open.pos)
            first = False
            _handle_mark(text, i, mark, stack, spans, table)
            pending = next(marks, None)
        for o in stack:
            spans.append(_left_open(text, o, para_end))
        left_open = next((o for o in stack if o.fallback is None), None)
        para_start = para_end
    if DIALOGUE_DASH in lang.features:
        spans += dash_turns(text, paragraph_ends, spans, lang)
    spans.sort(key=lambda q: (q.open, -q.outer_end))
    return _with_depths(spans)


#: Language feature (features.txt): a paragraph opening with a dash is a spoken turn ("– Kommst du mit?").
DIALOGUE_DASH = "dialogue-dash"
#: Where a line starts.
_TURN_START = regex.compile(r"^", regex.MULTILINE)
#: A dash that opens a line, and the spaces after it. It starts only where a run of spaces starts (the
#: look-behind), so a search over a long run of spaces is linear, not one retry per space.
_TURN_DASH = regex.compile(r"(?<![^\S\n])[^\S\n]*+(?:[–—―]|--)[^\S\n]++")
#: Where a turn's own attribution starts: ", sagte sie" / "? fragte er" (group 1: the punctuation kept).
_TURN_TAG = regex.compile(r"(?:,|([?!…]))[^\S\n]++(\p{Ll}[\p{L}]*+)")


def dash_turns(
    text: str, paragraph_ends: list[int], spans: list[QuoteSpan], lang: Language
) -> list[QuoteSpan]:
    """Dialogue-dash turns as quote spans.

    A line that opens with a dash starts a turn when the turn before or after it also does, or when
    it carries its own attribution ("– Am Fluss, antwortete der Junge."). A turn with quote marks of
    its own is left to them. It ends before its attribution, else before the next turn or at the end
    of its paragraph.
    """
    starts = [m.start() for m in _TURN_START.finditer(text)]
    opened = [(s, m) for s in starts if (m := _TURN_DASH.match(text, s)) is not None]
    marks = sorted(q.open for q in spans)
    out = []
    for k, (s, m) in enumerate(opened):
        para_end = paragraph_ends[bisect.bisect_right(paragraph_ends, s)] if s < len(text) else len(text)
        stop = min(para_end, opened[k + 1][0]) if k + 1 < len(opened) else para_end
        at = bisect.bisect_left(marks, s)
        if at < len(marks) and marks[at] < stop:
            continue  # quote marks of its own
        end = _trim_end(text, m.end(), stop)
        tag = _turn_tag(text, m.end(), end, lang)
        in_run = _adjacent(text, opened, k)
        if (tag is not None or in_run) and (tag or end) > m.end():
            dash = m.start() + len(m.group()) - len(m.group().lstrip())
            out.append(QuoteSpan(dash, None, m.end(), tag or end, "dialogue dash"))
    return out


def _adjacent(text: str, opened: list[tuple[int, regex.Match[str]]], k: int) -> bool:
    """Is turn ``k`` next to another turn (only white space and its own line between them)?"""

    def joined(a: int, b: int) -> bool:
        return "\n" not in text[a:b].rstrip() or not text[text.index("\n", a) : b].strip()

    before = k > 0 and joined(opened[k - 1][0], opened[k][0])
    after = k + 1 < len(opened) and joined(opened[k][0], opened[k + 1][0])
    return before or after


def _turn_tag(text: str, start: int, end: int, lang: Language) -> int | None:
    """Where the turn's words end before an attribution with a reporting verb, if there is one."""
    for t in _TURN_TAG.finditer(text, start, end):
        entry = lang.cues.lookup(t.group(2))
        if entry is not None and entry.type == "verb":
            return t.end(1) if t.group(1) else t.start()
    return None


def _mark_continued(spans: list[QuoteSpan], open_pos: int) -> None:
    """The unclosed piece opened at ``open_pos`` goes on in the next paragraph: not an error."""
    for k in range(len(spans) - 1, -1, -1):
        if spans[k].open == open_pos:
            spans[k] = attrs.evolve(spans[k], unbalanced=False, continues=True)
            return


def _left_open(text: str, o: _Open, end: int) -> QuoteSpan:
    """An opener no proper closer ended before ``end``: closed at its fallback mark, else unbalanced."""
    if o.fallback is not None:
        return QuoteSpan(
            o.pos, o.fallback, o.content_start, o.fallback, o.fallback_style, close_width=o.fallback_width
        )
    start = o.content_start
    return QuoteSpan(o.pos, None, start, _trim_end(text, start, end), o.style, unbalanced=True)


def _handle_mark(text: str, i: int, ch: str, stack: list[_Open], spans: list[QuoteSpan], t: _Marks) -> None:
    """One mark ``ch`` at ``i``: an apostrophe or inch mark (ignored), a closer of an open quote, a
    fallback closer of the innermost one, or a new opener."""
    if len(ch) > 1 and _closes_singly(ch, stack):
        for k, single in enumerate(ch):  # 'she said 'no'' : two single closers, not one doubled mark
            _handle_mark(text, i + k, single, stack, spans, t)
        return
    if ch in t.apostrophes and _is_apostrophe(text, i):
        return
    if ch in t.symmetric and i > 0 and text[i - 1].isdigit() and not any(o.mark == ch for o in stack):
        return  # 5" or 6' : an inch or foot mark, not a quote
    if ch in t.closers and stack and _close(text, i, ch, stack, spans, t):
        return
    if stack and _fallback(text, i, ch, stack[-1], t):
        return
    if ch in t.openers:
        _open(text, i, ch, stack, spans, t)


def _closes_singly(ch: str, stack: list[_Open]) -> bool:
    """Is a doubled mark two closers of single-mark quotes (no open quote takes it whole)?"""
    return not any(ch in o.closers for o in stack) and any(ch[0] in o.closers for o in stack)


#: Punctuation that may stand right before or after an apostrophe-like fallback closer ("now,'" / "'.").
_FALLBACK_PUNCTUATION = frozenset(",.;:?!…—–-)")


def _fallback(text: str, i: int, ch: str, top: _Open, t: _Marks) -> bool:
    """Keep the mark at ``i`` as the innermost quote's fallback closer, if it may be one (True: taken).

    Only the first such mark counts, and only in closing position: after no space, before no word, and
    not where it could open. An apostrophe-like mark (``'``) also needs punctuation next to it, so
    "the players' union" never ends a quote.
    """
    styles = t.fallbacks.get(top.mark)
    if top.fallback is not None or styles is None or ch not in styles:
        return False
    if not _can_close(text, i, len(ch)) or _can_open(text, i, t.open_context, len(ch)):
        return False
    if ch in t.apostrophes:
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev not in _FALLBACK_PUNCTUATION and nxt not in _FALLBACK_PUNCTUATION:
            return False
    top.fallback, top.fallback_style, top.fallback_width = i, styles[ch], len(ch)
    return True


def _close(text: str, i: int, ch: str, stack: list[_Open], spans: list[QuoteSpan], t: _Marks) -> bool:
    """Close the nearest open quote whose style accepts the mark ``ch`` at ``i``; False if none may."""
    lowest = max(0, len(stack) - MAX_CLOSE_SEARCH)
    for depth in range(len(stack) - 1, lowest - 1, -1):
        o = stack[depth]
        if ch not in o.closers:
            continue
        if (ch in t.apostrophes or len(ch) > 1) and not _can_close(text, i, len(ch)):
            return False
        for inner in stack[depth + 1 :]:  # openers inside it that never closed
            spans.append(_left_open(text, inner, i))
        del stack[depth:]
        if not (ch in t.apostrophes and i - o.pos <= 2 and o.mark in t.apostrophes):
            spans.append(QuoteSpan(o.pos, i, o.content_start, i, o.style_for(ch), close_width=len(ch)))
        # (else rock 'n' roll: a one-letter "quote" is two apostrophes)
        return True
    return False


def _open(text: str, i: int, ch: str, stack: list[_Open], spans: list[QuoteSpan], t: _Marks) -> None:
    """Open a new quote with the mark ``ch`` at ``i``, if it can open one here."""
    can_open = _can_open(text, i, t.open_context, len(ch))
    if stack and can_open and _ends_the_open_quote(ch, stack[-1], t):
        spans.append(_left_open(text, stack.pop(), i))
    if len(stack) >= MAX_DEPTH:
        return
    if not can_open and (
        ch in t.apostrophes  # an apostrophe opens only before a word
        or ch in t.mainly_closing  # so does a mark that usually closes ("»Ja«"), never "» " in French
        or (ch in t.symmetric and _can_close(text, i, len(ch)))  # closing-looking, nothing to close
    ):
        return
    pairs = t.openers[ch]
    stack.append(_Open(i, ch, frozenset(c for c, _ in pairs), pairs[0][1], tuple(pairs)))


def _ends_the_open_quote(ch: str, top: _Open, t: _Marks) -> bool:
    """Does an opening ``ch`` end the innermost open quote instead of nesting in it?

    English never nests “ inside “: a second opener means the first was never closed. And a quote
    holding a fallback closer does not hold a quote in its own marks either ("“A," he said, "B").
    """
    if ch not in t.symmetric and top.mark == ch:
        return True
    return top.fallback is not None and (ch == top.mark or ch in t.fallbacks[top.mark])


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _with_depths(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Set ``depth`` from containment (spans are sorted by start, longest first)."""
    out: list[QuoteSpan] = []
    enclosing: list[int] = []  # outer_end of the enclosing spans
    for q in spans:
        while enclosing and enclosing[-1] <= q.open:
            enclosing.pop()
        out.append(q if q.depth == len(enclosing) else attrs.evolve(q, depth=len(enclosing)))
        enclosing.append(q.outer_end)
    return out


def top_level(spans: list[QuoteSpan]) -> Iterator[QuoteSpan]:
    """The quotes not nested in another quote."""
    return (q for q in spans if q.depth == 0)
