"""Every regular expression in quoteattr on input built to make it backtrack.

Two kinds of test, neither timing anything (a catastrophic pattern shows up as a test that does not end):

* a sweep that finds *every* compiled pattern in the package's modules (so one added later is covered
  too) and runs it over runs of the characters such patterns trip on;
* targeted inputs for each pattern once found risky, through the function that uses it, at a generous
  size, checking the answer as well as that it came back.

Review notes (issue 6), pattern by pattern: segment ``_CANDIDATE``/``_PARAGRAPH_BREAK`` are possessive and a
terminator run is read once (look-behind); tokens ``_TOKEN_RE`` has separators disjoint from word
characters; coref ``_COORD_RE`` was cubic on a run of spaces (now possessive, anchored at a run's start),
a name regex that was quadratic in a long capitalised word is gone (names come from the mention layer's
tokens, read once); speakers
``TRANSCRIPT_LABEL`` and attribution ``_DASH_SIGNATURE`` are possessive and anchored; parse_rules
``_PARAGRAPH_BREAK`` scans each whitespace run once; chunking's patterns are possessive.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest
import regex

import quoteattr
from quoteattr import coref, speakers, split_sentences
from quoteattr.chunking import chunk_bounds
from quoteattr.language import english
from quoteattr.quotemarks import find_quotes
from quoteattr.tokens import tokenize

N = 50_000  # generous: a quadratic pattern takes minutes here, a cubic one never ends


def _patterns() -> list[tuple[str, Any]]:
    found = []
    for info in pkgutil.walk_packages(quoteattr.__path__, "quoteattr."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                found.append((f"{info.name}.{name}", value))
    return found


PATTERNS = _patterns()
#: Runs that make a pattern with overlapping quantifiers retry (each about 20,000 characters).
HOSTILE = {
    "spaces": " " * 20_000 + "x",
    "newline-spaces": "\n" + " \t" * 10_000 + "x",
    "newlines": "\n" * 20_000,
    "crlf-cr": "\r\n\r" * 7_000,
    "caps": "A" * 20_000 + "a",
    "caps-words": "AB " * 7_000,
    "lower": "a" * 20_000,
    "dots": "." * 20_000 + "x",
    "spaced-dots": ". " * 10_000 + "x",
    "initials": "A." * 10_000,
    "hyphens": "a-" * 10_000,
    "apostrophes": "s'" * 10_000,
    "commas-and": ", and " * 4_000,
    "ands": " and" * 5_000,
    "ampersands": " & " * 7_000,
    "parens": "(" * 20_000,
    "quotes": '"' * 20_000,
    "dashes": "— " * 10_000,
    "colon-caps": "A: " * 7_000,
    "terminators": "?!" * 10_000 + "x",
    "unicode-breaks": "\u2028\u2029\x85\x0b\x0c\x1c" * 3_000,
}


def test_sweep_finds_the_patterns() -> None:
    names = {name for name, _ in PATTERNS}
    expected = {
        "quoteattr.coref._COORD_RE",
        "quoteattr.tokens._TOKEN_RE",
        "quoteattr.segment_patterns._CANDIDATE",
    }
    assert expected <= names
    assert len(names) >= 15


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_every_pattern_on_every_run(name: str, pattern: Any) -> None:
    for label, text in HOSTILE.items():
        count = sum(1 for _ in pattern.finditer(text))
        assert count <= len(text) + 1, (name, label)
        pattern.match(text)
        pattern.search(text, len(text) // 2)


# --- targeted, through the code that uses each risky pattern ---------------------------------------------
def test_coord_split_on_a_run_of_spaces() -> None:
    text = "Ana" + " " * N + "Karl"
    assert coref._COORD_RE.split(text) == [text]
    assert coref._COORD_RE.split("Ana" + " " * N + "and" + " " * N + "Karl") == ["Ana", "Karl"]
    assert coref._COORD_RE.split("Ana, and Karl & Ines") == ["Ana", "Karl", "Ines"]


def test_canonical_name_with_spaces_inside() -> None:
    assert coref.canonical_name("Mara" + " " * N + "Quill") == "Mara Quill"


def test_name_runs_on_a_long_capitalised_word() -> None:
    assert coref.layer_from_text("A" * N, english()).referents == ()
    names = [r.name for r in coref.layer_from_text("Ab Cd, " * (N // 7), english()).referents]
    assert len(names) == N // 7 and set(names) == {"Ab Cd"}


def test_transcript_label_on_a_long_capitalised_run() -> None:
    assert speakers.TRANSCRIPT_LABEL.match("A" * N + "x") is None
    assert speakers.TRANSCRIPT_LABEL.match(" " * N + "A" * N) is None
    m = speakers.TRANSCRIPT_LABEL.match("MS. RUIZ: Hello")
    assert m is not None and m.group(1) == "MS. RUIZ"


@pytest.mark.parametrize(
    "text",
    ["a-" * N, "a." * N, "s'" * N, "U.S." * (N // 4), "A. " * N, "\u0301" * N, "1.2.3" * (N // 5)],
    ids=["hyphens", "dots", "apostrophes", "initialisms", "initials", "combining", "numbers"],
)
def test_tokenize_runs(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == "".join(text.split())


@pytest.mark.parametrize(
    "text",
    [
        "." * N + "x",
        ". " * N,
        "?!" * N + " x",
        "\n" + " " * N + "x",
        "\n \t" * N,
        ")" * N + " x",
        "Mr. " * N,
        "1. " * N,
        "\u2029" * N,
        "• " * N,
        "A " * N + "\nB",
    ],
    ids=[
        "dots",
        "spaced-dots",
        "terminators",
        "newline-spaces",
        "blank-lines",
        "parens",
        "abbreviations",
        "list-markers",
        "paragraph-separators",
        "bullets",
        "heading-run",
    ],
)
def test_split_sentences_runs(text: str) -> None:
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize("mark", ['"', "“", "'", "«", "„", "「"])
def test_find_quotes_on_a_run_of_marks(mark: str) -> None:
    text = mark * N
    assert all(0 <= q.open < len(text) for q in find_quotes(text))
    text = (mark + "w ") * (N // 10)
    assert all(text[q.open] == mark for q in find_quotes(text))


def test_dash_signature_after_a_quote() -> None:
    text = '"Yes." — ' + "Ab " * (N // 3)
    result = quoteattr.extract(text)
    assert all(text[q.start : q.end] == q.text for q in result.quotes)


@pytest.mark.parametrize("text", ["." * N, "x" * N, " " * N, "\n\n" * N, "a. " * N])
def test_chunk_bounds_runs(text: str) -> None:
    bounds = chunk_bounds(text, 1_000)
    assert bounds[-1][1] == len(text) and all(b - a <= 1_000 for a, b in bounds)
