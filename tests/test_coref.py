"""Rule-based coreference: canonical names, and ``resolve`` on hand-built quotes.

``resolve`` is fed quotes whose speaker mentions are built here, so these tests pin the sieves
themselves, independent of how earlier stages find speakers.
"""

from __future__ import annotations

import re

import pytest

from quoteattr.coref import canonical_name, complete_entities, resolve
from quoteattr.model import Entity, Mention, Quote

CANONICAL = [
    ("Ana Ruiz", "Ana Ruiz"),
    ("  Ana Ruiz  ", "Ana Ruiz"),
    ("US President Donald Trump", "Donald Trump"),
    ("Iranian Foreign Minister Ana Ruiz", "Ana Ruiz"),
    ("Prime Minister Tomas Vik", "Tomas Vik"),
    ("Dr. Lena Moss", "Lena Moss"),
    ("Professor Kofi Mensah", "Kofi Mensah"),
    ("Senator Ivo Brandt", "Ivo Brandt"),
    ("the senator Ivo Brandt", "Ivo Brandt"),
    ("former minister Ana Ruiz", "Ana Ruiz"),
    ("Chief Executive Officer Nadia Osei", "Nadia Osei"),
    ("Mrs. Okafor", "Okafor"),
    ("Judge Marta de la Cruz", "Marta de la Cruz"),
    ("Sheikh Omar bin Talal", "Omar bin Talal"),
    ("Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("Abdul-Rahim", "Abdul-Rahim"),
    ("the spokesman", "the spokesman"),
    ("the mayor", "the mayor"),
    ("a spokeswoman for the ministry", "a spokeswoman for the ministry"),
    ("Ana Ruiz and Tomas Vik", "Ana Ruiz; Tomas Vik"),
    ("Ana Ruiz & Tomas Vik", "Ana Ruiz; Tomas Vik"),
    ("Ana Ruiz, Tomas Vik and Ivo Brandt", "Ana Ruiz; Tomas Vik; Ivo Brandt"),
    ("farm union head Pia Lund and economist Rolf Sand", "Pia Lund; Rolf Sand"),
]


@pytest.mark.parametrize(("mention", "expected"), CANONICAL)
def test_canonical_name(mention: str, expected: str) -> None:
    assert canonical_name(mention) == expected


# --------------------------------------------------------------------------- resolve


def mention(text: str, surface: str, kind: str, occurrence: int = 0) -> Mention:
    """The ``occurrence``-th whole-word occurrence of ``surface`` as a mention."""
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(surface)}\b", text)]
    start = starts[occurrence]
    return Mention(start, start + len(surface), surface, kind=kind)


def quote(text: str, content: str, speaker: Mention | None) -> Quote:
    start = text.index(content)
    return Quote(start, start + len(content), content, kind="indirect", speaker=speaker, evidence="rule")


def entity_names(quotes: list[Quote]) -> list[str | None]:
    return [None if q.entity is None else q.entity.name for q in quotes]


@pytest.mark.parametrize("short_first", [True, False])
def test_name_variants_merge_and_the_long_form_is_canonical(short_first: bool) -> None:
    if short_first:
        text = "Moss said the dam held. Later Lena Moss said repairs were due."
        speakers = [("Moss", 0), ("Lena Moss", 0)]
    else:
        text = "Lena Moss said the dam held. Later Moss said repairs were due."
        speakers = [("Lena Moss", 0), ("Moss", 1)]
    quotes = [
        quote(text, "the dam held", mention(text, speakers[0][0], "name", speakers[0][1])),
        quote(text, "repairs were due", mention(text, speakers[1][0], "name", speakers[1][1])),
    ]
    out, entities = resolve(text, quotes)
    assert entity_names(out) == ["Lena Moss", "Lena Moss"]
    assert len(entities) == 1
    assert [m.text for m in entities[0].mentions] == [speakers[0][0], speakers[1][0]]
    assert out[0].entity is not None and out[1].entity is not None and out[0].entity.id == out[1].entity.id


def test_titled_name_and_surname_merge() -> None:
    text = "Senator Lena Moss said the bill failed. Moss said it would return."
    out, entities = resolve(text, [
        quote(text, "the bill failed", mention(text, "Senator Lena Moss", "name")),
        quote(text, "it would return", mention(text, "Moss", "name", 1)),
    ])  # fmt: skip
    assert entity_names(out) == ["Lena Moss", "Lena Moss"] and len(entities) == 1


