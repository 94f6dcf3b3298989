"""Does the cost of ``extract`` grow linearly with the input? Times every adversarial generator at 1x and 10x.

    python benchmarks/linearity.py                 # every case of tests/adversarial.py
    python benchmarks/linearity.py paragraph html_soup --scale 0.5 --repeat 3
    python benchmarks/linearity.py --gc-off         # without CPython's collector (see --help)

Each case is timed at ``scale`` times a tenth of its test size (1x) and at ten times that (10x), as CPU time
of this process (less disturbed by other load than wall time), the best of ``--repeat`` runs. A linear stage
gives a ratio near 10; the target is at most about 11. Exit status 1 if a ratio exceeds ``--limit``.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))  # this checkout, whatever copy pip installed

import adversarial  # noqa: E402

from quoteattr import Pipeline  # noqa: E402


def cpu_seconds(pipeline: Pipeline, text: str, repeat: int, gc_off: bool = False) -> float:
    """Best CPU time of ``repeat`` runs of ``pipeline.process(text)``."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        if gc_off:
            gc.disable()
        try:
            start = time.process_time()
            pipeline.process(text)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cases", nargs="*", help="generator names (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every 1x size by this")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; the best counts")
    parser.add_argument("--limit", type=float, default=11.0, help="highest acceptable 10x/1x ratio")
    parser.add_argument(
        "--gc-off",
        action="store_true",
        help="pause the cyclic garbage collector while timing: its full passes cost more the more "
        "objects are alive, adding 10-30%% at 10x on cases that make millions of objects, which is not "
        "the pipeline's own growth",
    )
    args = parser.parse_args(argv)
    unknown = [c for c in args.cases if c not in adversarial.CORPUS]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; known: {', '.join(adversarial.CORPUS)}")
    pipeline = Pipeline()
    pipeline.process("Warm up: the lexicons load once, she said.")
    over = []
    print(f"{'case':24} {'chars 1x':>10} {'1x s':>8} {'10x s':>8} {'ratio':>6}")
    for case in adversarial.CASES:
        if args.cases and case.name not in args.cases:
            continue
        n = max(1, int(case.test / 10 * args.scale))
        small, large = case.make(n), case.make(10 * n)
        t1 = cpu_seconds(pipeline, small, args.repeat, args.gc_off)
        t10 = cpu_seconds(pipeline, large, args.repeat, args.gc_off)
        ratio = t10 / max(t1, 1e-4)
        flag = "  <-- superlinear" if ratio > args.limit else ""
        print(f"{case.name:24} {len(small):>10,} {t1:>8.3f} {t10:>8.3f} {ratio:>6.1f}{flag}", flush=True)
        if ratio > args.limit:
            over.append(case.name)
    if over:
        print(f"ratio above {args.limit}: {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
