"""Whole books: one cast of characters across the size-policy pieces of a long text (issue 13).

Why: :mod:`quoteattr.chunking` cuts a text longer than ``Pipeline(max_chars=...)`` into pieces and
runs every stage per piece, so a character named in the first chapter would be unknown to a "she
said" two pieces later. :func:`read_book` runs the pieces in order with one :class:`Book` in
context: the conversation stage of each piece starts from the character table the earlier pieces
left (names clustered, genders learned, salience), treats the text as fiction once a piece did, and
notes which of its entities are which character, so the merged result has one entity per
character. Cost stays linear: the table is bounded by the cast, not by the text.

The book travels in a :class:`contextvars.ContextVar`, not through the stage records: the stages
see one piece as they see any text, and a thread or task has its own book.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import attrs

from .characters import CharacterTable
from .chunking import chunk_bounds, merge_results
from .model import Entity, Result

__all__ = ["Book", "current_book", "read_book"]


@attrs.define
class Book:
    """What the pieces of one long text share: the character table, whether it is fiction, entity links."""

    table: CharacterTable | None = None
    fiction: bool = False
    offset: int = 0  #: where the piece being read starts in the whole text
    piece: int = 0
    characters: dict[tuple[int, int], int] = attrs.field(factory=dict)  #: (piece, entity id) → character id

    def link(self, entity: Entity, character: int) -> None:
        """The dialogue stage made ``entity`` in the current piece for character ``character``."""
        self.characters[(self.piece, entity.id)] = character

    def same(self, piece: int, entity: Entity) -> int | None:
        """The character an entity of ``piece`` stands for, if the dialogue stage made it."""
        return self.characters.get((piece, entity.id))


_BOOK: ContextVar[Book | None] = ContextVar("quoteattr_book", default=None)


def current_book() -> Book | None:
    """The book being read in this context, if a long text is being processed in pieces."""
    return _BOOK.get()


@contextmanager
def _reading(book: Book) -> Iterator[Book]:
    token = _BOOK.set(book)
    try:
        yield book
    finally:
        _BOOK.reset(token)


def read_book(text: str, process: Callable[[str], Result], max_chars: int) -> Result:
    """:func:`~quoteattr.chunking.process_in_chunks`, with the characters carried from piece to piece.

    >>> from quoteattr.pipeline import Pipeline
    >>> text = 'Ann Wood came in; she was wet.\\n\\n"Rain!" Ann cried.\\n\\n"Rain?" asked Tom.'
    >>> text += '\\n\\nIt rained.\\n\\n"Again?" she asked.'
    >>> result = read_book(text, Pipeline().process, max_chars=75)  # "It rained." starts piece two
    >>> [(q.text, q.entity.name, q.entity.id) for q in result.quotes]
    [('Rain!', 'Ann Wood', 0), ('Rain?', 'Tom', 1), ('Again?', 'Ann Wood', 0)]
    """
    book = Book()
    pieces: list[tuple[int, Result]] = []
    with _reading(book):
        for k, (start, end) in enumerate(chunk_bounds(text, max_chars)):
            book.offset, book.piece = start, k
            piece = text[start:end]
            pieces.append((start, process(piece) if piece.strip() else Result(piece)))
    return merge_results(text, pieces, same=book.same)
