"""The command line at its edges: --version, --format text, byte-order marks, UTF-16/32 JSONL,
line separators inside JSON strings, an output path that cannot be written, a closed pipe.

Most tests call ``quoteattr.cli.main`` in-process; the closed-pipe and ``python -m`` tests run a
subprocess, since only a real process has a real standard output to lose.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import extract
from quoteattr.cli import main
from quoteattr.formats import NO_SPEAKER

ROOT = Path(__file__).resolve().parent.parent
SEED_REL = "seeds/soleimani_anniversary.txt"
GOLD_REL = "seeds/soleimani_anniversary.gold.json"

DOC_A = "“We open at nine,” Mayor Ivo Brandt said. He added that the market would stay shut."
DOC_B = '"The bridge will reopen," Karl Vos said.'


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--no-progress", *argv] if argv[:1] != ["evaluate"] else argv)
    out, err = capsys.readouterr()
    return code, out, err


def records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.split("\n") if line.strip()]


def python_m(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    kwargs.setdefault("text", True)
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", *args], cwd=ROOT, env=env, timeout=120, check=False, **kwargs
    )


# --- --version ---
def test_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"quoteattr {quoteattr.__version__}"


def test_python_dash_m_version() -> None:
    proc = python_m(["--version"], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"quoteattr {quoteattr.__version__}"


# --- --format text ---
def test_text_format_is_one_line_per_quote_naming_the_entity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(DOC_A, encoding="utf-8")
    code, out, err = run_main(["--format", "text", str(tmp_path / "a.txt")], capsys)
    assert code == 0, err
    result = extract(DOC_A)
    header, *lines = out.splitlines()
    assert header == f"{tmp_path / 'a.txt'}: {len(result.quotes)} quotes"
    assert len(lines) == len(result.quotes) >= 2
    for line, quote in zip(lines, result.quotes, strict=True):
        assert quote.entity is not None  # both quotes resolve to the mayor, "He" through coreference
        assert line == f"  {quote.entity.name} — “{quote.text}” ({quote.kind})"
    assert "He —" not in out, "a resolved pronoun is shown as the name it stands for"


def test_text_format_placeholder_and_one_line_for_a_multi_line_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "On the door: “We will close the old mill\nuntil\u2028spring and then\x1b[31m open it again.”"
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    code, out, _ = run_main(["--format", "text", str(tmp_path / "b.txt")], capsys)
    result = extract(text)
    assert code == 0 and result.quotes and result.quotes[0].speaker is None
    _, *lines = out.splitlines()  # str.splitlines: no U+2028 slipped through either
    assert len(lines) == len(result.quotes)
    assert lines[0].startswith(f"  {NO_SPEAKER} — “We will close the old mill until spring and then")
    assert "\x1b" not in out, "control characters are never sent raw to a terminal"
    assert "\\x1b[31m" in lines[0]


def test_text_format_several_documents_and_none_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = [{"id": "quiet", "text": "No one spoke."}, {"id": "b", "text": DOC_B}]
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    code, out, _ = run_main(["--format", "text", "--jsonl", str(tmp_path / "docs.jsonl")], capsys)
    assert code == 0
    assert out.splitlines() == [
        "quiet: 0 quotes",
        "b: 1 quote",
        "  Karl Vos — “The bridge will reopen,” (direct)",
    ]


def test_readme_quick_start_uses_the_text_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.strip() == f"pip install . && quoteattr --format text {SEED_REL}"


# --- input: byte-order marks, UTF-16/32, line separators ---
def test_bom_at_the_start_of_a_jsonl_line_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``cat a.jsonl b.jsonl`` of files saved with a BOM puts one at the start of a line mid-stream."""
    a = "\ufeff" + json.dumps({"id": "a", "text": DOC_A}) + "\n"
    b = "\ufeff" + json.dumps({"id": "b", "text": DOC_B}) + "\n"
    (tmp_path / "cat.jsonl").write_bytes((a + b).encode("utf-8"))
    code, out, err = run_main(["--jsonl", str(tmp_path / "cat.jsonl")], capsys)
    assert code == 0, err
    assert [r["id"] for r in records(out)] == ["a", "b"]
    assert records(out)[1]["quotes"] == extract(DOC_B).to_dict()["quotes"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-8-sig"])
def test_jsonl_in_a_wide_encoding_reads_every_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    # U+0A0A is "0A 0A" in UTF-16: a split on newline bytes before decoding would cut it in two.
    texts = [DOC_A, DOC_B, "Ravi Rao said the \u0a0a\u010a mill would close.\r"]
    lines = "".join(
        json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\r\n" for i, t in enumerate(texts)
    )
    (tmp_path / "wide.jsonl").write_bytes(lines.encode(encoding))
    code, out, err = run_main(["--jsonl", "--encoding", encoding, str(tmp_path / "wide.jsonl")], capsys)
    assert code == 0, err
    got = records(out)
    assert [r["id"] for r in got] == ["d0", "d1", "d2"]
    assert got == [{"id": f"d{i}", **extract(t).to_dict()} for i, t in enumerate(texts)]


def test_undecodable_utf16_jsonl_line_costs_one_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = (json.dumps({"id": "ok", "text": DOC_B}) + "\n").encode("utf-16-le")
    lone_low_surrogate = b"\x00\xdc"
    (tmp_path / "bad.jsonl").write_bytes(good + lone_low_surrogate + "\n".encode("utf-16-le") + good)
    code, out, err = run_main(["--jsonl", "--encoding", "utf-16-le", str(tmp_path / "bad.jsonl")], capsys)
    assert code == 1
    assert [r["id"] for r in records(out)] == ["ok", "ok"]
    assert "bad.jsonl:2" in err and "utf-16-le" in err and "Traceback" not in err


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_jsonl_lines_split_on_newline_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], separator: str, encoding: str
) -> None:
    text = f"“Yes,”{separator}Ana Ruiz said.{separator}“No.”"
    raw = json.dumps({"id": "sep", "text": text}, ensure_ascii=False)  # the separator stays raw
    assert separator in raw
    (tmp_path / "sep.jsonl").write_bytes((raw + "\n").encode(encoding))
    code, out, err = run_main(["--jsonl", "--encoding", encoding, str(tmp_path / "sep.jsonl")], capsys)
    assert code == 0, err
    [record] = records(out)
    assert record == {"id": "sep", **extract(text).to_dict()}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-32-be"])
