"""Property tests: for *any* string the pipeline and each stage never raise and every offset holds.

The strategies (``tests/text_strategies.py``) mix attribution-shaped sentences built from the shipped
lexicons with characters that break naive text code. Set ``QUOTEATTR_EXAMPLES`` to run more examples
per property than the CI default (e.g. ``QUOTEATTR_EXAMPLES=5000 pytest tests/test_properties.py``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, find, given, settings
from hypothesis import strategies as st
from invariants import check_quote_spans, check_result, check_sentences, check_tokens, has_surrogate_pair
from text_strategies import QUOTE_MARKS, any_text, hostile_text, hostile_text_de

from quoteattr import Pipeline, extract, split_sentences
from quoteattr.quotemarks import find_quotes
from quoteattr.tokens import tokenize

EXAMPLES = int(os.environ.get("QUOTEATTR_EXAMPLES", "250"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PIPELINE = Pipeline()
PIPELINE_DE = Pipeline(lang="de")

# Inputs that once broke a stage, or that a reader would try first; kept as explicit examples.
KNOWN = (
    "",
    " ",
    "\x00",
    "\ud800",
    '"',
    '""',
    "“”",
    "\r\n\r\n",
    '"Yes," she said.',
    "İİİ said that İ.",
    '"a\u0301," he said.\u2029"b," she said.',
    "Mara Quill" + " " * 300 + "Vey said that it works.",
    # found by the fuzzer: a postposed and a preposed reading whose contents crossed
    "addingrecountalleges—speculating,reminded,major,\u2067describing,reminded,\u200bpress conference👍🏽"
    "describing,reminded\u2067describing,reminded,\u200bpress conference\tremindedaldermandescribing,"
    "reminded,describing,reminded\udc80reminded,describing,reminded,describing,reminded",
)


def _with_known(test: Callable[[str], None]) -> Callable[[str], None]:
    for text in KNOWN:
        test = example(text)(test)
    return test


@SETTINGS
@_with_known
@given(any_text)
def test_extract_never_raises_and_offsets_hold(text: str) -> None:
    result = extract(text)
    check_result(text, result)


@SETTINGS
@_with_known
@given(st.one_of(hostile_text_de, any_text))
def test_german_never_raises_and_offsets_hold(text: str) -> None:
    check_result(text, PIPELINE_DE.process(text))


@SETTINGS
@given(
    st.lists(st.tuples(st.sampled_from(["en", "de"]), st.one_of(hostile_text, hostile_text_de)), max_size=4)
)
def test_pipelines_of_two_languages_do_not_share_state(docs: list[tuple[str, str]]) -> None:
    """Interleaving English and German documents through two long-lived pipelines and ``extract``
    gives what a fresh pipeline gives for each: no language's state leaks into the other's."""
    pipelines = {"en": PIPELINE, "de": PIPELINE_DE}
    for lang, text in docs:
        fresh = Pipeline(lang=lang).process(text).to_dict()
        assert pipelines[lang].process(text).to_dict() == fresh
        assert extract(text, lang=lang).to_dict() == fresh


@pytest.mark.parametrize("kind", ["direct", "indirect"])
def test_german_strategy_reaches_the_rules(kind: str) -> None:
    """The German strategy is worth running only if the German frames fire on it."""
    found = find(
        hostile_text_de,
        lambda t: any(q.kind == kind and q.speaker is not None for q in PIPELINE_DE.process(t).quotes),
        settings=settings(max_examples=2000, database=None, deadline=None, derandomize=True),
    )
    assert any(q.kind == kind for q in PIPELINE_DE.process(found).quotes)


@SETTINGS
@given(hostile_text)
def test_extract_is_deterministic_and_matches_pipe(text: str) -> None:
    first = extract(text).to_dict()
    assert extract(text).to_dict() == first
    assert next(Pipeline().pipe([text])).to_dict() == first
    assert PIPELINE.process(text).to_dict() == first


@SETTINGS
@given(st.lists(hostile_text, max_size=4))
def test_pipe_is_process_per_text(texts: list[str]) -> None:
    """A stream gives the same result per text as one call each: no state leaks between documents."""
    piped = [r.to_dict() for r in PIPELINE.pipe(texts)]
    assert piped == [PIPELINE.process(t).to_dict() for t in texts]


@SETTINGS
@given(hostile_text)
@example('"\ud800\udfff," Mara Quill said.')
def test_to_dict_round_trips_through_json(text: str) -> None:
    d = extract(text).to_dict()
    encoded = json.dumps(d)  # lone surrogates are escaped, so this never raises
    records = extract(text).to_records()
    encoded_records = [json.dumps(r) for r in records]
    if has_surrogate_pair(text):
        return  # JSON cannot carry two surrogate code points apart; see invariants.has_surrogate_pair
    assert json.loads(encoded) == d
    assert [json.loads(r) for r in encoded_records] == records


@SETTINGS
@_with_known
@given(any_text)
def test_split_sentences(text: str) -> None:
    sentences = split_sentences(text)
    check_sentences(text, sentences)
    assert split_sentences(text) == sentences


@SETTINGS
@_with_known
@given(any_text)
def test_find_quotes(text: str) -> None:
    check_quote_spans(text, find_quotes(text), QUOTE_MARKS)


@SETTINGS
@given(any_text, st.integers(0, 400), st.integers(0, 400))
@example("\ud800 a\u0301b \x1c c", 2, 9)
def test_tokenize(text: str, a: int, b: int) -> None:
    check_tokens(text, tokenize(text))
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    check_tokens(text, tokenize(text, start, end), start, end)


@pytest.mark.parametrize("kind", ["direct", "indirect", "mixed"])
def test_strategy_reaches_the_rules(kind: str) -> None:
    """The strategy is worth running only if it makes the attribution rules fire: it must find each kind."""
    found = find(
        hostile_text,
        lambda t: any(q.kind == kind and q.speaker is not None for q in extract(t).quotes),
        settings=settings(max_examples=2000, database=None, deadline=None, derandomize=True),
    )
    assert any(q.kind == kind for q in extract(found).quotes)
