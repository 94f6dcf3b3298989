"""Units: sentences merged so no quotation crosses their edge, as items (tokens, each quotation one item).

A unit is read once; every later step (cues, frames, speakers) works on its items, and the
what a unit says (:class:`UnitReading`, holding :class:`~quoteattr.records.Found` records) is
defined here so that later stages import them from upstream, never from the frames.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from .model import Cue, Mention, Sentence
from .quotemarks import QuoteSpan
from .records import Found
from .tokens import token_matches

#: Punctuation that separates a phrase from the next one.
PHRASE_BREAKS = frozenset({",", "—", "–", "―"})


#: Punctuation that ends what a speaker search may reach over.
HARD_BREAKS = frozenset({":", ";", "?", "!"})


TERMINAL = frozenset({".", "!", "?", "…"})


class Item(NamedTuple):
    """A token outside quotes, or a whole top-level quotation (``quote`` set).

    ``lower``, ``is_word`` and ``is_quote`` are computed once here: the rules read them constantly.
    Build with :func:`item`.
    """

    start: int
    end: int
    text: str
    lower: str
    is_word: bool
    is_quote: bool
    quote: QuoteSpan | None = None


def item(start: int, end: int, text: str, quote: QuoteSpan | None = None) -> Item:
    if quote is not None:
        return Item(start, end, text, text.lower(), False, True, quote)
    return Item(start, end, text, text.lower(), text[:1].isalnum(), False, None)


def items_from(items: Sequence[Item], offset: int) -> int:
    """The index of the first item that starts at or after character ``offset`` (``len(items)`` if none),
    by bisection: items are in text order, so a lookup costs the log of the unit's length."""
    return bisect.bisect_left(items, offset, key=_start)


def item_index(items: Sequence[Item], offset: int) -> int | None:
    """The index of the item that starts exactly at character ``offset``, or ``None``."""
    k = items_from(items, offset)
    return k if k < len(items) and items[k].start == offset else None


def _start(it: Item) -> int:
    return it.start


@attrs.frozen
class Unit:
    """Sentences merged so that no top-level quotation crosses a unit's edge."""

    start: int
    end: int
    paragraph: int
    quotes: tuple[QuoteSpan, ...]


def build_units(sentences: Sequence[Sentence], quotes: Sequence[QuoteSpan]) -> list[Unit]:
    """Merge sentences that a top-level quotation runs across (in one pass over both lists)."""
    units: list[Unit] = []
    qi = 0
    i = 0
    n = len(sentences)
    while i < n:
        start, end, para = sentences[i].start, sentences[i].end, sentences[i].paragraph
        inside: list[QuoteSpan] = []
        while True:
            while qi < len(quotes) and quotes[qi].outer_start < end:
                q = quotes[qi]
                if q.outer_start >= start:
                    inside.append(q)
                    if q.outer_end > end:
                        end = q.outer_end
                qi += 1
            if i + 1 < n and sentences[i + 1].start < end and sentences[i + 1].paragraph == para:
                i += 1
                end = max(end, sentences[i].end)
                continue
            break
        units.append(Unit(start, end, para, tuple(inside)))
        i += 1
    return units


def _word_items(text: str, start: int, end: int) -> list[Item]:
    """Items for the tokens of ``text[start:end]``, built straight from the matches (the hot path)."""
    out: list[Item] = []
    append = out.append
    new = _new_tuple  # tuple.__new__ skips the NamedTuple constructor's Python frame: a third faster here
    for m in token_matches(text, start, end):
        a, b = m.span()
        t = m.group()
        append(new(Item, (a, b, t, t.lower(), t[0].isalnum(), False, None)))  # a token is never empty
    return out


_new_tuple = tuple.__new__


def unit_items(text: str, unit: Unit) -> list[Item]:
    """Tokens of the unit, with each top-level quotation folded into one item."""
    items: list[Item] = []
    pos = unit.start
    for q in unit.quotes:
        items.extend(_word_items(text, pos, q.outer_start))
        end = min(q.outer_end, unit.end)
        items.append(item(q.outer_start, end, text[q.outer_start : end], q))
        pos = end
    items.extend(_word_items(text, pos, unit.end))
    return items


#: Brackets that may wrap a whole sentence: "(Ruiz said the bridge would reopen.)".
WRAPPING_BRACKETS = {"(": ")", "[": "]"}


def unwrapped(items: list[Item]) -> list[Item]:
    """The items of a unit without the brackets that wrap all of it ("(Ruiz said that … .)"), so its
    subject is read from its first word; an inner parenthesis ("Ruiz (D-Ohio) said") stays."""
    if len(items) < 3 or items[0].text not in WRAPPING_BRACKETS:
        return items
    close = WRAPPING_BRACKETS[items[0].text]
    last = len(items) - 1
    while last > 0 and items[last].text in TERMINAL:
        last -= 1
    if items[last].text != close:
        return items
    depth = 0
    for k in range(last):  # the first bracket must close at the last one, not before
        t = items[k].text
        depth += (t == items[0].text) - (t == close)
        if depth == 0:
            return items
    return items[1:last] + items[last + 1 :]


@attrs.frozen
class UnitReading:
    """What one unit says: its attributions, the quotes they claimed, and bare cues."""

    unit: Unit
    found: tuple[Found, ...]
    claimed: frozenset[int]  #: outer-start offsets of the quotations attributed here
    bare: tuple[tuple[Cue, Mention], ...]
    words_outside: int  #: word tokens outside quotations
    #: the name or he/she opening a unit without attributions or quotes, read when the next unit holds a
    #: quotation (it may speak it: 'Patrick Doyle was blunt. "…"'); None otherwise
    opening: Mention | None = None
    #: the unit's tokens (:func:`unit_items`) when the attribution stage read it, so later stages (the
    #: mention layer) reuse them instead of tokenising the unit again; None for a unit it skipped
    items: Sequence[Item] | None = attrs.field(default=None, eq=False, repr=False)
