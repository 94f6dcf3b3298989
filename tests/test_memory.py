"""Memory held across documents stays bounded (issue 10): caches keyed by mention text must not keep
every long capitalised token they ever saw. Bounds on memory are deterministic enough to test; timings
are not, so none are asserted here."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from quoteattr import Pipeline


def _documents(n: int, token_chars: int) -> list[str]:
    """Texts whose speaker mentions are huge one-word names, plus realistic long names, all distinct."""
    docs = []
    for i in range(n):
        letter = chr(ord("A") + i % 26)
        token = letter + letter.lower() * token_chars + f"x{i}"
        if i % 3 == 0:
            docs.append(f'"Yes," {token} said. "No," Mr {token} Smith added. {token} Jones said it failed.')
        elif i % 3 == 1:
            docs.append(f'"Yes," {"A" * token_chars}{i} said.')
        else:
            name = f"Maria-Luisa del Carmen Fernandez-Whitcombe{i} y Santa Ana"
            docs.append(f'"We will appeal," {name} said. Chief Inspector {name} added that it was unfair.')
    return docs


def held_after(docs: list[str]) -> int:
    """Bytes still allocated after processing ``docs`` (and a full collection)."""
    pipeline = Pipeline()
    pipeline.process('"Warm up," Ana Ruiz said.')  # lexicons and patterns load once, not per document
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for text in docs:
            pipeline.process(text)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_long_speaker_tokens_are_not_kept_across_documents() -> None:
    # 60 such documents kept about 8 MB before the caches were bounded, and 0.4 MB after.
    assert held_after(_documents(60, 100_000)) < 2_000_000


@pytest.mark.slow
def test_six_hundred_documents_with_100_kb_speaker_tokens_leave_at_most_40_mb() -> None:
    assert held_after(_documents(600, 100_000)) <= 40_000_000
