"""Command line: files or stdin in, one JSON object per document out.

    quoteattr article.txt other.txt > quotes.jsonl
    cat article.txt | quoteattr
    quoteattr --jsonl corpus.jsonl --format csv > quotes.csv
    quoteattr evaluate gold.jsonl [--pred predictions.jsonl]

A document that cannot be read or processed is reported on stderr with its
name and line; the others are still processed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import TextIO

from .errors import InputError
from .formats import FORMATS
from .model import Result
from .pipeline import Pipeline


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find who said what. Reads plain-text files (or stdin), writes one JSON object per "
        "document. `quoteattr evaluate --help` scores predictions against gold.",
    )
    p.add_argument(
        "files", nargs="*", help="plain-text files (or JSONL with --jsonl); '-' or none reads stdin"
    )
    p.add_argument(
        "--jsonl", action="store_true", help="input is JSONL with a 'text' field and an optional 'id'"
    )
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    p.add_argument("--backend", default="embedded", choices=("embedded", "stanza"))
    p.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress", dest="progress", action="store_true", default=None, help="always show progress"
    )
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")
    return p


class Progress:
    """A one-line progress display on stderr, refreshed at most five times a second."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.docs = 0
        self.words = 0
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, text: str) -> None:
        self.docs += 1
        self.words += text.count(" ") + 1
        now = time.monotonic()
        if self.enabled and now - self.shown > 0.2:
            self.shown = now
            self._show(now)

    def _show(self, now: float) -> None:
        rate = self.words / max(now - self.started, 1e-9)
        self.stream.write(f"\rquoteattr: {self.docs:,} documents, {self.words:,} words, {rate:,.0f} words/s ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.docs:
            self._show(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


def _read_file(name: str, encoding: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(name, "rb") as fh:
            data = fh.read()
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} at byte {exc.start} (use --encoding to name the right one)"
        ) from exc


def _documents(args: argparse.Namespace, errors: list[str]) -> Iterator[tuple[str, str]]:
    """(id, text) pairs; bad inputs are recorded in ``errors`` and skipped."""
    names = args.files or ["-"]
    for name in names:
        label = "<stdin>" if name == "-" else name
        try:
            text = _read_file(name, args.encoding)
        except (OSError, InputError) as exc:
            errors.append(f"{label}: {exc}" if isinstance(exc, OSError) else str(exc))
            continue
        if not args.jsonl:
            yield label, text
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError("expected an object with a string field 'text'")
            except ValueError as exc:
                errors.append(f"{label}:{n}: malformed JSONL line: {exc}")
                continue
            yield str(record.get("id", f"{label}:{n}")), record["text"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        from .evaluate import main as evaluate_main

        return evaluate_main(argv[1:])
    args = _parser().parse_args(argv)
    from .formats import write_results

    pipeline = Pipeline(args.backend)
    errors: list[str] = []
    progress = Progress(sys.stderr, sys.stderr.isatty() if args.progress is None else args.progress)

    def results() -> Iterator[tuple[str, Result]]:
        for doc_id, text in _documents(args, errors):
            try:
                result = pipeline.process(text)
            except Exception as exc:  # one bad document must not stop a long run
                errors.append(f"{doc_id}: failed: {type(exc).__name__}: {exc}")
                continue
            progress.update(text)
            yield doc_id, result

    out: TextIO
    # newline="" keeps CSV's own line ends intact
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    try:
        write_results(results(), args.format, out)
    except BrokenPipeError:  # "quoteattr … | head" closed our output: stop quietly, like other Unix tools
        sys.stderr.close()
        return 0
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    for message in errors:
        print(f"quoteattr: {message}", file=sys.stderr)
    return 1 if errors else 0
