"""The adversarial corpus (``tests/adversarial.py``): every hostile document finishes and its offsets hold.

Nothing here asserts a time; a hang shows up as a test that never ends (and ``benchmarks/linearity.py``
measures growth). Sizes are each case's ``test`` scale; the 20 MB paragraph is marked slow but runs in CI.
"""

from __future__ import annotations

import pytest
from adversarial import CASES, CORPUS, Case, paragraph
from invariants import check_quote_spans, check_result, check_sentences, check_tokens
from text_strategies import QUOTE_MARKS

from quoteattr import Pipeline, split_sentences
from quoteattr.chunking import process_in_chunks
from quoteattr.quotemarks import find_quotes
from quoteattr.tokens import tokenize

PIPELINE = Pipeline()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_finishes_with_exact_offsets(case: Case) -> None:
    text = case.make(case.test)
    result = PIPELINE.process(text)
    check_result(text, result)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_stages_on_case(case: Case) -> None:
    """Each stage alone, on a tenth of the size (the full pipeline above covers the full size)."""
    text = case.make(max(1, case.test // 10))
    check_sentences(text, split_sentences(text))
    check_quote_spans(text, find_quotes(text), QUOTE_MARKS)
    check_tokens(text, tokenize(text))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_generator_grows_linearly(case: Case) -> None:
    """The benchmark's 1x/10x ratio means something only if 10x the scale is about 10x the text."""
    small, large = len(case.make(1000)), len(case.make(10_000))
    assert 9 * small <= large <= 11 * small, (small, large)


def test_corpus_reaches_the_rules() -> None:
    """Cases meant to exercise attribution do: quotes with speakers come out."""
    for name in ("x_he_said_sentences", "paragraph", "one_speaker", "distinct_speakers", "mixed_scripts"):
        text = CORPUS[name].make(50)
        assert any(q.speaker is not None for q in PIPELINE.process(text).quotes), name


def test_mixed_scripts_pair_their_own_marks() -> None:
    text = CORPUS["mixed_scripts"].make(6)
    contents = {text[q.start : q.end] for q in find_quotes(text)}
    assert {"Мы не закроем ни одной библиотеки", "Wir schaffen das", "はい"} <= contents


def test_chunked_hostile_documents() -> None:
    """The size policy on every case, with pieces small enough that each document is cut many times."""
    for case in CASES:
        text = case.make(max(1, case.test // 20))
        check_result(text, process_in_chunks(text, PIPELINE.process, 5_000))


@pytest.mark.slow
def test_twenty_megabyte_paragraph() -> None:
    """One 20 MB paragraph of news sentences, through the size policy (pieces of 1,000,000 characters)."""
    text = paragraph(20_000_000)
    assert len(text) >= 20_000_000
    result = process_in_chunks(text, PIPELINE.process, 1_000_000)
    check_result(text, result)
    assert len(result.quotes) > 100_000
