"""The result model: small frozen classes with exact character offsets.

Every span-like object carries ``start``, ``end`` and ``text`` such that
``original_text[start:end] == text``. Objects are immutable; later stages
derive new ones with :func:`attrs.evolve` instead of mutating.

This module imports nothing from the rest of the package.
"""

from __future__ import annotations

import functools
from typing import Any, Literal, TypeVar

import attrs

QuoteKind = Literal["direct", "indirect", "mixed"]
QUOTE_KINDS: frozenset[str] = frozenset({"direct", "indirect", "mixed"})

MentionKind = Literal["name", "pronoun", "nominal"]
MENTION_KINDS: frozenset[str] = frozenset({"name", "pronoun", "nominal"})

_T = TypeVar("_T", bound=attrs.AttrsInstance)

#: Version of the JSON shape produced by :meth:`Result.to_dict`. 2: every entity carries ``resolved``, and a
#: quote with a speaker always has an entity (an unresolved pronoun used to give ``"entity": null``).
SCHEMA_VERSION = 2


def _check_offsets(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    """``0 <= start <= end`` and ``len(text) == end - start``."""
    start, end, text = instance.start, instance.end, instance.text
    if not 0 <= start <= end:
        raise ValueError(
            f"{type(instance).__name__}: need 0 <= start <= end, got start={start!r}, end={end!r}"
        )
    if len(text) != end - start:
        raise ValueError(
            f"{type(instance).__name__}: text has length {len(text)} but end - start = {end - start}"
        )


def evolve_trusted(inst: _T, **changes: Any) -> _T:
    """``attrs.evolve`` without validators, for internal code that already guarantees the invariants.

    Validators run on every public construction; re-running them when a stage merely shifts offsets
    it has checked (see :mod:`quoteattr.chunking`) costs more than the work itself.
    """
    cls = type(inst)
    new = object.__new__(cls)
    for name in _field_names(cls):
        object.__setattr__(new, name, changes[name] if name in changes else getattr(inst, name))
    return new


@functools.cache
def _field_names(cls: type[attrs.AttrsInstance]) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls))


@attrs.frozen
class Span:
    """A stretch of the original text.

    >>> text = "Hello world"
    >>> s = Span(6, 11, text[6:11])
    >>> text[s.start:s.end] == s.text
    True
    """

    start: int = attrs.field(validator=attrs.validators.instance_of(int))
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_offsets])
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen
class Sentence(Span):
    """A sentence; ``paragraph`` counts blank-line separated blocks from 0."""

    paragraph: int = attrs.field(default=0, validator=attrs.validators.ge(0))


@attrs.frozen
class Cue(Span):
    """The words that introduce speech: a reporting verb, ``according to``, ``in a statement``.

    ``lemma`` is the lexicon entry that matched (``"say"``, ``"call for"``);
    ``type`` is the lexicon's cue type (``"verb"``, ``"noun"``, ``"prep"``).
    """

    lemma: str = ""
    type: str = "verb"


@attrs.frozen
class Mention(Span):
    """A mention of a speaker: a name, a pronoun or a nominal (``the spokesman``)."""

    kind: str = attrs.field(default="name", validator=attrs.validators.in_(MENTION_KINDS))


@attrs.frozen
class Entity:
    """A speaker, as the set of its mentions, with a canonical ``name``.

    ``name`` is the longest proper-name mention (``Donald Trump`` for
    ``Trump``), or the text of the first mention when there is no name.

    Every quote with a speaker mention has an entity, so ``q.entity.name`` is safe whenever
    ``q.speaker`` is set. ``resolved`` is ``False`` only for a pronoun that nothing in the text
    could be linked to (``"Fine," he said.`` with no one before it): the entity then holds that
    one mention and its ``name`` is the pronoun as written (``"he"``).

    >>> Entity(0, "he", resolved=False).to_dict()
    {'id': 0, 'name': 'he', 'resolved': False, 'mentions': []}
    """

    id: int = attrs.field(validator=attrs.validators.ge(0))
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    mentions: tuple[Mention, ...] = ()
    resolved: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "resolved": self.resolved,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@attrs.frozen
class Quote(Span):
    """A quotation and who said it.

    ``kind`` is ``direct`` (inside quote marks), ``indirect`` (reported
    speech) or ``mixed`` (reported speech containing quoted words). The
    span of a direct quote excludes its quote marks. ``evidence`` names the
    rule that attributed it, so a result can be explained; ``unbalanced``
    flags a direct quote whose closing mark was never found. ``addressee``
    is who the quote is spoken to, where the text says so (a vocative:
    ``"Ann, come here"``), else ``None``.

    ``speaker`` is ``None`` when no source was found (``It is said that ...``); then
    ``entity`` is ``None`` too. Otherwise ``entity`` is always set (see :class:`Entity`
    for unresolved pronouns), so code that reads names guards on one field::

        name = q.entity.name if q.entity else None
    """

    kind: str = attrs.field(default="direct", validator=attrs.validators.in_(QUOTE_KINDS))
    confidence: float = attrs.field(
        default=1.0,
        validator=[
            attrs.validators.instance_of((int, float)),
            attrs.validators.ge(0.0),
            attrs.validators.le(1.0),
        ],
    )
    cue: Cue | None = None
    speaker: Mention | None = None
    entity: Entity | None = attrs.field(default=None, eq=False)
    evidence: str = ""
    unbalanced: bool = False
    addressee: Mention | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "cue": None if self.cue is None else Span.to_dict(self.cue),
            "speaker": None if self.speaker is None else Span.to_dict(self.speaker),
            "entity": None
            if self.entity is None
            else {"id": self.entity.id, "name": self.entity.name, "resolved": self.entity.resolved},
            "evidence": self.evidence,
            "unbalanced": self.unbalanced,
            "addressee": None if self.addressee is None else Span.to_dict(self.addressee),
        }


@attrs.frozen
class Result:
    """Everything found in one text. Holds the text so spans can be checked."""

    text: str = attrs.field(repr=False)
    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form. The input text itself is not repeated."""
        return {
            "schema": SCHEMA_VERSION,
            "quotes": [q.to_dict() for q in self.quotes],
            "sentences": [Span.to_dict(s) for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per quote, ready for ``pandas.DataFrame(result.to_records())``."""
        rows = []
        for q in self.quotes:
            rows.append(
                {
                    "quote_start": q.start,
                    "quote_end": q.end,
                    "quote_text": q.text,
                    "kind": q.kind,
                    "confidence": round(q.confidence, 3),
                    "cue": q.cue.text if q.cue else None,
                    "cue_start": q.cue.start if q.cue else None,
                    "speaker": q.speaker.text if q.speaker else None,
                    "speaker_start": q.speaker.start if q.speaker else None,
                    "speaker_end": q.speaker.end if q.speaker else None,
                    "entity_id": q.entity.id if q.entity else None,
                    "entity": q.entity.name if q.entity else None,
                }
            )
        return rows

    def __len__(self) -> int:
        return len(self.quotes)
