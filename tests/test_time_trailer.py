"""A time phrase between a cue and its clause dates the saying ("said on Thursday ⟦it had …⟧"), but only
a complete one: a modifier or a possessive opens the content (``TrailerView.time_end``)."""

from __future__ import annotations

import pytest

from quoteattr.language import get_language
from quoteattr.quotemarks import find_quotes
from quoteattr.readings import ContentView
from quoteattr.units import Unit, unit_items


def _time_end(text: str, cue: str, lang_code: str = "en") -> str | None:
    """The words of ``text`` from the item after ``cue`` on, if a time phrase ends before them."""
    lang = get_language(lang_code)
    unit = Unit(0, len(text), 0, tuple(q for q in find_quotes(text, lang) if q.depth == 0))
    v = ContentView(text, unit, lang, unit_items(text, unit))
    start = next(i for i, it in enumerate(v.items) if it.lower == cue) + 1
    end = v.time_end(start, v.end)
    return None if end is None else text[v.items[end].start :]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("The board said on Thursday it had resigned.", "it had resigned."),
        ("The board said Thursday it had resigned.", "it had resigned."),
        ("The board said earlier this month the plan was dead.", "the plan was dead."),
        ("The board said late on Friday night the fire was out.", "the fire was out."),
        ("The board said on 3 March the budget had passed.", "the budget had passed."),
    ],
)
def test_a_complete_time_phrase_ends_before_the_clause(text: str, rest: str) -> None:
    assert _time_end(text, "said") == rest


@pytest.mark.parametrize(
    "text",
    [
        "The board said early voting would start soon.",  # "early" modifies "voting"
        "The board said this plan was dead.",  # "this" is a determiner here
        "The board said Monday night's game was off.",  # a possessive opens the subject
        "The board said last year's budget was too small.",
        "The board said Sunday was the best day.",  # no clause after "Sunday"
        "The board said the plan was dead.",  # no time phrase at all
    ],
)
def test_no_time_phrase_ends_here(text: str) -> None:
    assert _time_end(text, "said") is None


def test_a_language_without_time_units_keeps_its_time_words() -> None:
    assert _time_end("Der Minister sagte heute, die Lage sei ernst.", "sagte", "de") is None
