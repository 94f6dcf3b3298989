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


# --------------------------------------------------------------------------- iterables of texts

ITERABLE_ENTRY_POINTS: dict[str, Callable[[Any], Any]] = {
    "Pipeline.pipe": PIPELINE.pipe,
    "extract_many": extract_many,
    "extract_many with ids": lambda texts: extract_many(texts, ids=[1, 2, 3]),
}


@pytest.mark.parametrize("entry", ITERABLE_ENTRY_POINTS, ids=list(ITERABLE_ENTRY_POINTS))
@pytest.mark.parametrize("single", ['"Yes," she said.', b'"Yes," she said.', 5, None])
def test_a_single_text_or_a_non_iterable_is_refused_at_the_call(entry: str, single: object) -> None:
    """``pipe("abc")`` used to process "a", "b", "c" one character at a time."""
    with pytest.raises(TypeError) as info:
        list(ITERABLE_ENTRY_POINTS[entry](single))
    message = str(info.value)
    assert "iterable of str" in message and type(single).__name__ in message, message
    assert ("docs" if entry == "Pipeline.pipe" else "texts") in message, message


def test_pipe_refuses_a_str_before_iterating() -> None:
    with pytest.raises(TypeError, match="single str"):
        PIPELINE.pipe("abc")  # raised at the call, not at the first next()


def test_extract_many_with_ids_names_the_bad_item_type() -> None:
    results = extract_many(["a", None], ids=[1, 2])  # type: ignore[list-item]
    assert next(results)[0] == 1
    with pytest.raises(TypeError, match=r"\bstr\b.*NoneType"):
        next(results)


def test_extract_many_checks_pipeline_and_ids() -> None:
    with pytest.raises(TypeError, match=r"pipeline.*str"):
        extract_many(["a"], "embedded")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"ids.*int"):
        extract_many(["a"], ids=3)  # type: ignore[call-overload]


# --------------------------------------------------------------------------- Pipeline options

BAD_OPTIONS: list[tuple[dict[str, Any], str, str]] = [
    ({"backend": 3}, "backend", "int"),
    ({"backend": None}, "backend", "NoneType"),
    ({"cues": 3}, "cues", "int"),
    ({"cues": b"cues.tsv"}, "cues", "bytes"),
    ({"cues": {"say": "verb"}}, "cues", "dict"),
    ({"abbreviations": 3}, "abbreviations", "int"),
    ({"abbreviations": ["Gov.", 3]}, "abbreviations", "int"),
    ({"abbreviations": b"Gov."}, "abbreviations", "bytes"),
    ({"max_chars": "100"}, "max_chars", "str"),
    ({"max_chars": 1.5}, "max_chars", "float"),
]


@pytest.mark.parametrize(("kwargs", "param", "got"), BAD_OPTIONS, ids=[f"{p}-{g}" for _, p, g in BAD_OPTIONS])
def test_pipeline_options_of_the_wrong_type_name_the_parameter_and_the_type(
    kwargs: dict[str, Any], param: str, got: str
) -> None:
    with pytest.raises(TypeError) as info:
        Pipeline(**kwargs)
    message = str(info.value)
    assert param in message and got in message, message


def test_a_str_of_abbreviations_is_one_abbreviation() -> None:
    text = "They met Cpt. Hale on Monday. He left."
    assert len(Pipeline().process(text).sentences) == 3, "'Cpt.' is not a shipped abbreviation"
    one = [s.text for s in Pipeline(abbreviations="Cpt.").process(text).sentences]
    assert one == ["They met Cpt. Hale on Monday.", "He left."]
    assert [s.text for s in Pipeline(abbreviations=["Cpt."]).process(text).sentences] == one


def test_public_signatures_say_str() -> None:
    import inspect

    import quoteattr

    assert inspect.signature(quoteattr.extract).parameters["text"].annotation == "str"
    assert "Iterable[str]" in str(inspect.signature(quoteattr.extract_many).parameters["texts"].annotation)
    assert "Iterable[str]" in str(inspect.signature(Pipeline.pipe).parameters["docs"].annotation)
    assert str(inspect.signature(Pipeline.process).parameters["doc"].annotation).startswith("str")
