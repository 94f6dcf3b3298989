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


@pytest.mark.parametrize(
    "written",
    ["Under", "Instead", "Meanwhile", "On July", "In August", "egregiously", "It's worth", "It is worth"],
)
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
        (
            "Mayor Dana Pike told members of the council that the bridge would reopen.",
            "members of the council",
        ),
        ('"We are ready," Pike told a meeting of harbour workers on Friday.', "a meeting of harbour workers"),
    ],
)
def test_told_names_the_addressee(text: str, listener: str) -> None:
    from quoteattr import extract

    (q,) = extract(text).quotes
    assert q.addressee is not None and q.addressee.text == listener
    assert text[q.addressee.start : q.addressee.end] == listener


def test_the_addressee_stays_out_of_the_content() -> None:
    from quoteattr import extract

    (q,) = extract("Mayor Dana Pike told members of the council that the bridge would reopen.").quotes
    assert q.text == "the bridge would reopen" and "council" not in q.text


def test_said_has_no_addressee() -> None:
    from quoteattr import extract

    (q,) = extract('"We are ready," Ruiz said on Friday.').quotes
    assert q.addressee is None


# --------------------------------------------------------------------------- the referent layer


def _layer(text: str) -> list[tuple[str, str, str, str]]:
    from quoteattr.coref import layer_from_text

    return [(r.name, r.kind, r.gender, r.role) for r in layer_from_text(text, english()).referents]


def test_layer_reads_names_roles_kinds_and_gender() -> None:
    text = (
        "Senator Ana Pruitt met Brian Cole in Port Ellis. The Harbour Board said it would wait. "
        "A police spokeswoman said so."
    )
    found = _layer(text)
    assert ("Ana Pruitt", "person", "f", "subject") in found
    assert ("Brian Cole", "person", "m", "object") in found
    assert ("Harbour Board", "org", "", "subject") in found
    assert ("a police spokeswoman", "person", "f", "subject") in found
    assert not any(name == "Port Ellis" for name, *_ in found), "a place is no referent"


def test_layer_skips_quotations_and_lone_sentence_openers() -> None:
    found = _layer('Later the plan failed. "Tom Vale will pay," Ines Roe said.')
    assert [name for name, *_ in found] == ["Ines Roe"]


def test_layer_attaches_appositive_and_preceding_roles() -> None:
    from quoteattr.coref import layer_from_text

    text = "Ministry spokesman Karl Vos arrived. Nina Brooks, an engineer for Calder Energy, left."
    refs = {r.name: r for r in layer_from_text(text, english()).referents}
    assert "spokesman" in refs["Karl Vos"].roles and refs["Karl Vos"].role == "subject"
    assert "engineer" in refs["Nina Brooks"].roles
    assert "engineer" not in refs["Calder Energy"].roles and refs["Calder Energy"].role == "oblique"


def test_layer_reads_of_names_by_their_head() -> None:
    from quoteattr.mentions import name_kind

    lang = english()
    assert name_kind("Ministry of Health", lang) == "org"
    assert name_kind("Residents of Pellow Lane", lang) == "group"
    assert name_kind("Main Street", lang) == "place"
    assert name_kind("Ana Ruiz", lang) == ""


@pytest.mark.parametrize(
    ("written", "kind", "kept", "kept_kind"),
    [
        ("Frank stoutly", "name", "Frank", "name"),
        ("she calmly", "nominal", "she", "pronoun"),
        ("the boy sharply", "nominal", "the boy", "nominal"),
        ("Ada Obi", "name", "Ada Obi", "name"),
        ("Mrs. Early", "name", "Mrs. Early", "name"),
        ("the family", "nominal", "the family", "nominal"),  # a determiner before it: a noun
        ("a close ally", "nominal", "a close ally", "nominal"),  # a listed "-ly" noun
    ],
)
def test_manner_adverbs_leave_the_end(written: str, kind: str, kept: str, kept_kind: str) -> None:
    from quoteattr.mentions import trim_tail

    m = trim_tail(_mention(written, kind), english())
    assert (m.text, m.kind, m.start) == (kept, kept_kind, 10)


def test_layer_skips_shouted_headline_words_but_keeps_acronyms() -> None:
    found = [name for name, *_ in _layer("THE BORROWING Years came later. NATO Secretary Ines Moll arrived.")]
    assert found == ["Ines Moll"]


def test_latest_reads_the_layer_backwards_and_only_units_that_can_match() -> None:
    """``latest`` is ``before`` reversed, read lazily; a unit without the spelling or word is never read."""
    from quoteattr.coref import layer_from_text

    text = (
        "Gordon Pryce, an engineer for the county, spoke first. The weather turned. "
        "Mayor Ines Roe waited. Nobody moved. Then the engineer left, and Pryce followed."
    )
    at = text.index("Pryce followed")
    layer = layer_from_text(text, english())
    assert list(layer.latest(at, 10)) == list(reversed(layer.before(at, 10)))
    fresh = layer_from_text(text, english())
    assert [r.name for r in fresh.latest(at, 10, spelling="Pryce")] == ["Gordon Pryce"]
    assert [r.name for r in fresh.latest(at, 10, word="ENGINEER")] == ["Gordon Pryce"]
    # the first unit and the last (it writes both words before the offset) are read; the three between not
    assert set(fresh._read) == {0, 4}, "units lacking the name or the role word were read"


def test_an_impersonal_worth_frame_keeps_its_quote_without_a_speaker() -> None:
    from quoteattr import extract

    [q] = extract("It's worth noting that the ferry has never run late.").quotes
    assert q.text == "the ferry has never run late" and q.speaker is None and q.entity is None
    [q] = extract("Ana Ruiz, who is worth millions, said the ferry has never run late.").quotes
    assert q.speaker is not None and q.speaker.text == "Ana Ruiz"
