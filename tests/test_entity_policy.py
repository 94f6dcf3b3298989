"""The entity policy: every quote with a speaker mention has an entity, so ``q.entity.name`` is safe.

An unresolved pronoun gets an entity of its own, marked ``resolved=False`` and named as written.
A quote with no speaker at all has no entity either.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from invariants import check_result
from text_strategies import hostile_text

from quoteattr import Pipeline, extract
from quoteattr.chunking import merge_results

UNRESOLVED = [
    ('"Fine," he said.', "he"),
    ('"Fine," he said. "Really?"', "he"),
    ("She said the vote would wait.", "She"),
    ('It rained all week.\n\n"We are tired," they said.', "they"),
]


@pytest.mark.parametrize(("text", "pronoun"), UNRESOLVED)
def test_an_unresolved_pronoun_gets_an_unresolved_entity_named_as_written(text: str, pronoun: str) -> None:
    result = extract(text)
    spoken = [q for q in result.quotes if q.speaker is not None]
    assert spoken, "the speaker mention is found"
    for q in spoken:
        assert q.speaker is not None and q.speaker.text == pronoun
        assert q.entity is not None and q.entity.name == pronoun and q.entity.resolved is False
        assert q.entity in result.entities and q.speaker in q.entity.mentions
        d = q.to_dict()["entity"]
        assert d == {"id": q.entity.id, "name": pronoun, "resolved": False}


def test_a_named_speaker_is_resolved() -> None:
    result = extract('"Fine," Lena Moss said. "Really," she added.')
    named = [(q.entity.name, q.entity.resolved) for q in result.quotes if q.entity]
    assert named == [("Lena Moss", True)] * 2
    assert [e["resolved"] for e in result.to_dict()["entities"]] == [True]


def test_a_quote_without_a_speaker_has_no_entity() -> None:
    result = extract('The sign read "closed for repairs" all week, and nobody knew why.\n\n"Hello?"')
    for q in result.quotes:
        assert (q.speaker is None) == (q.entity is None)


@settings(max_examples=60, deadline=None)
@given(hostile_text)
def test_every_quote_with_a_speaker_has_an_entity(text: str) -> None:
    check_result(text, extract(text))  # which asserts the policy, as every property test does


def test_the_policy_holds_across_chunks() -> None:
    text = '"Fine," he said.\n\n' + '"Yes," Lena Moss said.\n\n' + '"No," she said. ' * 3
    whole = Pipeline(max_chars=None).process(text)
    pieces = Pipeline(max_chars=40).process(text)
    check_result(text, pieces)
    first = pieces.quotes[0].entity
    assert first is not None and (first.name, first.resolved) == ("he", False)
    assert {(e.name, e.resolved) for e in whole.entities} == {("he", False), ("Lena Moss", True)}
    merged = merge_results(text, [(0, whole)])
    assert merged.entities == whole.entities, "merging keeps resolved"
