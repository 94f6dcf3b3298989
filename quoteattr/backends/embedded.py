"""The embedded backend: surface rules only, no model, works offline right after install.

Stages run in a fixed order, each a function of what the previous ones made::

    text → sentences → quote marks → units → attributions (+ unclaimed quotes) → coreference → Result
"""

from __future__ import annotations

from collections.abc import Iterable

from ..attribution import read_unit
from ..coref import resolve
from ..cues import cue_word_starts
from ..language import Language, get_language
from ..lexicons import CueLexicon
from ..model import Result, Sentence
from ..quotemarks import find_quotes
from ..records import to_quotes
from ..segment import split_sentences
from ..speakers import link_unclaimed, share_across_pieces
from ..units import build_units

#: The stages, in order, with what each provides; documented in docs/architecture.md.
STAGES: tuple[tuple[str, str], ...] = (
    ("segment", "sentences"),
    ("quotemarks", "quote spans"),
    ("attribution", "cues, speakers and content per unit"),
    ("speakers", "speakers for quotes no cue claimed"),
    ("coref", "entities"),
)


class EmbeddedBackend:
    """Runs the rule stages over plain text."""

    name = "embedded"

    def __init__(
        self,
        lang: Language | str | CueLexicon | None = None,
        *,
        abbreviations: Iterable[str] | None = None,
    ) -> None:
        if isinstance(lang, CueLexicon):  # the cues of an English pipeline, as before languages were data
            lang = get_language("en").with_lexicon(lang)
        self.lang = get_language(lang if lang is not None else "en", abbreviations=abbreviations)
        self.lexicon = self.lang.cues

    def sentences(self, text: str) -> list[Sentence]:
        return split_sentences(text, lang=self.lang)

    def process(self, text: str) -> Result:
        lang = self.lang
        sentences = self.sentences(text)
        top = [q for q in find_quotes(text, lang) if q.depth == 0]
        units = build_units(sentences, top)
        cue_starts = cue_word_starts(text, lang.cues)
        readings = [read_unit(text, unit, lang, cue_starts) for unit in units]
        found = share_across_pieces(
            [f for r in readings for f in r.found] + link_unclaimed(text, readings, lang)
        )
        quotes, entities = resolve(text, to_quotes(text, found), lang)
        return Result(
            text, tuple(sentences), tuple(sorted(quotes, key=lambda q: (q.start, q.end))), tuple(entities)
        )
