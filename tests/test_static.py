"""The code stays ruff- and mypy-clean (both come with the test extra), with or without the extras.

A fresh ``pip install -e ".[test]"`` has no spaCy, stanza or Spark, and mypy then sees their
names as ``Any``; CI installs them all. ``test_mypy_strict_without_optional_extras`` checks the
first case on any machine, by telling mypy not to follow those imports.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_check() -> None:
    if shutil.which("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    proc = _run("ruff", "check", "quoteattr", "tests", "benchmarks", "eval", "examples", "fuzz")
    assert proc.returncode == 0, proc.stdout[-4000:]


def test_mypy_strict() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    proc = _run(sys.executable, "-m", "mypy", "quoteattr")
    assert proc.returncode == 0, proc.stdout[-4000:]


def _ini_value(value: Any) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def test_mypy_strict_without_optional_extras(tmp_path: Path) -> None:
    """As on a fresh install with only the test extra: the optional packages are ``Any`` to mypy.

    The config is pyproject's own ``[tool.mypy]``, with ``follow_imports = skip`` added for the
    modules it already lists as optional (those with ``ignore_missing_imports``), which makes
    mypy treat them as missing even where they are installed.
    """
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11+")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    lines = ["[mypy]"]
    lines += [f"{key} = {_ini_value(value)}" for key, value in config.items() if key != "overrides"]
    optional = [o for o in config.get("overrides", []) if o.get("ignore_missing_imports")]
    assert optional, "pyproject lists the optional packages as mypy overrides"
    for override in config.get("overrides", []):
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        lines.append(f"[mypy-{','.join(modules)}]")
        lines += [f"{key} = {_ini_value(value)}" for key, value in override.items() if key != "module"]
        if override in optional:
            lines.append("follow_imports = skip")
    ini = tmp_path / "mypy.ini"
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = _run(
        sys.executable, "-m", "mypy", "--config-file", str(ini), "--cache-dir", str(tmp_path / "cache"),
        "quoteattr",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-4000:]


#: Issue 11: no library module grows past what one reader can hold; split it by job before it does.
MAX_MODULE_LINES = 600


def test_no_library_module_is_over_the_line_limit() -> None:
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
        for p in (ROOT / "quoteattr").rglob("*.py")
    }
    over = {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES}
    assert not over, f"modules over {MAX_MODULE_LINES} lines: {over}"
