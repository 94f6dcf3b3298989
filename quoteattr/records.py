"""The records both engines make, the one table of the rules that make them, and the one way to Quotes.

The surface reader (:mod:`quoteattr.frames`, :mod:`quoteattr.speakers`) and the parse reader
(:mod:`quoteattr.parse_rules`) produce the same :class:`Found` records from the same
:class:`CueHit`; :func:`to_quotes` turns either into :class:`~quoteattr.model.Quote` objects.
Every rule that attributes a quote is one :class:`Frame` row, with its evidence label and confidence
stated once: the surface frames in :data:`quoteattr.frames.FRAMES` (each with the pure function that
reads it), the context and parse rules in :data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from .lexicons import CueEntry
from .model import Cue, Entity, Mention, Quote
from .quotemarks import QuoteSpan

if TYPE_CHECKING:  # the surface reader's types, upstream of nothing here at run time
    from .readings import Reading
    from .sites import Site

__all__ = ["DIRECT_BONUS", "MIN_QUOTE_WORDS", "RULE", "RULES", "CueHit", "Found", "Frame", "to_quotes"]

#: Fewer words than this inside quote marks, with no cue, is a scare quote or a title, not speech.
MIN_QUOTE_WORDS = 4


@attrs.frozen
class CueHit:
    """A cue found at tokens (or items) ``first`` to ``last``: ``called for`` spans two."""

    first: int
    last: int
    entry: CueEntry
    particle: int | None = None  #: item index of a separated particle ("fügte … hinzu")


@attrs.frozen
class Found:
    """One attribution, before coreference: what either engine found for one stretch of text."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    speaker: Mention | None
    evidence: str
    confidence: float
    quote: QuoteSpan | None = None  #: the quotation, for direct quotes
    speaker_key: tuple[int, int] | None = None  #: (sentence, head token) of a parsed speaker, for chains

    @property
    def unbalanced(self) -> bool:
        return self.quote is not None and self.quote.unbalanced


@attrs.frozen
class Frame:
    """One rule that attributes quotes: its name, the evidence label a quote carries, its confidence,
    an example sentence it reads, and for a surface frame the pure function that reads it.

    ``read`` takes a :class:`~quoteattr.sites.Site` and returns a :class:`~quoteattr.readings.Reading`
    or ``None``; ``on`` says what the frame reads (``unit``, ``verb``, ``according``, ``noun``). A row
    without ``read`` is a label that another row's function emits, or a rule of a table read elsewhere.
    """

    name: str
    evidence: str
    confidence: float
    example: str
    read: Callable[[Site], Reading | None] | None = None
    on: str = ""


#: What a direct quote (content that is exactly one quotation) adds to a surface frame's confidence.
DIRECT_BONUS = 0.05

#: The rules that read no cue in its unit, stated once (``read=None``): the context rules of
#: :mod:`quoteattr.speakers` and the parse rules of :mod:`quoteattr.parse_rules`. The surface frames,
#: each with its reading function, are the other table, :data:`quoteattr.frames.FRAMES`.
#: ``Quote.evidence`` starts with the rule's evidence label.
RULES: tuple[Frame, ...] = (
    # context rules: a quote no cue claimed takes its speaker from its neighbours (quoteattr.speakers)
    Frame("transcript-label", "transcript-label", 0.8, '"WALLACE: Let us start with the budget."'),
    Frame("same-sentence", "same-sentence", 0.85, '"We will," Ruiz said, adding: "We must."'),
    Frame("cue-before", "preposed-quote", 0.75, 'Asked about it, Ruiz said, "We will win."'),
    Frame("verb-first", "verb-first", 0.8, 'Said Ruiz: "We will win."'),
    Frame("narration-colon", "narration-colon", 0.6, "Da wurde der Alte zornig: »Geht weg!«"),
    Frame("colon-before", "colon-before", 0.8, 'Ruiz said:\n\n"We will win."'),
    Frame("bare-after", "bare-after", 0.85, '"We will win." Ruiz said.'),
    Frame("same-paragraph", "same-paragraph", 0.7, '"We will win," Ruiz said. "We always do."'),
    Frame("speaker-next", "speaker-next", 0.6, '"We will win." Ana Ruiz, 47, said she was sure.'),
    Frame("next-paragraph", "next-paragraph", 0.6, '"We will win," Ruiz said.\n\n"We always do."'),
    Frame("subject-before", "subject-before", 0.5, 'Ana Ruiz was blunt. "We will win."'),
    Frame("multi-paragraph", "multi-paragraph", 0.7, '"We will win.\n\n"We always do," Ruiz said.'),
    Frame("multi-paragraph-shared", "multi-paragraph", 0.75, '"We will win.\n\n"We always do," Ruiz said.'),
    Frame("unattributed", "unattributed", 0.4, '"We will win."'),
    # parse rules: how the parse reader found the speaker (quoteattr.parse_rules)
    Frame("parse-nsubj", "parse:nsubj", 0.9, "Ruiz said the bridge would reopen."),
    Frame("parse-agent", "parse:agent", 0.85, "It was announced by Ruiz that the bridge would reopen."),
    Frame("parse-according", "parse:according", 0.9, "According to Ruiz, the bridge will reopen."),
    Frame("parse-conj", "parse:conj", 0.8, "Ruiz smiled and said the bridge would reopen."),
    Frame("parse-xcomp", "parse:xcomp", 0.8, "Ruiz went on to say the bridge would reopen."),
    Frame("parse-relcl", "parse:relcl", 0.8, "Ruiz, who said the bridge would reopen, left."),
    Frame("parse-advcl", "parse:advcl", 0.75, "Ruiz spoke, adding that the bridge would reopen."),
    Frame("parse-none", "parse:none", 0.4, "The bridge will reopen, it was said."),
    Frame("parse-following-quote", "parse:following-quote", 0.6, 'Ruiz said:\n"We will win."'),
    Frame("parse-unattributed", "parse:quote-unattributed", 0.3, '"We will win, whatever happens."'),
    Frame("parse-poss", "parse:poss", 0.8, "Ruiz's claim that the bridge was safe drew protests."),
    Frame("parse-by", "parse:by", 0.8, "The report by the council that the bridge was safe drew protests."),
)
#: Rules by name (the surface frames by name are :data:`quoteattr.frames.FRAME`, a separate table).
RULE: dict[str, Frame] = {f.name: f for f in RULES}


def to_quotes(
    text: str, found: Iterable[Found], entity_of: Callable[[Found], Entity | None] | None = None
) -> list[Quote]:
    """Model quotes from either engine's records, dropping exact duplicates (the first one stays)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for f in found:
        if (f.start, f.end) in seen or f.end <= f.start:
            continue
        seen.add((f.start, f.end))
        out.append(
            Quote(
                f.start,
                f.end,
                text[f.start : f.end],
                kind=f.kind,
                confidence=f.confidence,
                cue=f.cue,
                speaker=f.speaker,
                entity=entity_of(f) if entity_of is not None else None,
                evidence=f.evidence,
                unbalanced=f.unbalanced,
            )
        )
    return out