def test_different_people_stay_apart() -> None:
    text = "Lena Moss said the dam held. Ivo Moss said it leaked."
    out, entities = resolve(text, [
        quote(text, "the dam held", mention(text, "Lena Moss", "name")),
        quote(text, "it leaked", mention(text, "Ivo Moss", "name")),
    ])  # fmt: skip
    assert entity_names(out) == ["Lena Moss", "Ivo Moss"] and len(entities) == 2


@pytest.mark.parametrize("pronoun", ["He", "She", "I"])
def test_pronoun_goes_to_the_most_recent_singular_speaker(pronoun: str) -> None:
    # "Sam" and "Robin" are given names of either gender: nothing but salience decides
    text = f"Sam Moss said the dam held. Robin Brandt said costs rose. {pronoun} said more was needed."
    out, entities = resolve(text, [
        quote(text, "the dam held", mention(text, "Sam Moss", "name")),
        quote(text, "costs rose", mention(text, "Robin Brandt", "name")),
        quote(text, "more was needed", mention(text, pronoun, "pronoun")),
    ])  # fmt: skip
    assert entity_names(out) == ["Sam Moss", "Robin Brandt", "Robin Brandt"]
    brandt = next(e for e in entities if e.name == "Robin Brandt")
    assert [m.text for m in brandt.mentions] == ["Robin Brandt", pronoun]
    assert out[2].evidence.startswith("rule+")


def test_pronoun_skips_a_compound_speaker() -> None:
    text = "Ivo Moss said the dam held. Ana Ruiz and Tomas Vik said costs rose. He said more was needed."
    out, _ = resolve(text, [
        quote(text, "the dam held", mention(text, "Ivo Moss", "name")),
        quote(text, "costs rose", mention(text, "Ana Ruiz and Tomas Vik", "name")),
        quote(text, "more was needed", mention(text, "He", "pronoun")),
    ])  # fmt: skip
    assert entity_names(out) == ["Ivo Moss", "Ana Ruiz; Tomas Vik", "Ivo Moss"]


def test_pronoun_without_any_speaker_falls_back_to_a_name_in_the_text() -> None:
    text = "Lena Moss opened the new bridge on Friday. She said it was overdue."
    [q], _ = resolve(text, [quote(text, "it was overdue", mention(text, "She", "pronoun"))])
    assert q.entity is not None and q.entity.name == "Lena Moss"


def test_pronoun_with_nobody_to_refer_to_gets_an_unresolved_entity() -> None:
    text = "It rained. He said it was overdue."
    he = mention(text, "He", "pronoun")
    [q], entities = resolve(text, [quote(text, "it was overdue", he)])
    assert q.entity is not None and entities == [q.entity]
    assert (q.entity.name, q.entity.resolved, q.entity.mentions) == ("He", False, (he,))
    assert q.evidence.endswith("pronoun-unresolved")


def test_resolved_entities_say_so() -> None:
    text = "Lena Moss said costs rose. She said it was overdue."
    out, _ = resolve(text, [
        quote(text, "costs rose", mention(text, "Lena Moss", "name")),
        quote(text, "it was overdue", mention(text, "She", "pronoun")),
    ])  # fmt: skip
    assert [(q.entity.name, q.entity.resolved) for q in out if q.entity] == [("Lena Moss", True)] * 2


def test_two_quotes_of_one_unresolved_mention_share_its_entity() -> None:
    text = 'It rained. "Go," he said, "now."'
    he = mention(text, "he", "pronoun")
    out, entities = resolve(text, [quote(text, "Go,", he), quote(text, "now.", he)])
    assert len(entities) == 1 and out[0].entity is out[1].entity is not None
    assert entities[0].resolved is False


def test_complete_entities_numbers_after_the_largest_id() -> None:
    text = "It rained. He said it was overdue."
    known = Entity(7, "Lena Moss")
    [q], entities = complete_entities(
        [quote(text, "it was overdue", mention(text, "He", "pronoun"))], [known]
    )
    assert entities[0] is known and q.entity is entities[1] and q.entity.id == 8


def test_nominal_goes_to_the_speaker_introduced_with_that_role() -> None:
    text = "Ministry spokesman Karl Vos said exports fell. It was late. The spokesman added that prices rose."
    out, entities = resolve(text, [
        quote(text, "exports fell", mention(text, "Ministry spokesman Karl Vos", "name")),
        quote(text, "prices rose", mention(text, "The spokesman", "nominal")),
    ])  # fmt: skip
    assert entity_names(out) == ["Karl Vos", "Karl Vos"] and len(entities) == 1


