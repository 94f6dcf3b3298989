"""Write the pipeline's full output on every development document to one file, for diffing.

Why: a change meant to make the pipeline faster must not change what it finds. The
scores of ``eval/run_dev.py`` can stay equal while spans, confidences or entities move,
so this script writes ``Result.to_dict()`` of every document (each shared ``*.jsonl``
corpus in its own language, and the seed gold) as one JSON line, keyed by corpus and id.
Run it before and after the change and compare the two files byte for byte:

    python eval/dump_dev.py /tmp/before.jsonl
    ... change ...
    python eval/dump_dev.py /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

The shared data is licensed: the dump holds its text spans, so write it outside the
repository (e.g. under /tmp) and never commit it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Dump this checkout, not whichever quoteattr happens to be installed.
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "eval"))

from run_dev import DEFAULT_DATA, DEFAULT_SEEDS, corpora, corpus_language  # noqa: E402

from quoteattr import Pipeline  # noqa: E402
from quoteattr.evaluate import load_gold  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="file to write (outside the repository)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory of gold *.jsonl")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="directory of *.gold.json")
    args = parser.parse_args(argv)
    if args.out.resolve().is_relative_to(REPO):
        parser.error("write the dump outside the repository: it holds licensed text")
    found, notes = corpora(args.data, args.seeds)
    for note in notes:
        print(note, file=sys.stderr)
    pipelines: dict[str, Pipeline] = {}
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for label, path in found:
            corpus_lang = corpus_language(path)
            for doc in load_gold(path):
                lang = doc.lang or corpus_lang
                if lang not in pipelines:
                    pipelines[lang] = Pipeline(lang=lang)
                result = pipelines[lang].process(doc.text).to_dict()
                out.write(json.dumps({"corpus": label, "id": doc.id, **result}, ensure_ascii=False))
                out.write("\n")
                count += 1
    print(f"wrote {count} documents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
