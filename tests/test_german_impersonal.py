"""Impersonal reporting in German ("Es hieß, …", "Im Bericht heißt es, …"): content, and no speaker.

The hand-case format needs a speaker for every required quote, so these live here. The corpus
(Redewiedergabe) mostly leaves such quotes without a speaker, and so do we: the dummy "es" names no one.
"""

from __future__ import annotations

import pytest

import quoteattr


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Es hieß, man habe den Dieb am Bahnhof gefasst.", "man habe den Dieb am Bahnhof gefasst"),
        ("Im Bericht heißt es, die alte Brücke sei marode.", "die alte Brücke sei marode"),
        ("Später hieß es in dem Brief, der Vertrag sei gekündigt.", "der Vertrag sei gekündigt"),
        ("Auf dem Zettel heißt es: „Bin gleich zurück.“", "Bin gleich zurück."),
    ],
)
def test_impersonal_reports_without_speaker(text: str, content: str) -> None:
    quotes = quoteattr.extract(text, lang="de").quotes
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker is None
    assert quotes[0].cue is not None and quotes[0].cue.lemma == "heißen"


@pytest.mark.parametrize(
    "text",
    [
        "Das heißt, wir müssen morgen früher aufstehen.",
        "Mein Vetter heißt Konrad, und er wohnt am Hafen.",
        "Die Wirtin hieß die Gäste herzlich willkommen.",
    ],
)
def test_heissen_without_dummy_subject_reports_nothing(text: str) -> None:
    assert quoteattr.extract(text, lang="de").quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        "Es heißt, Abschied zu nehmen.",
        "Nun hieß es, die Koffer rasch zu packen.",
        "Jetzt heißt es, ruhig zu bleiben und abzuwarten.",
    ],
)
def test_heissen_with_a_bare_infinitive_reports_nothing(text: str) -> None:
    """ "Es heißt, … zu tun" says it is time to do something: nobody speaks."""
    assert quoteattr.extract(text, lang="de").quotes == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Es hieß, er sei abgereist.", "er sei abgereist"),
        ("Es hieß, man plane, die Schule zu schließen.", "man plane, die Schule zu schließen"),
    ],
)
def test_heissen_with_a_reported_clause_still_reports(text: str, content: str) -> None:
    """A subject or a comma makes the clause a report, even when an infinitive ends it."""
    assert [q.text for q in quoteattr.extract(text, lang="de").quotes] == [content]
