"""Spark in local mode: add_quotes gives one row per quote, equal to Result.to_records() per document."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.slow

if shutil.which("java") is None:
    pytest.skip(
        "Spark needs Java on PATH (Debian: apt-get install -y openjdk-17-jre-headless)",
        allow_module_level=True,
    )
pyspark = pytest.importorskip("pyspark", reason="pyspark is optional: pip install 'quoteattr[spark]'")
pytest.importorskip("pandas", reason="add_quotes needs pandas: pip install 'quoteattr[spark]'")
pytest.importorskip("pyarrow", reason="add_quotes needs pyarrow: pip install 'quoteattr[spark]'")

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

from quoteattr import Pipeline  # noqa: E402
from quoteattr.errors import ConfigError  # noqa: E402
from quoteattr.spark import QUOTE_FIELDS, add_quotes, quote_schema  # noqa: E402

DOCS = [
    (10, '"The bridge will reopen in May," the mayor said. She added that tolls would not rise.'),
    (11, "The council met on Tuesday. Nothing was decided."),
    (12, 'According to the union, the strike will last a week. "We are ready," its leader said.'),
    (13, None),
]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("quoteattr-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2")  # several batches per partition
        .getOrCreate()
    )
    yield session
    session.stop()


def _frame(spark: SparkSession) -> Any:
    schema = T.StructType([T.StructField("doc", T.LongType()), T.StructField("body", T.StringType())])
    return spark.createDataFrame(DOCS, schema).repartition(2)


def _expected(id_name: str = "doc") -> list[dict[str, Any]]:
    pipeline = Pipeline()
    rows = []
    for doc_id, text in DOCS:
        if text is not None:
            rows.extend({id_name: doc_id, **r} for r in pipeline.process(text).to_records())
    return rows


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row.get("doc", row.get("doc_id")), row["quote_start"], row["quote_end"])


def test_one_row_per_quote_matching_the_library(spark: SparkSession) -> None:
    out = add_quotes(_frame(spark), text_col="body", id_col="doc")
    assert out.schema == quote_schema("doc", T.LongType())
    got = sorted((r.asDict() for r in out.collect()), key=_key)
    want = sorted(_expected(), key=_key)
    assert len(want) >= 3  # the sample really has quotes, so the comparison means something
    assert got == want
    assert {r["doc"] for r in got} <= {10, 12}


def test_without_an_id_column_a_doc_id_is_added(spark: SparkSession) -> None:
    frame = _frame(spark).select("body")
    out = add_quotes(frame, text_col="body")
    assert out.columns == ["doc_id", *(name for name, _ in QUOTE_FIELDS)]
    rows = out.collect()
    assert len(rows) == len(_expected())
    by_doc: dict[int, set[str]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], set()).add(r["quote_text"])
    assert len(by_doc) == 2  # two documents with quotes, each under its own id


def test_pipeline_options_reach_the_executors(spark: SparkSession) -> None:
    text = (
        "The minister blorped that the budget was too small."  # a made-up verb: only the extra cue knows it
    )
    frame = spark.createDataFrame([("a", text)], ["id", "text"])
    plain = add_quotes(frame, id_col="id").collect()
    extended = add_quotes(
        frame, id_col="id", pipeline_options={"cues": [("blorp", "verb", "clause", "blorp|blorps|blorped")]}
    ).collect()
    assert [r["cue"] for r in extended] == ["blorped"]
    assert plain == []


def test_bad_columns_are_config_errors(spark: SparkSession) -> None:
    frame = _frame(spark)
    with pytest.raises(ConfigError, match="no column 'text'"):
        add_quotes(frame)
    with pytest.raises(ConfigError, match="must be a string"):
        add_quotes(frame, text_col="doc")
    with pytest.raises(ConfigError, match="clashes"):
        add_quotes(frame.withColumnRenamed("doc", "kind"), text_col="body", id_col="kind")
