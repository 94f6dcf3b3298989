"""How the parse reader's attributions meet the surface reader's: one merge, for records and for results.

:func:`merge` works on anything with a span and a speaker (:class:`~quoteattr.records.Found`
records, as the stanza backend's ``combine`` stage uses it, or finished
:class:`~quoteattr.model.Quote` objects); :func:`combine` is the same merge over two finished
:class:`~quoteattr.model.Result` objects, for callers that ran both engines themselves.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

import attrs

from .coref import complete_entities, resolve
from .language import Language
from .model import Entity, Mention, Quote, Result


class _Attribution(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> Mention | None: ...


_A = TypeVar("_A", bound=_Attribution)


def overlap(a: _Attribution | Mention, b: _Attribution | Mention) -> int:
    """Characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


class _Overlaps(Generic[_A]):
    """The items overlapping a span, found by bisecting on starts with a running maximum of ends."""

    def __init__(self, items: Sequence[_A]) -> None:
        self.items = sorted(items, key=lambda x: (x.start, x.end))
        self.reach: list[int] = []
        for x in self.items:
            self.reach.append(max(x.end, self.reach[-1] if self.reach else 0))

    def over(self, a: _Attribution) -> list[_A]:
        out: list[_A] = []
        for k in range(bisect.bisect_right(self.reach, a.start), len(self.items)):
            x = self.items[k]
            if x.start >= a.end:
                break
            if overlap(a, x):
                out.append(x)
        return out


def merge(primary: Sequence[_A], secondary: Sequence[_A]) -> list[_A]:
    """``primary``'s attributions, completed by ``secondary`` where ``primary`` found nothing.

    One without a speaker takes the ``secondary`` attribution with a speaker that overlaps it most;
    a ``secondary`` attribution with a speaker that overlaps nothing in ``primary`` is added (a bare
    quote the primary reader left out is a title or a scare quote, so only attributed ones are).
    """
    spoken = _Overlaps([s for s in secondary if s.speaker is not None])
    taken = _Overlaps(primary)
    out: list[_A] = []
    for p in primary:
        if p.speaker is None:
            alt = max(spoken.over(p), key=lambda s: overlap(p, s), default=None)
            p = alt if alt is not None else p
        out.append(p)
    out += [s for s in secondary if s.speaker is not None and not taken.over(s)]
    return out


def combine(
    primary: Result, secondary: Result, *, chains: Result | None = None, lang: Language | None = None
) -> Result:
    """``primary``'s quotes, completed by ``secondary`` where ``primary`` found nothing (:func:`merge`).

    Entities are then resolved again over all quotes, unless ``chains`` (a parse-aware result built
    from coreference chains) is given: then each speaker joins the chain entity with a mention
    overlapping it, if any.
    """
    text = primary.text
    quotes = merge(primary.quotes, secondary.quotes)
    if chains is not None:
        linked = [attrs.evolve(q, entity=entity_overlapping(q.speaker, chains.entities)) for q in quotes]
        used = {q.entity.id: q.entity for q in linked if q.entity is not None}
        linked, entity_list = complete_entities(linked, [used[k] for k in sorted(used)], lang)
        return Result(text, primary.sentences, _ordered(linked), tuple(entity_list))
    resolved, entities = resolve(text, [attrs.evolve(q, entity=None) for q in quotes], lang)
    return Result(text, primary.sentences, _ordered(resolved), tuple(entities))


def entity_overlapping(speaker: Mention | None, entities: Sequence[Entity]) -> Entity | None:
    """The first entity with a mention overlapping ``speaker``."""
    if speaker is None:
        return None
    for e in entities:
        if any(overlap(m, speaker) for m in e.mentions):
            return e
    return None


def _ordered(quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end)))
