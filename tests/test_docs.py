"""The docs' examples still run and print what the docs say they print."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quoteattr import extract
from quoteattr.formats import write_results

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)
#: Every page whose ```python fences must run: the README and every page of the docs.
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
#: A python fence, with the optional directive on the line before it:
#: ``<!-- doctest: requires spacy pandas; slow -->`` or ``<!-- doctest: skip: why it cannot run -->``.
FENCE = re.compile(r"^(?:<!-- doctest: (?P<mark>[^\n]*?) -->\n)?```python\n(?P<code>.*?)^```", re.S | re.M)


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


@dataclass(frozen=True)
class Fence:
    """One ```python fence of a page and what its directive asks for."""

    page: str
    number: int  # 1-based, in page order
    code: str
    requires: tuple[str, ...] = ()
    skip: str = ""  # why the fence is deliberately not run
    slow: bool = False

    @property
    def id(self) -> str:
        return f"{self.page}#{self.number}"


def parse_directive(mark: str | None, where: str) -> dict[str, Any]:
    """``requires A B`` / ``slow`` / ``skip: reason``, separated by ``;``. Anything else is a mistake."""
    out: dict[str, Any] = {}
    for part in (mark or "").split(";"):
        part = part.strip()
        if not part:
            continue
        if part.startswith("skip:") and part[5:].strip():
            out["skip"] = part[5:].strip()
        elif part.startswith("requires ") and part[9:].split():
            out["requires"] = tuple(part[9:].split())
        elif part == "slow":
            out["slow"] = True
        else:
            raise ValueError(f"{where}: unknown doctest directive {part!r}")
    return out


def fences(page: Path) -> list[Fence]:
    name = str(page.relative_to(ROOT))
    found = FENCE.finditer(page.read_text(encoding="utf-8"))
    return [
        Fence(name, n, m["code"], **parse_directive(m["mark"], f"{name}#{n}")) for n, m in enumerate(found, 1)
    ]


ALL_FENCES = [f for page in PAGES for f in fences(page)]


def _stanza_models() -> bool:
    if importlib.util.find_spec("stanza") is None:
        return False
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return (Path(DEFAULT_MODEL_DIR) / "en" / "depparse").is_dir()


#: Requirements that are not importable modules.
SPECIAL_REQUIREMENTS = {"java": lambda: shutil.which("java") is not None, "stanza-models": _stanza_models}


def missing(fence: Fence) -> list[str]:
    return [
        r
        for r in fence.requires
        if not (SPECIAL_REQUIREMENTS[r]() if r in SPECIAL_REQUIREMENTS else importlib.util.find_spec(r))
    ]


#: Files the snippets open, by the names the docs use, written into the directory they run in.
FIXTURE_TEXTS = {
    "articles/bridge.txt": '"The bridge will reopen in May," said Ada Obi. She added that tolls would stay.',
    "articles/rain.txt": "Heavy rain fell overnight. Roads were closed.",
    "article.txt": '"We open at nine," Mayor Ivo Brandt said.',
    "my_cues.tsv": "grumble\tverb\tclause\tgrumble|grumbles|grumbled|grumbling\n",
    "parsed.txt": "Ana Ruiz said that the bridge would reopen.",
    "parsed.conllu": "\n".join(
        "\t".join(row.split())
        for row in [
            "1 Ana Ana PROPN NNP _ 3 nsubj _ _",
            "2 Ruiz Ruiz PROPN NNP _ 1 flat _ _",
            "3 said say VERB VBD _ 0 root _ _",
            "4 that that SCONJ IN _ 8 mark _ _",
            "5 the the DET DT _ 6 det _ _",
            "6 bridge bridge NOUN NN _ 8 nsubj _ _",
            "7 would would AUX MD _ 8 aux _ _",
            "8 reopen reopen VERB VB _ 3 ccomp _ _",
            "9 . . PUNCT . _ 3 punct _ _",
        ]
    )
    + "\n\n",
}


@pytest.fixture
def docs_workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory holding the files the snippets name, including a quotes.csv as the CLI writes it."""
    for name, content in FIXTURE_TEXTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    texts = {
        "bridge.txt": FIXTURE_TEXTS["articles/bridge.txt"],
        "rain.txt": 'Rain fell.\n\n"Nobody told us anything at all, and nobody cares."',
    }
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")  # pages name the seed as from the repo root
    with (tmp_path / "quotes.csv").open("w", encoding="utf-8", newline="") as out:
        write_results(((k, extract(t)) for k, t in texts.items()), "csv", out)
    monkeypatch.chdir(tmp_path)
    if importlib.util.find_spec("spacy") is not None:
        import quoteattr.spacy_component  # noqa: F401  (a source checkout may lack the entry point)
    return tmp_path


def _run(fence: Fence, namespace: dict[str, Any]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(fence.code, fence.id, "exec"), namespace)
    return out.getvalue()


@pytest.mark.parametrize(
    "fence", [pytest.param(f, marks=[pytest.mark.slow] if f.slow else [], id=f.id) for f in ALL_FENCES]
)
def test_every_python_fence_runs_and_prints_what_it_shows(fence: Fence, docs_workdir: Path) -> None:
    """Fences of one page share a namespace, in order, as a reader running them one after another would."""
    if fence.skip:
        pytest.skip(f"marked not runnable: {fence.skip}")
    if lacking := missing(fence):
        pytest.skip(f"needs {', '.join(lacking)}")
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for earlier in ALL_FENCES:
        earlier_runs = not earlier.skip and not earlier.slow and not missing(earlier)
        if earlier.page == fence.page and earlier.number < fence.number and earlier_runs:
            _run(earlier, namespace)
    printed = _run(fence, namespace)
    if want := expected_output(fence.code):
        assert printed.splitlines() == want


def test_fences_are_found_on_every_page() -> None:
    """The fence pattern misses none: as many fences as ```python lines, and the pages that show code."""
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        assert len(fences(page)) == len(re.findall(r"^```python$", text, re.M)), page
    pages = {f.page for f in ALL_FENCES}
    assert {"README.md", "docs/index.md", "docs/formats.md", "docs/backends.md"} <= pages
    assert sum(1 for f in ALL_FENCES if not f.skip and not f.requires) >= 6, "most fences need no extra"


def test_directives_are_checked() -> None:
    assert parse_directive("requires spacy pandas; slow", "x") == {
        "requires": ("spacy", "pandas"),
        "slow": True,
    }
    assert parse_directive("skip: a signature", "x") == {"skip": "a signature"}
    for bad in ("skip:", "requires", "sloww", "skip it"):
        with pytest.raises(ValueError, match="unknown doctest directive"):
            parse_directive(bad, "x")


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
