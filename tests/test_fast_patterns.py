"""Patterns rewritten for speed answer exactly as the plain forms they replace.

A pattern anchored at the end of its text is searched backwards (``(?r)``) so that one position is
tried instead of every one; read backwards, a possessive run can swallow what the pattern needs next,
so each rewrite is checked here against the forward pattern it replaced, on generated text.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.dialogue_text import _LAST_WORDS_RE, SENTENCE_START_RE

#: The forward forms, as they were before the rewrite.
FORWARD_SENTENCE_START = regex.compile(r"(?:^|[.!?]['’\"”)]*+\s++|[\"”]\s*+|\n\s*+)$")
FORWARD_LAST_WORDS = regex.compile(r"(?:(\p{L}++)[ \t\n]++)?+(\p{L}++)[ \t\n]++\Z")

#: Characters these patterns react to: letters (one with a combining accent), spaces, breaks, marks.
ALPHABET = "abZé\u0301ß1 \t\n\r\u2028.!?,-'\"”’)"
texts = st.text(alphabet=ALPHABET, max_size=40)


@settings(max_examples=3000)
@given(texts)
def test_sentence_start_matches_as_forward(text: str) -> None:
    assert bool(SENTENCE_START_RE.search(text)) == bool(FORWARD_SENTENCE_START.search(text))


@settings(max_examples=3000)
@given(texts)
def test_last_words_read_as_forward(text: str) -> None:
    backward, forward = _LAST_WORDS_RE.search(text), FORWARD_LAST_WORDS.search(text)
    assert (backward and backward.groups()) == (forward and forward.groups())


def test_known_answers() -> None:
    """A few by hand, so the pair of patterns cannot drift together."""
    assert SENTENCE_START_RE.search('He left." ') and SENTENCE_START_RE.search("end\n  ")
    assert not SENTENCE_START_RE.search("and then ")
    m = _LAST_WORDS_RE.search("she walked to the ")
    assert m is not None and m.groups() == ("to", "the")
    assert _LAST_WORDS_RE.search("a key, and ") is None  # one word after the comma: no pair


def test_name_parts_cache_keeps_short_names_only() -> None:
    """name_parts shares the names caches' bound: a hostile long "name" is computed, never kept."""
    from quoteattr.characters import name_parts
    from quoteattr.names import CACHE_KEY_CHARS

    name_parts.cache_clear()  # type: ignore[attr-defined]
    assert name_parts("Mr. Darcy") == ("mr", ("darcy",))
    long_name = "Mr. " + "Darcy" * CACHE_KEY_CHARS
    assert name_parts(long_name) == ("mr", ("darcy" * CACHE_KEY_CHARS,))
    assert name_parts.cache_info().currsize == 1  # type: ignore[attr-defined]
