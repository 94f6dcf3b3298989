"""The result model: validators, immutability and the documented JSON / record shapes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from quoteattr import extract
from quoteattr.model import SCHEMA_VERSION, Cue, Entity, Mention, Quote, Result, Sentence, Span

TEXT = "“We open at nine,” Mayor Ivo Brandt said. The rain kept falling."
QUOTE_START, QUOTE_END = 1, 17  # inside the marks
CUE = Cue(36, 40, TEXT[36:40], lemma="say")
SPEAKER = Mention(19, 35, TEXT[19:35], kind="name")
ENTITY = Entity(0, "Ivo Brandt", (SPEAKER,))


def full_quote() -> Quote:
    return Quote(QUOTE_START, QUOTE_END, TEXT[QUOTE_START:QUOTE_END], kind="direct", confidence=0.91234,
                 cue=CUE, speaker=SPEAKER, entity=ENTITY, evidence="postposed+name")  # fmt: skip


def bare_quote() -> Quote:
    start = TEXT.index("The rain")
    return Quote(start, len(TEXT) - 1, TEXT[start:-1], kind="indirect", confidence=0.5)


def result() -> Result:
    sentences = (Sentence(0, 41, TEXT[:41]), Sentence(42, len(TEXT), TEXT[42:]))
    return Result(TEXT, sentences, (full_quote(), bare_quote()), (ENTITY,))


def test_fixture_offsets_are_right() -> None:
    assert (
        CUE.text == "said" and SPEAKER.text == "Mayor Ivo Brandt" and full_quote().text == "We open at nine,"
    )


# --------------------------------------------------------------------------- validators


BAD: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    ("negative start", lambda: Span(-1, 2, "abc"), ValueError, "start"),
    ("end before start", lambda: Span(5, 2, ""), ValueError, "end"),
    ("text length", lambda: Span(0, 2, "abc"), ValueError, "text"),
    ("str start", lambda: Span("0", 2, "ab"), TypeError, "start"),  # type: ignore[arg-type]
    ("float end", lambda: Span(0, 2.0, "ab"), TypeError, "end"),  # type: ignore[arg-type]
    ("bytes text", lambda: Span(0, 2, b"ab"), TypeError, "text"),  # type: ignore[arg-type]
    ("quote offsets", lambda: Quote(3, 1, ""), ValueError, "start"),
    ("cue text", lambda: Cue(0, 3, "ab"), ValueError, "text"),
    ("quote kind", lambda: Quote(0, 2, "ab", kind="reported"), ValueError, "kind"),
    ("quote kind case", lambda: Quote(0, 2, "ab", kind="Direct"), ValueError, "kind"),
    ("confidence > 1", lambda: Quote(0, 2, "ab", confidence=1.5), ValueError, "confidence"),
    ("confidence < 0", lambda: Quote(0, 2, "ab", confidence=-0.1), ValueError, "confidence"),
    ("confidence nan", lambda: Quote(0, 2, "ab", confidence=float("nan")), ValueError, "confidence"),
    ("mention kind", lambda: Mention(0, 2, "ab", kind="group"), ValueError, "kind"),
    ("sentence paragraph", lambda: Sentence(0, 2, "ab", paragraph=-1), ValueError, "paragraph"),
    ("entity id", lambda: Entity(-1, "x"), ValueError, "id"),
    ("entity name", lambda: Entity(0, None), TypeError, "name"),  # type: ignore[arg-type]
    ("entity resolved", lambda: Entity(0, "he", resolved="no"), TypeError, "resolved"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("build", "error", "field"), [pytest.param(b, e, f, id=i) for i, b, e, f in BAD])
def test_validators_reject_bad_values_naming_the_field(
    build: Callable[[], Any], error: type[Exception], field: str
) -> None:
    with pytest.raises(error) as info:
        build()
    assert field in str(info.value)


@pytest.mark.parametrize("value", ["high", None])
def test_non_numeric_confidence_names_the_field(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="confidence"):
        Quote(0, 2, "ab", confidence=value)


@pytest.mark.parametrize("kind", ["direct", "indirect", "mixed"])
def test_every_documented_kind_is_accepted(kind: str) -> None:
    assert Quote(0, 0, "", kind=kind).kind == kind


def test_empty_span_and_edges_are_valid() -> None:
    assert len(Span(0, 0, "")) == 0
    assert Quote(0, 2, "ab", confidence=0.0).confidence == 0.0
    assert Quote(0, 2, "ab", confidence=1).confidence == 1


def test_span_of_slices_the_text() -> None:
    s = Span.of(TEXT, 19, 35)
    assert s == Span(19, 35, "Mayor Ivo Brandt") and len(s) == 16


# --------------------------------------------------------------------------- frozen


@pytest.mark.parametrize(("obj", "field", "value"), [
    (Span(0, 2, "ab"), "start", 1),
    (Sentence(0, 2, "ab"), "paragraph", 3),
    (CUE, "lemma", "tell"),
    (SPEAKER, "kind", "pronoun"),
    (ENTITY, "name", "Someone Else"),
    (full_quote(), "speaker", None),
    (full_quote(), "kind", "mixed"),
    (result(), "quotes", ()),
])  # fmt: skip
def test_objects_are_frozen(obj: Any, field: str, value: Any) -> None:
    before = getattr(obj, field)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, field, value)
    assert getattr(obj, field) == before


def test_evolve_derives_a_new_object() -> None:
    q = full_quote()
    q2 = attrs.evolve(q, speaker=None)
    assert q.speaker == SPEAKER and q2.speaker is None


def test_evolve_still_validates() -> None:
    with pytest.raises(ValueError, match="kind"):
        attrs.evolve(full_quote(), kind="rumour")


# --------------------------------------------------------------------------- to_dict


QUOTE_KEYS = [
    "start",
    "end",
    "text",
    "kind",
    "confidence",
    "cue",
    "speaker",
    "entity",
    "evidence",
    "unbalanced",
    "addressee",
]


def test_quote_to_dict_shape() -> None:
    d = full_quote().to_dict()
    assert list(d) == QUOTE_KEYS
    assert d == {
        "start": QUOTE_START,
        "end": QUOTE_END,
        "text": "We open at nine,",
        "kind": "direct",
        "confidence": 0.912,
        "cue": {"start": 36, "end": 40, "text": "said"},
        "speaker": {"start": 19, "end": 35, "text": "Mayor Ivo Brandt"},
        "entity": {"id": 0, "name": "Ivo Brandt", "resolved": True},
        "evidence": "postposed+name",
        "unbalanced": False,
        "addressee": None,
    }


def test_quote_to_dict_nulls() -> None:
    d = bare_quote().to_dict()
    assert list(d) == QUOTE_KEYS
    assert d["cue"] is None and d["speaker"] is None and d["entity"] is None
    assert d["evidence"] == "" and d["unbalanced"] is False and d["addressee"] is None


def test_result_to_dict_shape_and_json_round_trip() -> None:
    d = result().to_dict()
    assert list(d) == ["schema", "quotes", "sentences", "entities"]
    assert d["schema"] == SCHEMA_VERSION
    assert [q["text"] for q in d["quotes"]] == ["We open at nine,", "The rain kept falling"]
    assert d["sentences"] == [
        {"start": 0, "end": 41, "text": TEXT[:41]},
        {"start": 42, "end": len(TEXT), "text": TEXT[42:]},
    ]
    assert d["entities"] == [
        {
            "id": 0,
            "name": "Ivo Brandt",
            "resolved": True,
            "mentions": [{"start": 19, "end": 35, "text": "Mayor Ivo Brandt"}],
        }
    ]
    assert "text" not in d, "the input text is not repeated"
    assert json.loads(json.dumps(d)) == d


def test_pipeline_output_has_the_documented_shape() -> None:
    text = "“We open at nine,” Mayor Ivo Brandt said. She added that the market would stay shut."
    d = extract(text).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["quotes"], "the example has quotes"
    for q in d["quotes"]:
        assert list(q) == QUOTE_KEYS
        assert text[q["start"] : q["end"]] == q["text"]
        for key in ("cue", "speaker"):
            if q[key] is not None:
                assert set(q[key]) == {"start", "end", "text"}
                assert text[q[key]["start"] : q[key]["end"]] == q[key]["text"]
        assert q["entity"] is None or set(q["entity"]) == {"id", "name", "resolved"}
        assert isinstance(q["evidence"], str) and isinstance(q["unbalanced"], bool)
        assert 0.0 <= q["confidence"] <= 1.0


def test_empty_result_to_dict() -> None:
    assert Result("").to_dict() == {"schema": SCHEMA_VERSION, "quotes": [], "sentences": [], "entities": []}
    assert Result("").to_records() == []
    assert len(Result("")) == 0


# --------------------------------------------------------------------------- to_records


RECORD_KEYS = ["quote_start", "quote_end", "quote_text", "kind", "confidence", "cue", "cue_start",
               "speaker", "speaker_start", "speaker_end", "entity_id", "entity"]  # fmt: skip


def test_to_records_values() -> None:
    full, bare = result().to_records()
    assert list(full) == RECORD_KEYS and list(bare) == RECORD_KEYS
    assert full == {
        "quote_start": QUOTE_START, "quote_end": QUOTE_END, "quote_text": "We open at nine,",
        "kind": "direct", "confidence": 0.912, "cue": "said", "cue_start": 36, "speaker": "Mayor Ivo Brandt",
        "speaker_start": 19, "speaker_end": 35, "entity_id": 0, "entity": "Ivo Brandt",
    }  # fmt: skip
    assert all(
        bare[k] is None for k in ("cue", "cue_start", "speaker", "speaker_start", "entity_id", "entity")
    )


def test_to_records_work_with_csv_dictwriter() -> None:
    rows = result().to_records()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(back) == len(rows)
    for row, read in zip(rows, back, strict=True):
        assert read == {k: "" if v is None else str(v) for k, v in row.items()}
    assert back[0]["quote_text"] == "We open at nine,", "commas inside quotes survive CSV quoting"
