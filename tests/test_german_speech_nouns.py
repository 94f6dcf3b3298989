"""German speech nouns whose clause, set off by a comma, is what was said.

"mit der Begründung, dass …", "die Frage, wer …", "mit der Bitte, es zu …", "das Gerücht, X habe …":
the noun (a ``noun``/``content`` row of ``lexicons/de/cues.tsv``) reports the clause after its comma,
unless that clause is a relative clause or in no reported mood. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

import quoteattr


@pytest.mark.parametrize(
    ("text", "content", "noun"),
    [
        (
            "Die Wirtin schloss das Tor mit der Begründung, dass es schon spät sei.",
            "es schon spät sei",
            "Begründung",
        ),
        ("Der Gärtner machte die Bemerkung, daß der Frost bald komme.", "der Frost bald komme", "Bemerkung"),
        (
            "Auf die Frage, wer die Laterne habe, zuckte der Junge die Achseln.",
            "wer die Laterne habe",
            "Frage",
        ),
        ("Er gab ihr den Brief mit der Bitte, ihn sofort zu lesen.", "ihn sofort zu lesen", "Bitte"),
        (
            "Im Dorf ging das Gerücht, der Müller habe sein Haus verkauft.",
            "der Müller habe sein Haus verkauft",
            "Gerücht",
        ),
        (
            "Die Magd brachte die Nachricht, die Kutsche sei umgestürzt.",
            "die Kutsche sei umgestürzt",
            "Nachricht",
        ),
    ],
)
def test_speech_noun_reports_its_clause(text: str, content: str, noun: str) -> None:
    quotes = quoteattr.extract(text, lang="de").quotes
    assert [(q.text, q.kind) for q in quotes] == [(content, "indirect")]
    assert quotes[0].cue is not None and quotes[0].cue.text == noun


@pytest.mark.parametrize(
    "text",
    [
        "Die Nachricht, die der Bote brachte, war nicht gut.",
        "Mit der Antwort, welche sie erhielt, war sie zufrieden.",
        "Setz dich, bitte, und iss deine Suppe.",
        "Die Frage, die ihn quälte, ließ ihn nicht schlafen.",
    ],
)
def test_relative_clause_or_particle_reports_nothing(text: str) -> None:
    assert quoteattr.extract(text, lang="de").quotes == ()
