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
#: Patterns whose cases pin where content ends: each gold span must come out exactly (after the
#: evaluation's trimming of edge punctuation), not just by overlap.
BOUNDARY_PATTERNS = frozenset(
    {"relative-end", "appositive-end", "relative-cue", "second-report", "according-aside"}
)
BOUNDARY_CASES = [c for c in REPORTED_CASES if c.pattern in BOUNDARY_PATTERNS]


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


def test_boundary_patterns_are_covered() -> None:
    thin = thin_patterns(REPORTED_CASES, BOUNDARY_PATTERNS, 3)
    assert thin == {}, f"boundary patterns with fewer than 3 cases: {thin}"


@pytest.mark.parametrize("case", BOUNDARY_CASES, ids=lambda c: c.id)
def test_boundary_case_spans_are_exact(case: Case) -> None:
    from quoteattr import extract
    from quoteattr.evaluate.matching import eval_span

    spans = {eval_span(case.text, q.start, q.end) for q in extract(case.text).quotes}
    missing = [g.text for g in case.quotes if eval_span(case.text, g.start, g.end) not in spans]
    assert missing == [], f"{case.id}: no quote spans exactly {missing}"


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


# ---------------------------------------------------------------- verb groups on a parse (the same readings)

_DECLINED_TO_SAY = [
    ("The", "DET", 2, "det"),
    ("mayor", "NOUN", 3, "nsubj"),
    ("declined", "VERB", 0, "root"),
    ("to", "PART", 5, "mark"),
    ("say", "VERB", 3, "xcomp"),
    ("whether", "SCONJ", 10, "mark"),
    ("the", "DET", 8, "det"),
    ("bridge", "NOUN", 10, "nsubj"),
    ("would", "AUX", 10, "aux"),
    ("reopen", "VERB", 5, "ccomp"),
    (".", "PUNCT", 3, "punct"),
]


def test_parse_path_reads_a_refusal_with_its_question() -> None:
    text = "The mayor declined to say whether the bridge would reopen."
    assert _parse_quotes(text, _DECLINED_TO_SAY) == ["whether the bridge would reopen"]


def test_parse_path_refuses_a_refusal_without_a_clause() -> None:
    text = "The minister declined to comment on the lawsuit."
    rows = [
        ("The", "DET", 2, "det"),
        ("minister", "NOUN", 3, "nsubj"),
        ("declined", "VERB", 0, "root"),
        ("to", "PART", 5, "mark"),
        ("comment", "VERB", 3, "xcomp"),
        ("on", "ADP", 8, "case"),
        ("the", "DET", 8, "det"),
        ("lawsuit", "NOUN", 5, "obl"),
        (".", "PUNCT", 3, "punct"),
    ]
    assert _parse_quotes(text, rows) == []


def test_parse_path_reads_a_gerund_adjunct() -> None:
    from quoteattr.parse_rules import attribute

    text = "He began by saying that the tax is unfair."
    rows = [
        ("He", "PRON", 2, "nsubj"),
        ("began", "VERB", 0, "root"),
        ("by", "SCONJ", 4, "mark"),
        ("saying", "VERB", 2, "advcl"),
        ("that", "SCONJ", 9, "mark"),
        ("the", "DET", 7, "det"),
        ("tax", "NOUN", 9, "nsubj"),
        ("is", "AUX", 9, "cop"),
        ("unfair", "ADJ", 4, "ccomp"),
        (".", "PUNCT", 2, "punct"),
    ]
    quotes = attribute(_parsed(text, rows)).quotes
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [("the tax is unfair", "He")]


def test_parse_path_ends_content_before_a_trailing_relative_clause() -> None:
    text = "Ruiz said the fee hurt the tenants, who had no say."
    rows = [
        ("Ruiz", "PROPN", 2, "nsubj"),
        ("said", "VERB", 0, "root"),
        ("the", "DET", 4, "det"),
        ("fee", "NOUN", 5, "nsubj"),
        ("hurt", "VERB", 2, "ccomp"),
        ("the", "DET", 7, "det"),
        ("tenants", "NOUN", 5, "obj"),
        (",", "PUNCT", 10, "punct"),
        ("who", "PRON", 10, "nsubj"),
        ("had", "VERB", 7, "acl:relcl"),
        ("no", "DET", 12, "det"),
        ("say", "NOUN", 10, "obj"),
        (".", "PUNCT", 2, "punct"),
    ]
    assert _parse_quotes(text, rows) == ["the fee hurt the tenants"]


def test_parse_path_ends_content_before_a_trailing_appositive_but_not_a_list() -> None:
    text = "Ruiz said the fee was set by Tom Vos, the city treasurer."
    rows = [
        ("Ruiz", "PROPN", 2, "nsubj"),
        ("said", "VERB", 0, "root"),
        ("the", "DET", 4, "det"),
        ("fee", "NOUN", 6, "nsubj:pass"),
        ("was", "AUX", 6, "aux:pass"),
        ("set", "VERB", 2, "ccomp"),
        ("by", "ADP", 8, "case"),
        ("Tom", "PROPN", 6, "obl"),
        ("Vos", "PROPN", 8, "flat"),
        (",", "PUNCT", 13, "punct"),
        ("the", "DET", 13, "det"),
        ("city", "NOUN", 13, "compound"),
        ("treasurer", "NOUN", 8, "appos"),
        (".", "PUNCT", 2, "punct"),
    ]
    assert _parse_quotes(text, rows) == ["the fee was set by Tom Vos"]
    text = "Ruiz said the fee paid for roads, the library and a pool."
    rows = [
        ("Ruiz", "PROPN", 2, "nsubj"),
        ("said", "VERB", 0, "root"),
        ("the", "DET", 4, "det"),
        ("fee", "NOUN", 5, "nsubj"),
        ("paid", "VERB", 2, "ccomp"),
        ("for", "ADP", 7, "case"),
        ("roads", "NOUN", 5, "obl"),
        (",", "PUNCT", 10, "punct"),
        ("the", "DET", 10, "det"),
        ("library", "NOUN", 7, "appos"),
        ("and", "CCONJ", 13, "cc"),
        ("a", "DET", 13, "det"),
        ("pool", "NOUN", 10, "conj"),
        (".", "PUNCT", 2, "punct"),
    ]
    assert _parse_quotes(text, rows) == ["the fee paid for roads, the library and a pool"]
