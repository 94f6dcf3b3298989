"""Size policy (``quoteattr.chunking``): pieces cover the text, cut where little is lost, offsets stay exact.

Small ``max_chars`` values keep these fast; the policy does not depend on the size.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_result
from text_strategies import hostile_text

from quoteattr import ConfigError, Pipeline, split_sentences
from quoteattr.chunking import chunk_bounds, merge_results, process_in_chunks
from quoteattr.model import Result

PIPELINE = Pipeline()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(hostile_text, st.integers(1, 80))
def test_pieces_cover_the_text_in_order(text: str, max_chars: int) -> None:
    bounds = chunk_bounds(text, max_chars)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, b), (c, _) in itertools.pairwise(bounds):
        assert b == c
    for a, b in bounds:
        assert 0 < b - a <= max_chars or len(text) == 0


@SETTINGS
@given(hostile_text, st.integers(8, 120))
def test_chunked_result_keeps_exact_offsets(text: str, max_chars: int) -> None:
    result = process_in_chunks(text, PIPELINE.process, max_chars)
    check_result(text, result)


def test_cut_prefers_a_paragraph_break() -> None:
    text = "First one. Still first.\n\nSecond one. Still second."
    assert chunk_bounds(text, 40) == [(0, 23), (23, len(text))]


def test_cut_falls_back_to_a_sentence_end_then_whitespace() -> None:
    assert chunk_bounds("Alpha beta. Gamma delta epsilon", 20)[0] == (0, 11)
    assert chunk_bounds("alpha beta gamma delta epsilon", 20)[0] == (0, 16)


@pytest.mark.parametrize(
    "joined",
    ["e\u0301\u0301", "👍🏽", "👨\u200d👩\u200d👧", "\U0001d400", "\ud83d\udc4d"],
    ids=["combining", "skin-tone", "zwj", "astral", "surrogate-pair"],
)
def test_hard_cut_does_not_split_a_character(joined: str) -> None:
    """A giant token is cut anywhere, but never inside a combining, emoji or surrogate sequence."""
    text = ("x" * 9 + joined) * 30
    for a, b in chunk_bounds(text, 10 + len(joined) // 2):
        piece = text[a:b]
        assert not piece.startswith(("\u0301", "\u200d", "\U0001f3fd", "\udc4d")), (a, b, piece)


def test_paragraphs_cut_at_breaks_split_like_the_whole_text() -> None:
    """Sentence splitting is paragraph-local, so cutting at blank lines must not change any sentence."""
    quoted = '"Paragraph {} is here," Mara Quill{} said. She added that it works.'
    paragraphs = [quoted.format(i, i) if i % 2 else f"Plain {i}. Text." for i in range(40)]
    text = "\n\n".join(paragraphs)
    chunked = process_in_chunks(text, PIPELINE.process, 100)
    assert len(chunk_bounds(text, 100)) >= 20
    assert chunked.sentences == tuple(split_sentences(text))
    whole = PIPELINE.process(text)
    assert [(q.start, q.end, q.kind) for q in chunked.quotes] == [
        (q.start, q.end, q.kind) for q in whole.quotes
    ]
    check_result(text, chunked)


def test_entities_are_renumbered_across_pieces() -> None:
    text = '"One," Ana Ruiz said.\n\n"Two," Karl Vos said.\n\n"Three," Ana Ruiz said.'
    result = process_in_chunks(text, PIPELINE.process, 25)
    assert [e.id for e in result.entities] == list(range(len(result.entities)))
    assert [q.entity.name for q in result.quotes if q.entity] == ["Ana Ruiz", "Karl Vos", "Ana Ruiz"]
    check_result(text, result)


def test_merge_of_one_piece_is_the_piece() -> None:
    text = '"Yes," she said.'
    result = PIPELINE.process(text)
    assert merge_results(text, [(0, result)]).to_dict() == result.to_dict()


def test_blank_pieces_give_empty_results() -> None:
    text = "A said that it works." + " " * 50 + "B said that it works."
    result = process_in_chunks(text, PIPELINE.process, 22)
    assert isinstance(result, Result)
    check_result(text, result)


@pytest.mark.parametrize("bad", [0, -1, 1.5, "10", True])
def test_max_chars_must_be_a_positive_int(bad: object) -> None:
    with pytest.raises(ConfigError, match="max_chars"):
        chunk_bounds("text", bad)  # type: ignore[arg-type]


def test_pipeline_max_chars() -> None:
    """``Pipeline(max_chars=...)`` processes a long document in pieces (hook in quoteattr/pipeline.py)."""
    text = "\n\n".join(f'"Part {i}," Mara Quill said.' for i in range(50))
    small = Pipeline(max_chars=60)
    result = small.process(text)
    check_result(text, result)
    assert len(result.quotes) == 50
    assert result.sentences == tuple(split_sentences(text))
    with pytest.raises(ConfigError):
        Pipeline(max_chars=0)
