"""The verb-first tag ("Said Ellis: “…”"), a context rule of :mod:`quoteattr.speakers`, in one table.

Each row is ``(text, speaker)``: the speaker mention of the text's one direct quote, or ``None`` when
no speaker may be read from a verb-first tag (the quote may then be attributed some other way or not
at all, but never to the words after the verb).
"""

from __future__ import annotations

import pytest

from quoteattr import extract

VERB_FIRST = [
    pytest.param('Said Mensah: "The budget is not final."', "Mensah", id="name-colon"),
    pytest.param('Says the coach, "We train again on Monday."', "the coach", id="present-comma"),
    pytest.param('Added one official: "Nobody expected the vote."', "one official", id="nominal"),
    pytest.param('Insisted Ana Paz, a farmer: "The well is dry."', "Ana Paz", id="appositive"),
    pytest.param('Then added Berg: "We wait."', "Berg", id="adverb-first"),
]

NOT_VERB_FIRST = [
    pytest.param('Told reporters: "The mine will reopen in spring."', "reporters", id="tell-lost-subject"),
    pytest.param('Asked the minister: "Will the mine reopen in spring?"', "the minister", id="ask-asked"),
    pytest.param('Adding: "The mine will reopen in spring."', None, id="participle"),
    pytest.param('Said to be ill, Berg: "We wait."', "Berg", id="no-subject-right-after"),
]


@pytest.mark.parametrize(("text", "speaker"), VERB_FIRST)
def test_verb_first_tag_names_the_speaker(text: str, speaker: str) -> None:
    [q] = extract(text).quotes
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.evidence.startswith("verb-first")
    assert q.cue is not None and text[q.cue.start : q.cue.end] == q.cue.text


@pytest.mark.parametrize(("text", "not_speaker"), NOT_VERB_FIRST)
def test_other_verb_first_shapes_name_no_speaker(text: str, not_speaker: str | None) -> None:
    for q in extract(text).quotes:
        assert not q.evidence.startswith("verb-first"), q
        assert q.speaker is None or q.speaker.text != not_speaker, q


def test_a_short_quote_without_a_tag_is_still_dropped() -> None:
    """The tag is what keeps a short quotation: the same words as a scare quote in a sentence are no quote."""
    assert extract('Said Okafor: "Not yet, sadly."').quotes
    assert not extract('The plan was filed under "not yet, sadly" and shelved.').quotes
