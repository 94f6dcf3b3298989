"""The command line: files, stdin and JSONL in; JSONL or CSV out; bad input reported; ``evaluate``.

Most tests call ``quoteattr.cli.main`` in-process (fast); one runs ``python -m quoteattr`` for real.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quoteattr import extract
from quoteattr.cli import main
from quoteattr.formats import CSV_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED_REL = "seeds/soleimani_anniversary.txt"
GOLD_REL = "seeds/soleimani_anniversary.gold.json"
SEED_TEXT = (ROOT / SEED_REL).read_text(encoding="utf-8")

DOC_A = "“We open at nine,” Mayor Ivo Brandt said. She added that the market would stay shut."
DOC_B = "According to the harbour master, Pia Lund, the ferry will sail on Tuesday."


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def expected_record(doc_id: str, text: str) -> dict[str, Any]:
    return {"id": doc_id, **extract(text).to_dict()}


def test_python_dash_m_on_the_seed_file() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--no-progress", SEED_REL],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    [record] = jsonl(proc.stdout)
    assert record == expected_record(SEED_REL, SEED_TEXT)
    assert record["quotes"], "the seed's quotes are in the output"
    gold = json.loads((ROOT / GOLD_REL).read_text(encoding="utf-8"))
    found = {(q["start"], q["end"]) for q in record["quotes"]}
    for g in gold["quotes"]:
        if g["kind"] == "direct" and not g.get("optional"):
            assert (g["start"], g["end"]) in found


def test_one_line_per_file_with_the_path_as_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DOC_A, encoding="utf-8")
    b.write_text(DOC_B, encoding="utf-8")
    code, out, _ = run_main(["--no-progress", str(a), str(b)], capsys)
    assert code == 0
    assert jsonl(out) == [expected_record(str(a), DOC_A), expected_record(str(b), DOC_B)]


def test_stdin_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DOC_A.encode("utf-8"))))
    code, out, _ = run_main(["--no-progress"], capsys)
    assert code == 0
    [record] = jsonl(out)
    assert record == expected_record("<stdin>", DOC_A)
    assert [q["kind"] for q in record["quotes"]] == ["direct", "indirect"]


def test_jsonl_input_keeps_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "first", "text": DOC_A}), "", json.dumps({"text": DOC_B})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run_main(["--no-progress", "--jsonl", str(path)], capsys)
    assert code == 0
    records = jsonl(out)
    assert [r["id"] for r in records] == ["first", f"{path}:3"], "an id-less record is named by file and line"
    assert records == [expected_record("first", DOC_A), expected_record(f"{path}:3", DOC_B)]


@pytest.mark.parametrize("bad", ["{not json", json.dumps(["a list"]), json.dumps({"id": "x", "text": 3})])
def test_malformed_jsonl_line_is_reported_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "one", "text": DOC_A}), bad, json.dumps({"id": "three", "text": DOC_B})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_main(["--no-progress", "--jsonl", str(path)], capsys)
    assert code == 1
    assert [r["id"] for r in jsonl(out)] == ["one", "three"], "the other documents are still written"
    assert f"{path}:2" in err
    assert len(err.strip().splitlines()) == 1, "only the bad line is reported"


def test_missing_file_is_reported_and_the_others_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DOC_A, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run_main(["--no-progress", str(missing), str(good)], capsys)
    assert code == 1
    assert [r["id"] for r in jsonl(out)] == [str(good)]
    assert str(missing) in err


def test_csv_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, empty = tmp_path / "a.txt", tmp_path / "none.txt"
    a.write_text(DOC_A, encoding="utf-8")
    empty.write_text("Nothing is quoted here.", encoding="utf-8")
    code, out, _ = run_main(["--no-progress", "--format", "csv", str(a), str(empty)], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0].split(",") == list(CSV_COLUMNS)
    expected = extract(DOC_A).to_records()
    assert len(rows) == len(expected) > 0, "one row per quote; a document without quotes adds none"
    for row, record in zip(rows, expected, strict=True):
        assert row["id"] == str(a)
        assert row["quote_text"] == record["quote_text"]
        assert int(row["quote_start"]) == record["quote_start"]
        assert row["kind"] == record["kind"]
        assert row["entity"] == (record["entity"] or "")


def test_output_file_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, target = tmp_path / "a.txt", tmp_path / "out.jsonl"
    a.write_text(DOC_A, encoding="utf-8")
    code, out, _ = run_main(["--no-progress", "-o", str(target), str(a)], capsys)
    assert code == 0 and out == ""
    assert jsonl(target.read_text(encoding="utf-8")) == [expected_record(str(a), DOC_A)]


def test_evaluate_subcommand_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["evaluate", str(ROOT / GOLD_REL)], capsys)
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("kind"))
    assert "gold" in header.split() and "speaker" in header.split()
    kinds = [
        line.split()[0]
        for line in lines
        if line.split()[:1] in (["all"], ["direct"], ["indirect"], ["mixed"])
    ]
    assert kinds == ["all", "direct", "indirect", "mixed"]
