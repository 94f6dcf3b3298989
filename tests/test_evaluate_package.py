"""The evaluation package's newer behaviour, on hand-made gold/prediction pairs.

Covers: options in a frozen ``EvalConfig`` (no process-wide state), speaker
aliases, ``annotated_kinds``, breakdowns by a ``meta`` field and by
confidence band, JSONL read on ``\\n`` only (U+2028 and friends inside
strings, byte-order marks, CRLF), and the package layout limits.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import quoteattr.evaluate as ev
from quoteattr.errors import ConfigError, InputError
from quoteattr.evaluate import (
    EvalConfig,
    Report,
    evaluate,
    is_alias,
    jsonl_lines,
    load_gold,
    load_predictions,
    main,
    trim_span,
)

ROOT = Path(__file__).resolve().parents[1]

# A small novel-like passage: two people talk; tags name them, point at them, or are absent.
PARLOUR = (
    '"The kettle is singing," said Miss Petra Lowe. '
    '"Then pour it," he answered. '
    '"Must I do everything?" '
    "Outside, the rain went on."
)


def at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def gold_quote(
    text: str,
    quote: str,
    speaker: str | None,
    entity: str,
    aliases: list[str],
    quote_type: str,
    kind: str = "direct",
) -> dict[str, Any]:
    s, e = at(text, quote)
    rec: dict[str, Any] = {"start": s, "end": e, "kind": kind, "speaker": speaker, "speaker_entity": entity}
    if speaker is not None:
        rec["speaker_start"], rec["speaker_end"] = at(text, speaker)
    rec["speaker_aliases"] = aliases
    rec["meta"] = {"quote_type": quote_type}
    return rec


def pred_quote(
    text: str,
    quote: str,
    speaker: str | None = None,
    entity: str | None = None,
    kind: str = "direct",
    confidence: float | None = 0.8,
) -> dict[str, Any]:
    s, e = at(text, quote)
    sp = None
    if speaker is not None:
        a, b = at(text, speaker)
        sp = {"start": a, "end": b, "text": speaker}
    rec: dict[str, Any] = {
        "start": s,
        "end": e,
        "text": quote,
        "kind": kind,
        "speaker": sp,
        "entity": None if entity is None else {"id": 0, "name": entity},
    }
    if confidence is not None:
        rec["confidence"] = confidence
    return rec


def parlour_gold(annotated: list[str] | None = None) -> dict[str, Any]:
    t = PARLOUR
    doc: dict[str, Any] = {
        "id": "parlour",
        "text": t,
        "meta": {"book": "Rainy Days"},
        "quotes": [
            gold_quote(
                t,
                "The kettle is singing,",
                "Miss Petra Lowe",
                "Petra Lowe",
                ["Petra", "Miss Lowe"],
                "Explicit",
            ),
            gold_quote(t, "Then pour it,", "he", "Jonah Vale", ["Jonah", "Mr. Vale"], "Anaphoric"),
            gold_quote(t, "Must I do everything?", None, "Petra Lowe", ["Petra", "Miss Lowe"], "Implicit"),
        ],
    }
    if annotated is not None:
        doc["annotated_kinds"] = annotated
    return doc


def score(gold: dict[str, Any], preds: list[dict[str, Any]], **kw: Any) -> Report:
    return evaluate([gold], predictions={gold["id"]: preds}, **kw)


# --------------------------------------------------------------------------- configuration


def test_config_is_frozen_and_changes_only_the_call_it_is_given_to() -> None:
    text = "She said so we agreed."
    lenient = EvalConfig(leading_words=["that", "so"])
    assert text[slice(*trim_span(text, 9, len(text), lenient))] == "we agreed"
    assert text[slice(*trim_span(text, 9, len(text)))] == "so we agreed"  # the default is untouched
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        lenient.leading_words = ("x",)  # type: ignore[misc]
    assert isinstance(ev.LEADING_WORDS, tuple) and isinstance(ev.NAME_STOPWORDS, frozenset)


def test_config_rejects_bad_bands_and_fractions() -> None:
    with pytest.raises(ValueError, match="confidence_bands"):
        EvalConfig(confidence_bands=[0.9, 0.5])
    with pytest.raises(ValueError, match="confidence_bands"):
        EvalConfig(confidence_bands=[1.0])
    with pytest.raises(ValueError, match="match_fraction"):
        EvalConfig(match_fraction=0.0)


def test_match_fraction_is_a_per_call_option() -> None:
    t = PARLOUR
    gold = parlour_gold()
    s, _ = at(t, "The kettle is singing,")
    half = {"start": s, "end": s + 8, "kind": "direct", "speaker": None}  # "The kett": a third of the quote
    assert score(gold, [half]).row().overlap.tp == 0
    assert score(gold, [half], config=EvalConfig(match_fraction=0.3)).row().overlap.tp == 1


def test_band_edges() -> None:
    c = EvalConfig()
    assert [c.band(x) for x in (0.0, 0.49, 0.5, 0.7, 0.89, 0.9, 1.0)] == [
        "[0.00, 0.50)",
        "[0.00, 0.50)",
        "[0.50, 0.70)",
        "[0.70, 0.90)",
        "[0.70, 0.90)",
        "[0.90, 1.00]",
        "[0.90, 1.00]",
    ]
    assert c.band_labels() == ("[0.00, 0.50)", "[0.50, 0.70)", "[0.70, 0.90)", "[0.90, 1.00]")


# --------------------------------------------------------------------------- speaker aliases


def test_aliases_accept_any_listed_name_for_a_resolved_pronoun() -> None:
    t = PARLOUR
    right = [pred_quote(t, "Then pour it,", "he", "Mr. Vale")]
    wrong_pointer = [pred_quote(t, "Then pour it,", "he")]  # points at "he", never says who
    partial = [pred_quote(t, "Then pour it,", "he", "Vale")]  # a part of an alias could be someone else
    gold = parlour_gold()
    assert score(gold, right).row().speaker.correct == 1
    assert score(gold, wrong_pointer).row().speaker.correct == 0
    assert score(gold, partial).row().speaker.correct == 0


def test_untagged_quote_needs_the_person_not_silence() -> None:
    t = PARLOUR
    gold = parlour_gold()
    named = [pred_quote(t, "Must I do everything?", entity="Petra")]
    silent = [pred_quote(t, "Must I do everything?")]
    other = [pred_quote(t, "Must I do everything?", entity="Jonah")]
    assert score(gold, named).row().speaker.correct == 1
    assert score(gold, silent).row().speaker.correct == 0
    assert score(gold, other).row().speaker.correct == 0


def test_named_tag_still_counts_by_overlapping_mention() -> None:
    t = PARLOUR
    by_mention = [pred_quote(t, "The kettle is singing,", "Petra Lowe")]  # overlaps "Miss Petra Lowe"
    assert score(parlour_gold(), by_mention).row().speaker.correct == 1


def test_quote_without_any_speaker_is_right_only_when_none_is_predicted() -> None:
    text = '"Closed for repairs," read the sign on the gate.'
    s, e = at(text, "Closed for repairs,")
    gold = {"id": "sign", "text": text, "quotes": [{"start": s, "end": e, "kind": "direct", "speaker": None}]}
    assert score(gold, [pred_quote(text, "Closed for repairs,")]).row().speaker.correct == 1
    assert score(gold, [pred_quote(text, "Closed for repairs,", "the sign")]).row().speaker.correct == 0


def test_is_alias_ignores_case_articles_and_edge_punctuation() -> None:
    assert is_alias("the GARDENER,", ["Gardener"])
    assert not is_alias("Old Gardener", ["Gardener"])
    assert not is_alias("the", ["the"])


def test_aliases_must_be_strings() -> None:
    gold = parlour_gold()
    gold["quotes"][0]["speaker_aliases"] = "Petra"
    with pytest.raises(InputError, match="speaker_aliases"):
        evaluate([gold], predictions={})


# --------------------------------------------------------------------------- annotated kinds


def test_unannotated_kind_matching_nothing_is_neither_right_nor_wrong() -> None:
    t = PARLOUR
    base = [pred_quote(t, q) for q in ("The kettle is singing,", "Then pour it,", "Must I do everything?")]
    extra = pred_quote(t, "the rain went on", kind="indirect")
    full = score(parlour_gold(["direct"]), [*base, extra]).row()
    assert (full.overlap.fp, full.predicted, full.ignored) == (0, 4, 1)
    assert full.overlap.precision == 1.0
    # without annotated_kinds the same prediction is a false positive
    assert score(parlour_gold(), [*base, extra]).row().overlap.fp == 1
    # an annotated kind that matches nothing is still wrong
    stray = pred_quote(t, "the rain went on", kind="direct")
    assert score(parlour_gold(["direct"]), [*base, stray]).row().overlap.fp == 1


def test_unannotated_kind_that_matches_a_gold_quote_counts() -> None:
    t = PARLOUR
    as_mixed = pred_quote(t, "Then pour it,", kind="mixed")
    row = score(parlour_gold(["direct"]), [as_mixed]).row()
    assert (row.overlap.tp, row.kind_agreement.correct) == (1, 0)


def test_unannotated_kind_hitting_a_negative_is_still_wrong() -> None:
    gold = parlour_gold(["direct"])
    gold["negatives"] = ["the rain went on"]
    row = score(gold, [pred_quote(PARLOUR, "the rain went on", kind="indirect")]).row()
    assert (row.overlap.fp, row.negatives_reported) == (1, 1)


def test_unknown_annotated_kind_is_an_input_error() -> None:
    with pytest.raises(InputError, match="annotated_kinds"):
        evaluate([parlour_gold(["direct", "sung"])], predictions={})


# --------------------------------------------------------------------------- breakdowns


def all_right(t: str) -> list[dict[str, Any]]:
    return [
        pred_quote(t, "The kettle is singing,", "Miss Petra Lowe", confidence=0.95),
        pred_quote(t, "Then pour it,", "he", "Jonah Vale", confidence=0.6),
        pred_quote(t, "Must I do everything?", entity="Jonah", confidence=0.92),  # wrong person
        pred_quote(t, "the rain went on", kind="direct", confidence=0.3),  # spurious
    ]


def test_breakdown_by_a_meta_field() -> None:
    report = score(parlour_gold(), all_right(PARLOUR), by=["meta.quote_type"])
    b = report.breakdown("meta.quote_type")
    assert [label for label, _ in b.groups] == ["Anaphoric", "Explicit", "Implicit", "(unmatched)"]
    assert b.row("Explicit").speaker == ev.Ratio(1, 1)
    assert b.row("Anaphoric").speaker == ev.Ratio(1, 1)
    assert b.row("Implicit").speaker == ev.Ratio(0, 1)
    assert b.row("(unmatched)").overlap.fp == 1
    # the groups add up to the totals
    assert sum(b.row(label).gold for label, _ in b.groups) == report.row().gold
    assert sum(b.row(label).overlap.fp for label, _ in b.groups) == report.row().overlap.fp


def test_breakdown_falls_back_to_the_document_meta() -> None:
    b = score(parlour_gold(), all_right(PARLOUR), by=["meta.book", "meta.mood"]).breakdowns
    assert b[0].row("Rainy Days").gold == 3
    assert b[1].row("(none)").gold == 3  # no such field anywhere


def test_breakdown_by_confidence_band() -> None:
    b = score(parlour_gold(), all_right(PARLOUR), by=["confidence"]).breakdown("confidence")
    assert [label for label, _ in b.groups] == ["[0.00, 0.50)", "[0.50, 0.70)", "[0.90, 1.00]"]
    top = b.row("[0.90, 1.00]")
    assert top.speaker == ev.Ratio(1, 2)  # the kettle right, the untagged one wrong
    assert b.row("[0.50, 0.70)").speaker == ev.Ratio(1, 1)
    low = b.row("[0.00, 0.50)")
    assert (low.predicted, low.overlap.fp) == (1, 1)


def test_missed_quotes_and_missing_confidence_have_their_own_groups() -> None:
    t = PARLOUR
    preds = [pred_quote(t, "The kettle is singing,", "Miss Petra Lowe", confidence=None)]
    b = score(parlour_gold(), preds, by=["confidence"]).breakdown("confidence")
    assert [label for label, _ in b.groups] == ["(no confidence)", "(no prediction)"]
    assert b.row("(no prediction)").overlap.fn == 2


def test_numeric_meta_values_are_listed_in_numeric_order() -> None:
    gold = parlour_gold()
    for n, q in zip((10, 2, 1), gold["quotes"], strict=True):
        q["meta"]["part"] = n
    b = score(gold, all_right(PARLOUR), by=["meta.part"]).breakdown("meta.part")
    assert [label for label, _ in b.groups] == ["1", "2", "10", "(unmatched)"]


def test_unknown_breakdown_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="meta"):
        score(parlour_gold(), [], by=["speaker"])


def test_breakdown_in_json_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold.write_text(json.dumps(parlour_gold()) + "\n", encoding="utf-8")
    pred.write_text(json.dumps({"id": "parlour", "quotes": all_right(PARLOUR)}) + "\n", encoding="utf-8")
    assert main([str(gold), "--pred", str(pred), "--by", "meta.quote_type", "--by", "confidence"]) == 0
    out = capsys.readouterr().out
    assert "# by meta.quote_type" in out and "# by confidence" in out
    implicit = next(line.split() for line in out.splitlines() if line.startswith("Implicit "))
    assert implicit[:5] == ["Implicit", "all", "1", "0", "1"]
    assert main([str(gold), "--pred", str(pred), "--json", "--by", "confidence"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["breakdowns"]["confidence"]["[0.90, 1.00]"]["all"]["speaker"]["total"] == 2
    assert main([str(gold), "--pred", str(pred), "--by", "nonsense"]) == 2
    assert "cannot break scores down" in capsys.readouterr().err


# --------------------------------------------------------------------------- reading JSONL


SEPARATORS = ("\u2028", "\u2029", "\u0085")


def test_jsonl_lines_split_on_newline_only() -> None:
    raw = "".join(
        json.dumps({"n": i, "s": f"a{sep}b"}, ensure_ascii=False) + "\r\n" for i, sep in enumerate(SEPARATORS)
    )
    records = [json.loads(line) for _, line in jsonl_lines("\ufeff" + raw + "\n\n")]
    assert [r["s"] for r in records] == [f"a{sep}b" for sep in SEPARATORS]


def test_gold_and_predictions_with_line_separators_and_boms(tmp_path: Path) -> None:
    texts = [f'"Row{sep}boats only," the keeper said.' for sep in SEPARATORS]
    golds, preds = [], []
    for i, text in enumerate(texts):
        quote = text[1 : text.index(",") + 1]
        s, e = at(text, quote)
        golds.append(
            {
                "id": f"d{i}",
                "text": text,
                "quotes": [{"start": s, "end": e, "kind": "direct", "speaker": None}],
            }
        )
        preds.append({"id": f"d{i}", "quotes": [{"start": s, "end": e, "text": quote, "kind": "direct"}]})
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    # a byte-order mark on every line, as after `cat` of files saved by some editors; Windows line ends
    gold_path.write_text(
        "".join("\ufeff" + json.dumps(g, ensure_ascii=False) + "\r\n" for g in golds), "utf-8"
    )
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), "utf-8")
    docs = load_gold(gold_path)
    assert [d.text for d in docs] == texts
    report = evaluate(docs, predictions=load_predictions(pred_path))
    assert report.row().overlap.f1 == 1.0 and report.row().gold == 3


def test_the_command_line_output_for_a_text_with_u2028_reads_back(tmp_path: Path) -> None:
    text = '"We sail at dawn,\u2028weather permitting," Captain Iris Moor said.\u2029She checked the ropes.'
    quote = "We sail at dawn,\u2028weather permitting,"
    s, e = at(text, quote)
    speaker = at(text, "Captain Iris Moor")
    gold = {
        "id": "harbour",
        "text": text,
        "quotes": [
            {"start": s, "end": e, "kind": "direct", "speaker": "Captain Iris Moor",
             "speaker_start": speaker[0], "speaker_end": speaker[1]},
        ],
    }  # fmt: skip
    src, gold_path, out_path = tmp_path / "in.jsonl", tmp_path / "gold.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "harbour", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    gold_path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    run = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--no-progress", "--jsonl", str(src), "-o", str(out_path)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    # whatever the CLI escapes, a reader splitting on U+2028 would break once it is written raw
    raw_copy = tmp_path / "raw.jsonl"
    records = [json.loads(line) for _, line in jsonl_lines(out_path.read_text("utf-8"))]
    raw_copy.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    assert "\u2028" in raw_copy.read_text("utf-8")
    for pred_path in (out_path, raw_copy):
        scored = subprocess.run(
            [sys.executable, "-m", "quoteattr", "evaluate", str(gold_path), f"--pred={pred_path}", "--json"],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert scored.returncode == 0, scored.stderr
        row = json.loads(scored.stdout)["rows"]["all"]
        assert row["overlap"]["tp"] == 1 and row["speaker"]["correct"] == 1


def test_benchmark_corpus_reader_splits_on_newline_only(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("_bench_common", ROOT / "benchmarks" / "_common.py")
    assert spec is not None and spec.loader is not None
    _common = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = _common  # attrs looks the module up while the classes are built
    spec.loader.exec_module(_common)
    path = tmp_path / "c.jsonl"
    path.write_text('\ufeff{"id": 1, "text": "one\u2028two"}\n{"id": 2, "text": "x\u0085y"}\n', "utf-8")
    assert [r["text"] for r in _common._records(path)] == ["one\u2028two", "x\u0085y"]


# --------------------------------------------------------------------------- layout


def test_every_module_of_the_package_is_under_600_lines() -> None:
    package = ROOT / "quoteattr" / "evaluate"
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in package.glob("*.py")}
    assert {"records.py", "matching.py", "metrics.py", "report.py", "cli.py"} <= set(sizes)
    assert max(sizes.values()) < 600, sizes


@pytest.mark.parametrize("module", ["__init__", "config", "matching", "metrics", "records", "report"])
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    name = "quoteattr.evaluate" if module == "__init__" else f"quoteattr.evaluate.{module}"
    failed, attempted = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert failed == 0
    assert attempted > 0 or module == "report"


def test_kind_all_shows_only_the_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(parlour_gold()) + "\n", encoding="utf-8")
    pred = tmp_path / "p.jsonl"
    pred.write_text(json.dumps({"id": "parlour", "quotes": all_right(PARLOUR)}) + "\n", encoding="utf-8")
    assert main([str(gold), "--pred", str(pred), "--kind", "all"]) == 0
    kinds = {line.split()[0] for line in capsys.readouterr().out.splitlines()[4:] if line[:1].isalpha()}
    assert "all" in kinds and not kinds & {"direct", "indirect", "mixed"}


def test_run_dev_breaks_each_corpus_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import quoteattr

    data = tmp_path / "data"
    data.mkdir()
    (data / "parlour.jsonl").write_text(json.dumps(parlour_gold()) + "\n", encoding="utf-8")
    monkeypatch.setattr(quoteattr, "extract", lambda text: {"quotes": all_right(PARLOUR)}, raising=False)
    spec = importlib.util.spec_from_file_location("run_dev_by", ROOT / "eval" / "run_dev.py")
    assert spec is not None and spec.loader is not None
    run_dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_dev)
    argv = ["--data", str(data), "--seeds", str(tmp_path / "none"), "--by", "meta.quote_type"]
    assert run_dev.main(argv) == 0
    out = capsys.readouterr().out
    assert "== by meta.quote_type (all kinds) ==" in out
    implicit = next(line.split() for line in out.splitlines() if line.startswith("parlour Implicit"))
    assert implicit[2:5] == ["all", "1", "0"]
    assert run_dev.main([*argv[:4], "--by", "speaker"]) == 2