def test_nominal_goes_to_a_role_introduced_outside_any_quote() -> None:
    text = "Ministry spokesman Karl Vos opened the fair. The spokesman said that prices rose."
    [q], _ = resolve(text, [quote(text, "prices rose", mention(text, "The spokesman", "nominal"))])
    assert q.entity is not None and q.entity.name == "Karl Vos"


def test_nominal_with_no_introduction_is_its_own_entity() -> None:
    text = "Ivo Brandt said costs rose. The spokesman said that prices rose."
    out, entities = resolve(text, [
        quote(text, "costs rose", mention(text, "Ivo Brandt", "name")),
        quote(text, "prices rose", mention(text, "The spokesman", "nominal")),
    ])  # fmt: skip
    # a description keeps its words but not the capital the sentence start gave it (docs/concepts.md)
    assert entity_names(out) == ["Ivo Brandt", "the spokesman"] and len(entities) == 2


def test_compound_speaker_is_one_entity_listing_both() -> None:
    text = "Union leader Pia Lund and economist Rolf Sand said the deal was fair."
    speaker = mention(text, "Union leader Pia Lund and economist Rolf Sand", "name")
    [q], [e] = resolve(text, [quote(text, "the deal was fair", speaker)])
    assert e.name == "Pia Lund; Rolf Sand" and q.entity == e


def test_quotes_without_speaker_and_entity_shape() -> None:
    text = "Ivo Brandt said costs rose. Prices, it seems, will rise."
    out, entities = resolve(text, [
        quote(text, "Prices, it seems, will rise", None),
        quote(text, "costs rose", mention(text, "Ivo Brandt", "name")),
    ])  # fmt: skip
    assert [q.text for q in out] == ["costs rose", "Prices, it seems, will rise"], "returned in text order"
    assert out[1].entity is None and out[1].evidence == "rule"
    assert all(isinstance(e, Entity) for e in entities)
    assert [e.id for e in entities] == list(range(len(entities)))


# --------------------------------------------------------------------------- salience (issue 12)


def _candidate(name: str, kind: str, gender: str, *occurrences: tuple[int, str], key: str = "") -> object:
    from quoteattr.salience import Candidate, Occurrence

    occ = tuple(Occurrence(unit, role) for unit, role in occurrences)
    return Candidate(key or name, name, kind, gender, occ, last=max(u for u, _ in occurrences))


def test_salience_prefers_the_subject_to_the_object_of_the_same_sentence() -> None:
    from quoteattr.language import english
    from quoteattr.salience import rank

    subject = _candidate("Lena Hart", "person", "f", (0, "subject"))
    obj = _candidate("Julia Marsh", "person", "f", (0, "object"))
    choice = rank("she", 1, [obj, subject], english())
    assert choice is not None and choice.candidate is subject and choice.margin > 0


def test_salience_filters_by_gender_and_number_first() -> None:
    from quoteattr.language import english
    from quoteattr.salience import rank

    lang = english()
    woman = _candidate("Ana Ruiz", "person", "f", (1, "subject"))
    man = _candidate("Tom Berg", "person", "m", (0, "oblique"))
    bank = _candidate("Norrland Bank", "org", "", (1, "subject"))
    he = rank("he", 1, [woman, man, bank], lang)
    it = rank("it", 1, [woman, man, bank], lang)
    assert he is not None and he.candidate is man
    assert it is not None and it.candidate is bank
    assert rank("she", 1, [man, bank], lang) is None


def test_salience_decays_with_distance_and_weights_are_one_table() -> None:
    from quoteattr.language import english
    from quoteattr.salience import DECAY, WEIGHTS, rank

    assert {"recency", "subject", "object", "oblique", "speaker", "previous-speaker", "parallel"} <= set(
        WEIGHTS
    )
    assert 0 < DECAY < 1
    older = _candidate("Ivo Brandt", "person", "m", (0, "subject"))
    newer = _candidate("Karl Vos", "person", "m", (2, "subject"))
    choice = rank("he", 3, [older, newer], english())
    assert choice is not None and choice.candidate is newer


def test_pronoun_skips_the_previous_speaker_of_the_other_gender() -> None:
    text = "Diane Ferris said the clinic would stay open. Mark Oduya said staff were tired. She said more."
    out, _ = resolve(text, [
        quote(text, "the clinic would stay open", mention(text, "Diane Ferris", "name")),
        quote(text, "staff were tired", mention(text, "Mark Oduya", "name")),
        quote(text, "more", mention(text, "She", "pronoun")),
    ])  # fmt: skip
    assert entity_names(out) == ["Diane Ferris", "Mark Oduya", "Diane Ferris"]


