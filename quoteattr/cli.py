"""Command line: files or stdin in, one JSON object per document out.

    quoteattr article.txt other.txt > quotes.jsonl
    quoteattr --format text article.txt        # speaker — “quote” (kind), one line per quote
    cat article.txt | quoteattr
    quoteattr --jsonl corpus.jsonl --format csv > quotes.csv
    quoteattr evaluate gold.jsonl [--pred predictions.jsonl]

A document that cannot be read or processed is reported on stderr with its
name and line; the others are still processed, and the exit status is 1.
An output file that cannot be opened is exit status 2.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import sys
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import BinaryIO, TextIO

from . import __version__
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
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="output format (default: jsonl; 'text' is one line per quote, for reading)",
    )
    p.add_argument("--backend", default="embedded", choices=("embedded", "stanza"))
    p.add_argument("--lang", default="en", help="language of the texts: en (default) or de")
    p.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress", dest="progress", action="store_true", default=None, help="always show progress"
    )
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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


#: U+FEFF at the start of a file (or of a JSONL line, after ``cat`` of files saved with one) is a
#: byte-order mark, not text: it is dropped when decoding, as the ``utf-8-sig`` codec does.
BOM = "\ufeff"


def _newline_is_one_byte(encoding: str) -> bool:
    """Whether byte 0x0A can only mean a line end, so JSONL may be split before it is decoded.

    True for UTF-8 and the ASCII-compatible encodings (latin-1, cp1252, Shift_JIS, GBK: no byte of
    another character is 0x0A); false for UTF-16 and UTF-32, where a line end is two or four bytes
    and 0x0A is also a byte of other characters (U+0A05 is ``05 0A`` in UTF-16-LE).
    """
    try:
        return "\n".encode(encoding) == b"\n" and "A".encode(encoding) == b"A"
    except (LookupError, UnicodeError):
        return False


# A decode error handler for the streaming path: an undecodable stretch becomes one lone surrogate,
# which strict UTF-16/UTF-32/UTF-8 decoding never yields, so a line holding it is known to be bad.
_UNDECODABLE = "quoteattr.undecodable"
_UNDECODABLE_MARK = "\udcff"


def _mark_undecodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return _UNDECODABLE_MARK, exc.end


codecs.register_error(_UNDECODABLE, _mark_undecodable)


def _jsonl_lines(
    stream: BinaryIO, encoding: str, label: str, report: Callable[[str], None]
) -> Generator[tuple[str, str], None, None]:
    """(``FILE:LINE``, decoded line) for each line, streamed; only ``\\n`` ends a line.

    U+2028, U+2029, U+0085 and a lone ``\\r`` are characters inside a JSON string, never line
    ends (``str.splitlines`` would split on them). Where a line end is one byte, each line is split
    off and decoded on its own; otherwise (UTF-16, UTF-32) the stream is decoded as it is read,
    then split. Either way an undecodable line is reported and costs only its own document.
    """
    if _newline_is_one_byte(encoding):
        for n, raw in enumerate(stream, 1):
            where = f"{label}:{n}"
            try:
                yield where, _decode(raw, encoding, where)
            except InputError as exc:
                report(str(exc))
        return
    # newline="\n": lines end at "\n" only, with no translation (a "\r" before it is JSON white space).
    reader = io.TextIOWrapper(stream, encoding=encoding, errors=_UNDECODABLE, newline="\n")
    try:
        for n, line in enumerate(reader, 1):
            where = f"{label}:{n}"
            if _UNDECODABLE_MARK in line:
                report(f"{where}: not valid {encoding} (use --encoding to name the right one)")
                continue
            yield where, line
    finally:
        reader.detach()  # the caller owns the byte stream (and must not close stdin through us)


def _documents(args: argparse.Namespace, report: Callable[[str], None]) -> Iterator[tuple[str, str]]:
    """(id, text) pairs, streamed; a bad file or line is reported and skipped, never fatal.

    JSONL is read and decoded line by line, so a huge file is never held in memory and (in an
    encoding whose line end is one byte) one undecodable or malformed line costs only its own
    document. A leading byte-order mark is never part of a text: offsets index the decoded
    text without it.
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
                    yield label, _decode(stream.read(), args.encoding, label).removeprefix(BOM)
                except InputError as exc:
                    report(str(exc))
                continue
            # closing(): the line reader lets go of the stream before the stream is closed below
            with contextlib.closing(_jsonl_lines(stream, args.encoding, label, report)) as lines:
                for where, text in lines:
                    line = text.removeprefix(BOM)
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                            raise ValueError("expected an object with a string field 'text'")
                    except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[…" nested too deep
                        report(f"{where}: malformed JSONL line: {type(exc).__name__}: {str(exc)[:200]}")
                        continue
                    yield str(record.get("id", where)), record["text"]
        except OSError as exc:
            report(f"{label}: {exc.strerror or exc}")
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (``quoteattr … | head -1``): stop quietly, as Unix tools do.

    Standard output is pointed at the null device, so the interpreter's final flush of what is
    still buffered cannot raise a second ``BrokenPipeError`` on the way out.
    """
    try:
        stdout = sys.stdout.fileno()
    except (OSError, ValueError):  # stdout replaced or closed (tests, embedding): nothing to redirect
        return 0
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stdout)
    os.close(devnull)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "evaluate":
            from .evaluate import main as evaluate_main

            status = evaluate_main(argv[1:])
        else:
            status = _extract(argv)
        sys.stdout.flush()  # here, not at exit: a closed pipe often shows only when the buffer is flushed
    except BrokenPipeError:
        return _quiet_broken_pipe()
    return status


def _extract(argv: list[str]) -> int:
    """The main job: documents in, results out (``main`` without the ``evaluate`` dispatch)."""
    args = _parser().parse_args(argv)
    try:  # not b"": decoding nothing succeeds without looking the codec up
        b"\n".decode(args.encoding)
    except LookupError:  # unknown, or not bytes-to-text ("hex", "rot13")
        print(f"quoteattr: unknown text encoding {args.encoding!r}", file=sys.stderr)
        return 2
    except UnicodeError:  # a text encoding whose unit is wider than one byte (UTF-16, UTF-32)
        pass
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

    def results(pipeline: Pipeline) -> Iterator[tuple[str, Result]]:
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
        try:
            out = open(args.output, "w", encoding="utf-8", newline="", errors="backslashreplace")  # noqa: SIM115
        except OSError as exc:  # a missing folder, a directory, no permission: say so, before any work
            print(f"quoteattr: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    try:
        write_results(results(pipeline), args.format, out)
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    return 1 if errors else 0
