"""Instructions the pipeline executes on a corpus, counted by valgrind (callgrind): a repeatable cost.

Why: on a shared machine CPU seconds move by 10-20% from run to run, more than most speed changes.
An instruction count does not move with the load (same interpreter, same input, same count), so two
checkouts can be compared in one run each. Each checkout is run twice under
``valgrind --tool=callgrind``: once only loading the corpus and warming the pipeline up, once also
processing every document; the difference is the processing cost. Needs valgrind (Debian's package);
about 60 times slower than a plain run.

    python benchmarks/instructions.py [--corpus PATH] [--lang CODE] [--against DIR]

The corpus is read at run time and never written anywhere.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from _common import REPO, count_words, header, load_corpus, shown, table


def worker(spec: str) -> int:
    """Child: import quoteattr from ``repo``, warm up, and process the corpus unless ``setup_only``."""
    p = json.loads(spec)
    sys.path.insert(0, p["repo"])
    from quoteattr import Pipeline

    corpus = load_corpus(Path(p["corpus"]) if p["corpus"] else None)
    pipeline = Pipeline(lang=p["lang"])
    pipeline.process(corpus.texts[0])  # warm-up: lexicons and compiled patterns
    if not p["setup_only"]:
        for text in corpus.texts:
            pipeline.process(text)
    return 0


def counted(repo: Path, args: argparse.Namespace, setup_only: bool) -> int:
    """Instructions of one child run under callgrind."""
    spec = {
        "repo": str(repo),
        "corpus": str(args.corpus) if args.corpus else None,
        "lang": args.lang,
        "setup_only": setup_only,
    }
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    argv += [sys.executable, __file__, "--worker", json.dumps(spec)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    m = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or m is None:
        raise SystemExit(f"error: callgrind run on {repo} failed (exit {done.returncode})")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, help="JSONL/JSON corpus (default: polnear dev)")
    parser.add_argument("--lang", default="en", help="language code of the corpus")
    parser.add_argument("--against", type=Path, help="another checkout to count too")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.worker)
    if shutil.which("valgrind") is None:
        raise SystemExit("error: valgrind is not installed (apt-get install valgrind)")

    header("Instructions to process a corpus (callgrind)")
    corpus = load_corpus(args.corpus)
    words = sum(count_words(t) for t in corpus.texts)
    print(f"# corpus: {corpus.label}, {len(corpus.texts)} documents, {words:,} words\n")
    repos = [REPO] + ([args.against.resolve()] if args.against else [])
    rows = []
    for repo in repos:
        cost = counted(repo, args, setup_only=False) - counted(repo, args, setup_only=True)
        rows.append([shown(repo) or ".", f"{cost:,}", f"{cost / words:,.0f}"])
    print(table(["checkout", "instructions", "per word"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
