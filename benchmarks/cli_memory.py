"""Peak memory of the command line on a large JSONL corpus: does it stream?

Why: a corpus run should cost the memory of one document, not of the whole
file. This script writes a JSONL file of the requested size into a temporary
directory (corpus documents repeated, one per line, UTF-8), runs

    python -m quoteattr --jsonl FILE -o /dev/null --no-progress

on it from the checkout being measured, and prints the child's peak RSS and how
its memory grew over the run (a streaming CLI stays flat; one that reads the
whole file jumps at the start). Target: below 200 MB.

    python benchmarks/cli_memory.py [--size-mb 1024] [--corpus PATH] [--repo DIR] [--keep]

``--size-mb 200`` gives a quicker run. ``--repo`` measures another checkout (to
try a fix before committing it). The development corpus is licensed news for
evaluation only: the generated file lives in a temporary directory that is
deleted afterwards (unless ``--keep``).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs
from _common import (
    REPO,
    count_words,
    header,
    load_average,
    load_corpus,
    mb,
    own_peak_rss_kib,
    repeated,
    table,
)

#: The CLI should stay below this peak RSS whatever the input size.
TARGET_MB = 200.0
#: How often the child's memory is sampled.
SAMPLE_SECONDS = 0.2


def write_corpus(path: Path, corpus_path: Path | None, size_bytes: int) -> tuple[int, int, str]:
    """Write corpus documents as JSONL until ``size_bytes``; return (documents, words, corpus label)."""
    corpus = load_corpus(corpus_path)
    docs = words = written = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < size_bytes:
            for doc_id, text in repeated(corpus, 0):
                line = json.dumps({"id": f"{doc_id}#{docs}", "text": text}, ensure_ascii=False) + "\n"
                fh.write(line)
                written += len(line.encode("utf-8"))
                docs += 1
                words += count_words(text)
                if written >= size_bytes:
                    break
    return docs, words, corpus.label


def _status_kib(pid: int, field: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


@attrs.frozen
class CliRun:
    """What one run of the CLI cost."""

    code: int
    seconds: float
    maxrss_kib: int
    hwm_kib: int
    samples: list[tuple[float, int]]


def run_cli(argv: list[str], repo: Path, stderr_path: Path) -> CliRun:
    """Run the CLI, sampling its memory every :data:`SAMPLE_SECONDS`."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    samples: list[tuple[float, int]] = []
    hwm = 0
    with stderr_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=err)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            rss = _status_kib(proc.pid, "VmRSS")
            hwm = max(hwm, _status_kib(proc.pid, "VmHWM") or 0)
            if rss is not None:
                samples.append((time.perf_counter() - start, rss))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen
    return CliRun(proc.returncode, seconds, int(usage.ru_maxrss), hwm, samples)


def _timeline(samples: list[tuple[float, int]], seconds: float, parts: int = 10) -> list[list[str]]:
    """Highest sampled RSS in each tenth of the run."""
    rows = []
    for i in range(parts):
        lo, hi = seconds * i / parts, seconds * (i + 1) / parts
        inside = [rss for t, rss in samples if lo <= t < hi]
        rows.append([f"{lo:.0f}-{hi:.0f} s", mb(max(inside)) if inside else "-"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--size-mb", type=float, default=1024, help="size of the generated JSONL (default 1024)"
    )
    parser.add_argument("--corpus", type=Path, help="documents to repeat (default: as benchmarks/speed.py)")
    parser.add_argument(
        "--repo", type=Path, default=REPO, help="checkout whose quoteattr is run (default: this)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory and say where")
    args = parser.parse_args(argv)

    header("quoteattr CLI memory benchmark", args.repo.resolve())
    tmp = Path(tempfile.mkdtemp(prefix="quoteattr-cli-memory-"))
    data, errlog = tmp / "corpus.jsonl", tmp / "stderr.txt"
    try:
        t0 = time.perf_counter()
        docs, words, label = write_corpus(data, args.corpus, int(args.size_mb * 2**20))
        size = data.stat().st_size
        print(
            f"# corpus: {label}; generated {size / 2**20:,.1f} MiB JSONL "
            f"({docs:,} documents, {words:,} words) in {time.perf_counter() - t0:.1f} s"
        )
        cli = [sys.executable, "-m", "quoteattr", "--jsonl", str(data), "-o", "/dev/null", "--no-progress"]
        print(f"# child: {shlex.join(cli)}  (cwd and PYTHONPATH: {args.repo})")
        parent_kib = own_peak_rss_kib()
        print(f"# load average at start: {load_average()}\n")
        r = run_cli(cli, args.repo.resolve(), errlog)
        seconds, maxrss, hwm = r.seconds, r.maxrss_kib, r.hwm_kib
        ok = maxrss / 1024 < TARGET_MB
        rows = [
            ["input", f"{size / 2**20:,.1f} MiB, {docs:,} documents, {words:,} words"],
            ["exit status", str(r.code)],
            ["wall time", f"{seconds:,.1f} s"],
            [
                "throughput",
                f"{words / seconds:,.0f} words/s, {size / 2**20 / seconds:.2f} MiB/s"
                if r.code == 0
                else "n/a (the run did not finish)",
            ],
            [
                "peak RSS (wait4 ru_maxrss)",
                f"{mb(maxrss)} MB (target < {TARGET_MB:g} MB: {'ok' if ok else 'OVER'})",
            ],
            ["peak RSS (child's own VmHWM, sampled)", f"{mb(hwm)} MB"],
        ]
        print(table(["CLI on a large JSONL file", "measured"], rows, left=2))
        print(
            f"\nru_maxrss includes the parent's size at spawn ({mb(parent_kib)} MB here) on Linux, so it is "
            "an upper bound;\nVmHWM is the child's own high-water mark, read every "
            f"{SAMPLE_SECONDS:g} s until it exits.\n"
        )
        print(table(["elapsed", "RSS MB (highest sample)"], _timeline(r.samples, seconds)))
        if r.code < 0:
            print(
                f"\nthe CLI was stopped by signal {-r.code} before it finished: the peak is the peak so far"
            )
        elif r.code != 0:
            tail = errlog.read_text(encoding="utf-8", errors="replace").splitlines()[-10:]
            print("\nthe CLI exited with an error; last lines of its stderr:\n" + "\n".join(tail))
        print(f"\n# load average at end: {load_average()}")
        return 0 if ok and r.code == 0 else 1
    finally:
        if args.keep:
            print(f"# kept {tmp}")
        else:
            data.unlink(missing_ok=True)
            errlog.unlink(missing_ok=True)
            tmp.rmdir()


if __name__ == "__main__":
    sys.exit(main())
