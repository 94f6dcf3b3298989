"""The project's own commands: the README's test command is quick, and CI runs it plus the slow tests."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
TEST_COMMAND = 'pip install -e ".[test]" && python -m pytest'


def _addopts() -> list[str]:
    tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11+")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return shlex.split(config["tool"]["pytest"]["ini_options"]["addopts"])


def test_plain_pytest_leaves_out_the_slow_tests() -> None:
    opts = _addopts()
    assert "-m" in opts and opts[opts.index("-m") + 1] == "not slow"


def test_readme_states_the_test_command_and_how_to_run_the_slow_tests() -> None:
    assert f"```sh\n{TEST_COMMAND}\n```" in README
    assert "python -m pytest -m slow" in README


def test_ci_runs_the_readme_command_then_the_slow_tests() -> None:
    lines = [line.strip() for line in CI.splitlines() if not line.lstrip().startswith("#")]
    readme_at = lines.index(TEST_COMMAND)
    slow_at = next(i for i, line in enumerate(lines) if re.match(r"python -m pytest -m slow\b", line))
    assert readme_at < slow_at
    # pytest exits 5 when it collects nothing; CI must not fail on that alone, but on every other status.
    assert re.search(r'"\$status" -eq 5', CI) and re.search(r'exit "\$status"', CI)


def test_no_test_folder_shadows_a_dependency() -> None:
    """pytest puts ``tests/`` on ``sys.path``: a folder there named like an optional dependency
    (``tests/stanza``) imports as that package when the real one is not installed, so the suite
    would run stanza tests in an environment without stanza and fail instead of skipping."""
    extras = re.findall(r'"([A-Za-z0-9_.\-]+)[<>=\[]', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.split(r"[-.]", e)[0].lower() for e in extras} | {"stanza", "spacy", "pyspark", "torch"}
    folders = {p.name.lower() for p in (ROOT / "tests").iterdir() if p.is_dir()}
    assert not names & folders, f"tests/ has folders named like dependencies: {sorted(names & folders)}"
