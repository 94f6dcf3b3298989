"""Run quoteattr over a Spark DataFrame of texts: one output row per quote.

:func:`add_quotes` uses ``mapInPandas``: each partition builds one
:class:`~quoteattr.Pipeline` (lexicons load once per partition, not per row)
and streams its Arrow batches through it, so no executor ever holds more than
one batch of texts. quoteattr must be installed on the executors
(``pip install quoteattr`` there, or ship it with ``--py-files``).

Output schema (in this order; every quote column is nullable):

=================  ==========  ====================================================
column             type        meaning
=================  ==========  ====================================================
``<id_col>``       as input    the document's id (``doc_id``: long, when no ``id_col``)
``quote_start``    long        character offset of the quote in the text
``quote_end``      long        end offset (exclusive); ``text[start:end] == quote_text``
``quote_text``     string      the quoted words (no quote marks for direct quotes)
``kind``           string      ``direct``, ``indirect`` or ``mixed``
``confidence``     double      0–1, rounded to 3 places
``cue``            string      the reporting cue (``said``, ``according to``) or null
``cue_start``      long        offset of the cue, or null
``speaker``        string      the speaker mention as written (``She``), or null
``speaker_start``  long        offset of the speaker mention, or null
``speaker_end``    long        end offset of the speaker mention, or null
``entity_id``      long        the speaker entity's id, unique within its document
``entity``         string      the speaker's canonical name (``Ada Obi`` for ``She``)
=================  ==========  ====================================================

The quote columns are exactly :meth:`quoteattr.model.Result.to_records`.
Documents with no quotes, or a null text, produce no rows (join back on the id
to keep them). Without ``id_col`` a ``doc_id`` column is added with
``monotonically_increasing_id()``: unique per document, not consecutive.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from pyspark.sql import functions as F
from pyspark.sql import types as T

from quoteattr.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    from pyspark.sql import DataFrame

#: The per-quote columns, as (name, Spark type), in the order of ``Result.to_records()``.
QUOTE_FIELDS: tuple[tuple[str, T.DataType], ...] = (
    ("quote_start", T.LongType()),
    ("quote_end", T.LongType()),
    ("quote_text", T.StringType()),
    ("kind", T.StringType()),
    ("confidence", T.DoubleType()),
    ("cue", T.StringType()),
    ("cue_start", T.LongType()),
    ("speaker", T.StringType()),
    ("speaker_start", T.LongType()),
    ("speaker_end", T.LongType()),
    ("entity_id", T.LongType()),
    ("entity", T.StringType()),
)

#: pandas dtypes that carry nulls through Arrow without turning integers into floats.
_PANDAS_DTYPES = {T.LongType: "Int64", T.DoubleType: "float64", T.StringType: "object"}

DEFAULT_ID = "doc_id"


def quote_schema(id_name: str = DEFAULT_ID, id_type: T.DataType | None = None) -> T.StructType:
    """The output schema of :func:`add_quotes` for an id column ``id_name`` of type ``id_type``."""
    fields = [T.StructField(id_name, id_type or T.LongType(), True)]
    fields += [T.StructField(name, dtype, True) for name, dtype in QUOTE_FIELDS]
    return T.StructType(fields)


def _quote_batches(
    batches: Iterator[pd.DataFrame], id_name: str, text_col: str, options: Mapping[str, Any]
) -> Iterator[pd.DataFrame]:
    """Run on an executor: one Pipeline for the whole partition, one output frame per input batch."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    from quoteattr.pipeline import Pipeline

    pipeline = Pipeline(**options)
    columns = [id_name, *(name for name, _ in QUOTE_FIELDS)]
    dtypes = {name: _PANDAS_DTYPES[type(dtype)] for name, dtype in QUOTE_FIELDS}
    for batch in batches:
        rows: list[dict[str, Any]] = []
        for doc_id, text in zip(batch[id_name].tolist(), batch[text_col].tolist(), strict=True):
            if not isinstance(text, str):  # null text: nothing to quote
                continue
            rows.extend({id_name: doc_id, **record} for record in pipeline.process(text).to_records())
        frame = pd.DataFrame(rows, columns=columns)
        yield frame.astype(dtypes)


def add_quotes(
    df: DataFrame,
    text_col: str = "text",
    id_col: str | None = None,
    *,
    pipeline_options: Mapping[str, Any] | None = None,
) -> DataFrame:
    """One row per quote found in ``df[text_col]``, keyed by ``id_col`` (schema in the module docstring).

    Args:
        df: any DataFrame with a string column ``text_col``.
        text_col: the column holding the texts.
        id_col: a column identifying each document, copied to the output with its type;
            ``None`` adds ``doc_id`` from ``monotonically_increasing_id()``.
        pipeline_options: keyword arguments for ``quoteattr.Pipeline`` on every executor
            (e.g. ``{"cues": [("grumble", "verb", "clause", "grumble|grumbles|grumbled")]}``); must pickle.

    Raises:
        ConfigError: a column is missing, not a string, or would clash with an output column.
    """
    options = dict(pipeline_options or {})
    if text_col not in df.columns:
        raise ConfigError(f"no column {text_col!r} in the DataFrame (columns: {', '.join(df.columns)})")
    if not isinstance(df.schema[text_col].dataType, T.StringType):
        raise ConfigError(
            f"column {text_col!r} must be a string, not {df.schema[text_col].dataType.simpleString()}"
        )
    quote_names = {name for name, _ in QUOTE_FIELDS}
    id_type: T.DataType
    if id_col is None:
        if DEFAULT_ID in df.columns:
            raise ConfigError(
                f"the DataFrame already has a {DEFAULT_ID!r} column; pass id_col={DEFAULT_ID!r}"
            )
        id_name, id_type = DEFAULT_ID, T.LongType()
        source = df.select(F.monotonically_increasing_id().alias(id_name), F.col(text_col))
    else:
        if id_col not in df.columns:
            raise ConfigError(f"no column {id_col!r} in the DataFrame (columns: {', '.join(df.columns)})")
        if id_col == text_col or id_col in quote_names:
            raise ConfigError(f"id_col {id_col!r} clashes with the text column or an output column")
        id_name, id_type = id_col, df.schema[id_col].dataType
        source = df.select(F.col(id_col), F.col(text_col))

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        return _quote_batches(batches, id_name, text_col, options)

    return source.mapInPandas(run, quote_schema(id_name, id_type))
