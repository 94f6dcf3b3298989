"""Count quotes per speaker across a folder of articles with pandas.

    python examples/pandas_speakers.py [FOLDER]

``Result.to_records()`` gives one flat dict per quote, which is all pandas needs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import quoteattr


def quotes_frame(folder: Path) -> pd.DataFrame:
    pipeline = quoteattr.Pipeline()
    rows = []
    for path in sorted(folder.glob("*.txt")):
        result = pipeline.process(path.read_text(encoding="utf-8"))
        rows += [{"doc": path.name, **record} for record in result.to_records()]
    return pd.DataFrame(rows)


def main(folder: Path) -> None:
    frame = quotes_frame(folder)
    if frame.empty:
        print("no quotes found")
        return
    # A quote with a speaker always has an entity (an unresolved pronoun keeps its text); no speaker, none.
    frame["who"] = frame["entity"].fillna(frame["speaker"]).fillna("(unknown)")
    table = frame.pivot_table(
        index="who", columns="kind", values="quote_start", aggfunc="count", fill_value=0
    )
    table["total"] = table.sum(axis=1)
    table["mean confidence"] = frame.groupby("who")["confidence"].mean().round(2)
    with pd.option_context("display.width", 120, "display.max_columns", 10):
        print(table.sort_values("total", ascending=False))


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "seeds"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
