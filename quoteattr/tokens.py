"""Word tokens with character offsets, for the surface rules.

Tokens never rewrite the text: each is an ``(start, end, text)`` view of it.
Initialisms (``U.S.``), hyphenated and apostrophised words (``al-Ameri``,
``don't``, ``Iraq's``) stay one token; every other non-space character is a
token of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import regex

_TOKEN_RE = regex.compile(
    r"(?:\p{L}\.){2,}"  # U.S. / e.g.
    r"|\p{Lu}\.(?=\s\p{Lu})"  # an initial: "John D. Podesta"
    # words, al-Ameri, don't, and a plural possessive ("players'")
    r"|[\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*(?:(?<=s)['’](?![\p{L}\p{N}]))?"
    r"|\S",
    regex.V1,
)


class Token(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def is_capitalised(word: str) -> bool:
    """Capitalised, counting hyphenated name parts: ``Ruiz``, ``el-Sayed``, ``bin-Salman``."""
    return any(part[:1].isupper() for part in word.split("-"))


def token_matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The raw token matches of ``text[start:end]``, for callers that build their own token objects."""
    return _TOKEN_RE.finditer(text, start, end)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize("The U.S. envoy, al-Ameri, didn't.")]
    ['The', 'U.S.', 'envoy', ',', 'al-Ameri', ',', "didn't", '.']
    """
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, stop)]
