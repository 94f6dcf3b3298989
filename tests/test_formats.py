"""Output writers: each format round-trips through its standard reader, and writing streams."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest

from quoteattr.errors import ConfigError
from quoteattr.formats import CSV_COLUMNS, FORMATS, write_results
from quoteattr.model import Cue, Entity, Mention, Quote, Result, Sentence


def _doc_one() -> Result:
    text = 'Rae said "rain, then \u201csun\u201d\nlater". Nobody replied.'
    rae = Entity(0, "Rae Lin", (Mention(0, 3, "Rae"),))
    start, end = text.index("rain"), text.index('". Nobody')
    quote = Quote(
        start, end, text[start:end], cue=Cue(4, 8, "said", lemma="say"), speaker=Mention(0, 3, "Rae"),
        entity=rae, confidence=0.8125, evidence="postposed-verb",
    )  # fmt: skip
    return Result(text, sentences=(Sentence(0, end + 2, text[: end + 2]),), quotes=(quote,), entities=(rae,))


def _doc_two() -> Result:
    text = "Officials said that the road, a, b would close. It was late."
    end = text.index(" It")
    return Result(text, quotes=(Quote(15, end, text[15:end], kind="indirect", cue=Cue(10, 14, "said")),))


def _empty() -> Result:
    return Result("Nothing quoted here.")


ITEMS = [("one", _doc_one()), ('two,"odd" id', _doc_two()), ("three", _empty())]


def _write(fmt: str) -> str:
    out = io.StringIO()
    write_results(iter(ITEMS), fmt, out)
    return out.getvalue()


def test_jsonl_is_one_document_per_line() -> None:
    lines = _write("jsonl").splitlines()
    assert len(lines) == 3
    for line, (doc_id, result) in zip(lines, ITEMS, strict=True):
        assert json.loads(line) == {"id": doc_id, **result.to_dict()}


def test_json_is_one_array_of_the_same_objects() -> None:
    data = json.loads(_write("json"))
    assert data == [{"id": doc_id, **r.to_dict()} for doc_id, r in ITEMS]


def test_json_with_no_documents_is_an_empty_array() -> None:
    out = io.StringIO()
    write_results([], "json", out)
    assert json.loads(out.getvalue()) == []


def test_csv_has_one_row_per_quote_and_the_record_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(_write("csv"))))
    assert [r["id"] for r in rows] == ["one", 'two,"odd" id']  # the quote-less document adds no row
    assert tuple(rows[0]) == CSV_COLUMNS
    first = rows[0]
    assert first["quote_text"] == "rain, then \u201csun\u201d\nlater"  # commas, quotes and newlines survive
    assert (first["speaker"], first["entity"], first["cue"], first["confidence"]) == (
        "Rae",
        "Rae Lin",
        "said",
        "0.812",
    )
    assert rows[1]["speaker"] == "" and rows[1]["kind"] == "indirect"


def test_csv_columns_follow_result_records() -> None:
    # If Result.to_records grows or renames a field, the CSV header must follow.
    assert CSV_COLUMNS[1:] == tuple(_doc_one().to_records()[0])


def test_csv_reads_into_pandas_with_nullable_columns() -> None:
    pd = pytest.importorskip("pandas", reason="pandas is an optional dependency (pip install pandas)")
    frame = pd.read_csv(io.StringIO(_write("csv")))
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == 2
    assert frame["quote_start"].tolist() == [10, 15]
    assert frame["speaker"].isna().tolist() == [False, True]


def test_empty_input_still_writes_a_csv_header() -> None:
    out = io.StringIO()
    write_results([], "csv", out)
    assert out.getvalue() == ",".join(CSV_COLUMNS) + "\n"


def test_html_has_a_section_per_document() -> None:
    page = _write("html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('<section class="doc">') == 3
    assert "two,&quot;odd&quot; id" in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_stream_instead_of_collecting(fmt: str) -> None:
    """Each document is written before the next one is asked for."""
    out = io.StringIO()
    seen: list[int] = []

    def gen() -> Iterator[tuple[str, Result]]:
        for item in ITEMS:
            seen.append(len(out.getvalue()))
            yield item
        seen.append(len(out.getvalue()))

    write_results(gen(), fmt, out)
    # Output grows between pulls of the first documents (both have quotes, so every format writes them).
    assert seen[0] < seen[1] < seen[2]


def test_unknown_format_is_a_config_error_and_writes_nothing() -> None:
    out = io.StringIO()
    with pytest.raises(ConfigError, match="jsonl, json, csv, html"):
        write_results(ITEMS, "xml", out)
    assert out.getvalue() == ""
