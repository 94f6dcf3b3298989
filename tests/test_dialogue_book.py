"""Whole books (issue 13, item 6): characters carry across the size-policy pieces of a long text.

The texts are built here from invented sentences, varied so that no two pieces are alike.
"""

from __future__ import annotations

import pytest

from quoteattr import Pipeline
from quoteattr.chunking import chunk_bounds, process_in_chunks
from quoteattr.dialogue_book import current_book, read_book

_WEATHER = ("rain", "wind", "fog", "sleet", "thunder", "frost", "drizzle")
_PLACES = ("the mill", "the harbour", "the orchard", "the chapel", "the market", "the ridge")


def _filler(n: int) -> str:
    """``n`` paragraphs of narration naming nobody (varied, so no two are the same)."""
    paras = []
    for i in range(n):
        w, p = _WEATHER[i % len(_WEATHER)], _PLACES[(i * 5) % len(_PLACES)]
        paras.append(f"The {w} came over {p} on day {i}, and the roads were empty until the evening bell.")
    return "\n\n".join(paras)


def _three_pieces(max_chars: int) -> tuple[str, int]:
    """A text whose first piece introduces a woman by name and whose last piece has her "she said"."""
    opening = (
        "Marguerite Olsen kept the lighthouse alone; she had kept it for eleven years.\n\n"
        '"Another storm," Marguerite sighed, and she lit the lamp.\n\n'
        '"Will it hold?" she asked the gulls.'
    )
    closing = 'Late that night someone knocked.\n\n"Who is there?" she said.'
    text = opening + "\n\n" + _filler(3 * max_chars // 90) + "\n\n" + closing
    return text, text.index("Who is there?")


def test_a_character_named_in_the_first_piece_speaks_in_the_last() -> None:
    max_chars = 2000
    text, at = _three_pieces(max_chars)
    assert len(chunk_bounds(text, max_chars)) >= 3
    result = Pipeline(max_chars=max_chars).process(text)
    line = next(q for q in result.quotes if q.start == at)
    assert line.speaker is not None and line.speaker.text == "she"
    assert line.entity is not None and line.entity.name == "Marguerite Olsen"
    first = next(q for q in result.quotes if q.text.startswith("Another storm"))
    assert first.entity is line.entity, "one entity for the character, whichever piece she speaks in"
    assert all(text[q.start : q.end] == q.text for q in result.quotes)
    assert all(text[m.start : m.end] == m.text for e in result.entities for m in e.mentions)


def test_without_the_book_the_last_piece_cannot_name_her() -> None:
    """The same pieces read independently (the old size policy): the test above can fail."""
    max_chars = 2000
    text, at = _three_pieces(max_chars)
    result = process_in_chunks(text, Pipeline(max_chars=None).process, max_chars)
    line = next(q for q in result.quotes if q.start == at)
    assert line.entity is None or line.entity.name != "Marguerite Olsen"


def test_news_pieces_are_not_made_fiction() -> None:
    """A book is fiction only once a piece reads as dialogue: news pieces keep the news rules."""
    para = 'The council voted on Tuesday. "We will fix the bridge," said Mayor Ana Ruiz, 54.'
    text = "\n\n".join(f"{para} Item {i}." for i in range(60))
    result = Pipeline(max_chars=800).process(text)
    assert result.quotes and all(not q.evidence.startswith("dialogue") for q in result.quotes)


def test_the_book_is_gone_after_the_call() -> None:
    read_book("One. Two.\n\nThree.", Pipeline(max_chars=None).process, 8)
    assert current_book() is None


def _novel(size: int) -> str:
    """A long invented novel: two people talking, scene after scene, with varied lines."""
    scenes = []
    i = 0
    total = 0
    while total < size:
        w, p = _WEATHER[i % len(_WEATHER)], _PLACES[(i * 5) % len(_PLACES)]
        scene = (
            f"Chapter {i + 1}\n\nHester Lind walked to {p} in the {w}; she carried a basket.\n\n"
            f'"Is it far?" asked her brother Tobias.\n\n"Not {i} miles," she said.\n\n'
            f'"Then we rest at {p}."\n\n"We never rest," Hester laughed.'
        )
        scenes.append(scene)
        total += len(scene) + 2
        i += 1
    return "\n\n".join(scenes)


@pytest.mark.slow
def test_a_one_megabyte_novel_runs_in_one_call_with_one_entity_per_character() -> None:
    text = _novel(1_100_000)
    result = Pipeline(max_chars=200_000).process(text)
    assert len(chunk_bounds(text, 200_000)) >= 5
    assert all(text[q.start : q.end] == q.text for q in result.quotes)
    names = [e.name for e in result.entities if e.name.startswith("Hester")]
    assert len(names) == 1, names
    hester = [q for q in result.quotes if q.entity is not None and q.entity.name.startswith("Hester")]
    assert len(hester) > len(result.quotes) // 3
