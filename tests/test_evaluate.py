"""Tests for quoteattr.evaluate: hand-made gold/prediction pairs whose scores are known exactly.

Offsets are computed with ``str.index`` on the example text, so each case
states *what* is quoted rather than where.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.errors import ConfigError, InputError
from quoteattr.evaluate import (
    ErrorItem,
    GoldDoc,
    Report,
    evaluate,
    load_gold,
    load_predictions,
    main,
    names_match,
    trim_span,
)

SEED_GOLD = Path(__file__).resolve().parents[1] / "seeds" / "soleimani_anniversary.gold.json"

FERRY = (
    "Harbour officials said that the ferry would resume on Monday. "
    '"We have fixed the engine," Lena Moravec told reporters. '
    'She called the delay "an embarrassment for the town". '
    "No ferry has sailed since March."
)


def at(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def gq(
    text: str,
    quote: str,
    kind: str,
    speaker: str | None = None,
    entity: str | None = None,
    cue: str | None = None,
    optional: bool = False,
    speaker_after: int = 0,
) -> dict[str, Any]:
    """A gold quote record."""
    s, e = at(text, quote)
    rec: dict[str, Any] = {"start": s, "end": e, "kind": kind, "text": quote, "speaker": speaker}
    if speaker is not None:
        rec["speaker_start"], rec["speaker_end"] = at(text, speaker, speaker_after)
    if entity is not None:
        rec["speaker_entity"] = entity
    if cue is not None:
        rec["cue"] = cue
        rec["cue_start"], rec["cue_end"] = at(text, cue)
    if optional:
        rec["optional"] = True
    return rec


def pq(
    text: str,
    quote: str,
    kind: str,
    speaker: str | None = None,
    entity: str | None = None,
    cue: str | None = None,
    evidence: str = "",
) -> dict[str, Any]:
    """A predicted quote in the shape of ``Quote.to_dict()``."""
    s, e = at(text, quote)

    def span(needle: str | None) -> dict[str, Any] | None:
        if needle is None:
            return None
        a, b = at(text, needle)
        return {"start": a, "end": b, "text": needle}

    return {
        "start": s,
        "end": e,
        "text": quote,
        "kind": kind,
        "confidence": 0.9,
        "cue": span(cue),
        "speaker": span(speaker),
        "entity": None if entity is None else {"id": 0, "name": entity},
        "evidence": evidence,
        "unbalanced": False,
    }


def ferry_gold() -> dict[str, Any]:
    t = FERRY
    return {
        "id": "ferry",
        "text": t,
        "quotes": [
            gq(t, "the ferry would resume on Monday", "indirect", "Harbour officials", cue="said"),
            gq(t, "We have fixed the engine,", "direct", "Lena Moravec", "Lena Moravec", "told"),
            gq(t, 'the delay "an embarrassment for the town"', "mixed", "She", "Lena Moravec", "called"),
        ],
        "negatives": ["No ferry has sailed since March."],
    }


def ferry_perfect() -> list[dict[str, Any]]:
    t = FERRY
    return [
        pq(t, "the ferry would resume on Monday", "indirect", "Harbour officials", cue="said"),
        pq(t, "We have fixed the engine,", "direct", "Lena Moravec", "Lena Moravec", "told"),
        pq(t, 'the delay "an embarrassment for the town"', "mixed", "She", "Lena Moravec", "called"),
    ]


def run(gold: dict[str, Any], preds: list[dict[str, Any]]) -> Report:
    return evaluate([gold], predictions={gold["id"]: preds})


# --------------------------------------------------------------------------- spans and names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We won,"', "We won"),
        ("«Nous partons.»", "Nous partons"),
        ("„Wir bleiben“", "Wir bleiben"),
        ("  ‘tight’ ", "tight"),
        ("that the plan failed.", "the plan failed"),
        ('That "we lost"', "we lost"),
        (", that that is wrong", "that is wrong"),
        ("that's all", "that's all"),
        ("thatcher spoke", "thatcher spoke"),
        ('"..."', ""),
    ],
)
def test_trim_span(text: str, expected: str) -> None:
    s, e = trim_span(text, 0, len(text))
    assert text[s:e] == expected


def test_trim_span_works_inside_a_longer_text() -> None:
    text = 'Yes. He said that "costs will fall." Then he left.'
    s, e = at(text, 'that "costs will fall."')
    a, b = trim_span(text, s, e)
    assert (a, b) == at(text, "costs will fall")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Moravec", "Lena Moravec", True),
        ("LENA MORAVEC", "lena moravec", True),
        ("Moravec's", "Lena Moravec", True),
        ("the harbour master", "harbour master", True),
        ("Dora Moravec", "Lena Moravec", False),
        ("She", "Lena Moravec", False),
        ("the", "the harbour master", False),
        ("", "Lena Moravec", False),
    ],
)
def test_names_match(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same
    assert names_match(b, a) is same


# --------------------------------------------------------------------------- headline cases


def test_perfect_prediction_scores_one_everywhere() -> None:
    report = run(ferry_gold(), ferry_perfect())
    for kind in ("all", "direct", "indirect", "mixed"):
        row = report.row(kind)
        for scores in (row.exact, row.overlap, row.end_to_end):
            assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
        assert row.speaker.value == 1.0
        assert row.cue.value == 1.0
    total = report.row()
    assert (total.gold, total.predicted, total.optional, total.ignored) == (3, 3, 0, 0)
    assert (total.exact.tp, total.exact.fp, total.exact.fn) == (3, 0, 0)
    assert (total.speaker.correct, total.speaker.total) == (3, 3)
    assert report.row("mixed").gold == 1
    assert report.errors == ()


def test_empty_prediction_recall_zero_precision_na() -> None:
    report = run(ferry_gold(), [])
    row = report.row()
    assert row.overlap.recall == 0.0
    assert row.overlap.precision is None  # documented: n/a, not 0
    assert row.overlap.f1 == 0.0
    assert row.exact.fn == 3
    assert row.end_to_end.f1 == 0.0
    assert row.speaker.value is None and row.speaker.total == 0
    assert [e.type for e in report.errors] == ["missed", "missed", "missed"]
    table = report.format_table()
    assert "n/a" in table
    assert report.to_dict()["rows"]["all"]["overlap"]["precision"] is None


def test_quote_marks_punctuation_and_leading_that_do_not_break_exact_match() -> None:
    t = FERRY
    preds = [
        pq(t, "that the ferry would resume on Monday.", "indirect", "Harbour officials", cue="said"),
        pq(t, '"We have fixed the engine,"', "direct", "Lena Moravec", "Lena Moravec", "told"),
        pq(t, 'the delay "an embarrassment for the town". ', "mixed", "She", "Lena Moravec", "called"),
    ]
    row = run(ferry_gold(), preds).row()
    assert (row.exact.tp, row.exact.fp, row.exact.fn) == (3, 0, 0)
    assert row.exact.f1 == 1.0


def test_boundary_error_is_an_overlap_match_but_not_exact() -> None:
    t = FERRY
    preds = ferry_perfect()
    preds[1] = pq(t, "We have fixed the", "direct", "Lena Moravec", "Lena Moravec", "told")
    report = run(ferry_gold(), preds)
    row = report.row()
    assert (row.exact.tp, row.exact.fp, row.exact.fn) == (2, 1, 1)
    assert row.exact.precision == pytest.approx(2 / 3)
    assert (row.overlap.tp, row.overlap.fp, row.overlap.fn) == (3, 0, 0)
    direct = report.row("direct")
    assert (direct.exact.precision, direct.exact.recall, direct.overlap.f1) == (0.0, 0.0, 1.0)


def test_wrong_pronoun_resolution_is_a_wrong_speaker() -> None:
    t = FERRY
    preds = ferry_perfect()
    preds[2] = pq(t, 'the delay "an embarrassment for the town"', "mixed", "She", "Piet Aalders", "called")
    report = run(ferry_gold(), preds)
    row = report.row()
    assert (row.speaker.correct, row.speaker.total) == (2, 3)
    assert (row.end_to_end.tp, row.end_to_end.fp, row.end_to_end.fn) == (2, 1, 1)
    assert row.end_to_end.f1 == pytest.approx(2 / 3)
    assert row.overlap.f1 == 1.0
    assert report.row("mixed").speaker.value == 0.0
    (err,) = report.errors
    assert (err.type, err.kind, err.doc_id) == ("speaker", "mixed", "ferry")
    assert err.gold_speaker == "She → Lena Moravec"
    assert err.predicted_speaker == "She → Piet Aalders"
    assert err.predicted_span == (err.start, err.end)
    assert "(predicted" not in err.format()


@pytest.mark.parametrize(
    ("speaker", "entity", "right"),
    [
        ("She", "Lena Moravec", True),
        ("She", "Moravec", True),  # surname only: token subset
        ("She", "Dora Moravec", False),  # same surname, different person
        ("She", None, False),  # the mention overlaps, but nobody was resolved
        ("Lena Moravec", None, True),  # named directly, elsewhere in the text
        ("reporters", None, False),
        (None, None, False),
    ],
)
def test_pronoun_gold_needs_the_resolved_person(speaker: str | None, entity: str | None, right: bool) -> None:
    t = FERRY
    preds = ferry_perfect()
    preds[2] = pq(t, 'the delay "an embarrassment for the town"', "mixed", speaker, entity, "called")
    assert run(ferry_gold(), preds).row("mixed").speaker.correct == int(right)


@pytest.mark.parametrize(
    ("speaker", "entity", "right"),
    [
        ("officials", None, True),  # overlaps the gold mention "Harbour officials"
        ("Lena Moravec", None, False),
        ("reporters", "Harbour officials", False),  # no gold entity: only offsets count
        (None, None, False),
    ],
)
def test_named_gold_speaker_is_judged_by_offsets(
    speaker: str | None, entity: str | None, right: bool
) -> None:
    t = FERRY
    preds = ferry_perfect()
    preds[0] = pq(t, "the ferry would resume on Monday", "indirect", speaker, entity, "said")
    assert run(ferry_gold(), preds).row("indirect").speaker.correct == int(right)


def test_named_gold_with_entity_accepts_another_mention_of_the_person() -> None:
    t = "Lena Moravec arrived late. Moravec said the talks had failed."
    quote = gq(t, "the talks had failed", "indirect", "Moravec", "Lena Moravec", "said", speaker_after=20)
    gold = {"id": "x", "text": t, "quotes": [quote]}
    other_mention = pq(t, "the talks had failed", "indirect", "Lena Moravec", cue="said")
    assert run(gold, [other_mention]).row().speaker.correct == 1
    wrong = pq(t, "the talks had failed", "indirect", "Lena Moravec", "Anna Kurz", "said")
    assert run(gold, [wrong]).row().speaker.correct == 0


def test_null_gold_speaker_is_right_only_when_nothing_is_predicted() -> None:
    t = "It was claimed that the dam had cracked. Engineers were sent."
    gold = {"id": "dam", "text": t, "quotes": [gq(t, "the dam had cracked", "indirect", None, cue="claimed")]}
    silent = pq(t, "the dam had cracked", "indirect", None, cue="claimed")
    guessed = pq(t, "the dam had cracked", "indirect", "Engineers", "Engineers", "claimed")
    assert run(gold, [silent]).row().speaker.value == 1.0
    assert run(gold, [guessed]).row().speaker.value == 0.0


@pytest.mark.parametrize(
    ("entity", "right"),
    [("Tomas Reyl", True), ("Ines Varga", True), ("Varga", True), ("Karl Obst", False)],
)
def test_gold_entity_listing_several_people_accepts_any_of_them(entity: str, right: bool) -> None:
    t = "Ines Varga and Tomas Reyl met the press. They said the vote was rigged."
    gold = {
        "id": "vote",
        "text": t,
        "quotes": [gq(t, "the vote was rigged", "indirect", "They", "Ines Varga; Tomas Reyl", "said")],
    }
    pred = pq(t, "the vote was rigged", "indirect", "They", entity, "said")
    assert run(gold, [pred]).row().speaker.correct == int(right)


def test_group_mention_that_names_the_people_is_judged_by_offsets() -> None:
    t = "Ines Varga and Tomas Reyl said the vote was rigged."
    gold = {
        "id": "vote2",
        "text": t,
        "quotes": [
            gq(t, "the vote was rigged", "indirect", "Ines Varga and Tomas Reyl", "Ines Varga; Tomas Reyl")
        ],
    }
    pred = pq(t, "the vote was rigged", "indirect", "Tomas Reyl")  # no entity, overlapping mention
    assert run(gold, [pred]).row().speaker.value == 1.0


def test_cue_accuracy() -> None:
    t = FERRY
    preds = ferry_perfect()
    preds[1] = pq(t, "We have fixed the engine,", "direct", "Lena Moravec", "Lena Moravec", "reporters")
    preds[2] = pq(t, 'the delay "an embarrassment for the town"', "mixed", "She", "Lena Moravec", None)
    row = run(ferry_gold(), preds).row()
    assert (row.cue.correct, row.cue.total) == (1, 3)


def test_gold_without_cue_is_not_judged_on_cue() -> None:
    gold = ferry_gold()
    for key in ("cue", "cue_start", "cue_end"):
        del gold["quotes"][0][key]
    assert run(gold, ferry_perfect()).row().cue.total == 2


# --------------------------------------------------------------------------- optional and negatives

RESIDENTS = (
    "Residents fear that rents will double. "
    '"We cannot stay," said Ada Kroll. '
    "The mayor hopes the market will cool."
)


def residents_gold() -> dict[str, Any]:
    t = RESIDENTS
    return {
        "id": "rents",
        "text": t,
        "quotes": [
            gq(t, "rents will double", "indirect", "Residents", cue="fear", optional=True),
            gq(t, "We cannot stay,", "direct", "Ada Kroll", cue="said"),
            gq(t, "the market will cool", "indirect", "The mayor", cue="hopes", optional=True),
        ],
        "negatives": ["The mayor hopes"],
    }


def test_optional_gold_counts_neither_way() -> None:
    t = RESIDENTS
    direct = pq(t, "We cannot stay,", "direct", "Ada Kroll", cue="said")
    found_optional = pq(t, "rents will double", "indirect", "Residents", cue="fear")
    for preds in ([direct], [direct, found_optional]):
        row = run(residents_gold(), preds).row()
        assert (row.overlap.tp, row.overlap.fp, row.overlap.fn) == (1, 0, 0)
        assert (row.exact.tp, row.exact.fp, row.exact.fn) == (1, 0, 0)
        assert (row.gold, row.optional) == (1, 2)
        assert row.speaker.total == 1
    row = run(residents_gold(), [direct, found_optional]).row()
    assert (row.predicted, row.ignored) == (2, 1)
    # the optional indirect alone: no gold found, nothing wrong reported
    alone = run(residents_gold(), [found_optional])
    assert (alone.row().overlap.tp, alone.row().overlap.fp, alone.row().overlap.fn) == (0, 0, 1)
    assert [e.type for e in alone.errors] == ["missed"]


def test_prediction_on_a_negative_is_a_false_positive_even_over_an_optional_gold() -> None:
    t = RESIDENTS
    preds = [
        pq(t, "We cannot stay,", "direct", "Ada Kroll", cue="said"),
        pq(t, "The mayor hopes the market will cool", "indirect"),
    ]
    report = run(residents_gold(), preds)
    row = report.row()
    assert (row.overlap.tp, row.overlap.fp, row.overlap.fn) == (1, 1, 0)
    assert row.overlap.precision == 0.5
    assert (row.negatives_reported, row.ignored) == (1, 0)
    assert report.row("indirect").negatives_reported == 1
    (err,) = report.errors
    assert (err.type, err.negative) == ("spurious", True)
    assert "NEGATIVE" in report.format_errors()


def test_negative_string_is_found_wherever_it_occurs() -> None:
    t = "Ignore this line. Also: Ignore this line."
    gold = {"id": "neg", "text": t, "quotes": [], "negatives": ["Ignore this line."]}
    second = {"start": 24, "end": len(t), "kind": "direct", "speaker": None}
    report = evaluate([gold], predictions={"neg": [second]})
    assert report.row().negatives_reported == 1
    assert report.row().overlap.recall is None  # no gold at all
    assert report.row().overlap.f1 == 0.0


# --------------------------------------------------------------------------- one-to-one matching

BRIDGE = '"The bridge is safe for walkers," the engineer said, "but not for lorries."'


def bridge_gold() -> dict[str, Any]:
    t = BRIDGE
    return {
        "id": "bridge",
        "text": t,
        "quotes": [
            gq(t, "The bridge is safe for walkers,", "direct", "the engineer", cue="said"),
            gq(t, "but not for lorries.", "direct", "the engineer", cue="said"),
        ],
    }


def test_one_prediction_cannot_match_two_golds() -> None:
    whole = {"start": 0, "end": len(BRIDGE), "kind": "direct", "speaker": None}
    report = run(bridge_gold(), [whole])
    row = report.row()
    assert (row.overlap.tp, row.overlap.fp, row.overlap.fn) == (1, 0, 1)
    assert row.overlap.f1 == pytest.approx(2 / 3)
    missed = [e for e in report.errors if e.type == "missed"]
    assert [e.text for e in missed] == ["but not for lorries."]  # the larger overlap won
    (wrong,) = [e for e in report.errors if e.type == "speaker"]  # gold "the engineer", predicted none
    assert wrong.predicted_span == (0, len(BRIDGE))
    assert f"(predicted 0-{len(BRIDGE)})" in wrong.format()


def test_greedy_matching_gives_each_gold_its_best_partner() -> None:
    t = BRIDGE
    whole = {"start": 0, "end": len(t), "kind": "direct", "speaker": None}
    first = pq(t, "The bridge is safe for walkers,", "direct")
    row = run(bridge_gold(), [whole, first]).row()
    assert (row.overlap.tp, row.overlap.fp, row.overlap.fn) == (2, 0, 0)
    # exact: only the precise one counts; the wide one is a false positive
    assert (row.exact.tp, row.exact.fp, row.exact.fn) == (1, 1, 1)


def test_duplicate_predictions_count_once() -> None:
    t = BRIDGE
    same = pq(t, "The bridge is safe for walkers,", "direct")
    row = run(bridge_gold(), [same, dict(same)]).row()
    assert (row.overlap.tp, row.overlap.fp, row.overlap.fn) == (1, 1, 1)
    assert (row.exact.tp, row.exact.fp, row.exact.fn) == (1, 1, 1)


@pytest.mark.parametrize(("length", "matched"), [(15, True), (14, False), (30, True)])
def test_overlap_needs_half_of_the_gold_span(length: int, matched: bool) -> None:
    start = BRIDGE.index("The bridge")  # the trimmed gold span is 30 characters long
    pred = {"start": start, "end": start + length, "kind": "direct", "speaker": None}
    gold = bridge_gold()
    gold["quotes"] = gold["quotes"][:1]
    assert run(gold, [pred]).row().overlap.tp == int(matched)


# --------------------------------------------------------------------------- rows by kind


def test_recall_by_gold_kind_precision_by_predicted_kind() -> None:
    t = FERRY
    preds = ferry_perfect()
    preds[2] = pq(t, 'the delay "an embarrassment for the town"', "indirect", "She", "Lena Moravec", "called")
    preds.append(pq(t, "No ferry", "mixed"))  # also a negative
    report = run(ferry_gold(), preds)
    mixed, indirect = report.row("mixed"), report.row("indirect")
    assert (mixed.overlap.tp, mixed.overlap.fn, mixed.overlap.tp_pred, mixed.overlap.fp) == (1, 0, 0, 1)
    assert (mixed.overlap.recall, mixed.overlap.precision, mixed.overlap.f1) == (1.0, 0.0, 0.0)
    assert (indirect.overlap.tp, indirect.overlap.tp_pred, indirect.overlap.fp) == (1, 2, 0)
    assert (indirect.overlap.precision, indirect.overlap.recall) == (1.0, 1.0)
    total = report.row()
    assert (total.overlap.tp, total.overlap.tp_pred, total.overlap.fp) == (3, 3, 1)
    assert (total.kind_agreement.correct, total.kind_agreement.total) == (2, 3)
    assert (total.negatives_reported, mixed.negatives_reported) == (1, 1)


def test_kind_row_precision_undefined_without_predictions_of_that_kind() -> None:
    t = FERRY
    preds = ferry_perfect()
    preds[2] = pq(t, 'the delay "an embarrassment for the town"', "indirect", "She", "Lena Moravec", "called")
    mixed = run(ferry_gold(), preds).row("mixed")
    assert (mixed.overlap.precision, mixed.overlap.recall, mixed.overlap.f1) == (None, 1.0, None)


# --------------------------------------------------------------------------- reporting


def test_error_listing_has_context_doc_and_kind() -> None:
    t = FERRY
    preds = [pq(t, "We have fixed the engine,", "direct", "reporters", evidence="rule-x")]
    report = run(ferry_gold(), preds)
    kinds = [(e.type, e.kind) for e in report.errors]
    assert kinds == [("missed", "indirect"), ("speaker", "direct"), ("missed", "mixed")]
    err = report.errors[1]
    assert isinstance(err, ErrorItem)
    assert err.text == "We have fixed the engine,"
    assert err.left.endswith('Monday. "')
    assert err.right.startswith('" Lena Moravec told')
    assert 0 < len(err.left) <= 60 and 0 < len(err.right) <= 60
    listing = report.format_errors()
    assert "[speaker] ferry direct" in listing and "evidence=rule-x" in listing
    assert "(predicted" not in listing  # same span as the gold
    assert "⟦We have fixed the engine,⟧" in listing
    assert report.format_errors(limit=1).endswith("… and 2 more errors")
    assert "[missed] ferry mixed" in report.format_errors(kind="mixed")
    assert "[missed] ferry indirect" not in report.format_errors(kind="mixed")
    assert report.format_errors(kind="all") == report.format_errors()  # the "all" row lists every kind
    assert len(report.to_dict(errors=None, kind="all")["errors"]) == 3
    assert run(ferry_gold(), ferry_perfect()).format_errors() == "no errors"


def test_table_is_aligned_and_lists_every_row() -> None:
    report = run(ferry_gold(), ferry_perfect()[:2])
    lines = report.format_table(legend=False).splitlines()
    assert [ln.split()[0] for ln in lines[2:]] == ["all", "direct", "indirect", "mixed"]
    assert len({len(ln) for ln in lines}) == 1
    header = lines[0]
    for ln in lines[2:]:  # numbers end where their column header ends
        assert ln[header.index("ov.F1") + len("ov.F1") - 1] != " "
    assert lines[2].count("1.000 (2/2)") == 2  # speaker and cue accuracy, on the 2 matched quotes
    assert " 0.800 " in lines[2]  # overlap F1: P 1, R 2/3
    only = report.format_table(kind="mixed", legend=False).splitlines()
    assert len(only) == 3 and only[2].startswith("mixed")


def test_to_dict_is_plain_json_with_counts() -> None:
    report = run(ferry_gold(), ferry_perfect()[:2])
    d = json.loads(json.dumps(report.to_dict(errors=None)))
    assert d["documents"] == 1
    assert d["rows"]["all"]["overlap"] == {
        "tp": 2,
        "fn": 1,
        "tp_pred": 2,
        "fp": 0,
        "precision": 1.0,
        "recall": 2 / 3,
        "f1": 0.8,
    }
    assert d["rows"]["mixed"]["gold"] == 1
    assert [e["type"] for e in d["errors"]] == ["missed"]
    assert report.to_dict()["errors"] == []
    assert list(report.to_dict(kind="direct")["rows"]) == ["direct"]


# --------------------------------------------------------------------------- inputs and systems


def test_system_callable_is_run_on_each_text() -> None:
    seen: list[str] = []

    def system(text: str) -> dict[str, Any]:
        seen.append(text)
        return {"quotes": ferry_perfect()}

    report = evaluate([ferry_gold()], system=system)
    assert seen == [FERRY]
    assert report.row().end_to_end.f1 == 1.0
    assert "system" in report.source


def test_default_system_is_quoteattr_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeResult:
        def to_dict(self) -> dict[str, Any]:
            return {"schema": 1, "quotes": ferry_perfect()[:1]}

    monkeypatch.setattr(quoteattr, "extract", lambda text: FakeResult(), raising=False)
    report = evaluate([ferry_gold()])
    assert report.source == "quoteattr.extract"
    assert (report.row().overlap.tp, report.row().overlap.fn) == (1, 2)


def test_keep_going_scores_a_crashing_document_as_empty() -> None:
    other = {"id": "other", "text": "Nothing here.", "quotes": []}

    def fragile(text: str) -> dict[str, Any]:
        if text == FERRY:
            raise ValueError("boom")
        return {"quotes": []}

    with pytest.raises(ValueError, match="boom"):
        evaluate([ferry_gold(), other], system=fragile)
    report = evaluate([ferry_gold(), other], system=fragile, keep_going=True)
    assert report.failures == (("ferry", "ValueError: boom"),)
    assert (report.row().overlap.fn, report.documents) == (3, 2)
    assert report.to_dict()["failures"] == [{"id": "ferry", "error": "ValueError: boom"}]


def test_cli_exits_1_when_the_pipeline_fails(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = files

    def broken(text: str) -> Any:
        raise RuntimeError("pipeline bug")

    monkeypatch.setattr(quoteattr, "extract", broken, raising=False)
    assert main([str(gold)]) == 1
    captured = capsys.readouterr()
    assert "FAILED on 3" in captured.out
    assert "pipeline bug" in captured.err


def test_predictions_and_system_together_are_refused() -> None:
    with pytest.raises(ConfigError):
        evaluate([ferry_gold()], predictions={}, system=lambda text: {"quotes": []})


def test_missing_prediction_record_counts_as_empty_and_is_reported() -> None:
    other = {"id": "other", "text": "Nothing here.", "quotes": []}
    report = evaluate([ferry_gold(), other], predictions={"other": []})
    assert report.missing_predictions == ("ferry",)
    assert report.row().overlap.fn == 3


def test_predictions_as_records() -> None:
    report = evaluate([ferry_gold()], predictions=[{"id": "ferry", "quotes": ferry_perfect()}])
    assert report.row().exact.f1 == 1.0


@pytest.mark.parametrize(
    "change",
    [
        {"start": 0, "end": 10_000},
        {"text": "something else"},
        {"speaker": {"start": 0, "end": 3, "text": "nope"}},
        {"start": "3"},
    ],
)
def test_predictions_that_do_not_fit_the_text_are_rejected(change: dict[str, Any]) -> None:
    bad = {**ferry_perfect()[0], **change}
    with pytest.raises(InputError):
        run(ferry_gold(), [bad])


@pytest.mark.parametrize(
    "change",
    [{"kind": "reported"}, {"text": "not the text"}, {"end": 10_000}, {"speaker_end": 1}],
)
def test_malformed_gold_is_rejected(change: dict[str, Any]) -> None:
    gold = ferry_gold()
    gold["quotes"][0].update(change)
    with pytest.raises(InputError):
        GoldDoc.from_dict(gold)


def test_load_gold_reads_jsonl_and_single_json(tmp_path: Path) -> None:
    other = {"id": "dam", "text": "Quiet.", "quotes": []}
    jsonl = tmp_path / "g.jsonl"
    jsonl.write_text(json.dumps(ferry_gold()) + "\n\n" + json.dumps(other) + "\n", encoding="utf-8")
    single = tmp_path / "g.json"
    single.write_text(json.dumps(residents_gold(), indent=2), encoding="utf-8")
    docs = load_gold(jsonl, single)
    assert [d.id for d in docs] == ["ferry", "dam", "rents"]
    assert docs[2].quotes[0].optional and not docs[2].quotes[1].optional
    with pytest.raises(InputError, match="duplicate"):
        load_gold(jsonl, jsonl)
    broken = tmp_path / "b.jsonl"
    broken.write_text(json.dumps(other) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.jsonl:2"):
        load_gold(broken)


def test_load_predictions(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "ferry", "quotes": ferry_perfect()}) + "\n", encoding="utf-8")
    assert load_predictions(path) == {"ferry": ferry_perfect()}
    path.write_text(json.dumps({"quotes": []}) + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_predictions(path)


# --------------------------------------------------------------------------- command line


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "\n".join(json.dumps(d) for d in (ferry_gold(), residents_gold(), bridge_gold())) + "\n",
        encoding="utf-8",
    )
    t = RESIDENTS
    preds = {
        "ferry": ferry_perfect()[:2],
        "rents": [pq(t, "We cannot stay,", "direct", "Ada Kroll", cue="said")],
        "bridge": [pq(BRIDGE, "but not for lorries.", "direct", "the engineer", cue="said")],
    }
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps({"id": k, "quotes": v}) + "\n" for k, v in preds.items()))
    return gold, pred


def test_cli_table_and_errors(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    assert main([str(gold), "--pred", str(pred), "--errors", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# quoteattr evaluate {gold} --pred {pred} --errors 1\n")
    assert "3 documents" in out
    assert "[missed] ferry mixed" in out
    assert "… and 1 more errors" in out


def test_cli_json(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = files
    assert main([str(gold), "--pred", str(pred), "--json", "--errors", "--kind", "direct"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert list(d["rows"]) == ["direct"]
    direct = d["rows"]["direct"]
    assert (direct["gold"], direct["overlap"]["tp"], direct["overlap"]["fn"]) == (4, 3, 1)
    assert direct["overlap"]["precision"] == 1.0
    assert [e["kind"] for e in d["errors"]] == ["direct"]


def test_cli_bad_input_exits_2(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = files
    assert main([str(tmp_path / "absent.jsonl")]) == 2
    wrong_ids = tmp_path / "wrong.jsonl"
    wrong_ids.write_text(json.dumps({"id": "zzz", "quotes": []}) + "\n")
    assert main([str(gold), "--pred", str(wrong_ids)]) == 2
    assert "matches a gold document id" in capsys.readouterr().err


# --------------------------------------------------------------------------- the seed article


def seed_perfect(doc: GoldDoc) -> list[dict[str, Any]]:
    out = []
    for q in doc.quotes:
        speaker = None
        if q.speaker is not None:
            speaker = {"start": q.speaker_start, "end": q.speaker_end, "text": q.speaker}
        entity = None if q.speaker_entity is None else {"id": 1, "name": q.speaker_entity}
        out.append({"start": q.start, "end": q.end, "kind": q.kind, "speaker": speaker, "entity": entity})
    return out


def test_seed_gold_perfect_and_one_misresolved_pronoun() -> None:
    (doc,) = load_gold(SEED_GOLD)
    preds = seed_perfect(doc)
    perfect = evaluate([doc], predictions={doc.id: preds})
    assert perfect.row().end_to_end.f1 == 1.0
    assert perfect.row().ignored == sum(q.optional for q in doc.quotes)
    # "He added that ..." resolved to the wrong man
    he = next(i for i, q in enumerate(doc.quotes) if q.kind == "mixed")
    preds[he] = {**preds[he], "entity": {"id": 2, "name": "Donald Trump"}}
    report = evaluate([doc], predictions={doc.id: preds})
    assert report.row("mixed").speaker.value == 0.0
    assert [e.type for e in report.errors] == ["speaker"]


# --------------------------------------------------------------------------- eval/run_dev.py


def load_run_dev() -> Any:
    path = Path(__file__).resolve().parents[1] / "eval" / "run_dev.py"
    spec = importlib.util.spec_from_file_location("run_dev", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_run_dev_skips_a_missing_data_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_dev = load_run_dev()
    assert run_dev.main(["--data", str(tmp_path / "absent"), "--seeds", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    assert "absent" in out.splitlines()[0]  # says which directory it evaluates on
    assert "skipped:" in out and "absent not found" in out


def test_run_dev_prints_one_row_per_corpus_and_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "ferry.jsonl").write_text(json.dumps(ferry_gold()) + "\n", encoding="utf-8")
    (data / "sub" / "rents.jsonl").write_text(json.dumps(residents_gold()) + "\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bridge.gold.json").write_text(json.dumps(bridge_gold()), encoding="utf-8")
    answers = {FERRY: ferry_perfect(), RESIDENTS: [], BRIDGE: []}
    monkeypatch.setattr(quoteattr, "extract", lambda text: {"quotes": answers[text]}, raising=False)
    run_dev = load_run_dev()
    assert run_dev.main(["--data", str(data), "--seeds", str(seeds)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [ln.split()[:2] for ln in lines if ln.split()[:1] in (["ferry"], ["sub/rents"], ["seed:bridge"])]
    kinds = ["all", "direct", "indirect", "mixed"]
    expected = [[c, k] for c in ("ferry", "sub/rents", "seed:bridge") for k in kinds]
    assert rows == expected
    ferry_all = next(ln for ln in lines if ln.split()[:2] == ["ferry", "all"])
    assert ferry_all.split()[2:4] == ["3", "0"]  # gold, optional
