"""Run the quoteattr pipeline on every development corpus and print one score table.

Why: one command that says how the current checkout does on all the gold we
have, so a rule change can be judged before it is committed. It reads every
``*.jsonl`` under the shared data directory (``../shared/data`` next to the
repository, or ``--data DIR``) plus the seed gold in ``seeds/*.gold.json``.
The shared data is licensed news for evaluation only: it is read here at run
time and never copied.

    python eval/run_dev.py [--data DIR] [--seeds DIR] [--errors N] [--by FIELD ...]

``--by meta.quote_type`` or ``--by confidence`` adds, per corpus, the ``all``
row of each group (see ``quoteattr evaluate --help``).

Each corpus runs in its own language: a ``"lang"`` key on its records wins, else
:data:`CORPUS_LANGUAGES` (by file-name prefix), else English.

Exit status: 0 after printing the table (also when the data directory is
absent: it says "skipped" and scores the seeds alone); 1 when the pipeline
raised on some documents (scored as empty, named on stderr); 2 on malformed
gold.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_SEEDS = REPO / "seeds"

# Score this checkout, not whichever quoteattr happens to be installed.
sys.path.insert(0, str(REPO))

from quoteattr.errors import QuoteattrError  # noqa: E402
from quoteattr.evaluate import KINDS, EvalConfig, Report, evaluate, format_rows, load_gold  # noqa: E402

_ROWS = ("all", *KINDS)
#: The language of each shared corpus whose records do not say it, by file-name prefix.
CORPUS_LANGUAGES = {"redewiedergabe": "de"}
DEFAULT_LANGUAGE = "en"


def _shown(path: Path) -> str:
    """A path as the user would type it from the repository root."""
    return os.path.relpath(path, REPO) if path.is_absolute() else str(path)


def corpora(data: Path, seeds: Path) -> tuple[list[tuple[str, Path]], list[str]]:
    """``(label, path)`` of each gold file to score, and notes about what was skipped."""
    found: list[tuple[str, Path]] = []
    notes: list[str] = []
    if data.is_dir():
        files = sorted(data.rglob("*.jsonl"))
        found += [(str(p.relative_to(data).with_suffix("")), p) for p in files]
        if not files:
            notes.append(f"skipped: no *.jsonl under {_shown(data)}")
    else:
        notes.append(f"skipped: {_shown(data)} not found")
    if seeds.is_dir():
        found += [(f"seed:{p.name.removesuffix('.gold.json')}", p) for p in sorted(seeds.glob("*.gold.json"))]
    else:
        notes.append(f"skipped: {_shown(seeds)} not found")
    return found, notes


def corpus_language(path: Path) -> str:
    """The language to run a corpus in: its first record's ``lang`` key, else the prefix table."""
    try:
        with path.open(encoding="utf-8") as f:
            first = json.loads(f.readline() or "{}")
    except (OSError, ValueError):
        first = {}
    lang = first.get("lang") if isinstance(first, dict) else None
    if isinstance(lang, str) and lang:
        return lang
    name = path.name
    return next(
        (code for prefix, code in CORPUS_LANGUAGES.items() if name.startswith(prefix)), DEFAULT_LANGUAGE
    )


def _system(lang: str) -> Callable[[str], Any] | None:
    """The pipeline for ``lang`` (``None``: evaluate's default, the English one)."""
    if lang == DEFAULT_LANGUAGE:
        return None
    from quoteattr import Pipeline

    return Pipeline(lang=lang).process


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory of gold *.jsonl")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="directory of *.gold.json")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors per corpus")
    parser.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="FIELD",
        help="also break down by meta.NAME or confidence",
    )
    args = parser.parse_args(argv)

    print(f"evaluating the quoteattr pipeline in {_shown(REPO) or '.'} on *.jsonl under {_shown(args.data)}")
    print(f"and on the seed gold {_shown(args.seeds)}/*.gold.json")
    found, notes = corpora(args.data, args.seeds)
    for note in notes:
        print(note)
    if not found:
        return 0

    reports: list[tuple[str, Report]] = []
    for label, path in found:
        try:
            docs = load_gold(path)
            lang = corpus_language(path)
            config = EvalConfig(lang=lang)  # spans trimmed of the language's complementisers
            report = evaluate(docs, system=_system(lang), keep_going=True, by=args.by, config=config)
        except (QuoteattrError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        reports.append((label, report))
        failed = f", the pipeline FAILED on {len(report.failures)}" if report.failures else ""
        print(f"  {label}: {len(docs)} documents ({_shown(path)}), lang={lang}{failed}")
    print()
    print(format_rows([(label, report.row(kind)) for label, report in reports for kind in _ROWS]))
    for field in args.by:
        groups = [(label, report.breakdown(field).groups) for label, report in reports]
        rows = [(f"{label} {value}", rs[0]) for label, gs in groups for value, rs in gs]
        print(f"\n== by {field} (all kinds) ==")
        print(format_rows(rows, legend=False, label_header=f"corpus {field}"))
    if args.errors:
        for label, report in reports:
            print(f"\n== errors in {label} ==")
            print(report.format_errors(limit=args.errors))
    failures = [(label, f) for label, report in reports for f in report.failures]
    for label, (doc_id, error) in failures:
        print(f"error: the pipeline failed on {label}/{doc_id} (scored as empty): {error}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
