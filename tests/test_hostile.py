"""Hostile input a demanding user tries first, in both shipped languages: the API never crashes or
hangs, every span slices back (quotes, cues, speakers, addressees, entity mentions, sentences) and
``to_dict()`` is JSON. Wrong arguments raise a ``TypeError``/``ConfigError`` that names the argument.

The generated stress corpus is ``tests/adversarial.py``; these are the few hand-made shapes it lacks:
German marks and frames, a book of untagged dialogue, a 100 KB name, odd ``characters=`` entries.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from invariants import check_result

from quoteattr import ConfigError, Pipeline, extract

LANGS = ("en", "de")
PIPELINES = {lang: Pipeline(lang=lang) for lang in LANGS}

#: name → text; each is small enough to run in the default suite, in both languages.
CASES: dict[str, Callable[[], str]] = {
    "empty": lambda: "",
    "whitespace only": lambda: " \t\n\r\n\u2029\u00a0\u3000 ",
    "NUL bytes": lambda: '\x00"Ja\x00," sagte er\x00. "Yes\x00," he said.\x00',
    "lone surrogates": lambda: '"\ud800 x," she said. \udfff „\udc00“, sagte sie. He said that \udbff.',
    "every byte as latin-1": lambda: bytes(range(256)).decode("latin-1") * 20,
    "unbalanced marks": lambda: '"' * 700 + "„" * 700 + "“" * 300 + "»" * 300 + "‚" * 300,
    "deeply nested English": lambda: "“" * 2000 + "x" + "”" * 2000 + " he said.",
    "deeply nested German": lambda: "„" * 2000 + "x" + "“" * 2000 + ", sagte er.",
    "crossing German styles": lambda: "„a »b“ c« ‚d ›e‘ f‹ " * 300,
    "a 100 KB name": lambda: '"Yes," ' + "A" + "b" * 100_000 + " Smith said. Er sagte, dass es geht.",
    "a 20,000-word name": lambda: '"Yes," said ' + " ".join(["Mara"] * 20_000) + ". She added that it works.",
    "a long infinitive chain": lambda: (
        "Die Opposition warf ihr vor, " + "zu spät informiert zu haben, " * 3000 + "."
    ),
    "repeated dass": lambda: "Er sagte, dass " * 20_000,
    "repeated laut and zufolge": lambda: "Laut " * 10_000 + "der Stadt zufolge " * 10_000,
    "repeated tags": lambda: "He said, " * 20_000,
    "colons only": lambda: ":" * 100_000,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CASES))
def test_hostile_text(name: str, lang: str) -> None:
    text = CASES[name]()
    check_result(text, PIPELINES[lang].process(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "line", "who"),
    [
        ("en", '"Item {i}," Ana Ruiz said.', "Ana Ruiz"),
        ("de", "„Punkt {i}“, sagte Greta Hollmann.", "Greta Hollmann"),
    ],
)
def test_ten_thousand_quotes(lang: str, line: str, who: str) -> None:
    """10,000 quotes in one text (about 300 KB, read in one piece): all found, all one speaker's."""
    text = " ".join(line.format(i=i) for i in range(10_000))
    result = PIPELINES[lang].process(text)
    check_result(text, result)
    assert len(result.quotes) == 10_000
    assert {q.entity.name for q in result.quotes if q.entity is not None} == {who}


@pytest.mark.parametrize("lang", LANGS)
def test_a_thousand_untagged_dialogue_paragraphs(lang: str) -> None:
    """No tag anywhere: every line is still a quote, and nothing invents a speaker."""
    text = "\n\n".join(f'"Line {i}?"' for i in range(1000))
    result = PIPELINES[lang].process(text)
    check_result(text, result)
    assert len(result.quotes) == 1000


def test_turn_taking_keeps_the_entity_policy() -> None:
    """A line given to a character keeps no speaker mention of someone else ("Anna" guessed by a news
    rule for a line that answers "Hello, Tom"); a character known only from turns has no mention."""
    text = '"Hello, Tom," said Anna.\n\n"Line 0, Anna."\n\n"Line 1, Anna."\n\n"Line 2, Anna."'
    result = extract(text)
    check_result(text, result)
    for q in result.quotes:
        if q.entity is not None and q.speaker is not None:
            names_it = set(q.speaker.text.split()) & set(q.entity.name.split())
            assert names_it or q.speaker.kind == "pronoun", q


@pytest.mark.parametrize("lang", LANGS)
def test_max_chars_pieces_keep_offsets(lang: str) -> None:
    """A text read in pieces (here pieces of 2,000 characters) keeps its offsets across the cuts."""
    one = '„Wir bleiben“, sagte Greta Hollmann. "We stay," Ana Ruiz said. She added that it was final.\n\n'
    text = one * 200
    result = Pipeline(lang=lang, max_chars=2_000).process(text)
    check_result(text, result)
    assert len(result.quotes) >= 200


@pytest.mark.parametrize(
    "characters",
    [
        {"": []},
        {"Elizabeth Bennet": [""]},
        ["", "  "],
        "Elizabeth",
        {"A" * 100_000: ["B" * 100_000]},
        {"\x00": ["\ud800"]},
        {"Lizzy": ["Lizzy"], "Elizabeth": ["Lizzy"]},
        {"he": ["she"], "said": [], '"': ["“"]},
        [("Elizabeth Bennet", ("Lizzy",)), "Mr. Darcy"],
    ],
    ids=repr,
)
@pytest.mark.parametrize("lang", LANGS)
def test_odd_character_lists_still_read(characters: object, lang: str) -> None:
    text = '"Hello, Lizzy," said Mr. Darcy.\n\n"Hi," said Elizabeth.\n\n"Well?"'
    check_result(text, Pipeline(lang=lang, characters=characters).process(text))


@pytest.mark.parametrize(
    "characters",
    [5, [None], [3], [("Elizabeth",)], [("Elizabeth", ["Lizzy"], "extra")], {"x": 5}, {"x": [None]}, {3: []}],
    ids=repr,
)
def test_malformed_character_lists_are_refused_by_name(characters: object) -> None:
    """A malformed entry raises a ``TypeError`` that names ``characters``, not an unpacking error."""
    with pytest.raises(TypeError, match="characters"):
        Pipeline(characters=characters)


@pytest.mark.parametrize("lang", [None, 3, b"en"])
def test_wrong_language_type(lang: object) -> None:
    with pytest.raises(TypeError, match="lang"):
        extract("x", lang=lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["", "xx", "DE", "../en", "en/../de"])
def test_unknown_language(lang: str) -> None:
    with pytest.raises(ConfigError, match="supported"):
        extract("x", lang=lang)