def test_plain_text_bom_is_not_part_of_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    (tmp_path / "bom.txt").write_bytes(("\ufeff" + DOC_A).encode(encoding))
    code, out, err = run_main(["--encoding", encoding, str(tmp_path / "bom.txt")], capsys)
    assert code == 0, err
    [record] = records(out)
    assert record == {"id": str(tmp_path / "bom.txt"), **extract(DOC_A).to_dict()}
    assert all(DOC_A[q["start"] : q["end"]] == q["text"] for q in record["quotes"]), "offsets skip the BOM"


def test_a_bom_inside_the_text_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = DOC_B + " \ufeff" + DOC_A
    (tmp_path / "mid.txt").write_text(text, encoding="utf-8")
    _, out, _ = run_main([str(tmp_path / "mid.txt")], capsys)
    [record] = records(out)
    assert record["quotes"] == extract(text).to_dict()["quotes"]


@pytest.mark.parametrize("encoding", ["rot13", "hex", "no-such-codec"])
def test_a_codec_that_is_not_a_text_encoding_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    (tmp_path / "a.txt").write_text(DOC_B, encoding="utf-8")
    code, out, err = run_main(["--encoding", encoding, str(tmp_path / "a.txt")], capsys)
    assert (code, out) == (2, "")
    assert err == f"quoteattr: unknown text encoding {encoding!r}\n"


def test_utf16_jsonl_from_stdin() -> None:
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("a", DOC_A), ("b", DOC_B)))
    proc = python_m(
        ["--no-progress", "--jsonl", "--encoding", "utf-16"],
        input=lines.encode("utf-16"), capture_output=True, text=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in records(proc.stdout.decode("utf-8"))] == ["a", "b"]


# --- output: a path that cannot be written; a closed pipe ---
@pytest.mark.parametrize("where", ["missing-dir/x.jsonl", "."])
def test_unwritable_output_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    (tmp_path / "a.txt").write_text(DOC_B, encoding="utf-8")
    code, out, err = run_main(["-o", str(tmp_path / where), str(tmp_path / "a.txt")], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("quoteattr: cannot write ") and "Traceback" not in err


def _run_into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[Any]:
    """Run with standard output a pipe whose reader has already gone, as after ``| head -1``."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return python_m(args, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ["--no-progress", SEED_REL],
        ["--no-progress", "--format", "text", SEED_REL],
        ["evaluate", GOLD_REL],
    ],
    ids=["extract", "text", "evaluate"],
)
def test_closed_pipe_exits_quietly(args: list[str]) -> None:
    proc = _run_into_closed_pipe(args)
    assert proc.stderr == ""
    assert proc.returncode == 0