def test_pronoun_takes_a_newer_subject_over_the_last_speaker() -> None:
    text = "Carl Ostrow said time was short. Frank Deyes shook his head. He said the money was there."
    out, _ = resolve(text, [
        quote(text, "time was short", mention(text, "Carl Ostrow", "name")),
        quote(text, "the money was there", mention(text, "He", "pronoun")),
    ])  # fmt: skip
    assert entity_names(out) == ["Carl Ostrow", "Frank Deyes"]
    assert out[1].evidence.endswith("pronoun-subject")


def test_it_goes_to_the_organisation_not_the_person() -> None:
    text = "Ana Morel founded the Brightwater Foundation in 2010. It said grants would double."
    [q], _ = resolve(text, [quote(text, "grants would double", mention(text, "It", "pronoun"))])
    assert q.entity is not None and q.entity.name == "Brightwater Foundation"


def test_first_person_inside_a_quote_is_that_quotes_speaker() -> None:
    text = 'Ana Ruiz spoke. Ivo Brandt said: "I said the dam would hold, and it did." It rained.'
    outer_start = text.index("I said")
    outer = Quote(
        outer_start, text.index('."') + 1, text[outer_start : text.index('."') + 1], kind="direct",
        speaker=mention(text, "Ivo Brandt", "name"), evidence="rule",
    )  # fmt: skip
    inner = quote(text, "the dam would hold", mention(text, "I", "pronoun"))
    out, _ = resolve(text, [outer, inner])
    assert entity_names(out) == ["Ivo Brandt", "Ivo Brandt"]
    assert out[1].evidence.endswith("pronoun-quoted-self")


def test_a_close_call_caps_the_pronoun_confidence() -> None:
    from quoteattr.coref import CLOSE_CALL_CONFIDENCE

    text = "Lena Hart and Julia Marsh arrived. She said the guests were late."
    [q], _ = resolve(text, [quote(text, "the guests were late", mention(text, "She", "pronoun"))])
    assert q.confidence <= CLOSE_CALL_CONFIDENCE


def test_relative_pronoun_is_its_antecedents_entity_not_the_most_salient() -> None:
    # salience would pick the earlier speaker (a subject, the previous quote's speaker); the relative
    # pronoun refers to the name right before it
    text = "Lena Moss said the dam held. Reporters then found Ivo Brandt, who said costs rose."
    out, entities = resolve(text, [
        quote(text, "the dam held", mention(text, "Lena Moss", "name")),
        quote(text, "costs rose", mention(text, "who", "pronoun")),
    ])  # fmt: skip
    assert entity_names(out) == ["Lena Moss", "Ivo Brandt"]
    assert out[1].speaker is not None and out[1].speaker.text == "who"
    assert "relative-name" in out[1].evidence
    brandt = next(e for e in entities if e.name == "Ivo Brandt")
    assert [m.text for m in brandt.mentions] == ["Ivo Brandt", "who"]


def test_relative_pronoun_after_a_surname_takes_the_full_name() -> None:
    text = "Nadia Osei spoke first. Voters then met Osei, who in 2019 said taxes would fall."
    [q], _ = resolve(text, [quote(text, "taxes would fall", mention(text, "who", "pronoun"))])
    assert q.entity is not None and q.entity.name == "Nadia Osei"


def test_relative_pronoun_skips_an_appositive_description_to_the_name() -> None:
    text = "Officials met Pia Lund, a retired nurse, who said the ward was full."
    [q], _ = resolve(text, [quote(text, "the ward was full", mention(text, "who", "pronoun"))])
    assert q.entity is not None and q.entity.name == "Pia Lund"


def test_relative_pronoun_with_a_description_antecedent() -> None:
    text = "The firm hired an engineer who said the bridge was unsafe."
    [q], _ = resolve(text, [quote(text, "the bridge was unsafe", mention(text, "who", "pronoun"))])
    assert q.entity is not None and q.entity.name == "an engineer" and q.entity.resolved


def test_relative_pronoun_with_nothing_before_it_is_unresolved() -> None:
    text = "Who said the bridge was unsafe?"
    [q], _ = resolve(text, [quote(text, "the bridge was unsafe", mention(text, "Who", "pronoun"))])
    assert q.entity is not None and not q.entity.resolved and "relative-unresolved" in q.evidence


def test_relative_that_from_a_parser_goes_to_its_antecedent() -> None:
    # the surface reader never makes "that" a speaker; a parser's relcl subject may
    text = "Ivo Moss spoke first. Then came a survey that found rents rose."
    [q], _ = resolve(text, [quote(text, "rents rose", mention(text, "that", "pronoun"))])
    assert q.entity is not None and q.entity.name == "a survey" and "relative-" in q.evidence
