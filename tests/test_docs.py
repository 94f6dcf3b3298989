"""The docs' examples still run and print what the docs say they print."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from quoteattr import extract

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def blocks(page: str, lang: str) -> list[str]:
    return [body for kind, body in BLOCK.findall((DOCS / page).read_text(encoding="utf-8")) if kind == lang]


def expected_output(code: str) -> list[str]:
    """What the docs claim a block prints: ``# ...`` lines right after a print() call, or on its line."""
    out, after_print = [], False
    for line in code.splitlines():
        if line.startswith("# ") and after_print:
            out.append(line[2:])
            continue
        after_print = "print(" in line
        if after_print and "  # " in line:
            out.append(line.split("  # ", 1)[1].strip())
    return out


def runnable(page: str) -> list[tuple[str, list[str]]]:
    return [(code, want) for code in blocks(page, "python") if (want := expected_output(code))]


@pytest.mark.parametrize("page", ["index.md", "lexicon.md", "spacy.md"])
def test_python_examples_print_what_the_docs_show(page: str) -> None:
    if page == "spacy.md" and importlib.util.find_spec("spacy") is None:
        pytest.skip("spaCy is not installed")
    if page == "spacy.md":
        import quoteattr.spacy_component  # noqa: F401  (a source checkout may lack the entry point)
    examples = runnable(page)
    assert examples, f"{page} has no example with shown output"
    for code, want in examples:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"docs/{page}", "exec"), {})
        assert out.getvalue().splitlines() == want


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def test_schema_example_is_real_output() -> None:
    (example,) = blocks("schema.md", "json")
    doc = json.loads(example)
    sentence = re.search(r"For `(.+)`:", (DOCS / "schema.md").read_text(encoding="utf-8"))
    assert sentence is not None
    text = sentence.group(1)
    real = {"id": doc["id"], **extract(text).to_dict()}
    assert _shape(doc) == _shape(real)  # same fields and types, everywhere
    # Offsets, texts, kinds and speakers are the real output; confidence and evidence may be retuned.
    for key in ("confidence", "evidence"):
        for q in doc["quotes"] + real["quotes"]:
            q.pop(key)
    assert doc == real


def test_every_field_of_a_quote_is_documented() -> None:
    page = (DOCS / "schema.md").read_text(encoding="utf-8")
    (example,) = blocks("schema.md", "json")
    quote = json.loads(example)["quotes"][0]
    for field in quote:
        assert f"`{field}`" in page
