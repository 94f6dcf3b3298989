"""Turn a folder of .txt articles into one CSV with a row per quote (the file name is the id).

    python examples/folder_to_csv.py ARTICLES/ quotes.csv
    python examples/folder_to_csv.py ARTICLES/ > quotes.csv

Texts are read and processed one at a time, so the folder can be larger than memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import quoteattr
from quoteattr.formats import write_results
from quoteattr.model import Result


def results(folder: Path) -> Iterator[tuple[str, Result]]:
    pipeline = quoteattr.Pipeline()
    for path in sorted(folder.rglob("*.txt")):
        yield str(path.relative_to(folder)), pipeline.process(path.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if len(argv) == 2:
        with open(argv[1], "w", encoding="utf-8", newline="") as out:
            write_results(results(folder), "csv", out)
    else:
        write_results(results(folder), "csv", sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
