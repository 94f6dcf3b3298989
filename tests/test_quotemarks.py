"""Quote-mark pairing (``quoteattr.quotemarks.find_quotes``) in tables, one table per behaviour.

Each table row is ``(text, expected)`` where ``expected`` lists the quoted contents (the text
between the marks), in order of their opening mark. The style table is built from
``lexicons/quote_marks.tsv`` itself, so a style added there is tested without touching this file.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from quoteattr.lexicons import quote_mark_pairs
from quoteattr.quotemarks import MAX_DEPTH, QuoteSpan, find_quotes

PAIRS = quote_mark_pairs()
OPENING_MARKS = frozenset(o for o, _, _ in PAIRS)
CLOSING_MARKS = frozenset(c for _, c, _ in PAIRS)


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def check_offsets(text: str, q: QuoteSpan) -> None:
    """Content offsets exclude the marks; the marks sit exactly at ``open`` and ``close``."""
    assert text[q.open : q.start] in OPENING_MARKS  # one character, or two for a doubled mark
    assert q.open < q.start <= q.end <= len(text)
    if q.close is None:
        assert q.unbalanced or q.continues
        assert q.outer_end == q.end
    else:
        assert text[q.close : q.outer_end] in CLOSING_MARKS
        assert q.end == q.close


# --------------------------------------------------------------------------- every style of the table


def _table_cases() -> list[Any]:
    cases = []
    seen_openers: set[str] = set()
    for opening, closing, name in PAIRS:
        # A second pair sharing an opening mark ("„" closes with "“" in German, "”" in Polish)
        # should still be reported under its own name.
        marks: list[Any] = []  # a pair sharing its opening mark is still reported under its own name
        seen_openers.add(opening)
        for template in ("{o}Alpha beta{c} gamma said.", "Then she said {o}alpha beta{c}, and left."):
            text = template.format(o=opening, c=closing)
            cases.append(pytest.param(text, opening, closing, name, id=f"{name}|{template[:4]}", marks=marks))
    return cases


@pytest.mark.parametrize(("text", "opening", "closing", "name"), _table_cases())
def test_every_style_in_the_table_pairs(text: str, opening: str, closing: str, name: str) -> None:
    [q] = find_quotes(text)
    assert text[q.start : q.end].lower() == "alpha beta"
    assert text[q.open : q.start] == opening and q.close is not None
    assert text[q.close : q.outer_end] == closing
    assert not q.unbalanced and not q.continues and q.depth == 0
    check_offsets(text, q)
    assert q.style == name


STYLES = [
    ("“The bridge is closed,” said Olu Adeyemi.", ["The bridge is closed,"]),
    ('"The bridge is closed," said Olu Adeyemi.', ["The bridge is closed,"]),
    ("‘We are ready,’ the coach said.", ["We are ready,"]),
    ("'We are ready,' the coach said.", ["We are ready,"]),
    ("«Nous partons», a-t-elle dit.", ["Nous partons"]),
    ("Sie sagte: „Wir gehen“, und ging.", ["Wir gehen"]),
    ("Powiedział: „Tak”, i wyszedł.", ["Tak"]),
    ("Han sagde: »Vi går«, og gik.", ["Vi går"]),
    ("Han sa: ”Vi går”, och gick.", ["Vi går"]),
    ("Er sagte: ‚ja‘ und ging.", ["ja"]),
    ("Il a dit ‹oui› puis il est parti.", ["oui"]),
    ("彼は「行きます」と言った。", ["行きます"]),
    ("彼は『行きます』と言った。", ["行きます"]),
    ("他说〝好的〞然后走了。", ["好的"]),
    ("＂We agree＂ the panel said.", ["We agree"]),
    ('"Yes," she said. "No," he said.', ["Yes,", "No,"]),
    ("“Yes,” she said. ‘No,’ he said.", ["Yes,", "No,"]),
    # typewriter doubles, as some newspaper archives print double quotes, and TeX-style ``…''
    ("''The levy is a misguided idea,'' said Ana Ruiz.", ["The levy is a misguided idea,"]),
    ("The levy is ''a misguided idea,'' Ana Ruiz said.", ["a misguided idea,"]),
    ("``We will appeal,'' the union said.", ["We will appeal,"]),
    ("''Yes,'' she said, ''we 'might' go.''", ["Yes,", "we 'might' go.", "might"]),
    ("''It's the players' money,'' he said.", ["It's the players' money,"]),
    # a doubled mark no open quote takes whole is two single closers
    ("He wrote: 'she told me 'no'' and left.", ["she told me 'no'", "no"]),
]


@pytest.mark.parametrize(("text", "expected"), STYLES)
def test_hand_written_styles(text: str, expected: list[str]) -> None:
    assert contents(text) == expected
    for q in find_quotes(text):
        check_offsets(text, q)
        assert not q.unbalanced


# --------------------------------------------------------------------------- nesting


NESTING = [
    ("“She told me ‘never again’ and left,” he said.",
     [("She told me ‘never again’ and left,", 0), ("never again", 1)]),
    ("\"She told me 'never again' and left,\" he said.",
     [("She told me 'never again' and left,", 0), ("never again", 1)]),
    ("“Deep ‘deeper “deepest” back’ out” end.",
     [("Deep ‘deeper “deepest” back’ out", 0), ("deeper “deepest” back", 1), ("deepest", 2)]),
    ("「彼は『はい』と言った」", [("彼は『はい』と言った", 0), ("はい", 1)]),
    ("«Il a crié ‹non› deux fois», dit-elle.", [("Il a crié ‹non› deux fois", 0), ("non", 1)]),
    ("“‘Yes,’ she said.”", [("‘Yes,’ she said.", 0), ("Yes,", 1)]),
    ("“One ‘two’ three” and “four ‘five’ six”.",
     [("One ‘two’ three", 0), ("two", 1), ("four ‘five’ six", 0), ("five", 1)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NESTING)
def test_nesting_depth(text: str, expected: list[tuple[str, int]]) -> None:
    spans = find_quotes(text)
    assert [(text[q.start : q.end], q.depth) for q in spans] == expected
    for q in spans:
        check_offsets(text, q)
        assert not q.unbalanced


def test_nesting_is_bounded() -> None:
    """Hostile input: far deeper nesting than any text has. Depth stays below MAX_DEPTH, spans stay valid."""
    text = "“" * (3 * MAX_DEPTH) + "x" + "”" * (3 * MAX_DEPTH)
    spans = find_quotes(text)
    assert spans, "the outer quotes are still found"
    assert max(q.depth for q in spans) < MAX_DEPTH
    for q in spans:
        check_offsets(text, q)


def test_inner_quote_left_open_is_closed_by_its_outer_quote() -> None:
    text = "“Outer ‘inner never closed” end."
    spans = find_quotes(text)
    assert [(text[q.start : q.end], q.depth, q.unbalanced) for q in spans] == [
        ("Outer ‘inner never closed", 0, False),
        ("inner never closed", 1, True),
    ]


# --------------------------------------------------------------------------- apostrophes

_HARD = "a closing-looking apostrophe is taken as the closing mark"

APOSTROPHES = [
    pytest.param("I don't think it's over, she said.", [], id="contractions"),
    pytest.param("Crowds in the '90s were larger.", [], id="straight-decade"),
    pytest.param("Crowds in the ’90s were larger.", [], id="curly-decade"),
    pytest.param("The '60s and '70s were 'wild' times.", ["wild"], id="decades-and-a-quote"),
    pytest.param("Vostrikova's office declined to comment.", [], id="possessive"),
    pytest.param("Vostrikova’s office called it ‘premature’.", ["premature"],
                 id="curly-possessive-then-quote"),
    pytest.param("\"Vostrikova's plan won't work,\" Dalen said.", ["Vostrikova's plan won't work,"],
                 id="possessive-in-double"),
    pytest.param("‘Vostrikova’s plan won’t work,’ Dalen said.", ["Vostrikova’s plan won’t work,"],
                 id="possessive-in-curly-single"),
    pytest.param("He said: 'We'll see.'", ["We'll see."], id="contraction-in-single"),
    pytest.param("The students' union voted to strike.", [], id="plural-possessive"),
    pytest.param("The students' union called the fee 'unfair'.", ["unfair"],
                 id="plural-possessive-then-quote"),
    pytest.param("The students’ union called the fee ‘unfair’.", ["unfair"], id="curly-plural-possessive"),
    pytest.param("It was rock ’n’ roll all night.", [], id="curly-rock-n-roll"),
    pytest.param("It was rock 'n' roll all night.", [], id="straight-rock-n-roll"),
    pytest.param("'The students' union is closed,' he said.", ["The students' union is closed,"],
                 id="plural-possessive-in-single", marks=pytest.mark.xfail(strict=True, reason=_HARD)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), APOSTROPHES)
def test_apostrophes_are_not_quote_marks(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


# --------------------------------------------------------------------------- multi-paragraph quotes


def pieces(text: str) -> list[tuple[str, bool, bool]]:
    return [(text[q.start : q.end], q.continues, q.unbalanced) for q in find_quotes(text)]


MULTI_PARAGRAPH = [
    pytest.param("“We built the dam in four years.\n\n“Nobody thought we could,” the engineer said.",
                 [("We built the dam in four years.", True, False),
                  ("Nobody thought we could,", False, False)],
                 id="two-curly"),
    pytest.param("“First part.\n\n“Second part.\n\n“Third part,” she said.",
                 [("First part.", True, False), ("Second part.", True, False), ("Third part,", False, False)],
                 id="three-curly"),
    pytest.param("\"First part.\n\n\"Second part,\" she said.",
                 [("First part.", True, False), ("Second part,", False, False)], id="straight"),
    pytest.param("‘First part.\n\n‘Second part,’ she said.",
                 [("First part.", True, False), ("Second part,", False, False)], id="curly-single"),
    pytest.param("“First part.\r\n\r\n“Second part,” she said.",
                 [("First part.", True, False), ("Second part,", False, False)], id="crlf"),
    pytest.param("“First part.\n   \n  “Second part,” she said.",
                 [("First part.", True, False), ("Second part,", False, False)], id="blank-line-with-spaces"),
    pytest.param("“First part.\n\n“Second part and the end of the text.",
                 [("First part.", True, False), ("Second part and the end of the text.", False, True)],
                 id="last-piece-never-closed"),
    pytest.param("“First part.\n\nThe council then voted.",
                 [("First part.", False, True)], id="next-paragraph-is-not-a-quote"),
    pytest.param("“First part.\n\n‘Second part,’ she said.",
                 [("First part.", False, True), ("Second part,", False, False)],
                 id="next-paragraph-other-style"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MULTI_PARAGRAPH)
def test_multi_paragraph_quotes(text: str, expected: list[tuple[str, bool, bool]]) -> None:
    assert pieces(text) == expected
    for q in find_quotes(text):
        check_offsets(text, q)


def test_continued_piece_ends_before_the_paragraph_break() -> None:
    text = "“We built the dam in four years.  \n\n“Nobody thought we could,” she said."
    first = find_quotes(text)[0]
    assert first.continues and first.close is None
    assert first.end == text.index("years.") + len("years.")


# --------------------------------------------------------------------------- unclosed and stray marks


UNCLOSED = [
    pytest.param("“Never closed, she said.\n\nThe next paragraph has “a quote” inside.",
                 [("Never closed, she said.", True), ("a quote", False)], id="next-paragraph-unaffected"),
    pytest.param("He said “we will see. Then he left.\n\nShe said “fine” later.",
                 [("we will see. Then he left.", True), ("fine", False)], id="mid-paragraph"),
    pytest.param("A plain first paragraph.\n\nShe said “it never ends", [("it never ends", True)],
                 id="end-of-text"),
    pytest.param("\"Never closed.\n\nA \"real\" one.", [("Never closed.", True), ("real", False)],
                 id="straight"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), UNCLOSED)
def test_unclosed_quote_is_flagged_and_confined_to_its_paragraph(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    spans = find_quotes(text)
    assert [(text[q.start : q.end], q.unbalanced) for q in spans] == expected
    for q in spans:
        check_offsets(text, q)
        if q.unbalanced:
            assert q.close is None and not q.continues
            assert "\n\n" not in text[q.start : q.end]


STRAY = [
    pytest.param("He left.” Then “yes” came.", ["yes"], id="curly-closer"),
    pytest.param("The end.\" Then \"yes\" came.", ["yes"], id="straight-closer"),
    pytest.param("Ends here.' Then 'yes' came.", ["yes"], id="straight-single-closer"),
    pytest.param("All done.”", [], id="closer-at-end"),
    pytest.param("They left early.”\n\n“Fine,” she said.", ["Fine,"], id="stray-in-earlier-paragraph"),
    pytest.param("Fin. » Puis «Oui», dit-il.", ["Oui"], id="stray-french-closer"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STRAY)
def test_stray_closing_marks_are_ignored(text: str, expected: list[str]) -> None:
    assert contents(text) == expected
    assert not any(q.unbalanced for q in find_quotes(text))


def test_a_free_standing_mark_costs_at_most_its_paragraph() -> None:
    text = "A lone ” mark here.\n\n“Fine,” she said."
    spans = find_quotes(text)
    assert spans[-1].close is not None and text[spans[-1].start : spans[-1].end] == "Fine,"
    assert all("\n" not in text[q.start : q.end] for q in spans)


# --------------------------------------------------------------------------- interrupted quotes


INTERRUPTED = [
    ("“We will stay,” she said, “until the work is done.”", ["We will stay,", "until the work is done."]),
    ('"Nobody," he said, "expected this."', ["Nobody,", "expected this."]),
    ("‘Nobody,’ he said, ‘expected this.’", ["Nobody,", "expected this."]),
    ("«Personne, dit-il, ne l'attendait.»", ["Personne, dit-il, ne l'attendait."]),
    ("“It is late,” the mayor, Ivo Brandt, said. “We open at nine.”", ["It is late,", "We open at nine."]),
]


@pytest.mark.parametrize(("text", "expected"), INTERRUPTED)
def test_interrupted_quotes_are_separate_top_level_pieces(text: str, expected: list[str]) -> None:
    spans = find_quotes(text)
    assert contents(text) == expected
    assert all(q.depth == 0 and not q.unbalanced and not q.continues for q in spans)


# --------------------------------------------------------------------------- offsets


ALL_TEXTS = sorted(
    {text for text, _ in STYLES}
    | {text for text, _ in NESTING}
    | {str(p.values[0]) for p in APOSTROPHES + MULTI_PARAGRAPH + UNCLOSED + STRAY}
    | {text for text, _ in INTERRUPTED}
)


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_content_offsets_exclude_the_marks(text: str) -> None:
    spans = find_quotes(text)
    for q in spans:
        check_offsets(text, q)
    assert spans == sorted(spans, key=lambda q: q.open), "spans come in order of their opening mark"


def test_no_marks_no_quotes() -> None:
    assert find_quotes("") == []
    assert find_quotes("Nothing quoted here at all.") == []


# --------------------------------------------------------------------------- mixed marks (scraped text)


MIXED_MARKS = [
    pytest.param('“We will appeal," the union said.', ["We will appeal,"], id="curly-closed-straight"),
    pytest.param('"We will appeal,” the union said.', ["We will appeal,"], id="straight-closed-curly"),
    pytest.param("‘We will appeal,' the union said.", ["We will appeal,"], id="single-curly-closed-straight"),
    pytest.param("'We will appeal,’ the union said.", ["We will appeal,"], id="single-straight-closed-curly"),
    pytest.param("The audit found “no fault.“ Then it closed.", ["no fault."], id="curly-closed-by-opener"),
    pytest.param('“Rain again," he sighed.\n\nThe match was called off.', ["Rain again,"],
                 id="does-not-swallow-the-next-paragraph"),
    pytest.param('“Rain again," he said. “We wait.”', ["Rain again,", "We wait."],
                 id="next-opener-of-the-same-style"),
    pytest.param('“Rain again," he said, "and wind.”', ["Rain again,", "and wind."],
                 id="straight-opener-after-a-fallback"),
    pytest.param('“It was "fine," she said, and left.” Then silence.',
                 ['It was "fine," she said, and left.', "fine,"], id="a-proper-closer-wins-over-nesting"),
    pytest.param('“Rain, said the "expert," again.” Then silence.',
                 ['Rain, said the "expert," again.', "expert,"], id="nested-straight-pair-is-kept"),
    pytest.param("‘The players' union is broke,’ he said.", ["The players' union is broke,"],
                 id="plural-possessive-is-no-fallback"),
    pytest.param("‘The players' union is broke, he said.", ["The players' union is broke, he said."],
                 id="plural-possessive-never-closes"),
    pytest.param("‘Back in the '90s, yes,' he said.", ["Back in the '90s, yes,"], id="decade-then-fallback"),
    pytest.param('“He is 6" tall," she said.', ['He is 6" tall,'], id="inch-mark-is-no-fallback"),
    pytest.param('“A," and “B," he said.', ["A,", "B,"], id="two-fallbacks"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MIXED_MARKS)
def test_a_mark_of_another_style_closes_a_quote_left_open(text: str, expected: list[str]) -> None:
    spans = find_quotes(text)
    assert contents(text) == expected
    for q in spans:
        check_offsets(text, q)


def test_a_fallback_closed_quote_is_balanced_and_not_continued() -> None:
    text = '“We built the dam," he said.\n\n“Nobody thought we could,” she said.'
    spans = find_quotes(text)
    assert [(text[q.start : q.end], q.unbalanced, q.continues) for q in spans] == [
        ("We built the dam,", False, False),
        ("Nobody thought we could,", False, False),
    ]
    assert spans[0].close == text.index('"')


def test_german_has_no_fallbacks() -> None:
    """Fallback closers are per language: German has none, so »…" stays open."""
    from quoteattr.language import get_language

    text = '»Wir gehen," sagte sie.'
    [q] = find_quotes(text, get_language("de"))
    assert q.unbalanced


@pytest.mark.parametrize("unit", ['“a," ', '"a,” ', "‘a,' ", '“a “b," ', '“ "a," ” ', "“a,“ ‘b,' "], ids=repr)
def test_mixed_marks_at_scale_stay_valid(unit: str) -> None:
    """Hostile input: thousands of mixed marks in one paragraph. One pass, every span well formed."""
    text = unit * 5_000
    spans = find_quotes(text)
    assert spans
    for q in spans:
        check_offsets(text, q)
    ends = [(q.open, q.outer_end) for q in spans]
    for (_, a_end), (b_open, b_end) in itertools.pairwise(ends):
        assert b_open >= a_end or b_end <= a_end, "spans nest or stay apart"
