"""Print who said what in each seed article (seeds/*.txt next to this repository's examples/).

python examples/seed_article.py [FOLDER]
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import quoteattr


def main(folder: Path) -> None:
    pipeline = quoteattr.Pipeline()
    for path in sorted(folder.glob("*.txt")):
        result = pipeline.process(path.read_text(encoding="utf-8"))
        print(f"== {path.name}: {len(result.quotes)} quotes, {len(result.entities)} speakers")
        for q in result.quotes:
            who = q.entity.name if q.entity else (q.speaker.text if q.speaker else "(unknown)")
            how = q.cue.text if q.cue else "-"
            print(f"{who} [{q.kind}, {how}, {q.confidence:.2f}]")
            print(textwrap.indent(textwrap.fill(q.text, 96), "    "))


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "seeds"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
