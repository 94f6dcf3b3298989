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
import codecs
import io
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, TextIO

from .errors import ConfigError, InputError
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
    p.add_argument("--lang", default="en", help="language of the texts: en (default) or de")
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

    def interrupt(self) -> None:
        """End the progress line so a message printed next starts on its own line."""
        if self.enabled and self.shown:
            self.stream.write("\n")
            self.shown = 0.0

    def close(self) -> None:
        if self.enabled and self.docs:
            self._show(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


def _decode(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not valid {encoding} at byte {exc.start} (use --encoding to name the right one)"
        ) from exc


def _open(name: str) -> BinaryIO:
    return sys.stdin.buffer if name == "-" else open(name, "rb")


def _documents(args: argparse.Namespace, report: Callable[[str], None]) -> Iterator[tuple[str, str]]:
    """(id, text) pairs, streamed; a bad file or line is reported and skipped, never fatal.

    JSONL is read and decoded line by line, so a huge file is never held in memory and one
    undecodable or malformed line costs only its own document.
    """
    for name in args.files or ["-"]:
        label = "<stdin>" if name == "-" else name
        try:
            stream = _open(name)
        except OSError as exc:
            report(f"{label}: {exc.strerror or exc}")
            continue
        try:
            if not args.jsonl:
                try:
                    yield label, _decode(stream.read(), args.encoding, label)
                except InputError as exc:
                    report(str(exc))
                continue
            for n, raw in enumerate(stream, 1):
                where = f"{label}:{n}"
                try:
                    line = _decode(raw, args.encoding, where)
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                        raise ValueError("expected an object with a string field 'text'")
                except InputError as exc:
                    report(str(exc))
                    continue
                except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[…" nested too deep
                    report(f"{where}: malformed JSONL line: {type(exc).__name__}: {str(exc)[:200]}")
                    continue
                yield str(record.get("id", where)), record["text"]
        except OSError as exc:
            report(f"{label}: {exc.strerror or exc}")
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        from .evaluate import main as evaluate_main

        return evaluate_main(argv[1:])
    args = _parser().parse_args(argv)
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        print(f"quoteattr: unknown encoding {args.encoding!r}", file=sys.stderr)
        return 2
    from .formats import write_results

    try:
        pipeline = Pipeline(args.backend, lang=args.lang)
    except ConfigError as exc:
        print(f"quoteattr: {exc}", file=sys.stderr)
        return 2
    errors: list[str] = []
    progress = Progress(sys.stderr, sys.stderr.isatty() if args.progress is None else args.progress)

    def report(message: str) -> None:  # at once, so a long run shows its problems as they happen
        errors.append(message)
        progress.interrupt()
        print(f"quoteattr: {message}", file=sys.stderr, flush=True)

    def results() -> Iterator[tuple[str, Result]]:
        for doc_id, text in _documents(args, report):
            try:
                result = pipeline.process(text)
            except Exception as exc:  # one bad document must not stop a long run
                report(f"{doc_id}: failed: {type(exc).__name__}: {exc}")
                continue
            progress.update(text)
            yield doc_id, result

    out: TextIO
    # Output is UTF-8 whatever the locale. A lone surrogate (possible in JSON input) cannot be encoded:
    # backslashreplace writes it as its \udxxx escape, which inside a JSON string reads back as the same
    # character. newline="" keeps CSV's own line ends.
    if args.output == "-":
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
        out = sys.stdout
    else:
        out = open(args.output, "w", encoding="utf-8", newline="", errors="backslashreplace")  # noqa: SIM115
    try:
        write_results(results(), args.format, out)
    except BrokenPipeError:  # "quoteattr … | head" closed our output: stop quietly, like other Unix tools
        sys.stderr.close()
        return 0
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    return 1 if errors else 0
