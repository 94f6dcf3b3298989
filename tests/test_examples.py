"""Every script in examples/ runs and prints what it promises (skipped if an optional dep is missing)."""

from __future__ import annotations

import ast
import csv
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr import extract

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "seeds"


def run(script: str, *args: str, timeout: float = 120) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, f"{script} failed:\n{proc.stderr[-3000:]}"
    return proc.stdout


def needs(*modules: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"optional package(s) not installed: {', '.join(missing)}")


def seed_results() -> list[tuple[str, int, list[str]]]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        r = extract(path.read_text(encoding="utf-8"))
        out.append((path.name, len(r.quotes), [q.entity.name for q in r.quotes if q.entity]))
    return out


def test_every_example_is_tested() -> None:
    tested = {
        "seed_article.py",
        "folder_to_csv.py",
        "pandas_speakers.py",
        "spacy_component.py",
        "spark_quotes.py",
    }
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_seed_article() -> None:
    out = run("seed_article.py")
    for name, count, entities in seed_results():
        assert f"== {name}: {count} quotes" in out
        for entity in entities:
            assert f"{entity} [" in out


def test_folder_to_csv(tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    assert run("folder_to_csv.py", str(SEEDS), str(target)) == ""
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    expected = seed_results()
    assert len(rows) == sum(count for _, count, _ in expected)
    assert {r["id"] for r in rows} == {name for name, count, _ in expected if count}
    # Offsets in the CSV point at the quote text in the original file.
    for r in rows:
        text = (SEEDS / r["id"]).read_text(encoding="utf-8")
        assert text[int(r["quote_start"]) : int(r["quote_end"])] == r["quote_text"]
    # Without an output file the same CSV goes to stdout.
    assert list(csv.DictReader(io.StringIO(run("folder_to_csv.py", str(SEEDS))))) == rows


def test_pandas_speakers() -> None:
    needs("pandas")
    out = run("pandas_speakers.py")
    assert "total" in out.splitlines()[0]
    for entity in {e for _, _, names in seed_results() for e in names}:
        assert entity in out


def example_constant(script: str, name: str) -> object:
    """A module-level constant of an example, read without running it (its imports may be optional)."""
    tree = ast.parse((EXAMPLES / script).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise LookupError(f"{name} not found in {script}")


def test_spacy_component() -> None:
    needs("spacy")
    out = run("spacy_component.py")
    result = extract(str(example_constant("spacy_component.py", "TEXT")))
    assert len(result.quotes) > 0
    assert out.count(" tokens ") == len(result.quotes)
    for q in result.quotes:
        assert f"{q.kind:8} tokens" in out
        if q.entity is not None:
            assert f"-> {q.entity.name!r}" in out
    assert f"{len(result.quotes)} quotes;" in out


@pytest.mark.slow
def test_spark_quotes() -> None:
    needs("pyspark", "pandas", "pyarrow")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java on PATH")
    out = run("spark_quotes.py", timeout=300)
    assert "|article_id|quotes|" in out
    articles = example_constant("spark_quotes.py", "ARTICLES")
    assert isinstance(articles, list)
    for article_id, text in articles:
        count = len(extract(text).quotes)
        if count:  # the per-article count table, as Spark prints it
            assert re.search(rf"\|\s*{article_id}\|\s*{count}\|", out), (article_id, count, out)
        else:
            assert f" {article_id}|" not in out
