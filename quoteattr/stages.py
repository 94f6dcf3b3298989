"""Stages with a contract: each names what it reads and what it adds, checked when a pipeline is built.

A document flows through an ordered tuple of :class:`Stage` records as one frozen
:class:`Work` value; a stage returns a new ``Work`` with the fields it adds, so every stage
sees only what earlier ones made (never a later stage's output, never a mutated input).
:func:`check` reports every broken requirement at once, before any text is read::

    >>> check((stage("speakers", "readings", "found", lambda w: w),))
    Traceback (most recent call last):
    ...
    quoteattr.errors.ConfigError: stage order is broken: speakers reads readings, which no earlier stage adds
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from .errors import ConfigError
from .language import Language
from .mentions import MentionLayer
from .model import Entity, Quote, Sentence
from .parsed import ParsedDoc
from .quotemarks import QuoteSpan
from .records import Found
from .units import Unit, UnitReading

#: What every document starts with (``parsed`` is None unless a parser read the text).
INPUTS = frozenset({"text", "lang", "characters", "parsed"})


@attrs.frozen
class Work:
    """One document on its way through the stages; a field is ``None`` until its stage ran."""

    text: str
    lang: Language
    characters: tuple[tuple[str, tuple[str, ...]], ...] = ()  #: the user's list: (name, aliases)
    parsed: ParsedDoc | None = None  #: a dependency parse of ``text`` (the stanza backend)
    sentences: tuple[Sentence, ...] | None = None
    quote_spans: tuple[QuoteSpan, ...] | None = None  #: top-level quotations
    units: tuple[Unit, ...] | None = None
    readings: tuple[UnitReading, ...] | None = None
    found: tuple[Found, ...] | None = None
    parse_found: tuple[Found, ...] | None = None  #: the parse reader's records, before they meet ``found``
    mentions: MentionLayer | None = None  #: the people and groups the units name (quoteattr.mentions)
    quotes: tuple[Quote, ...] | None = None
    entities: tuple[Entity, ...] | None = None


#: The fields a stage may add.
FIELDS = frozenset(a.name for a in attrs.fields(Work)) - INPUTS


def _known(names: frozenset[str]) -> frozenset[str]:
    unknown = names - FIELDS - INPUTS
    if unknown:
        raise ValueError(f"unknown work field(s) {sorted(unknown)}; known: {sorted(FIELDS | INPUTS)}")
    return names


@attrs.frozen
class Stage:
    """A named step: ``run`` reads the fields in ``reads`` and returns the work with ``adds`` filled."""

    name: str
    reads: frozenset[str] = attrs.field(validator=lambda _s, _a, v: _known(v))
    adds: frozenset[str] = attrs.field(validator=lambda _s, _a, v: _known(v))
    run: Callable[[Work], Work] = attrs.field(eq=False, repr=False)


def stage(name: str, reads: str, adds: str, run: Callable[[Work], Work]) -> Stage:
    """A :class:`Stage` from space-separated names: ``stage("units", "sentences quote_spans", "units", f)``"""
    return Stage(name, frozenset(reads.split()), frozenset(adds.split()), run)


def check(stages: Sequence[Stage]) -> tuple[Stage, ...]:
    """The stages, if each reads only what the input or earlier stages add; else a ConfigError listing all."""
    have = set(INPUTS)
    broken = []
    for stage in stages:
        for name in sorted(stage.reads - have):
            broken.append(f"{stage.name} reads {name}, which no earlier stage adds")
        have |= stage.adds
    if broken:
        raise ConfigError("stage order is broken: " + "; ".join(broken))
    return tuple(stages)


def run(stages: Sequence[Stage], work: Work) -> Work:
    """Run checked stages in order."""
    for stage in stages:
        work = stage.run(work)
    return work
