"""Speech nouns take their own prepositions (issue 14): the fifth column of a ``noun`` row of
``cues.tsv`` ("attack" takes "on"/"against", "criticism" takes "of"/"for"), read by the surface speech
noun frames (:mod:`quoteattr.noun_frames`). Cases with a speaker live in ``cases/reported.jsonl``;
these are the ones the case table cannot state: a quote that names no speaker, and the column itself.
"""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.cues import noun_openers
from quoteattr.language import english
from quoteattr.lexicons import load_cues


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The regulator has faced sharp criticism for failing to publish the audit.",
            "failing to publish the audit",
        ),
        (
            "The agency came under heavy criticism for its slow response to the floods.",
            "its slow response to the floods",
        ),
        ("The coach drew criticism over the team selection.", "the team selection"),
        ("The charity was hit with allegations of fraud in its accounts.", "fraud in its accounts"),
    ],
)
def test_a_hearer_light_verb_names_no_speaker(text: str, content: str) -> None:
    """After a ``light_hearer`` word ("faced", "came under", "drew") or a passive ``light_with`` verb
    ("was hit with") others spoke to the subject: the topic is a quote with no speaker, never the subject."""
    (quote,) = quoteattr.extract(text).quotes
    assert (quote.text, quote.speaker, quote.evidence) == (content, None, "noun-light")


def test_noun_rows_read_their_prepositions() -> None:
    cues = load_cues()
    assert cues.nouns["attacks"].preps == ("on", "against")
    assert "for" in cues.nouns["criticism"].preps
    assert cues.noun_preps >= {"on", "of", "for", "about", "that"}


def test_a_noun_without_the_column_takes_the_noun_complement_words() -> None:
    lang = english().extended(cues=[("grievance", "noun", "content", "grievance|grievances")])
    entry = lang.cues.nouns["grievances"]
    assert entry.preps == () and noun_openers(entry, lang) == lang.cls("noun_complement")


def test_a_users_noun_row_brings_its_own_preposition() -> None:
    text = "The dockers aired grievances over the new shift rota."
    assert quoteattr.extract(text).quotes == ()
    row = ("grievance", "noun", "content", "grievance|grievances", "over")
    (quote,) = quoteattr.Pipeline(cues=[row]).process(text).quotes
    assert (quote.text, quote.speaker.text if quote.speaker else None) == (
        "the new shift rota",
        "The dockers",
    )


def test_a_verbs_fifth_column_is_still_its_particle() -> None:
    (entry,) = load_cues([("hinzufuegen", "verb", "clause", "fuegte", "hinzu")]).entries[-1:]
    assert (entry.particle, entry.preps) == ("hinzu", ())
