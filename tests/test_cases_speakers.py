"""Speaker hand cases (issue 12): ``tests/cases/speakers.jsonl`` run through ``quoteattr.extract``.

Same shape and checker as :mod:`test_cases`; the sentences, names and places are invented for
these tests, none is taken from a corpus. They cover what a reader resolves without thinking:
sentence openers, months and places that are not people, a role introduced indefinitely then
repeated, apposition, an organisation's ``it``, pronouns among several people, titles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cases import Case, assert_case, check_prediction, load_cases, thin_patterns

SPEAKER_CASES_PATH = Path(__file__).parent / "cases" / "speakers.jsonl"
MIN_SPEAKER_CASES = 80
#: The patterns issue 12 names, each needing a few cases.
REQUIRED_PATTERNS = frozenset(
    {"not-a-name", "place-before-role", "role-repeated", "apposition", "org-pronoun", "pronoun", "title"}
)

SPEAKER_CASES = load_cases(SPEAKER_CASES_PATH)


def test_enough_speaker_cases() -> None:
    assert len(SPEAKER_CASES) >= MIN_SPEAKER_CASES, f"only {len(SPEAKER_CASES)} speaker cases"


def test_required_patterns_are_covered() -> None:
    thin = thin_patterns(SPEAKER_CASES, REQUIRED_PATTERNS, 5)
    assert thin == {}, f"patterns with fewer than 5 cases: {thin}"


@pytest.mark.parametrize("case", SPEAKER_CASES, ids=lambda c: c.id)
def test_speaker_case(case: Case) -> None:
    from quoteattr import extract

    result = extract(case.text)
    problems = check_prediction(case, result.quotes)
    problems += _split_entities(case, result.quotes)
    assert_case(case, problems, result.quotes)


def _split_entities(case: Case, predicted: object) -> list[str]:
    """Quotes whose gold entity names agree must share one entity id (one person, one entity)."""
    ids: dict[str, set[int]] = {}
    for q in predicted:  # type: ignore[attr-defined]
        gold = next((g for g in case.quotes if g.start < q.end and q.start < g.end and g.entity), None)
        if gold is not None and q.entity is not None and gold.entity is not None:
            ids.setdefault(gold.entity.casefold(), set()).add(q.entity.id)
    return [f"entity {name!r} is split over ids {sorted(i)}" for name, i in ids.items() if len(i) > 1]


def test_every_context_rule_has_its_frame_row() -> None:
    """A context rule names a row of records.RULE: a renamed row fails here, not in the middle of a run."""
    from quoteattr.records import RULE
    from quoteattr.speakers import CONTEXT_RULES

    missing = [name for name, _ in CONTEXT_RULES if name not in RULE]
    assert missing == [], f"context rules without a frame row: {missing}"
