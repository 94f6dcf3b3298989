"""The embedded backend: surface rules only, no model, works offline right after install.

Stages run in a fixed order, each a function of what the previous ones made::

    text → sentences → quote marks → units → attributions (+ unclaimed quotes) → coreference → Result
"""

from __future__ import annotations

from collections.abc import Iterable

from ..attribution import Found, build_units, cue_word_starts, read_unit
from ..coref import resolve
from ..dialogue import CharacterSource, converse
from ..lexicons import CueLexicon, load_cues
from ..model import Quote, Result, Sentence
from ..quotemarks import find_quotes
from ..segment import split_sentences
from ..speakers import link_unclaimed, share_across_pieces

#: The stages, in order, with what each provides; documented in docs/architecture.md.
STAGES: tuple[tuple[str, str], ...] = (
    ("segment", "sentences"),
    ("quotemarks", "quote spans"),
    ("attribution", "cues, speakers and content per unit"),
    ("speakers", "speakers for quotes no cue claimed"),
    ("coref", "entities"),
    ("dialogue", "speakers of fiction dialogue from turns, vocatives and characters"),
)


class EmbeddedBackend:
    """Runs the rule stages over plain text."""

    name = "embedded"

    def __init__(
        self,
        lexicon: CueLexicon | None = None,
        *,
        abbreviations: Iterable[str] | None = None,
        characters: CharacterSource = None,
    ) -> None:
        self.lexicon = lexicon if lexicon is not None else load_cues()
        self.characters = characters
        self.abbreviations = tuple(abbreviations) if abbreviations is not None else None

    def sentences(self, text: str) -> list[Sentence]:
        return split_sentences(text, abbreviations=self.abbreviations)

    def process(self, text: str) -> Result:
        sentences = self.sentences(text)
        top = [q for q in find_quotes(text) if q.depth == 0]
        units = build_units(sentences, top)
        cue_starts = cue_word_starts(text, self.lexicon)
        readings = [read_unit(text, unit, self.lexicon, cue_starts) for unit in units]
        found = share_across_pieces([f for r in readings for f in r.found] + link_unclaimed(text, readings))
        quotes, entities = resolve(text, to_quotes(text, found))
        quotes, entities = converse(
            text, quotes, entities, self.characters, marks=top
        )  # fiction dialogue (issue 13)
        return Result(
            text, tuple(sentences), tuple(sorted(quotes, key=lambda q: (q.start, q.end))), tuple(entities)
        )


def to_quotes(text: str, found: Iterable[Found]) -> list[Quote]:
    """Model quotes from attributions, dropping exact duplicates."""
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
                evidence=f.evidence,
                unbalanced=bool(f.quote is not None and f.quote.unbalanced),
            )
        )
    return out
