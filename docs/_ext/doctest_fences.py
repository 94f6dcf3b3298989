"""Griffe extension for the API pages: render bare doctest blocks in docstrings as code.

Docstrings here carry runnable ``>>>`` examples (pytest runs them). Markdown would
read them as text, so ``[('direct', 'Ana')]`` in an expected output looks like a
cross-reference link. This wraps each doctest block — from a ``>>>`` line to the next
blank line — in a ``pycon`` fence before mkdocstrings renders the docstring.
"""

from __future__ import annotations

from typing import Any

import griffe

FENCE = "```"


def fence_doctests(text: str) -> str:
    """Wrap every bare doctest block of ``text`` in a ``pycon`` fence; already fenced code is left alone."""
    out: list[str] = []
    in_fence = in_doctest = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if in_doctest and (not stripped or not line.startswith(indent)):
            out.append(indent + FENCE)
            in_doctest = False
        if not in_doctest and stripped.startswith(FENCE):
            in_fence = not in_fence
        elif not in_fence and not in_doctest and (stripped == ">>>" or stripped.startswith(">>> ")):
            indent = line[: len(line) - len(stripped)]
            out.append(indent + FENCE + "pycon")
            in_doctest = True
        out.append(line)
    if in_doctest:
        out.append(indent + FENCE)
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence doctests in every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        # The package itself gets no on_object call; fencing twice is harmless (fences are skipped).
        self.on_object(obj=pkg)
