"""CPU time per pipeline stage on a corpus, for this checkout and optionally another one.

Why: a throughput figure says that the pipeline got slower, not where. This script times
each stage of the embedded backend (``quoteattr.backends.embedded.STAGES``) separately over
the corpus documents, in CPU time (``time.process_time``: other processes on a shared
machine barely move it), keeping the best of several runs. With ``--against DIR`` it measures
a second checkout (an older commit unpacked with ``git archive REV | tar -x -C DIR``) in
alternation with this one, each run in a fresh interpreter, so a slow spell on the machine
hits both sides alike.

    python benchmarks/stages.py [--corpus PATH] [--lang CODE] [--rounds 3] [--repeat 2]
                                [--against DIR]

Words are counted as in the other benchmarks (whitespace-separated tokens). A document longer
than the pipeline's ``max_chars`` is read in pieces by ``Pipeline.process``; its stages are timed
all the same. The corpus is read at run time and never written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from _common import REPO, count_words, header, load_average, load_corpus, run_child, shown, table


def worker(spec: str) -> int:
    """Child: import quoteattr from ``repo``, time every stage over the corpus, print one JSON line."""
    p = json.loads(spec)
    sys.path.insert(0, p["repo"])
    import attrs

    import quoteattr.backends.embedded as embedded
    from quoteattr import Pipeline

    corpus = load_corpus(Path(p["corpus"]) if p["corpus"] else None)
    spent: dict[str, float] = {s.name: 0.0 for s in embedded.STAGES}

    def clocked(name: str, run: Any) -> Any:
        def timed_run(work: Any) -> Any:
            t0 = time.process_time()
            out = run(work)
            spent[name] += time.process_time() - t0
            return out

        return timed_run

    embedded.STAGES = tuple(attrs.evolve(s, run=clocked(s.name, s.run)) for s in embedded.STAGES)
    pipeline = Pipeline(lang=p["lang"])
    pipeline.process(corpus.texts[0])  # warm-up: lexicons and compiled patterns
    best: dict[str, float] = {}
    totals: list[float] = []
    for _ in range(p["repeat"]):
        for name in spent:
            spent[name] = 0.0
        t0 = time.process_time()
        for text in corpus.texts:
            pipeline.process(text)
        totals.append(time.process_time() - t0)
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    print(json.dumps({"total": min(totals), "stages": best}))
    return 0


def measure(repo: Path, args: argparse.Namespace) -> dict[str, Any]:
    """One child run on the checkout at ``repo``."""
    spec = {
        "repo": str(repo),
        "corpus": str(args.corpus) if args.corpus else None,
        "lang": args.lang,
        "repeat": args.repeat,
    }
    code, _, out = run_child([sys.executable, __file__, "--worker", json.dumps(spec)])
    if code != 0:
        raise SystemExit(f"error: the measurement of {repo} failed (exit {code})")
    figures: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return figures


def _merge(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The best total and the best time of each stage over several child runs."""
    stages: dict[str, float] = {}
    for r in runs:
        for name, seconds in r["stages"].items():
            stages[name] = min(stages.get(name, seconds), seconds)
    return {"total": min(r["total"] for r in runs), "stages": stages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, help="JSONL/JSON corpus (default: polnear dev)")
    parser.add_argument("--lang", default="en", help="language code of the corpus")
    parser.add_argument("--rounds", type=int, default=3, help="child runs per checkout, alternating")
    parser.add_argument("--repeat", type=int, default=2, help="passes over the corpus in each child run")
    parser.add_argument("--against", type=Path, help="another checkout to measure in alternation")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.worker)

    header("CPU time per stage")
    corpus = load_corpus(args.corpus)
    words = sum(count_words(t) for t in corpus.texts)
    print(f"# corpus: {corpus.label}, {len(corpus.texts)} documents, {words:,} words; load {load_average()}")
    repos = [REPO] + ([args.against.resolve()] if args.against else [])
    runs: dict[Path, list[dict[str, Any]]] = {r: [] for r in repos}
    for _ in range(args.rounds):
        for repo in repos:
            runs[repo].append(measure(repo, args))
    best = {repo: _merge(rs) for repo, rs in runs.items()}
    print(
        f"\nbest of {args.rounds} rounds x {args.repeat} passes, CPU seconds"
        + (" (checkouts alternating)" if args.against else "")
        + "\n"
    )
    names = list(best[REPO]["stages"])
    head = ["stage", *(shown(r) or "." for r in repos)]
    rows = [[n, *(f"{best[r]['stages'].get(n, 0.0):.3f}" for r in repos)] for n in names]
    rows.append(["total", *(f"{best[r]['total']:.3f}" for r in repos)])
    rows.append(["words/CPU-s", *(f"{words / best[r]['total']:,.0f}" for r in repos)])
    print(table(head, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
