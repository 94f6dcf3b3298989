"""The examples in the core modules' docstrings and in the README run as written."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

CORE_MODULES = [
    "quoteattr",
    "quoteattr.model",
    "quoteattr.tokens",
    "quoteattr.quotemarks",
    "quoteattr.coref",
    "quoteattr.pipeline",
    "quoteattr.segment",
    "quoteattr.characters",
]


@pytest.mark.parametrize("name", CORE_MODULES)
def test_module_doctests(name: str) -> None:
    module = importlib.import_module(name)
    failed, _attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0


def test_readme_example_runs() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ") and "—" in line]
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {})
    assert out.getvalue().splitlines() == expected
