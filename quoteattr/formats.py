"""Output writers: one function, five formats, all streaming.

``write_results`` takes ``(doc id, Result)`` pairs as they come out of the
pipeline and writes each as soon as it arrives, so a corpus of any size runs
in constant memory — including ``json``, which is written as one array
element by element rather than built in memory.

* ``jsonl`` — one object per document: ``{"id": ..., **result.to_dict()}``.
* ``json`` — the same objects inside a single array.
* ``csv`` — one row per quote (:data:`CSV_COLUMNS`); documents without quotes add no rows.
* ``html`` — one self-contained page (see :mod:`quoteattr.render`).
* ``text`` — for people at a terminal: a line naming each document, then one line per quote,
  ``speaker — “quote” (kind)`` (see :func:`text_line`).

>>> import io
>>> from quoteattr.model import Quote, Result
>>> out = io.StringIO()
>>> write_results([("a", Result('"Hi," she said.', quotes=(Quote(1, 4, "Hi,"),)))], "csv", out)
>>> print(out.getvalue().splitlines()[1])
a,1,4,"Hi,",direct,1.0,,,,,,,
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable
from typing import TextIO

from quoteattr.errors import ConfigError
from quoteattr.model import Quote, Result

#: CSV header: the document id, then the keys of :meth:`Result.to_records`, in that order.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "quote_start",
    "quote_end",
    "quote_text",
    "kind",
    "confidence",
    "cue",
    "cue_start",
    "speaker",
    "speaker_start",
    "speaker_end",
    "entity_id",
    "entity",
)

Items = Iterable[tuple[str, Result]]

#: Shown in ``text`` output for a quote whose speaker was not found.
NO_SPEAKER = "(speaker unknown)"

# Any run of white space (line breaks, U+2028, tabs) becomes one space, so a quote spanning
# paragraphs stays on one line; the remaining control characters (an ESC starting a terminal
# escape sequence, say) are shown as escapes, never sent raw to a terminal. One character
# class each: linear on any input.
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _one_line(text: str) -> str:
    flat = _WHITESPACE.sub(" ", text).strip()
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", flat)


def text_line(quote: Quote) -> str:
    """One quote as a line for a terminal: who (entity name, else the mention, else a placeholder).

    >>> from quoteattr.model import Entity, Mention, Quote
    >>> she = Mention(6, 9, "she", kind="pronoun")
    >>> text_line(Quote(1, 4, "Hi,", speaker=she, entity=Entity(0, "Ana Ruiz")))
    'Ana Ruiz — “Hi,” (direct)'
    >>> text_line(Quote(0, 10, "rain\\nlater", kind="indirect"))
    '(speaker unknown) — “rain later” (indirect)'
    """
    if quote.entity is not None and quote.entity.name.strip():
        who = quote.entity.name
    elif quote.speaker is not None:
        who = quote.speaker.text
    else:
        who = NO_SPEAKER
    return f"{_one_line(who)} — “{_one_line(quote.text)}” ({quote.kind})"


def _document(doc_id: str, result: Result) -> str:
    # ensure_ascii=False keeps the text readable; JSON strings still escape control characters.
    return json.dumps({"id": doc_id, **result.to_dict()}, ensure_ascii=False)


def _write_jsonl(items: Items, stream: TextIO) -> None:
    for doc_id, result in items:
        stream.write(_document(doc_id, result) + "\n")


def _write_json(items: Items, stream: TextIO) -> None:
    stream.write("[")
    sep = "\n"
    for doc_id, result in items:
        stream.write(sep + _document(doc_id, result))
        sep = ",\n"
    stream.write("\n]\n")


def _write_csv(items: Items, stream: TextIO) -> None:
    # "\n" line ends: the caller's stream decides the platform convention, and pandas reads either.
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for doc_id, result in items:
        for record in result.to_records():
            writer.writerow({"id": doc_id, **record})


def _write_text(items: Items, stream: TextIO) -> None:
    for doc_id, result in items:
        count = len(result.quotes)
        stream.write(f"{_one_line(doc_id)}: {count} quote{'' if count == 1 else 's'}\n")
        for quote in result.quotes:
            stream.write(f"  {text_line(quote)}\n")


def _write_html(items: Items, stream: TextIO) -> None:
    from quoteattr.render import write_html  # only the html format pays for the renderer

    write_html(items, stream)


WRITERS: dict[str, Callable[[Items, TextIO], None]] = {
    "jsonl": _write_jsonl,
    "json": _write_json,
    "csv": _write_csv,
    "html": _write_html,
    "text": _write_text,
}

#: Format names accepted by :func:`write_results`, for ``argparse`` ``choices=``.
FORMATS: tuple[str, ...] = tuple(WRITERS)


def write_results(items: Iterable[tuple[str, Result]], fmt: str, stream: TextIO) -> None:
    """Write ``(doc id, result)`` pairs to ``stream`` in format ``fmt`` (one of :data:`FORMATS`).

    Raises:
        ConfigError: ``fmt`` is not a known format (checked before anything is written).
    """
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    writer(items, stream)
