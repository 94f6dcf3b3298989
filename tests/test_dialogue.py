"""The conversation stage (issue 13): hand cases in ``tests/cases/dialogue.jsonl`` plus unit checks.

Each JSONL line is one invented scene, in the shape of ``tests/cases/attribution.jsonl``::

    {"id": "...", "pattern": "...", "text": "...", "comment": "why the case exists",
     "quotes": [{"text": "...", "kind": "direct", "speaker": "... or null", "entity": "... or null",
                 "addressee": "... (optional)"}],
     "characters": {"Name": ["alias", ...]}  (optional: passed as Pipeline(characters=...)),
     "lang": "de"  (optional: the language to read the scene in; English by default),
     "negatives": ["text no reported quote may overlap"] (optional),
     "known_failure": "why it fails today" (optional)}

Per gold quote: a predicted quote must overlap at least half of it; its entity name must equal
``entity`` (when not null), its speaker mention ``speaker`` (when not null; untagged lines have no
tag to point at) and its addressee mention ``addressee`` (when given); no quote may overlap a
``negatives`` string.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from quoteattr import Pipeline, extract
from quoteattr.characters import CharacterTable, name_parts
from quoteattr.dialogue import characters_from, converse
from quoteattr.dialogue_text import is_conversation, paragraph_bounds
from quoteattr.evaluate import match_overlap
from quoteattr.model import Quote

CASES_PATH = Path(__file__).parent / "cases" / "dialogue.jsonl"
MIN_CASES = 60


def _load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


CASES = _load()


def test_enough_cases_and_each_gold_text_occurs_once() -> None:
    assert len(CASES) >= MIN_CASES
    assert len({c["id"] for c in CASES}) == len(CASES), "case ids are unique"
    for case in CASES:
        for q in case["quotes"]:
            assert case["text"].count(q["text"]) == 1, (case["id"], q["text"])


def _pipeline(case: dict[str, Any]) -> Pipeline:
    return Pipeline(characters=case.get("characters"), lang=case.get("lang", "en"))


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = (
            [pytest.mark.xfail(reason=case["known_failure"], strict=True)]
            if case.get("known_failure")
            else []
        )
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    result = (
        _pipeline(case).process(text) if case.get("characters") else extract(text, case.get("lang", "en"))
    )
    golds = {}
    for i, q in enumerate(case["quotes"]):
        start = text.index(q["text"])
        golds[i] = (start, start + len(q["text"]))
    preds = {j: (p.start, p.end) for j, p in enumerate(result.quotes)}
    pairs = match_overlap(golds, preds, 0.5)  # prediction → gold
    found = {gi: pj for pj, gi in pairs.items()}
    problems = []
    for i, q in enumerate(case["quotes"]):
        if i not in found:
            problems.append(f"missed {q['text']!r}")
            continue
        p: Quote = result.quotes[found[i]]
        got_entity = p.entity.name if p.entity else None
        if q.get("entity") is not None and got_entity != q["entity"]:
            problems.append(f"{q['text']!r}: entity {got_entity!r}, want {q['entity']!r} ({p.evidence})")
        if q.get("speaker") is not None and (p.speaker is None or p.speaker.text != q["speaker"]):
            problems.append(f"{q['text']!r}: speaker {p.speaker and p.speaker.text!r}, want {q['speaker']!r}")
        if q.get("addressee") is not None and (p.addressee is None or p.addressee.text != q["addressee"]):
            problems.append(
                f"{q['text']!r}: addressee {p.addressee and p.addressee.text!r}, want {q['addressee']!r}"
            )
    for neg in case.get("negatives", []):
        at = text.index(neg)
        if any(p.start < at + len(neg) and at < p.end for p in result.quotes):
            problems.append(f"reported a quote over the negative {neg!r}")
    assert not problems, "\n".join(problems)


def test_offsets_exact_and_inferred_confidence_below_tags() -> None:
    for case in CASES:
        result = extract(case["text"], case.get("lang", "en"))
        for q in result.quotes:
            assert case["text"][q.start : q.end] == q.text
            for span in (q.speaker, q.addressee):
                if span is not None:
                    assert case["text"][span.start : span.end] == span.text
            if q.evidence.startswith(("dialogue-turn", "dialogue-vocative")):
                assert q.confidence < 0.6, (case["id"], q.evidence, q.confidence)


def test_turn_taking_names_both_participants() -> None:
    text = (
        "Nell Ward and Amos Finch sat in the boat.\n\n"
        '"Row," said Nell.\n\n"I am rowing."\n\n"Row harder."\n\n"I am rowing harder."'
    )
    got = [(q.text, q.entity.name if q.entity else None, q.evidence) for q in extract(text).quotes]
    assert [g[1] for g in got] == ["Nell Ward", "Amos Finch", "Nell Ward", "Amos Finch"], got
    assert got[1][2].startswith("dialogue-turn") and got[2][2] == "dialogue-turn"


def test_vocative_is_the_addressee_not_the_speaker() -> None:
    text = (
        "Lottie Marsh ran to her father, Silas Marsh.\n\n"
        '"Daddy, what is that noise?"\n\n"Thunder," said Silas.'
    )
    q = extract(text).quotes[0]
    assert q.addressee is not None and q.addressee.text == "Daddy"
    assert q.to_dict()["addressee"] == {"start": q.addressee.start, "end": q.addressee.end, "text": "Daddy"}
    assert q.entity is not None and q.entity.name == "Lottie Marsh"


def test_news_is_left_alone() -> None:
    text = (
        'Mayor Ana Ruiz opened the bridge on Monday. "It is a proud day," Ruiz said.\n\n'
        '"The city kept its promise."\n\nCouncillor Tom Hale said the cost had doubled.'
    )
    quotes = extract(text).quotes
    assert not any(q.evidence.startswith("dialogue") for q in quotes)
    assert not is_conversation(text, quotes, paragraph_bounds(text))


def test_character_table_merges_names_but_not_spouses() -> None:
    table = CharacterTable()
    ann = table.observe("Miss Ann Wood", 0)
    assert table.observe("Ann", 10) is ann
    assert table.observe("Miss Wood", 20) is ann
    assert table.observe("Mrs. Wood", 30) is not ann
    mr = table.observe("Mr. Wood", 40)
    assert mr is not ann and mr.gender == "m"
    assert table.observe("Mr. Wood", 50) is mr
    assert name_parts("Alice")[1] == ("alice",)


def test_user_characters_forms() -> None:
    assert characters_from({"Ann Wood": ["Nan"]}) == [("Ann Wood", ("Nan",))]
    assert characters_from(["Ann Wood", ("Tom Hale", ["Tommy"])]) == [
        ("Ann Wood", ()),
        ("Tom Hale", ("Tommy",)),
    ]
    with pytest.raises(TypeError):
        characters_from([("Ann Wood", "Nan")])


def test_converse_without_direct_quotes_returns_its_input() -> None:
    quotes, entities = converse("No quotes here.", [], [], force=True)
    assert quotes == [] and entities == []


def test_cost_stays_linear_on_a_long_dialogue() -> None:
    scene = (
        "Nell Ward and Amos Finch sat in the boat.\n\n"
        '"Row," said Nell.\n\n"I am rowing."\n\n"Row harder, Amos."\n\n"I am rowing harder."\n\n'
        "The river bent to the left.\n\n"
    )
    small, big = scene * 50, scene * 400
    t0 = time.perf_counter()
    Pipeline(max_chars=None).process(small)
    t1 = time.perf_counter()
    result = Pipeline(max_chars=None).process(big)
    t2 = time.perf_counter()
    assert len(result.quotes) == 4 * 400
    assert (t2 - t1) < 8 * 3 * max(t1 - t0, 0.01), "8x the text should cost about 8x the time"


def test_hostile_runs_of_names_and_lines_stay_linear() -> None:
    head = '"Why?" cried Ann Wood.\n\n"Because!" sighed Tom.\n\n'
    for unit in ("Mr. Ann Bee Cee. ", '"Ann, Bob," ', "— Why? she cried.\n"):
        small, big = head + unit * 1000, head + unit * 8000
        t0 = time.perf_counter()
        Pipeline(max_chars=None).process(small)
        t1 = time.perf_counter()
        Pipeline(max_chars=None).process(big)
        t2 = time.perf_counter()
        assert (t2 - t1) < 8 * 3 * max(t1 - t0, 0.02), unit


@pytest.mark.parametrize(
    ("narration", "antecedent"),
    [
        ("At the gate stood Mr. Ferris, who", "Mr. Ferris"),  # the title belongs to the name
        ("Then Marigold, who", "Marigold"),  # a sentence adverb opening the sentence is no part of it
        ("Everyone looked at Anna Maria Crowe, who", "Anna Maria Crowe"),
        ("He nodded to O'Brien, who", "O'Brien"),
        ("The old captain, who", None),  # a description: the dialogue reader wants a name
    ],
)
def test_relative_tag_reads_the_name_before_it(narration: str, antecedent: str | None) -> None:
    """A relative pronoun opening a tag stands for the name before it, read by the reader coreference
    uses too (subject_starts.named_antecedent), not by a pattern of its own."""
    from quoteattr.dialogue_reader import Reader
    from quoteattr.model import Mention

    text = narration + ' said softly,\n"It is late."'
    at = narration.rindex("who")
    reader = Reader(text, [], [0], CharacterTable())
    found = reader._antecedent(Mention(at, at + 3, "who", kind="pronoun"))
    assert (found.text if found else None) == antecedent
    if found is not None:
        assert text[found.start : found.end] == found.text
