"""The embedded backend: surface rules only, no model, works offline right after install.

Stages run in a fixed order, each a function of what the previous ones made (:data:`STAGES`, each
declaring what it reads and adds, checked by :func:`quoteattr.stages.check`)::

    text → sentences → quote spans → units → readings → found (+ unclaimed quotes) → found (mentions
    that name nobody dropped) → quotes, entities
    → dialogue (fiction: turns, vocatives, characters; languages that ship its word lists)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..addressees import tell_addressees
from ..attribution import read_units
from ..coref import resolve
from ..dialogue import CharacterSource, characters_from, converse
from ..language import Language, get_language
from ..lexicons import CueLexicon, has_file
from ..mentions import build_layer, clean_speakers
from ..model import Result, Sentence
from ..quotemarks import find_quotes
from ..records import to_quotes
from ..segment import split_sentences
from ..speakers import link_unclaimed, share_across_pieces
from ..stages import Stage, Work, check, run, stage
from ..units import build_units


def _segment(w: Work) -> Work:
    return attrs.evolve(w, sentences=tuple(split_sentences(w.text, lang=w.lang)))


def _quotemarks(w: Work) -> Work:
    return attrs.evolve(w, quote_spans=tuple(q for q in find_quotes(w.text, w.lang) if q.depth == 0))


def _units(w: Work) -> Work:
    assert w.sentences is not None and w.quote_spans is not None  # guaranteed by the checked order
    return attrs.evolve(w, units=tuple(build_units(w.sentences, w.quote_spans)))


def _attribution(w: Work) -> Work:
    assert w.units is not None
    return attrs.evolve(w, readings=tuple(read_units(w.text, w.units, w.lang)))


def _speakers(w: Work) -> Work:
    assert w.readings is not None
    found = [f for r in w.readings for f in r.found] + link_unclaimed(w.text, w.readings, w.lang)
    return attrs.evolve(w, found=tuple(share_across_pieces(found)))


def _mentions(w: Work) -> Work:
    """Speaker mentions trimmed (those naming nobody dropped), and the referent layer (issue 12)."""
    assert w.found is not None and w.units is not None
    found = tuple(clean_speakers(w.found, w.lang))
    speakers = [f.speaker for f in found if f.speaker is not None]
    # the attribution stage's tokens, when it ran (not a requirement: a parse-only run has no readings),
    # so each unit is tokenised once per document
    tokens = [r.items for r in w.readings] if w.readings is not None else []
    return attrs.evolve(w, found=found, mentions=build_layer(w.text, w.units, speakers, w.lang, tokens))


def _coref(w: Work) -> Work:
    assert w.found is not None and w.mentions is not None
    quotes, entities = resolve(w.text, to_quotes(w.text, w.found), w.lang, w.mentions)
    return attrs.evolve(
        w, quotes=tuple(sorted(quotes, key=lambda q: (q.start, q.end))), entities=tuple(entities)
    )


def _addressees(w: Work) -> Work:
    """News: the listener a "tell" verb names becomes the quote's addressee (issue 12)."""
    assert w.quotes is not None
    return attrs.evolve(w, quotes=tuple(tell_addressees(w.text, w.quotes, w.lang)))


#: A language takes part in the conversation stage when it ships the stage's word lists.
DIALOGUE_LEXICON = "dialogue_verbs.txt"


def _dialogue(w: Work) -> Work:
    """Fiction: speakers of dialogue from turns, vocatives and characters (issue 13)."""
    assert w.quote_spans is not None and w.quotes is not None and w.entities is not None
    if not has_file(DIALOGUE_LEXICON, w.lang.code):
        return w
    quotes, entities = converse(
        w.text, w.quotes, w.entities, w.characters, marks=w.quote_spans, lang=w.lang.code
    )
    return attrs.evolve(
        w, quotes=tuple(sorted(quotes, key=lambda q: (q.start, q.end))), entities=tuple(entities)
    )


#: The stages, in order, with what each reads and adds (checked at import; docs/architecture.md).
STAGES: tuple[Stage, ...] = check(
    (
        stage("segment", "text lang", "sentences", _segment),
        stage("quotemarks", "text lang", "quote_spans", _quotemarks),
        stage("units", "sentences quote_spans", "units", _units),
        stage("attribution", "text lang units", "readings", _attribution),
        stage("speakers", "text lang readings", "found", _speakers),
        stage("mentions", "text lang units found", "found mentions", _mentions),
        stage("coref", "text lang found mentions", "quotes entities", _coref),
        stage("addressees", "text lang quotes", "quotes", _addressees),
        stage("dialogue", "text lang characters quote_spans quotes entities", "quotes entities", _dialogue),
    )
)


class EmbeddedBackend:
    """Runs the rule stages over plain text."""

    name = "embedded"

    def __init__(
        self,
        lang: Language | str | CueLexicon | None = None,
        *,
        abbreviations: Iterable[str] | None = None,
        characters: CharacterSource = None,
    ) -> None:
        if isinstance(lang, CueLexicon):  # the cues of an English pipeline, as before languages were data
            lang = get_language("en").with_lexicon(lang)
        self.lang = get_language(lang if lang is not None else "en", abbreviations=abbreviations)
        self.lexicon = self.lang.cues
        self.characters = tuple(characters_from(characters))

    def sentences(self, text: str) -> list[Sentence]:
        return split_sentences(text, lang=self.lang)

    def process(self, text: str) -> Result:
        w = run(STAGES, Work(text, self.lang, self.characters))
        assert w.sentences is not None and w.quotes is not None and w.entities is not None
        return Result(text, w.sentences, w.quotes, w.entities)
