"""Shared helpers for the benchmark scripts: corpus loading, child processes, tables.

Why a module: both benchmarks must read the same corpus the same way, count
words the same way and measure memory the same way, or their numbers could
not be put side by side in docs/performance.md.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shlex
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

REPO = Path(__file__).resolve().parents[1]
#: The development corpus (licensed news, evaluation only: read here at run time, never copied).
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear_dev.jsonl"
#: Fallback when the shared data is absent: the seed article(s) and their gold.
DEFAULT_SEEDS = REPO / "seeds"


def count_words(text: str) -> int:
    """Whitespace-separated tokens: the one word count every figure in the benchmarks uses."""
    return len(text.split())


def shown(path: Path) -> str:
    """A path as typed from the repository root, so printed commands can be re-run."""
    try:
        return os.path.relpath(path, Path.cwd())
    except ValueError:
        return str(path)


@attrs.frozen
class Corpus:
    """Documents to benchmark, and whether they double as gold for scoring."""

    label: str
    ids: tuple[str, ...]
    texts: tuple[str, ...] = attrs.field(repr=False)
    gold_paths: tuple[Path, ...] = ()

    @property
    def words(self) -> int:
        return sum(count_words(t) for t in self.texts)


def _records(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL (split on newlines only, as ``quoteattr evaluate`` reads it) or JSON file."""
    from quoteattr.evaluate import jsonl_lines  # late: only corpus loading needs the package

    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for _, line in jsonl_lines(raw)]
    data = json.loads(raw)
    return data if isinstance(data, list) else [data]


def load_corpus(path: Path | None) -> Corpus:
    """The corpus at ``path`` (JSONL/JSON records with ``text``, a ``.txt`` file or a directory of
    ``*.gold.json``), or by default the shared development corpus, else the seeds."""
    if path is None:
        path = DEFAULT_DATA if DEFAULT_DATA.is_file() else DEFAULT_SEEDS
        origin = "shared development corpus" if path == DEFAULT_DATA else "seeds (shared data absent)"
    else:
        origin = "given corpus"
    if path.is_dir():
        files = sorted(path.glob("*.gold.json"))
        if not files:
            raise SystemExit(f"error: no *.gold.json under {path}")
        records = [r for f in files for r in _records(f)]
        gold: tuple[Path, ...] = tuple(files)
    elif path.suffix in (".jsonl", ".json"):
        records = _records(path)
        gold = (path,) if any("quotes" in r for r in records) else ()
    else:
        records = [{"id": path.stem, "text": path.read_text(encoding="utf-8")}]
        gold = ()
    ids = tuple(str(r.get("id", n)) for n, r in enumerate(records))
    texts = tuple(str(r["text"]) for r in records)
    return Corpus(f"{origin}: {shown(path)}", ids, texts, gold)


def repeated(corpus: Corpus, min_words: int) -> Iterator[tuple[str, str]]:
    """``(id, text)`` over the corpus documents, cycling until at least ``min_words`` words
    (each document at least once). Copies get ids ``ID#rN`` so they never pose as gold."""
    words = 0
    rnd = 0
    while True:
        for doc_id, text in zip(corpus.ids, corpus.texts, strict=True):
            yield (doc_id if rnd == 0 else f"{doc_id}#r{rnd}"), text
            words += count_words(text)
        rnd += 1
        if words >= min_words:
            return


def run_child(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[int, int, str]:
    """Run ``argv``; return (exit status, the child's peak RSS in KiB, its stdout).

    ``os.wait4`` gives the rusage of exactly this child, so measurements of
    different phases never mix (``RUSAGE_CHILDREN`` would keep the largest so far).
    On Linux that figure is at least the parent's own peak RSS at spawn time (the
    kernel carries it across fork+exec), so keep the parent small or have the
    child report :func:`own_peak_rss_kib`.
    """
    proc = subprocess.Popen(list(argv), stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    out = proc.stdout.read().decode("utf-8")
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # tell Popen the child is reaped
    return code, int(usage.ru_maxrss), out


def own_peak_rss_kib() -> int:
    """This process's own peak RSS in KiB: ``VmHWM`` from ``/proc/self/status`` on Linux.

    Not ``ru_maxrss``: Linux carries the parent's high-water mark into a child
    across fork+exec, so a small child would report at least its parent's size.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def machine() -> str:
    """One line naming the machine, so a reader knows what the numbers are worth."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            names = [line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")]
        if names:
            cpu = names[0]
    except OSError:
        pass
    mem = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        mem = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError):
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; {datetime.date.today().isoformat()}"
    )


def load_average() -> str:
    """The 1/5/15-minute load averages: other work on the machine slows wall-clock figures."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def revision(repo: Path = REPO) -> str:
    """The measured checkout's commit, marked ``+changes`` when quoteattr/ has uncommitted edits."""
    try:
        head = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--", "quoteattr"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"unknown (not a git checkout: {repo})"
    return f"{head}{' +changes' if dirty else ''} ({repo})"


def header(title: str, repo: Path = REPO) -> None:
    """Print the title, the exact command line, the measured revision and the machine."""
    print(f"# {title}")
    print(f"# command: {shlex.join(['python', *sys.argv])}")
    print(f"# revision: {revision(repo)}")
    print(f"# machine: {machine()}")


def table(head: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> str:
    """A Markdown table, padded so it reads in a terminal too; the first ``left`` columns are
    left-aligned (labels), the others right-aligned (numbers)."""
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]

    def line(cells: Sequence[str]) -> str:
        out = [
            str(c).ljust(w) if i < left else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(out) + " |"

    rule = (
        "|"
        + "|".join("-" * (w + 1) + ":" if i >= left else "-" * (w + 2) for i, w in enumerate(widths))
        + "|"
    )
    return "\n".join([line(head), rule, *(line(r) for r in rows)])


def mb(kib: int) -> str:
    """KiB (as ``ru_maxrss`` reports on Linux) as MB with one decimal."""
    return f"{kib / 1024:.1f}"
