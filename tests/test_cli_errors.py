"""The command line on bad input: each bad document is named on stderr, the rest still come out, exit 1.

Runs ``python -m quoteattr`` in a subprocess, as a user would; one test runs ``cli.main`` in-process to
make the pipeline itself fail on one document.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quoteattr import cli
from quoteattr.pipeline import Pipeline

GOOD = '"The bridge will reopen," Karl Vos said.\n'
ROOT = Path(__file__).resolve().parent.parent
#: The subprocess imports this checkout's quoteattr, whatever is installed and whatever its cwd.
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def run(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", "--no-progress", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
        env=ENV,
    )


def records(out: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]


def test_all_good_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in records(proc.stdout)] == ["a.txt"]
    assert proc.stderr == b""


def test_undecodable_file_is_named_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes('"Olé," Ana Ruiz said.\n'.encode("latin-1"))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run(["bad.txt", "good.txt"], tmp_path)
    assert proc.returncode == 1
    assert [r["id"] for r in records(proc.stdout)] == ["good.txt"]
    err = proc.stderr.decode()
    assert "bad.txt" in err and "utf-8" in err and "--encoding" in err
    assert "Traceback" not in err


def test_encoding_option(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes('"Olé," Ana Ruiz said.\n'.encode("latin-1"))
    proc = run(["--encoding", "latin-1", "latin.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    assert record["quotes"][0]["text"] == "Olé,"


def test_binary_file_is_reported_not_crashed_on(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run(["image.png", "good.txt"], tmp_path)
    assert proc.returncode == 1
    assert [r["id"] for r in records(proc.stdout)] == ["good.txt"]
    assert "image.png" in proc.stderr.decode()


def test_control_characters_in_valid_utf8_are_processed(tmp_path: Path) -> None:
    text = '\x00"Yes,\x1b" he said.\u202e\ufeff\r\n\x0c\u2029\x7f'
    (tmp_path / "odd.txt").write_text(text, encoding="utf-8")
    proc = run(["odd.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    assert all(text[q["start"] : q["end"]] == q["text"] for q in record["quotes"])


def test_missing_file_is_named_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run(["missing.txt", "good.txt"], tmp_path)
    assert proc.returncode == 1
    assert [r["id"] for r in records(proc.stdout)] == ["good.txt"]
    assert "missing.txt" in proc.stderr.decode()


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run(["empty.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert records(proc.stdout)[0]["quotes"] == []


def test_bad_jsonl_lines_are_named_with_their_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": GOOD}),
        "{not json",
        json.dumps({"id": "three", "text": 5}),
        json.dumps(["a list"]),
        json.dumps({"id": "five", "text": GOOD}),
    ]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run(["--jsonl", "docs.jsonl"], tmp_path)
    assert proc.returncode == 1
    assert [r["id"] for r in records(proc.stdout)] == ["one", "five"]
    err = proc.stderr.decode()
    assert all(f"docs.jsonl:{n}" in err for n in (2, 3, 4)), err
    assert "Traceback" not in err


def test_a_document_the_pipeline_fails_on_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected exception inside the pipeline costs one document, not the run."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "boom.txt").write_text("BOOM said nothing.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    real = Pipeline.process

    def process(self: Any, doc: Any) -> Any:
        if "BOOM" in doc:
            raise RuntimeError("rule failed")
        return real(self, doc)

    monkeypatch.setattr(Pipeline, "process", process)
    monkeypatch.chdir(tmp_path)
    status = cli.main(["--no-progress", "a.txt", "boom.txt", "c.txt"])
    out, err = capsys.readouterr()
    assert status == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a.txt", "c.txt"]
    assert "boom.txt" in err and "RuntimeError" in err and "rule failed" in err


# --- gaps found by the hostile-input work, fixed in cli.py; kept as regression tests ---
def test_undecodable_stdin_is_named(tmp_path: Path) -> None:
    proc = run([], tmp_path, stdin=b"\xff\xfe\x00 not utf-8 \xc3")
    assert proc.returncode == 1
    assert "<stdin>" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = run(["--encoding", "no-such-codec", "good.txt"], tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "no-such-codec" in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "html"])
def test_lone_surrogate_from_jsonl_does_not_stop_the_output(tmp_path: Path, fmt: str) -> None:
    """JSON input can carry a lone surrogate (\\ud800); writing it must not end the run."""
    docs = [{"id": "odd", "text": '"Yes \ud800 indeed," he said.'}, {"id": "next", "text": GOOD}]
    (tmp_path / "docs.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    proc = run(["--jsonl", "--format", fmt, "docs.jsonl"], tmp_path)
    assert "Traceback" not in proc.stderr.decode()
    assert proc.returncode == 0
    assert b"next" in proc.stdout


def test_deeply_nested_jsonl_line_costs_one_document(tmp_path: Path) -> None:
    lines = ["[" * 100_000, json.dumps({"id": "after", "text": GOOD})]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run(["--jsonl", "docs.jsonl"], tmp_path)
    assert "Traceback" not in proc.stderr.decode()
    assert proc.returncode == 1 and "docs.jsonl:1" in proc.stderr.decode()
    assert [r["id"] for r in records(proc.stdout)] == ["after"]


def test_undecodable_jsonl_line_costs_one_document(tmp_path: Path) -> None:
    good = [json.dumps({"id": i, "text": GOOD}).encode() for i in ("first", "third")]
    bad = b'{"id": "second", "text": "caf\xe9"}'
    (tmp_path / "docs.jsonl").write_bytes(b"\n".join([good[0], bad, good[1]]) + b"\n")
    proc = run(["--jsonl", "docs.jsonl"], tmp_path)
    assert proc.returncode == 1 and "docs.jsonl:2" in proc.stderr.decode()
    assert [r["id"] for r in records(proc.stdout)] == ["first", "third"]


# --- output encoding: UTF-8 always, lone surrogates escaped ---
def test_lone_surrogate_reads_back_exactly_from_jsonl(tmp_path: Path) -> None:
    """With errors="backslashreplace" a lone surrogate is written as its \\udxxx escape, which inside a JSON
    string reads back as the same character: every quote text then still equals its slice of the input."""
    text = '"Yes \ud800 indeed," he said.'
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "odd", "text": text}) + "\n", encoding="utf-8")
    proc = run(["--jsonl", "docs.jsonl"], tmp_path)
    [record] = records(proc.stdout)
    assert all(text[q["start"] : q["end"]] == q["text"] for q in record["quotes"])


def test_output_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    """JSON is exchanged as UTF-8; a latin-1 terminal must not turn Cyrillic text into question marks."""
    text = "«Мы победим», — сказал Иван Петров."
    (tmp_path / "ru.txt").write_text(text, encoding="utf-8")
    env = {**ENV, "PYTHONIOENCODING": "latin-1"}
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--no-progress", "ru.txt"],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
        check=False,
        env=env,
    )
    [record] = records(proc.stdout)
    assert record["sentences"] and all(text[s["start"] : s["end"]] == s["text"] for s in record["sentences"])
