"""Wrong input types fail at the door with a TypeError that says what was expected and what came."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from quoteattr import Pipeline, extract, extract_many, split_sentences

PIPELINE = Pipeline()
ENTRY_POINTS: dict[str, Callable[[Any], Any]] = {
    "extract": extract,
    "Pipeline.process": PIPELINE.process,
    "split_sentences": split_sentences,
    "Pipeline.pipe": lambda doc: list(PIPELINE.pipe([doc])),
    "extract_many": lambda doc: list(extract_many([doc])),
}
BAD = {"None": None, "bytes": b'"Yes," she said.', "bytearray": bytearray(b"x"), "list": ["a"], "int": 5}


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=list(ENTRY_POINTS))
@pytest.mark.parametrize("bad", BAD, ids=list(BAD))
def test_wrong_type_names_str_and_what_came(entry: str, bad: str) -> None:
    value = BAD[bad]
    with pytest.raises(TypeError) as info:
        ENTRY_POINTS[entry](value)
    message = str(info.value)
    assert "str" in message and type(value).__name__ in message, message


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=list(ENTRY_POINTS))
def test_str_subclass_is_accepted(entry: str) -> None:
    class Text(str):
        pass

    ENTRY_POINTS[entry](Text('"Yes," she said.'))


def test_bytes_hint_says_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        split_sentences(b"One. Two.")  # type: ignore[arg-type]
