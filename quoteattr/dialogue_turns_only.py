"""Turn-taking without characters: the conversation stage for a language without character lexicons.

Why: the full stage (:mod:`quoteattr.dialogue_reader`) clusters names into characters and resolves
he/she with English word lists (gender, titles, forms of address). A language that ships only its
speech-tag verbs (``lexicons/<lang>/dialogue_verbs.txt``) still has the shape of a conversation: in a
run of paragraphs that each open with a quote (or a dialogue dash), a turn nobody tagged is spoken by
whoever spoke two turns before, or failing that two turns after. The speaker mention and entity are
the ones earlier stages gave that turn, so nothing is invented that the text does not name.

>>> text = '»Kommst du?« fragte Anna.\\n\\n»Gleich«, sagte Paul.\\n\\n»Wann denn?«\\n\\n»Bald.«'
>>> def span(s, **kw):
...     return Quote(text.index(s), text.index(s) + len(s), s, **kw)
>>> def name(s):
...     return Mention(text.index(s), text.index(s) + len(s), s)
>>> quotes = [span("Kommst du?", evidence="inverted", speaker=name("Anna")),
...           span("Gleich", evidence="inverted", speaker=name("Paul")),
...           span("Wann denn?", evidence="unattributed"), span("Bald.", evidence="unattributed")]
>>> [(q.text, q.speaker and q.speaker.text) for q in alternate(text, quotes, paragraph_bounds(text))]
[('Kommst du?', 'Anna'), ('Gleich', 'Paul'), ('Wann denn?', 'Anna'), ('Bald.', 'Paul')]
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .dialogue_text import paragraph_bounds, untagged
from .dialogue_turns import CONF_TURN
from .model import Mention, Quote, evolve_trusted

__all__ = ["alternate", "paragraph_bounds"]

#: A turn opens its paragraph when its quote starts this close to the paragraph start (a mark, a dash).
OPENS_WITHIN = 3


def alternate(text: str, quotes: Sequence[Quote], paragraphs: Sequence[int]) -> list[Quote]:
    """``quotes`` with each untagged turn of a dialogue run given the speaker of the turn two away."""
    by_par: dict[int, list[Quote]] = {}
    for q in sorted((q for q in quotes if q.kind == "direct"), key=lambda q: q.start):
        by_par.setdefault(bisect.bisect_right(paragraphs, q.start) - 1, []).append(q)
    turns = {p: qs for p, qs in by_par.items() if qs[0].start - paragraphs[p] <= OPENS_WITHIN}
    speaker: dict[int, Quote] = {}  # paragraph → the tagged quote that names its turn's speaker
    for p, qs in turns.items():
        tagged = next((q for q in qs if q.speaker is not None and not untagged(q, text)), None)
        if tagged is not None:
            speaker[p] = tagged
    changed: dict[tuple[int, int], Quote] = {}
    for order, step in ((sorted(turns), -2), (sorted(turns, reverse=True), 2)):  # forwards, then backwards
        for p in order:
            other = p + step
            if p in speaker or other not in speaker or p + step // 2 not in turns:
                continue  # tagged or already filled, or no turn two away in the same run
            source = speaker[p] = speaker[other]  # the alternation runs on from a filled turn
            for q in turns[p]:
                changed[(q.start, q.end)] = _take(q, source)
    return [changed.get((q.start, q.end), q) for q in quotes]


def _take(q: Quote, source: Quote) -> Quote:
    mention: Mention | None = source.speaker
    return evolve_trusted(
        q,
        speaker=mention,
        entity=source.entity,
        evidence="dialogue-turn",
        confidence=min(CONF_TURN, source.confidence),
    )
