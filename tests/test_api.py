"""The public API: ``extract``, ``Pipeline.process``/``pipe``, ``extract_many``; input handling and offsets.

The README example is run by ``tests/test_docs.py`` (every python fence) and ``tests/test_doctests.py``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import ConfigError, Pipeline, Result, extract, extract_many

SEED = Path(__file__).resolve().parent.parent / "seeds" / "soleimani_anniversary.txt"

TEXTS = [
    "“We open at nine,” Mayor Ivo Brandt said. She added that the market would stay shut.",
    "There are no quotes in this one. None at all.",
    "According to the harbour master, Pia Lund, the ferry will sail on Tuesday.",
    '"It is late," said Tomas Vik.\n\n"We will wait," he added.',
]


@pytest.fixture
def no_stanza(monkeypatch: pytest.MonkeyPatch) -> None:
    """``extract`` on a non-str checks whether it is a stanza Document; keep that check from importing
    the optional (and slow to import) stanza package, as on an install without it."""
    monkeypatch.setitem(sys.modules, "stanza", None)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u2003"])
def test_empty_or_whitespace_gives_an_empty_result(text: str) -> None:
    for result in (extract(text), Pipeline().process(text)):
        assert isinstance(result, Result)
        assert result.text == text
        assert result.quotes == () and result.sentences == () and result.entities == ()
        assert len(result) == 0


NOT_TEXT = [None, b"He said so.", ["He said so."], 42]


@pytest.mark.usefixtures("no_stanza")
@pytest.mark.parametrize("value", NOT_TEXT, ids=lambda v: type(v).__name__)
def test_extract_rejects_non_str_naming_str(value: Any) -> None:
    with pytest.raises(TypeError, match=r"\bstr\b") as info:
        extract(value)
    assert type(value).__name__ in str(info.value)


@pytest.mark.parametrize("value", NOT_TEXT, ids=lambda v: type(v).__name__)
def test_pipeline_process_rejects_non_str_naming_str(value: Any) -> None:
    with pytest.raises(TypeError, match=r"\bstr\b") as info:
        Pipeline().process(value)
    assert type(value).__name__ in str(info.value)


def test_pipe_is_lazy_and_in_order() -> None:
    consumed: list[int] = []

    def texts() -> Iterator[str]:
        for n, text in enumerate(TEXTS):
            consumed.append(n)
            yield text

    results = Pipeline().pipe(texts())
    assert consumed == [], "nothing is read before the first result is asked for"
    first = next(results)
    assert consumed == [0]
    assert first.text == TEXTS[0]
    rest = list(results)
    assert consumed == list(range(len(TEXTS)))
    assert [r.text for r in [first, *rest]] == TEXTS


def test_pipe_equals_extract_per_text() -> None:
    piped = [r.to_dict() for r in Pipeline().pipe(iter(TEXTS))]
    assert piped == [extract(t).to_dict() for t in TEXTS]
    assert any(d["quotes"] for d in piped), "the texts have quotes to compare"


def test_pipe_raises_on_a_bad_item_only_when_it_is_reached() -> None:
    results = Pipeline().pipe([TEXTS[0], None])
    assert next(results).quotes
    with pytest.raises(TypeError, match="str"):
        next(results)


def test_extract_many_streams_with_default_or_given_pipeline() -> None:
    many = extract_many(iter(TEXTS))
    assert not isinstance(many, list)
    assert [r.to_dict() for r in many] == [extract(t).to_dict() for t in TEXTS]
    custom = Pipeline(cues=[("harrumph", "verb", "clause", "harrumphed")])
    [r] = list(extract_many(["Pia Lund harrumphed that the fee was absurd."], custom))
    assert [q.cue.text for q in r.quotes if q.cue] == ["harrumphed"]


@pytest.mark.parametrize(("args", "kwargs"), [(("nope",), {}), (("Embedded",), {}), ((), {"colour": "red"})])
def test_bad_pipeline_configuration_raises_config_error(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    with pytest.raises(ConfigError) as info:
        Pipeline(*args, **kwargs)
    assert isinstance(info.value, ValueError), "ConfigError can be caught as ValueError"


def test_unknown_backend_message_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="embedded"):
        Pipeline("nope")


def _all_spans(result: Result) -> Iterator[Any]:
    yield from result.sentences
    for q in result.quotes:
        yield q
        if q.cue is not None:
            yield q.cue
        if q.speaker is not None:
            yield q.speaker
    for e in result.entities:
        yield from e.mentions


def test_every_span_of_the_seed_article_slices_back_exactly() -> None:
    text = SEED.read_text(encoding="utf-8")
    result = extract(text)
    spans = list(_all_spans(result))
    assert len(result.quotes) >= 5 and len(result.sentences) >= 10
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text, s
    for q in result.quotes:
        assert q.entity is None or q.entity in result.entities


def test_input_text_is_not_altered() -> None:
    """Odd whitespace, CRLF, combining marks and curly quotes come back untouched, and spans fit them."""
    text = "“Nous y allons,”\u00a0said Zoë\u0301 Marchetti.\r\n\r\n\tShe added that the vote\u2009was close."
    copy = "".join(list(text))
    result = extract(text)
    assert text == copy
    assert result.text == text
    assert result.quotes, "the example has quotes"
    for s in _all_spans(result):
        assert text[s.start : s.end] == s.text


def test_results_serialise_to_json() -> None:
    for r in extract_many(TEXTS):
        assert json.loads(json.dumps(r.to_dict(), ensure_ascii=False)) == r.to_dict()


def test_front_door_exports() -> None:
    for name in quoteattr.__all__:
        assert hasattr(quoteattr, name), name
    assert {"extract", "extract_many", "Pipeline", "Result", "Quote", "ConfigError"} <= set(quoteattr.__all__)


def test_extract_many_with_ids_pairs_each_result_with_its_id() -> None:
    texts = ['"We will win," said Ana Ruiz.', "No quotes here.", "Officials said the bridge would reopen."]
    pairs = list(extract_many(texts, ids=["a", "b", "c"]))
    assert [i for i, _ in pairs] == ["a", "b", "c"]
    assert [r.to_dict() for _, r in pairs] == [extract(t).to_dict() for t in texts]
    rows = [{"doc": i, **rec} for i, r in pairs for rec in r.to_records()]
    assert {row["doc"] for row in rows} == {"a", "c"}


def test_extract_many_ids_and_texts_must_have_the_same_length() -> None:
    with pytest.raises(ValueError, match="more ids"):
        list(extract_many(["One text."], ids=[1, 2]))
    with pytest.raises(ValueError, match="more texts"):
        list(extract_many(["One.", "Two."], ids=[1]))
