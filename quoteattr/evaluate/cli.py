"""The ``quoteattr evaluate`` command: parse arguments, load, score, print.

Why apart: the command is a thin shell; every number it prints comes from
:func:`quoteattr.evaluate.evaluate`, so the library and the command agree.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from quoteattr.errors import QuoteattrError

from .config import EvalConfig
from .metrics import ALL, KINDS
from .records import load_gold, load_predictions
from .report import Report
from .run import evaluate


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Score quote attribution against gold JSONL: quote P/R/F1 (exact and overlap), "
        "speaker and cue accuracy, end-to-end F1. Without --pred, runs quoteattr on the gold texts.",
    )
    p.add_argument("gold", nargs="+", help="gold JSONL (or JSON) files")
    p.add_argument("--pred", help="predictions JSONL: one {'id', 'quotes'} record per document")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--errors",
        nargs="?",
        type=int,
        const=50,
        default=None,
        metavar="N",
        help="also list missed, spurious and mis-attributed quotes (default 50; 0 = all)",
    )
    p.add_argument(
        "--kind",
        choices=(ALL, *KINDS),
        help="show only this row: all kinds or one kind (matching still uses all)",
    )
    p.add_argument(
        "--lang",
        default=None,
        metavar="CODE",
        help="the language of gold documents without a 'lang' key (default en): the system reads them in it "
        "and exact spans lose its leading complementiser ('that'; German 'dass')",
    )
    p.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="FIELD",
        help="also break the scores down by FIELD: 'meta.<name>' of the gold quotes (e.g. meta.quote_type) "
        "or 'confidence' (bands of the predicted confidence); repeatable",
    )
    return p


def _check_ids(report: Report, pred: str | None) -> bool:
    """Warn about gold documents without predictions; False when no prediction id matches at all."""
    if not report.missing_predictions:
        return True
    if pred and len(report.missing_predictions) == report.documents:
        print(
            f"quoteattr evaluate: error: no id in {pred} matches a gold document id "
            f"(gold ids look like {report.missing_predictions[0]!r})",
            file=sys.stderr,
        )
        return False
    n = len(report.missing_predictions)
    print(
        f"warning: {n} of {report.documents} gold documents have no prediction (scored as empty), "
        f"e.g. {report.missing_predictions[0]!r}",
        file=sys.stderr,
    )
    return True


def _print_text(report: Report, args: argparse.Namespace, command: str, limit: int | None) -> None:
    source = args.pred if args.pred else report.source
    print(f"# {command}")
    failed = f"; the system FAILED on {len(report.failures)}" if report.failures else ""
    print(f"# {report.documents} documents; predictions from {source}{failed}")
    print(report.format_table(kind=args.kind))
    for breakdown in report.breakdowns:
        print(f"\n# by {breakdown.field}")
        print(breakdown.format_table(kind=args.kind))
    if args.errors is not None:
        print()
        print(report.format_errors(limit=limit, kind=args.kind))


def main(argv: list[str] | None = None) -> int:
    """The ``quoteattr evaluate`` command; ``argv`` is what follows the word "evaluate".

    Returns 0 on success; 1 when the system raised on some documents (they
    are scored as empty and named on stderr); 2 on unreadable or malformed input.
    """
    args = _parser().parse_args(argv)
    command = shlex.join(["quoteattr", "evaluate", *(sys.argv[1:] if argv is None else argv)])
    try:
        gold = load_gold(*args.gold)
        predictions = load_predictions(args.pred) if args.pred else None
        config = EvalConfig() if args.lang is None else EvalConfig(lang=args.lang)
        report = evaluate(gold, predictions=predictions, keep_going=True, by=args.by, config=config)
    except (QuoteattrError, OSError, ImportError) as exc:
        print(f"quoteattr evaluate: error: {exc}", file=sys.stderr)
        return 2
    limit = None if args.errors == 0 else args.errors
    if not _check_ids(report, args.pred if predictions else None):
        return 2
    if args.json:
        n_errors = limit if args.errors is not None else 0
        out = {"command": command, **report.to_dict(errors=n_errors, kind=args.kind)}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print_text(report, args, command, limit)
    return _warn_failures(report)


def _warn_failures(report: Report) -> int:
    """Say which documents crashed the system; 1 if any did, so scripts notice."""
    for doc_id, error in report.failures:
        print(f"error: the system failed on {doc_id!r} (scored as empty): {error}", file=sys.stderr)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
