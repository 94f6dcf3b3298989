"""Size policy: a document longer than a limit is processed in pieces, with exact offsets in one Result.

Why: every stage is linear, but a scraped "document" can be a 20 MB dump whose single result holds
hundreds of thousands of objects at once. Cutting it where nothing is lost keeps memory bounded by the
limit: pieces end at a paragraph break when there is one in the last three quarters of the window,
else after a sentence end, else at whitespace, else (one giant token) anywhere that does not split a
character sequence. Quotes and speakers are found per piece, so news coreference does not link
speakers across pieces (the characters of fiction are carried across: :mod:`quoteattr.dialogue_book`);
spans are shifted by the piece's offset, entity ids renumbered to stay unique, and paragraph numbers
recounted over the whole text.

>>> from quoteattr.pipeline import Pipeline
>>> text = '"We won," Ana Ruiz said.\\n\\n"We lost," Karl Vos said.'
>>> result = process_in_chunks(text, Pipeline().process, max_chars=30)
>>> [(q.text, q.entity.name, q.entity.id) for q in result.quotes]
[('We won,', 'Ana Ruiz', 0), ('We lost,', 'Karl Vos', 1)]
>>> all(text[q.start:q.end] == q.text for q in result.quotes)
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Sequence
from typing import Final, TypeVar

import regex

from .errors import ConfigError
from .model import Entity, Mention, Quote, Result, Sentence, Span, evolve_trusted
from .segment_patterns import _PARAGRAPH_BREAK as PARAGRAPH_BREAK

__all__ = ["DEFAULT_MAX_CHARS", "check_max_chars", "chunk_bounds", "merge_results", "process_in_chunks"]

#: Default for ``Pipeline(max_chars=...)``: longer documents are processed in pieces of at most this size.
DEFAULT_MAX_CHARS: Final = 1_000_000

_SENTENCE_END: Final = regex.compile(r"[.!?…‽。！？][\"'”’»›)\]}]*+(?=\s)")
_WHITESPACE: Final = regex.compile(r"\s++")
#: A cut is moved back at most this far so it does not split a combining sequence or surrogate pair.
_MAX_BACKOFF: Final = 64

SpanT = TypeVar("SpanT", bound=Span)


def check_max_chars(max_chars: object) -> int | None:
    """``max_chars`` if it is ``None`` or a positive int; else :class:`~quoteattr.errors.ConfigError`."""
    if max_chars is None:
        return None
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ConfigError(f"max_chars must be a positive int or None, got {max_chars!r}")
    return max_chars


def chunk_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` pieces covering ``text``, each at most ``max_chars`` long.

    >>> chunk_bounds("One. Two.\\n\\nThree. Four.", 14)
    [(0, 9), (9, 23)]
    >>> chunk_bounds("One. Two. Three. Four.", 12)
    [(0, 9), (9, 16), (16, 22)]
    >>> chunk_bounds("abcdefgh", 3)
    [(0, 3), (3, 6), (6, 8)]
    """
    check_max_chars(max_chars)
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        end = _cut(text, start, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, n))
    return bounds


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the piece that starts at ``start`` and may not go past ``limit``.

    Each search scans at most the window, and the next piece starts past a quarter of it, so every
    character is scanned a bounded number of times: chunking is linear.
    """
    floor = start + max(1, (limit - start) // 4)  # a paragraph or sentence cut must keep 3/4 of the window
    m = _last(PARAGRAPH_BREAK, text, floor, limit)
    if m is not None:
        return m.start()
    m = _last(_SENTENCE_END, text, floor, limit)
    if m is not None:
        return m.end()  # the whitespace after the sentence end
    m = _last(_WHITESPACE, text, start + 1, limit)
    if m is not None:  # before the last whitespace run, or after it if the run starts too early
        return m.start() if m.start() >= floor else m.end()
    return _safe_hard_cut(text, start, limit)


def _last(pattern: regex.Pattern[str], text: str, start: int, end: int) -> regex.Match[str] | None:
    last = None
    for last in pattern.finditer(text, start, end):  # noqa: B007  # only the last one is wanted
        pass
    return last


def _safe_hard_cut(text: str, start: int, limit: int) -> int:
    """``limit``, moved back so the cut splits no surrogate pair, combining sequence or emoji sequence."""
    cut = limit
    while cut > start + 1 and limit - cut < _MAX_BACKOFF and _joined(text[cut - 1], text[cut]):
        cut -= 1
    return limit if _joined(text[cut - 1], text[cut]) else cut  # a sequence longer than the back-off


def _joined(before: str, after: str) -> bool:
    """Would a cut between these two characters split one visible character?"""
    if "\ud800" <= before <= "\udbff" and "\udc00" <= after <= "\udfff":
        return True
    if before == "\u200d" or after == "\u200d" or "\ufe00" <= after <= "\ufe0f":
        return True
    return unicodedata.category(after).startswith("M")


def process_in_chunks(text: str, process: Callable[[str], Result], max_chars: int) -> Result:
    """``process`` each piece of ``text`` (see :func:`chunk_bounds`) and merge the results."""
    pieces = []
    for start, end in chunk_bounds(text, max_chars):
        piece = text[start:end]
        pieces.append((start, process(piece) if piece.strip() else Result(piece)))
    return merge_results(text, pieces)


def merge_results(
    text: str,
    pieces: Sequence[tuple[int, Result]],
    same: Callable[[int, Entity], Hashable | None] | None = None,
) -> Result:
    """One :class:`Result` for ``text`` from results of its pieces, each given with the piece's offset.

    ``same(k, entity)``, when given, keys the entities of piece ``k`` that stand for one person across
    pieces (a character of a book): entities with one key become one entity, named as in the last piece.
    """
    sentences: list[Sentence] = []
    quotes: list[Quote] = []
    ids: dict[tuple[int, int], int] = {}  # (piece, entity id) → id in the merged result
    keyed: dict[Hashable, int] = {}
    firsts: list[Entity] = []
    names: list[str] = []
    mentions: list[list[Mention]] = []  # in text order: pieces come in order, an entity's mentions too
    for k, (offset, result) in enumerate(pieces):
        for e in result.entities:
            key = None if same is None else same(k, e)
            at = keyed.get(key) if key is not None else None
            if at is None:
                at = len(names)
                firsts.append(e)
                names.append(e.name)
                mentions.append([])
                if key is not None:
                    keyed[key] = at
            else:
                names[at] = e.name
            mentions[at].extend(_shift(m, offset) for m in e.mentions)
            ids[(k, e.id)] = at
    entities = [
        evolve_trusted(e, id=i, name=names[i], mentions=tuple(mentions[i])) for i, e in enumerate(firsts)
    ]
    for k, (offset, result) in enumerate(pieces):
        sentences.extend(_shift(s, offset) for s in result.sentences)
        for q in result.quotes:
            quotes.append(
                evolve_trusted(
                    q,
                    start=q.start + offset,
                    end=q.end + offset,
                    cue=None if q.cue is None else _shift(q.cue, offset),
                    speaker=None if q.speaker is None else _shift(q.speaker, offset),
                    addressee=None if q.addressee is None else _shift(q.addressee, offset),
                    entity=None if q.entity is None else entities[ids[(k, q.entity.id)]],
                )
            )
    quotes.sort(key=lambda q: (q.start, q.end))
    return Result(text, tuple(_renumber_paragraphs(text, sentences)), tuple(quotes), tuple(entities))


def _shift(span: SpanT, offset: int) -> SpanT:
    return span if offset == 0 else evolve_trusted(span, start=span.start + offset, end=span.end + offset)


def _renumber_paragraphs(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Paragraph numbers as the splitter counts them over the whole text: a blank line after content."""
    breaks = iter(m.start() for m in PARAGRAPH_BREAK.finditer(text))
    next_break = next(breaks, None)
    paragraph, has_content = 0, False
    out = []
    for s in sentences:
        while next_break is not None and next_break < s.start:
            if has_content:
                paragraph += 1
                has_content = False
            next_break = next(breaks, None)
        out.append(s if s.paragraph == paragraph else evolve_trusted(s, paragraph=paragraph))
        has_content = True
    return out
