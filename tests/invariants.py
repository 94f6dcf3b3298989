"""Checks every result must pass on any input, shared by the property, adversarial and fuzz tests.

Each check raises ``AssertionError`` with the offending span, so a fuzzer can report it as a crash.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from quoteattr.model import Result, Sentence, Span
from quoteattr.quotemarks import QuoteSpan
from quoteattr.tokens import Token


def check_span(text: str, s: Any, what: str) -> None:
    """In bounds, and slices back to its own text."""
    assert isinstance(s.start, int) and isinstance(s.end, int), (what, s)
    assert 0 <= s.start <= s.end <= len(text), (what, s.start, s.end, len(text))
    assert text[s.start : s.end] == s.text, (what, s.start, s.end, s.text, text[s.start : s.end])


def check_disjoint_in_order(spans: Sequence[Span], what: str) -> None:
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start, (what, "overlap or out of order", a, b)


def check_nested_or_disjoint(spans: Sequence[Span], what: str) -> None:
    """Sorted by (start, end); two spans either do not overlap or one contains the other."""
    keys = [(s.start, s.end) for s in spans]
    assert keys == sorted(keys), (what, "not sorted", keys)
    open_ends: list[int] = []  # ends of the spans enclosing the current one
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):  # same start: the longer one encloses
        while open_ends and open_ends[-1] <= s.start:
            open_ends.pop()
        if open_ends:
            assert s.end <= open_ends[-1], (what, "crossing spans", s, open_ends[-1])
        open_ends.append(s.end)


def check_sentences(text: str, sentences: Sequence[Sentence]) -> None:
    """Trimmed, non-empty, in order, disjoint, paragraphs counting up; every non-space character covered."""
    for s in sentences:
        check_span(text, s, "sentence")
        assert s.text and s.text == s.text.strip(), ("sentence not trimmed", s)
    check_disjoint_in_order(sentences, "sentences")
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs), ("paragraph numbers go down", paragraphs)
    covered = sum(len(s.text) - sum(ch.isspace() for ch in s.text) for s in sentences)
    assert covered == len(text) - sum(ch.isspace() for ch in text), "a non-space character is in no sentence"


def check_quote_spans(text: str, spans: Sequence[QuoteSpan], marks: Iterable[str]) -> None:
    """Marks sit where the spans say; content inside the marks; nesting consistent with ``depth``."""
    all_marks = frozenset(marks)
    for q in spans:
        assert 0 <= q.open < q.start <= q.end <= len(text), q
        assert text[q.open : q.start] in all_marks, q  # the opening mark, one or two characters
        assert q.close_width in (1, 2), q
        if q.close is None:
            assert q.unbalanced or q.continues, q
        else:
            assert q.end == q.close and text[q.close : q.outer_end] in all_marks, q
    opens = [q.open for q in spans]
    assert opens == sorted(opens), "quote spans not in order of their opening mark"
    top = [q for q in spans if q.depth == 0]
    for a, b in itertools.pairwise(top):
        assert a.outer_end <= b.open, ("top-level quotes overlap", a, b)


def check_tokens(text: str, tokens: Sequence[Token], start: int = 0, end: int | None = None) -> None:
    """Non-empty, in order, disjoint, inside the window; whatever they leave out is whitespace."""
    stop = len(text) if end is None else end
    pos = start
    for t in tokens:
        assert t.start < t.end and start <= t.start and t.end <= stop, (t, start, stop)
        assert text[t.start : t.end] == t.text, t
        assert not text[pos : t.start].strip(), ("non-space left out", text[pos : t.start])
        pos = t.end
    assert not text[pos:stop].strip(), ("non-space left out at the end", text[pos:stop])


def check_result(text: str, result: Result) -> None:
    """Every span of a :class:`Result` slices back; order, nesting and JSON form hold."""
    assert result.text is text or result.text == text
    check_sentences(text, result.sentences)
    entity_ids = {e.id for e in result.entities}  # once: a set per quote made this check quadratic
    for q in result.quotes:
        check_span(text, q, "quote")
        assert q.start < q.end, ("empty quote", q)
        if q.cue is not None:
            check_span(text, q.cue, "cue")
        if q.speaker is not None:
            check_span(text, q.speaker, "speaker")
        if q.addressee is not None:
            check_span(text, q.addressee, "addressee")
        if q.entity is not None:
            assert q.entity.id in entity_ids, ("quote entity not listed", q.entity)
        # The entity policy: a speaker always has an entity (unresolved pronouns too); an entity without a
        # speaker mention only for a character the conversation stage knows from turn-taking alone.
        assert q.speaker is None or q.entity is not None, ("speaker without entity", q)
        assert q.entity is None or q.speaker is not None or q.evidence.startswith("dialogue"), (
            "entity without speaker outside dialogue",
            q,
        )
    check_nested_or_disjoint(result.quotes, "quotes")
    ids = [e.id for e in result.entities]
    assert len(ids) == len(set(ids)), ("duplicate entity ids", ids)
    for e in result.entities:
        for m in e.mentions:
            check_span(text, m, "entity mention")
        starts = [m.start for m in e.mentions]
        assert starts == sorted(starts), ("entity mentions out of order", e)
    d = result.to_dict()
    encoded = json.dumps(d)  # never raises: lone surrogates are written as \udxxx escapes
    if not has_surrogate_pair(text):
        assert json.loads(encoded) == d, "to_dict() does not round-trip through json"


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def has_surrogate_pair(text: str) -> bool:
    """Does ``text`` hold a high surrogate followed by a low one, as two code points?

    No JSON reader can give those back: ``"\\ud800\\udfff"`` decodes to the one character U+103FF. Text
    decoded from bytes never holds such a pair (UTF-8 decoding rejects surrogates); Python code can build it.
    """
    return _SURROGATE_PAIR.search(text) is not None
