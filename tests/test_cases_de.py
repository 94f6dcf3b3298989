"""German hand cases: ``tests/cases/attribution_de.jsonl`` run through ``extract(text, lang="de")``.

Same shape and checker as :mod:`test_cases` (each record also says ``"lang": "de"``); the
sentences are written for these tests, none is taken from a corpus. The data tests run without
the pipeline; ``test_case_de`` needs ``quoteattr.extract`` with German.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from test_cases import Case, assert_case, check_prediction, load_cases, thin_patterns

DE_CASES_PATH = Path(__file__).parent / "cases" / "attribution_de.jsonl"
MIN_DE_CASES = 60
#: Every pattern the issue's "Done when" names for German, each needing a few cases.
REQUIRED_PATTERNS = frozenset(
    {"inverted", "colon", "dass", "no-dass", "separable", "according", "coref", "negative"}
)

DE_CASES = load_cases(DE_CASES_PATH)


def test_enough_german_cases() -> None:
    assert len(DE_CASES) >= MIN_DE_CASES, f"only {len(DE_CASES)} German cases"


def test_every_german_case_says_its_language() -> None:
    import json

    with DE_CASES_PATH.open(encoding="utf-8") as f:
        langs = Counter(json.loads(line).get("lang") for line in f if line.strip())
    assert langs == Counter({"de": len(DE_CASES)}), langs


def test_required_patterns_are_covered() -> None:
    thin = thin_patterns(DE_CASES, REQUIRED_PATTERNS, 3)
    assert thin == {}, f"patterns with fewer than 3 German cases: {thin}"


@pytest.mark.parametrize("case", DE_CASES, ids=lambda c: c.id)
def test_case_de(case: Case) -> None:
    from quoteattr import extract

    result = extract(case.text, lang="de")
    problems = check_prediction(case, result.quotes)
    assert_case(case, problems, result.quotes)


# ---------------------------------------------------------------- the seam from the outside


@pytest.mark.parametrize(
    "text",
    [
        "„Wann fährt der letzte Zug?“ fragte sie.",
        "»Wer ist da?« fragte sie leise und öffnete die Tür.",
        "„Halt!“ rief der Wächter.",
    ],
)
def test_question_or_exclamation_before_a_lower_case_cue_stays_one_sentence(text: str) -> None:
    from quoteattr import extract

    result = extract(text, lang="de")
    assert [s.text for s in result.sentences] == [text]
    assert len(result.quotes) == 1 and result.quotes[0].speaker is not None


def test_the_same_text_in_english_mode_finds_no_german_speaker() -> None:
    """German needs its own lexicons: the English pipeline knows no German cue."""
    from quoteattr import extract

    text = "„Wir bauen die Brücke“, sagte Bürgermeisterin Anna Weber."
    assert extract(text, lang="de").quotes[0].speaker is not None
    assert all(q.speaker is None for q in extract(text).quotes)


def test_cli_lang_de(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json

    from quoteattr.cli import main

    text = "Die Ministerin erklärte: „Die Schulen bleiben offen.“"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    assert main(["--no-progress", "--lang", "de"]) == 0
    record = json.loads(capsys.readouterr().out)
    (quote,) = record["quotes"]
    assert quote["text"] == "Die Schulen bleiben offen." and quote["speaker"]["text"] == "Die Ministerin"


def test_cli_unknown_lang_names_the_supported_ones(capsys: pytest.CaptureFixture[str]) -> None:
    from quoteattr.cli import main

    assert main(["--no-progress", "--lang", "xx"]) == 2
    err = capsys.readouterr().err
    assert "xx" in err and "de" in err and "en" in err


# ---------------------------------------------------------------- passive cues (feature passive-report)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Es wird berichtet, dass der König krank sei.", "der König krank sei"),
        ("Die Gäste wurden gebeten, im Saal Platz zu nehmen.", "im Saal Platz zu nehmen"),
        ("Dem Knecht wurde gesagt, er solle sofort gehen.", "er solle sofort gehen"),
    ],
)
def test_a_passive_cue_reports_its_clause_with_no_speaker(text: str, content: str) -> None:
    """German corpora count an agentless report ("es wird berichtet, dass …") as indirect speech."""
    from quoteattr import extract

    (quote,) = extract(text, lang="de").quotes
    assert (quote.text, quote.kind, quote.speaker) == (content, "indirect", None)


@pytest.mark.parametrize(
    "text", ["Es wurde an jenem Abend viel gesagt.", "Das Lied wurde oft gesungen und gelobt."]
)
def test_a_passive_cue_without_a_clause_reports_nothing(text: str) -> None:
    from quoteattr import extract

    assert extract(text, lang="de").quotes == ()


def test_english_passive_cues_still_report_nothing() -> None:
    """The feature is German's: an English passive cue keeps reporting nothing."""
    from quoteattr import extract

    assert extract("It was reported that the king was ill.").quotes == ()
