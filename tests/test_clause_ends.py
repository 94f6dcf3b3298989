"""Where reported content ends (issue 14): a coordinated report, a trailing adjunct or a semicolon
(``content_ends.tsv``), a relative "that", and the intro before a parenthetical cue.

The view methods are tested on item indexes of sentences written for these tests; the end-to-end
cases live in ``tests/cases/reported.jsonl``.
"""

from __future__ import annotations

import pytest

from quoteattr.cues import find_cues
from quoteattr.language import get_language
from quoteattr.lexicons import content_ends
from quoteattr.quotemarks import find_quotes
from quoteattr.readings import ContentView
from quoteattr.units import Unit, unit_items


def _view(text: str, lang_code: str = "en") -> ContentView:
    lang = get_language(lang_code)
    quotes = tuple(q for q in find_quotes(text, lang) if q.depth == 0)
    unit = Unit(0, len(text), 0, quotes)
    return ContentView(text, unit, lang, unit_items(text, unit))


def _after(v: ContentView, word: str) -> int:
    """The item right after the first item reading ``word``."""
    return next(i for i, it in enumerate(v.items) if it.lower == word) + 1


def _content(text: str, cue: str) -> str:
    """The content after ``cue`` (and a "that" right after it) up to :meth:`content_end`."""
    v = _view(text)
    start = _after(v, cue)
    if v.items[start].lower == "that":
        start += 1
    end = v.content_end(start, tuple(find_cues(v.items, v.lang)))
    return text[v.items[start].start : v.items[end - 1].end]


def test_the_lexicon_is_data_with_five_kinds_of_row() -> None:
    ends = content_ends("en")
    assert ends[("although",)] == "comma" and ends[("even", "as")] == "comma"
    assert ends[(";",)] == "alone" and ends[("and",)] == "joins"
    assert ends[("who",)] == "relative" and ends[("the",)] == "appositive"
    assert set(ends.values()) <= {"comma", "alone", "joins", "relative", "appositive"}
    assert content_ends("de") == {}  # a language without the file keeps every content to its unit's end


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ruiz said the fee was fair, and school groups warned it was too high.", "said", "the fee was fair"),
        ("Ruiz said the fee was fair and Ms. Vos argued it was too high.", "said", "the fee was fair"),
        ("Ruiz said the fee was fair, although she gave no figures.", "said", "the fee was fair"),
        ("Ruiz said the fee was fair, even as parents protested outside.", "said", "the fee was fair"),
        ("Ruiz said the fee was fair; parents protested outside.", "said", "the fee was fair"),
        ("Ruiz said the fee hurt the tenants, who had no say.", "said", "the fee hurt the tenants"),
        ("Ruiz said the fee was set by Tom Vos, the city's treasurer.", "said", "the fee was set by Tom Vos"),
        ("Ruiz said the fee was fair, tenants say it is too high.", "said", "the fee was fair"),
        ("Vos, who said the fee was fair, voted against it.", "said", "the fee was fair"),
    ],
)
def test_content_ends_before_a_second_report_an_adjunct_or_a_semicolon(
    text: str, cue: str, content: str
) -> None:
    assert _content(text, cue) == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # coordinated subject, not a second clause: nothing before "and" is a clause yet
        (
            "Ruiz said police and fire officials warned residents.",
            "said",
            "police and fire officials warned residents",
        ),
        # a participle after "and" continues the object ("giving states …" is no subject)
        (
            "Ruiz proposed new parks and giving states more money to plant trees.",
            "proposed",
            "new parks and giving states more money to plant trees",
        ),
        # "so many claims": "so" joins no clauses
        (
            "Ruiz said the site cites so many claims as false.",
            "said",
            "the site cites so many claims as false",
        ),
        # the adjunct word is not the last comma's: an inner clause, the content runs on
        (
            "Ruiz said the plan, when it was drafted, was fair.",
            "said",
            "the plan, when it was drafted, was fair",
        ),
        # a relative clause closed by a comma sits inside the content's subject
        (
            "Ruiz said the treasurer, who left in May, had set the fee.",
            "said",
            "the treasurer, who left in May, had set the fee",
        ),
        # a conjunction after the last comma: a list, not an appositive
        (
            "Ruiz said the fee would pay for roads, the library and a pool.",
            "said",
            "the fee would pay for roads, the library and a pool",
        ),
        # a parenthetical cue reports nothing after it: no second report
        (
            "Ruiz said the fee was fair, tenants say, and rents fell.",
            "said",
            "the fee was fair, tenants say, and rents fell",
        ),
        # a semicolon inside content with quoted words (a mixed span runs over it)
        (
            'Ruiz said the plan was "fair"; the rest was noise.',
            "said",
            'the plan was "fair"; the rest was noise',
        ),
    ],
)
def test_content_runs_on_where_nothing_ends_it(text: str, cue: str, content: str) -> None:
    assert _content(text, cue) == content


def test_a_relative_that_after_a_trailer_noun_is_no_complementiser() -> None:
    v = _view("Ruiz told reporters after the meeting that was held on a boat.")
    assert v.relative_that(_after(v, "that"))
    v = _view("Ruiz said that was a mistake.")  # the demonstrative right after the cue
    assert not v.relative_that(_after(v, "that"))
    v = _view("Ruiz told him that the plan was dead.")  # a listener pronoun, then a clause
    assert not v.relative_that(_after(v, "that"))


@pytest.mark.parametrize(
    ("intro", "short"),
    [("In a statement", True), ("On Monday", True), ("To prevent delays", False), ("To reporters", True)],
)
def test_a_short_prepositional_intro_is_no_content_but_a_purpose_is(intro: str, short: bool) -> None:
    v = _view(intro + ", he said, the plan would work.")
    words = [it for it in v.items if it.is_word][: len(intro.split())]
    assert v.short_intro(words) is short


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Ruiz said after the vote he would resign.", "he would resign."),
        ("Ruiz said in Leeds that the line would close.", "that the line would close."),
        ("Ruiz said in a statement the line would close.", "the line would close."),
        ("Ruiz said again they would resign.", "they would resign."),
        # a complete time phrase dates the saying (tests/test_time_trailer.py) ...
        ("Ruiz said on Monday the plan was dead.", "the plan was dead."),
        # ... but a noun phrase after another trailer may belong to the content
        ("Ruiz said in Leeds the plan was dead.", "in Leeds the plan was dead."),
        # no trailer: the content starts where it did
        ("Ruiz said they would resign.", "they would resign."),
    ],
)
def test_a_clause_starts_after_the_trailer_when_a_pronoun_or_that_opens_it(text: str, clause: str) -> None:
    v = _view(text)
    start = _after(v, "said")
    at = v.clause_after_trailer(start, v.end)
    assert text[v.items[at].start :] == clause
