"""Reported speech in news (issue 14): ``tests/cases/reported.jsonl`` run through ``quoteattr.extract``.

Same shape and checker as :mod:`test_cases`. The sentences are written for these tests (none is taken
from a corpus); they pin the frames for listeners, questions, speech nouns, propositional objects and
the trailing adjuncts that are not content.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cases import Case, assert_case, check_prediction, load_cases, thin_patterns

REPORTED_CASES_PATH = Path(__file__).parent / "cases" / "reported.jsonl"
MIN_REPORTED_CASES = 80
#: Every frame the issue names, each needing a few cases.
REQUIRED_PATTERNS = frozenset(
    {"listener", "ask", "ask-about", "noun-that", "noun-about", "prop-obj", "neg-prop", "trailing-adjunct"}
)

REPORTED_CASES = load_cases(REPORTED_CASES_PATH)


def test_enough_reported_cases() -> None:
    assert len(REPORTED_CASES) >= MIN_REPORTED_CASES, f"only {len(REPORTED_CASES)} reported-speech cases"


def test_required_patterns_are_covered() -> None:
    thin = thin_patterns(REPORTED_CASES, REQUIRED_PATTERNS, 3)
    assert thin == {}, f"patterns with fewer than 3 cases: {thin}"


@pytest.mark.parametrize("case", REPORTED_CASES, ids=lambda c: c.id)
def test_reported_case(case: Case) -> None:
    from quoteattr import extract

    result = extract(case.text)
    problems = check_prediction(case, result.quotes)
    assert_case(case, problems, result.quotes)


# ---------------------------------------------------------------- the parse-aware path reads the same frames


def _parsed(text: str, rows: list[tuple[str, str, int, str]]):  # type: ignore[no-untyped-def]
    """A one-sentence ParsedDoc from (word, upos, head, deprel) rows; offsets found in order."""
    from quoteattr.parsed import ParsedDoc, ParsedSentence, Token

    tokens, pos = [], 0
    for word, upos, head, deprel in rows:
        start = text.index(word, pos)
        pos = start + len(word)
        tokens.append(Token(start, pos, word, word.lower(), upos, head, deprel))
    return ParsedDoc(text, (ParsedSentence(tuple(tokens), 0, len(text)),)).check()


def _parse_quotes(text: str, rows: list[tuple[str, str, int, str]]) -> list[str]:
    from quoteattr.parse_rules import attribute

    return [q.text for q in attribute(_parsed(text, rows)).quotes]


def test_parse_path_reads_a_propositional_object() -> None:
    text = "The minister denied any role in the deal."
    rows = [
        ("The", "DET", 2, "det"),
        ("minister", "NOUN", 3, "nsubj"),
        ("denied", "VERB", 0, "root"),
        ("any", "DET", 5, "det"),
        ("role", "NOUN", 3, "obj"),
        ("in", "ADP", 8, "case"),
        ("the", "DET", 8, "det"),
        ("deal", "NOUN", 5, "nmod"),
        (".", "PUNCT", 3, "punct"),
    ]
    assert _parse_quotes(text, rows) == ["any role in the deal"]


def test_parse_path_refuses_a_bare_speech_noun_object() -> None:
    text = "The minister denied the claim."
    rows = [
        ("The", "DET", 2, "det"),
        ("minister", "NOUN", 3, "nsubj"),
        ("denied", "VERB", 0, "root"),
        ("the", "DET", 5, "det"),
        ("claim", "NOUN", 3, "obj"),
        (".", "PUNCT", 3, "punct"),
    ]
    assert _parse_quotes(text, rows) == []


def test_parse_path_reads_a_question_topic() -> None:
    text = "The mayor asked about the cost of the bridge."
    rows = [
        ("The", "DET", 2, "det"),
        ("mayor", "NOUN", 3, "nsubj"),
        ("asked", "VERB", 0, "root"),
        ("about", "ADP", 6, "case"),
        ("the", "DET", 6, "det"),
        ("cost", "NOUN", 3, "obl"),
        ("of", "ADP", 9, "case"),
        ("the", "DET", 9, "det"),
        ("bridge", "NOUN", 6, "nmod"),
        (".", "PUNCT", 3, "punct"),
    ]
    assert _parse_quotes(text, rows) == ["the cost of the bridge"]
