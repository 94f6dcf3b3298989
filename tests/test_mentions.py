"""The mention layer (issue 12): speaker mentions that start with, or are only, words naming nobody."""

from __future__ import annotations

import pytest

from quoteattr.language import english
from quoteattr.mentions import trim
from quoteattr.model import Mention


def _mention(text: str, kind: str = "name") -> Mention:
    return Mention(10, 10 + len(text), text, kind=kind)


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Meanwhile the board", "the board"),
        ("In August the council", "the council"),
        ("Although Ruiz", "Ruiz"),
        ("Ada Obi", "Ada Obi"),
        ("Under Secretary Ada Obi", "Under Secretary Ada Obi"),
        ("all", "all"),
        ("Some economists", "Some economists"),
    ],
)
def test_trim_keeps_the_speaker_and_its_offsets(written: str, kept: str) -> None:
    m = trim(_mention(written), english())
    assert m is not None and m.text == kept
    assert m.end == 10 + len(written) and m.start == m.end - len(kept)


@pytest.mark.parametrize("written", ["Under", "Instead", "Meanwhile", "On July", "In August", "egregiously"])
def test_a_mention_of_nobody_is_dropped(written: str) -> None:
    assert trim(_mention(written), english()) is None


def test_a_dropped_speaker_leaves_the_quote_without_an_entity() -> None:
    from quoteattr import extract

    result = extract("Instead, said the report, the dam would hold for a decade or more.")
    assert all(q.entity is None or q.entity.name.lower() != "instead" for q in result.quotes)


@pytest.mark.parametrize(
    ("text", "listener"),
    [
        ('"Both suspects are in custody," the spokeswoman told the Herald.', "the Herald"),
        ("Treasurer Mark Ellison told reporters the budget would be balanced.", "reporters"),
        ("Ruiz told him that the deal was off.", "him"),
        ('Ines Calder told the Morning Star: "We will appeal."', "the Morning Star"),
    ],
)
def test_told_names_the_addressee(text: str, listener: str) -> None:
    from quoteattr import extract

    (q,) = extract(text).quotes
    assert q.addressee is not None and q.addressee.text == listener
    assert text[q.addressee.start : q.addressee.end] == listener


def test_said_has_no_addressee() -> None:
    from quoteattr import extract

    (q,) = extract('"We are ready," Ruiz said on Friday.').quotes
    assert q.addressee is None
