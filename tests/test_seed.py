"""The seed article scored against its gold annotation, through the public API and ``quoteattr.evaluate``.

Everything expected comes from ``seeds/soleimani_anniversary.gold.json``: no offsets are written here.
A gold quote marked ``optional`` is not required.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from quoteattr import Quote, Result, extract
from quoteattr.lexicons import pronouns

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD_PATH = SEEDS / "soleimani_anniversary.gold.json"
TEXT_PATH = SEEDS / "soleimani_anniversary.txt"
#: A prediction must cover at least this share of the gold span.
MIN_OVERLAP = 0.5
ARTICLES = frozenset({"the", "a", "an"})


@cache
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return data


@cache
def result() -> Result:
    return extract(TEXT_PATH.read_text(encoding="utf-8"))


def required() -> list[dict[str, Any]]:
    return [q for q in gold()["quotes"] if not q.get("optional")]


def _label(q: dict[str, Any]) -> str:
    return f"{q['kind']}@{q['start']}"


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def best_match(g: dict[str, Any]) -> Quote | None:
    """The predicted quote sharing most of the gold span, if it shares at least half of it."""
    span = (g["start"], g["end"])
    best = max(result().quotes, key=lambda q: overlap((q.start, q.end), span), default=None)
    if best is None or overlap((best.start, best.end), span) < MIN_OVERLAP * (g["end"] - g["start"]):
        return None
    return best


def name_tokens(name: str) -> frozenset[str]:
    return frozenset(t for t in re.findall(r"[\w'’-]+", name.lower()) if t not in ARTICLES)


def names_match(predicted: str, gold_name: str) -> bool:
    """Token-subset match either way (``Trump`` ~ ``Donald Trump``); any one person of an ``A; B`` gold."""
    p = name_tokens(predicted)
    for part in gold_name.split(";"):
        g = name_tokens(part)
        if p and g and (p <= g or g <= p):
            return True
    return False


def refers_without_naming(g: dict[str, Any]) -> bool:
    """A pronoun ("He", "I") or a lower-case nominal ("the spokesman", "some") rather than a name."""
    speaker: str = g["speaker"]
    return speaker.lower() in pronouns() or speaker[:1].islower()


# --------------------------------------------------------------------------- the gold file itself


def test_gold_file_matches_the_seed_text() -> None:
    text = TEXT_PATH.read_text(encoding="utf-8")
    assert gold()["text"] == text
    assert required(), "the gold has required quotes"
    for q in gold()["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        if q.get("speaker") is not None:
            assert text[q["speaker_start"] : q["speaker_end"]] == q["speaker"]
        if q.get("cue") is not None:
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]
    for negative in gold()["negatives"]:
        assert negative in text


# --------------------------------------------------------------------------- through the public API


@pytest.mark.parametrize("g", required(), ids=_label)
def test_required_quote_is_found_with_its_kind(g: dict[str, Any]) -> None:
    q = best_match(g)
    assert q is not None, f"not found: {g['text'][:60]!r}"
    assert q.kind == g["kind"]


@pytest.mark.parametrize("g", required(), ids=_label)
def test_required_quote_has_the_right_speaker(g: dict[str, Any]) -> None:
    q = best_match(g)
    assert q is not None and q.speaker is not None
    if refers_without_naming(g):
        assert q.entity is not None, "a pronoun or nominal speaker is resolved to an entity"
        assert names_match(q.entity.name, g["speaker_entity"]), (q.entity.name, g["speaker_entity"])
    else:
        assert overlap((q.speaker.start, q.speaker.end), (g["speaker_start"], g["speaker_end"])) > 0, (
            q.speaker
        )
        if g.get("speaker_entity"):
            assert q.entity is not None and names_match(q.entity.name, g["speaker_entity"])


@pytest.mark.parametrize("g", [g for g in required() if g.get("cue")], ids=_label)
def test_required_quote_has_the_exact_cue(g: dict[str, Any]) -> None:
    q = best_match(g)
    assert q is not None and q.cue is not None
    assert (q.cue.start, q.cue.end, q.cue.text) == (g["cue_start"], g["cue_end"], g["cue"])


@pytest.mark.parametrize("negative", gold()["negatives"])
def test_negatives_are_not_reported(negative: str) -> None:
    text = result().text
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(negative), text)]
    assert spans
    for q in result().quotes:
        for span in spans:
            assert overlap((q.start, q.end), span) == 0, (negative, q.text)


def test_seed_spans_slice_back() -> None:
    text = result().text
    for q in result().quotes:
        assert text[q.start : q.end] == q.text


# --------------------------------------------------------------------------- through quoteattr.evaluate


@pytest.mark.skipif(importlib.util.find_spec("quoteattr.evaluate") is None, reason="no quoteattr.evaluate")
def test_evaluate_scores_the_seed_fully() -> None:
    from quoteattr.evaluate import evaluate, load_gold

    report = evaluate(load_gold(GOLD_PATH))
    row = report.row()
    assert report.documents == 1 and not report.failures
    assert row.gold == len(required())
    assert row.overlap.recall == 1.0
    assert row.speaker.value == 1.0 and row.speaker.total == len(required())
    assert row.cue.value == 1.0
    assert row.end_to_end.recall == 1.0
    assert row.kind_agreement.value == 1.0
    assert row.negatives_reported == 0
