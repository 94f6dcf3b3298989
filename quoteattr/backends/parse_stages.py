"""The parse-aware backend's stages: the embedded stages that apply, plus the parse reader and a merge.

A parsed document runs through one checked stage table per ``combine`` mode (:data:`STAGES`)::

    parsed sentences → quote spans → units → readings → found (surface) → parse_found (parse reader)
    → found (the two merged, record by record) → found (mentions) → quotes, entities (the parse's
    coreference chains when it has them, else the rule-based resolver) → addressees → dialogue

The parser's sentences are the segmentation (their offsets are exact into the text), so the surface
reader reads the same sentences as the parse reader. The two readers' :class:`~quoteattr.records.Found`
records meet in the ``combine`` stage (:func:`quoteattr.parse_combine.merge`), before any entity
exists; ``parse-only`` skips the surface reader. stanza is never imported here.
"""

from __future__ import annotations

import attrs

from ..coref import complete_entities
from ..language import Language
from ..model import Entity, Result
from ..parse_combine import entity_overlapping, merge
from ..parse_entities import entities_for
from ..parse_rules import read, sentences_of
from ..parsed import ParsedDoc
from ..records import Found, to_quotes
from ..stages import Stage, Work, check, run, stage
from .embedded import STAGES as EMBEDDED_STAGES

#: Ways the parse reader and the surface reader are combined (see ``StanzaBackend``).
COMBINE_MODES = ("surface-first", "parse-first", "parse-only")

_EMBEDDED = {s.name: s for s in EMBEDDED_STAGES}


def _parse_sentences(w: Work) -> Work:
    """The parser's sentences are the segmentation: no second splitter to disagree with it."""
    assert w.parsed is not None
    return attrs.evolve(w, sentences=sentences_of(w.parsed))


def _parse(w: Work) -> Work:
    """The parse reader's records, over the quote spans the quote-mark stage found."""
    assert w.parsed is not None and w.quote_spans is not None
    return attrs.evolve(w, parse_found=tuple(read(w.parsed, w.lang, w.quote_spans)))


def _surface_first(w: Work) -> Work:
    assert w.found is not None and w.parse_found is not None
    return attrs.evolve(w, found=tuple(merge(w.found, w.parse_found)))


def _parse_first(w: Work) -> Work:
    assert w.found is not None and w.parse_found is not None
    return attrs.evolve(w, found=tuple(merge(w.parse_found, w.found)))


def _parse_only(w: Work) -> Work:
    assert w.parse_found is not None
    return attrs.evolve(w, found=w.parse_found)


def _coref(w: Work) -> Work:
    """Entities: the parse's coreference chains when it carries them, else the embedded resolver."""
    assert w.parsed is not None and w.found is not None and w.parse_found is not None
    if not w.parsed.coref:
        return _EMBEDDED["coref"].run(w)
    found = w.found
    trees = [s.tokens for s in w.parsed.sentences]
    # Entities come from every parse record (also those the merge set aside), as chains name them.
    chained, by_key = entities_for(w.parsed, trees, w.parse_found, w.lang)

    def entity_of(f: Found) -> Entity | None:
        if f.speaker_key is not None and f.speaker_key in by_key:
            return by_key[f.speaker_key]
        return entity_overlapping(f.speaker, chained)

    quotes = to_quotes(w.text, found, entity_of)
    used = {q.entity.id: q.entity for q in quotes if q.entity is not None}
    completed, entities = complete_entities(quotes, [used[k] for k in sorted(used)], w.lang)
    return attrs.evolve(
        w, quotes=tuple(sorted(completed, key=lambda q: (q.start, q.end))), entities=tuple(entities)
    )


_SURFACE = tuple(_EMBEDDED[name] for name in ("units", "attribution", "speakers"))
_COMBINE = {"surface-first": _surface_first, "parse-first": _parse_first, "parse-only": _parse_only}


def _table(mode: str) -> tuple[Stage, ...]:
    surface = mode != "parse-only"
    return check(
        (
            stage("segment", "text parsed", "sentences", _parse_sentences),
            _EMBEDDED["quotemarks"],
            *(_SURFACE if surface else (_EMBEDDED["units"],)),  # the mention layer reads units
            stage("parse", "text lang parsed quote_spans", "parse_found", _parse),
            stage("combine", "found parse_found" if surface else "parse_found", "found", _COMBINE[mode]),
            _EMBEDDED["mentions"],
            stage("coref", "text lang parsed found parse_found", "quotes entities", _coref),
            _EMBEDDED["addressees"],
            _EMBEDDED["dialogue"],
        )
    )


#: One checked stage table per combine mode.
STAGES: dict[str, tuple[Stage, ...]] = {mode: _table(mode) for mode in COMBINE_MODES}


def run_parsed(
    doc: ParsedDoc,
    lang: Language,
    mode: str = "surface-first",
    characters: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Result:
    """The result for a parsed document, through the stages of ``mode``."""
    w = run(STAGES[mode], Work(doc.text, lang, characters, parsed=doc))
    assert w.sentences is not None and w.quotes is not None and w.entities is not None
    return Result(doc.text, w.sentences, w.quotes, w.entities)
