"""Package metadata that users rely on: what each extra lets in."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _extra(name: str) -> dict[str, str]:
    """Requirement name → its version specifier, for one optional-dependency group."""
    extras = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    out = {}
    for req in extras[name]:
        cut = min((req.index(c) for c in "<>=!~[;" if c in req), default=len(req))
        out[req[:cut].strip()] = req[cut:].strip()
    return out


def test_the_spark_extra_keeps_pandas_below_3() -> None:
    """pyspark warns that it does not support pandas 3, so the extra must not install it."""
    spec = _extra("spark")["pandas"]
    assert "<3" in spec.replace(" ", ""), spec
