"""Unit tests of :mod:`quoteattr.subject_starts`: openers, clause-opening prepositions, relative
pronouns, clause-initial verbs and discourse idioms, each on invented sentences."""

from __future__ import annotations

import pytest

from quoteattr.language import english, get_language
from quoteattr.phrases import trim_np
from quoteattr.subject_starts import (
    after_opener,
    antecedent,
    bare_subject,
    clause_prep_stop,
    in_idiom,
    is_opener,
    opening_verb,
    relative_speaker,
    relative_subject,
)
from quoteattr.units import Item, Unit, unit_items

EN = english()


def _items(text: str) -> list[Item]:
    return unit_items(text, Unit(0, len(text), 0, ()))


def _index(items: list[Item], word: str, nth: int = 0) -> int:
    hits = [k for k, it in enumerate(items) if it.text == word]
    return hits[nth]


def _words(items: list[Item], span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    return " ".join(it.text for it in items[span[0] : span[1]])


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Having said that, the plan works.", "said", True),
        ("That said, the plan works.", "said", True),
        ("That being said, we go on.", "said", True),
        ("He said that the plan works.", "said", False),
        ("That said the plan was dead, he left.", "said", False),  # no comma: a report
    ],
)
def test_in_idiom(text: str, word: str, expected: bool) -> None:
    items = _items(text)
    lowers = [it.lower for it in items]
    assert in_idiom(lowers, _index(items, word), EN) is expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("Overall, the fund predicted growth.", "predicted", True),
        ("Chastened, the coach conceded defeat.", "conceded", True),
        ("Based on the data, the agency said so.", "said", True),
        ("Along with the row, the court rejected it.", "rejected", True),
        ("Ruiz, the mayor, said so.", "said", False),  # a closed appositive after a name
        ("Maria, the mayor said so.", "said", False),  # a known given name
    ],
)
def test_is_opener(text: str, cue: str, expected: bool) -> None:
    items = _items(text)
    stop = _index(items, cue)
    comma = _index(items, ",")
    assert is_opener(items, (0, comma), stop, EN) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met Friday, shortly after Trump said it.", True),
        ("They held a vote after the mayor said it.", True),  # a clause with its own verb before
        ("Ruiz after the vote said it.", False),  # a name and a prepositional phrase: one subject
    ],
)
def test_clause_prep_stop(text: str, expected: bool) -> None:
    items = _items(text)
    assert clause_prep_stop(items, _index(items, "after"), 0, EN) is expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("Voters met Mr. Kamin, who said so.", "said", "Mr . Kamin"),
        ("They hired an architect who said so.", "said", "an architect"),
        ("He spoke to members of the panel, who said so.", "said", "members of the panel"),
        ("He named the tariffs, which he said hurt.", "said", "he"),
        ("The official who spoke to us said so.", "said", "The official"),
        ("The city, which quietly vowed it, won.", "vowed", "The city"),
        ("He gave an interview, in which he said so.", "said", "he"),
        ("It came from a plan, which was praised in a statement.", "statement", None),
    ],
)
def test_relative_subject(text: str, cue: str, expected: str | None) -> None:
    items = _items(text)
    stop = _index(items, cue)
    start = stop
    while start > 0 and items[start - 1].text != "," and items[start - 1].lower not in ("met", "hired", "to"):
        start -= 1
    if text.startswith("The official"):
        start = 0
    assert _words(items, relative_subject(items, (start, stop), EN)) == expected


@pytest.mark.parametrize(
    ("text", "cue", "after", "speaker", "subject_start"),
    [
        ("Voters met Mr. Kamin, who said so.", "said", ",", "who", "Mr"),  # the pronoun speaks, as "he" does
        ("They hired an architect who in May said so.", "said", "hired", "who", "an"),
        ("Officials met the union's treasurer, who said so.", "said", ",", "who", "the"),
        ("He named the tariffs, which he said hurt.", "said", ",", "he", "he"),  # the clause's own subject
        ("The official who spoke to us said so.", "said", "", "The official", "The"),  # a closed clause
    ],
)
def test_relative_speaker(text: str, cue: str, after: str, speaker: str, subject_start: str) -> None:
    items = _items(text)
    start = _index(items, after) + 1 if after else 0
    found = relative_speaker(items, (start, _index(items, cue)), EN)
    assert found is not None
    span, begins = found
    assert _words(items, span) == speaker and items[begins].text == subject_start


def test_relative_subject_is_off_in_verb_second_languages() -> None:
    """German relative clauses put their verb last; the English reading does not apply."""
    de = get_language("de")
    items = _items("Der Mann, welcher die Papiere ausfertigte, erklärte es.")
    assert relative_subject(items, (3, 6), de) is None


def test_antecedent_needs_a_noun_phrase() -> None:
    items = _items("And who said so?")
    assert antecedent(items, 1, EN) is None


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("Keeps saying she won.", "saying", True),
        ("Preys on the weak, calls them losers.", "calls", True),
        ("Jones saying she won.", "saying", True),  # the shape is a headline's: no subject either way
        ("Williams says she won.", "says", False),  # a finite cue after a name
        ("Democrats on the panel said it.", "said", False),
    ],
)
def test_opening_verb(text: str, cue: str, expected: bool) -> None:
    items = _items(text)
    assert opening_verb(items, 0, _index(items, cue), EN) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chastened by the criticism, Ruiz revised it.", "Ruiz"),
        ("Based on the figures, the agency said so.", "the"),
        ("Ruiz revised it.", "Ruiz"),  # no opener: the subject starts at the first word
        ("Chastened by the criticism Ruiz revised it.", "Chastened"),  # no comma closes the phrase
        ("Stirred by X, as well as by Y, Ruiz revised it.", "Ruiz"),  # the phrase goes on after a comma
    ],
)
def test_after_opener(text: str, expected: str) -> None:
    items = _items(text)
    assert items[after_opener(items, 0, len(items), EN)].text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Members of the caucus held a press conference", "Members of the caucus"),
        ("Experts polled by the bank", "Experts"),
        ("the embattled mayor", "the embattled mayor"),  # a participle after an article modifies
        ("a newly elected judge", "a newly elected judge"),  # and after an adverb too
        ("Smith on Monday", "Smith"),
    ],
)
def test_trim_np_stops_at_a_verb(text: str, expected: str) -> None:
    items = _items(text)
    a, b = trim_np(items, 0, len(items), EN)
    assert " ".join(it.text for it in items[a:b]) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("the story Ruiz told", "Ruiz", True),
        ("memos combed through by the Ledger", "Ledger", False),  # an agent after "by"
        ("tweets early Friday", "Friday", False),  # a time, not a speaker
    ],
)
def test_bare_subject(text: str, name: str, expected: bool) -> None:
    items = _items(text)
    k = _index(items, name)
    assert bare_subject(items, (k, k + 1), EN) is expected
