"""Exact spans are compared after trimming a leading complementiser of the document's language:
"that" in English, "dass"/"daß" in German (issue 11), from ``Language.complementisers``."""

from __future__ import annotations

from typing import Any

import pytest

from quoteattr.errors import InputError
from quoteattr.evaluate import EvalConfig, GoldDoc, evaluate, match_document, trim_span
from quoteattr.evaluate.records import PredQuote

GERMAN = "Der Wirt sagte, dass der Keller unter Wasser stand."
OLD_SPELLING = "Die Magd meinte, daß der Wagen bald komme."
ENGLISH = "The clerk said that the files were lost."


def _doc(text: str, gold: str, lang: str | None) -> dict[str, Any]:
    s = text.index(gold)
    doc: dict[str, Any] = {
        "id": "d",
        "text": text,
        "quotes": [{"start": s, "end": s + len(gold), "kind": "indirect"}],
    }
    if lang is not None:
        doc["lang"] = lang
    return doc


def _exact(doc: dict[str, Any], pred: str, config: EvalConfig | None = None) -> bool:
    text = doc["text"]
    s = text.index(pred)
    p = PredQuote.from_dict({"start": s, "end": s + len(pred), "text": pred, "kind": "indirect"}, text, "p")
    match = match_document(GoldDoc.from_dict(doc), [p], config or EvalConfig())
    return bool(match.exact)


@pytest.mark.parametrize(
    ("text", "gold", "pred"),
    [
        (GERMAN, "dass der Keller unter Wasser stand", "der Keller unter Wasser stand"),
        (OLD_SPELLING, "daß der Wagen bald komme", "der Wagen bald komme"),
    ],
)
def test_a_german_document_trims_its_own_complementiser(text: str, gold: str, pred: str) -> None:
    assert _exact(_doc(text, gold, "de"), pred)
    assert not _exact(_doc(text, gold, "en"), pred)  # read as English, "dass" is a word like any other
    assert not _exact(_doc(text, gold, None), pred)  # the evaluation's language: English by default
    assert _exact(_doc(text, gold, None), pred, EvalConfig(lang="de"))  # the record does not say: the config


def test_english_still_trims_that_and_not_dass() -> None:
    assert _exact(_doc(ENGLISH, "that the files were lost", None), "the files were lost")
    assert not _exact(_doc(ENGLISH, "that the files were lost", "de"), "the files were lost")


def test_explicit_leading_words_win_over_the_language() -> None:
    only_so = EvalConfig(leading_words=["so"])
    assert not _exact(
        _doc(GERMAN, "dass der Keller unter Wasser stand", "de"), "der Keller unter Wasser stand", only_so
    )
    assert EvalConfig().leading("de") == ("dass", "daß") and EvalConfig().leading() == ("that",)


def test_trim_span_takes_the_language() -> None:
    s = GERMAN.index("dass")
    assert GERMAN[slice(*trim_span(GERMAN, s, len(GERMAN), lang="de"))] == "der Keller unter Wasser stand"
    assert GERMAN[slice(*trim_span(GERMAN, s, len(GERMAN)))].startswith("dass")


def test_scores_follow_the_records_language() -> None:
    doc = _doc(GERMAN, "dass der Keller unter Wasser stand", "de")
    s = GERMAN.index("der Keller")
    pred = {"start": s, "end": len(GERMAN) - 1, "text": GERMAN[s:-1], "kind": "indirect"}
    report = evaluate([doc], predictions={"d": [pred]})
    assert report.rows[0].exact.to_dict()["f1"] == 1.0


def test_a_bad_language_key_is_refused() -> None:
    doc = _doc(GERMAN, "dass der Keller unter Wasser stand", None)
    doc["lang"] = 7
    with pytest.raises(InputError, match="lang"):
        GoldDoc.from_dict(doc)


def test_the_default_system_reads_each_document_in_its_language(tmp_path: Any) -> None:
    """Without predictions, a German record is run through the German pipeline (`sagte` is no English cue)."""
    import json

    from quoteattr.evaluate.cli import main

    text = "„Der Keller steht unter Wasser“, sagte der Wirt."
    s = text.index("Der Keller")
    gold = {
        "id": "w",
        "text": text,
        "quotes": [{"start": s, "end": s + 28, "kind": "direct", "speaker": "der Wirt"}],
    }
    assert evaluate([{**gold, "lang": "de"}]).rows[0].overlap.to_dict()["recall"] == 1.0
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main([str(path), "--lang", "de", "--json"]) == 0
