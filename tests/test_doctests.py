"""The examples in the core modules' docstrings run as written, and the README's loop is safe on any text.

Every ```python fence of the README and the docs is run by ``tests/test_docs.py``.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import re
from pathlib import Path

import pytest

CORE_MODULES = [
    "quoteattr",
    "quoteattr.model",
    "quoteattr.tokens",
    "quoteattr.quotemarks",
    "quoteattr.coref",
    "quoteattr.names",
    "quoteattr.salience",
    "quoteattr.pipeline",
    "quoteattr.segment",
    "quoteattr.characters",
]


@pytest.mark.parametrize("name", CORE_MODULES)
def test_module_doctests(name: str) -> None:
    module = importlib.import_module(name)
    failed, _attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0


def _readme_python() -> str:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    return readme.split("```python\n", 1)[1].split("```", 1)[0]


#: Texts the README's loop must survive: an unresolved pronoun, quotes with no speaker, no quotes.
OTHER_TEXTS = [
    '"Fine," he said. "Really?"',
    'It rained.\n\n"We are tired," they said.',
    'The so-called "reform" failed.\n\n"Hello?"',
    "Nothing is quoted here.",
    "",
]


@pytest.mark.parametrize("text", OTHER_TEXTS)
def test_readme_loop_is_safe_on_any_text(text: str) -> None:
    block = _readme_python()
    own_text = re.compile(r"^text = \(.*?\)\n", re.S | re.M)
    assert own_text.search(block), "the README example assigns `text` in one statement"
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(own_text.sub("", block, count=1), "README.md", "exec"), {"text": text})
