"""Tests for quoteattr.segment: golden rules, news cases, exact offsets, properties, hostile input."""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import segment_patterns
from quoteattr.model import Sentence
from quoteattr.segment import (
    ABBREVIATIONS,
    ATTRIBUTION_VERBS,
    KINDS,
    RULES,
    SENTENCE_STARTERS,
    Rule,
    explain,
    split_paragraphs,
    split_sentences,
)

SEED = Path(__file__).resolve().parents[1] / "seeds" / "soleimani_anniversary.txt"


def texts(text: str, **kwargs: object) -> list[str]:
    return [s.text for s in split_sentences(text, **kwargs)]  # type: ignore[arg-type]


def assert_offsets(text: str, sentences: list[Sentence]) -> None:
    """The invariants every result must keep, whatever the input."""
    last_end = 0
    last_paragraph = 0
    for s in sentences:
        assert isinstance(s, Sentence)
        assert 0 <= last_end <= s.start < s.end <= len(text), (last_end, s)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert last_paragraph <= s.paragraph
        last_end, last_paragraph = s.end, s.paragraph


# --- (a) Golden Rules ---------------------------------------------------------------------------
# The English "Golden Rules" of the Pragmatic Segmenter (github.com/diasks2/pragmatic_segmenter,
# MIT licence), as used to compare pySBD and other segmenters
# (nipunsadvilkar/pySBD tests/lang/test_english.py).
GOLDEN_RULES: list[tuple[str, list[str]]] = [
    ("Hello World. My name is Jonas.", ["Hello World.", "My name is Jonas."]),
    ("What is your name? My name is Jonas.", ["What is your name?", "My name is Jonas."]),
    ("There it is! I found it.", ["There it is!", "I found it."]),
    ("My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]),
    ("Please turn to p. 55.", ["Please turn to p. 55."]),
    ("Were Jane and co. at the party?", ["Were Jane and co. at the party?"]),
    (
        "They closed the deal with Pitt, Briggs & Co. at noon.",
        ["They closed the deal with Pitt, Briggs & Co. at noon."],
    ),
    ("Let's ask Jane and co. They should know.", ["Let's ask Jane and co.", "They should know."]),
    (
        "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
        ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."],
    ),
    ("I can see Mt. Fuji from here.", ["I can see Mt. Fuji from here."]),
    (
        "St. Michael's Church is on 5th st. near the light.",
        ["St. Michael's Church is on 5th st. near the light."],
    ),
    ("That is JFK Jr.'s book.", ["That is JFK Jr.'s book."]),
    ("I visited the U.S.A. last year.", ["I visited the U.S.A. last year."]),
    ("I live in the E.U. How about you?", ["I live in the E.U.", "How about you?"]),
    ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    ("I work for the U.S. Government in Virginia.", ["I work for the U.S. Government in Virginia."]),
    ("I have lived in the U.S. for 20 years.", ["I have lived in the U.S. for 20 years."]),
    (
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
        [
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went to the store.",
        ],
    ),
    ("She has $100.00 in her bag.", ["She has $100.00 in her bag."]),
    ("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
    (
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        ["He teaches science (He previously worked for 5 years as an engineer.) at the local University."],
    ),
    (
        "Her email is Jane.Doe@example.com. I sent her an email.",
        ["Her email is Jane.Doe@example.com.", "I sent her an email."],
    ),
    (
        "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
        ["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."],
    ),
    ("She turned to him, 'This is great.' she said.", ["She turned to him, 'This is great.' she said."]),
    ('She turned to him, "This is great." she said.', ['She turned to him, "This is great." she said.']),
    (
        'She turned to him, "This is great." She held the book out to show him.',
        ['She turned to him, "This is great."', "She held the book out to show him."],
    ),
    ("Hello!! Long time no see.", ["Hello!!", "Long time no see."]),
    ("Hello?? Who is there?", ["Hello??", "Who is there?"]),
    ("Hello!? Is that you?", ["Hello!?", "Is that you?"]),
    ("Hello?! Is that you?", ["Hello?!", "Is that you?"]),
    ("1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
    ("1.) The first item. 2.) The second item.", ["1.) The first item.", "2.) The second item."]),
    ("1) The first item 2) The second item", ["1) The first item", "2) The second item"]),
    ("1) The first item. 2) The second item.", ["1) The first item.", "2) The second item."]),
    ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
    ("1. The first item. 2. The second item.", ["1. The first item.", "2. The second item."]),
    ("• 9. The first item • 10. The second item", ["• 9. The first item", "• 10. The second item"]),
    ("⁃9. The first item ⁃10. The second item", ["⁃9. The first item", "⁃10. The second item"]),
    (
        "a. The first item b. The second item c. The third list item",
        ["a. The first item", "b. The second item", "c. The third list item"],
    ),
    (
        "You can find it at N°. 1026.253.553. That is where the treasure is.",
        ["You can find it at N°. 1026.253.553.", "That is where the treasure is."],
    ),
    (
        "She works at Yahoo! in the accounting department.",
        ["She works at Yahoo! in the accounting department."],
    ),
    (
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
    ),
    (
        "Thoreau argues that by simplifying one’s life, "
        "“the laws of the universe will appear less complex. . . .”",
        [
            "Thoreau argues that by simplifying one’s life, "
            "“the laws of the universe will appear less complex. . . .”"
        ],
    ),
    (
        '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).',
        ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).'],
    ),
    (
        "If words are left off at the end of a sentence, and that is all that is omitted, indicate the "
        "omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the "
        "sentence with a period . . . . Next sentence.",
        [
            "If words are left off at the end of a sentence, and that is all that is omitted, indicate "
            "the omission with ellipsis marks (preceded and followed by a space) and then indicate the "
            "end of the sentence with a period . . . .",
            "Next sentence.",
        ],
    ),
    ("I never meant that.... She left the store.", ["I never meant that....", "She left the store."]),
    (
        "I wasn’t really ... well, what I mean...see . . . what I'm saying, "
        "the thing is . . . I didn’t mean it.",
        [
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, "
            "the thing is . . . I didn’t mean it."
        ],
    ),
    (
        "One further habit which was somewhat weakened . . . was that of combining words into "
        "self-interpreting compounds. . . . The practice was not abandoned. . . .",
        [
            "One further habit which was somewhat weakened . . . was that of combining words into "
            "self-interpreting compounds.",
            ". . . The practice was not abandoned. . . .",
        ],
    ),
]

# Cases the rules cannot get right from a bounded window, kept and marked instead of deleted.
KNOWN_GOLDEN_FAILURES = {
    17: "'a.m. Mr. Smith' continues but 'P.M. Mr. Smith' ends a sentence: same local context, needs syntax",
}


def _golden_params() -> list[object]:
    params: list[object] = []
    for i, (text, expected) in enumerate(GOLDEN_RULES):
        marks = []
        if i in KNOWN_GOLDEN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_GOLDEN_FAILURES[i]))
        params.append(pytest.param(text, expected, marks=marks, id=f"golden{i:02d}"))
    return params


def test_golden_rules_count() -> None:
    assert len(GOLDEN_RULES) == 48


@pytest.mark.parametrize(("text", "expected"), _golden_params())
def test_golden_rule(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert_offsets(text, sentences)
    assert [s.text for s in sentences] == expected


def test_golden_rules_pass_rate() -> None:
    failing = [
        (i, text, texts(text)) for i, (text, expected) in enumerate(GOLDEN_RULES) if texts(text) != expected
    ]
    rate = 1 - len(failing) / len(GOLDEN_RULES)
    detail = "\n".join(f"  #{i}: {text!r} -> {got!r}" for i, text, got in failing)
    assert rate >= 0.95, f"golden-rule pass rate {rate:.1%} < 95%; failing:\n{detail}"
    assert {i for i, _, _ in failing} == set(KNOWN_GOLDEN_FAILURES), f"unexpected failures:\n{detail}"


# --- (b) news text ------------------------------------------------------------------------------
NEWS_CASES: list[tuple[str, list[str] | None]] = [
    # titles and honorifics never end a sentence
    (
        "Lt. Col. Dana Reyes and Sgt. Omar Vance spoke to Gov. Ellen Park. They left at noon.",
        ["Lt. Col. Dana Reyes and Sgt. Omar Vance spoke to Gov. Ellen Park.", "They left at noon."],
    ),
    (
        "Sen. Kay Moss and Rep. Tom Ruiz met Dr. Ann Cole.",
        ["Sen. Kay Moss and Rep. Tom Ruiz met Dr. Ann Cole."],
    ),
    ("Mrs. Hale met Mr. Ortiz and Gen. Bao at St. Jude Hospital.", None),
    # companies and name suffixes
    (
        "Shares of Vextor Inc. and Lumen Corp. rose. Halden Co. Ltd. fell.",
        ["Shares of Vextor Inc. and Lumen Corp. rose.", "Halden Co. Ltd. fell."],
    ),
    ("Martin Luther King Jr. Day is a holiday.", None),
    # countries, organisations, Latin
    (
        "The U.N. and the U.K. backed the U.S. plan, e.g. the tariffs, i.e. new taxes, etc. and more.",
        None,
    ),
    ("It was Brazil vs. Chile on Sunday.", None),
    # sentence-final abbreviation: split only before a typical sentence starter
    ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
    ("She studied in the U.K. But she came back.", ["She studied in the U.K.", "But she came back."]),
    ("He works for the U.S. Treasury in Ohio.", None),
    # numbers, times, dates, money, versions
    ("The No. 5 seed lost on p. 12 of the report.", None),
    ("The market opens at 9:30 a.m. and closes at 4 p.m. on weekdays.", None),
    (
        "The talks end at 5 p.m. The vote is at 6 p.m. tomorrow.",
        ["The talks end at 5 p.m.", "The vote is at 6 p.m. tomorrow."],
    ),
    ("The law took effect Jan. 1 and was amended Sept. 30, 2021.", None),
    (
        "The deal was signed in Aug. It expires in Feb. 2030.",
        ["The deal was signed in Aug.", "It expires in Feb. 2030."],
    ),
    (
        "The state raised $3.5 million, or 2.5 percent more. It plans to spend it.",
        ["The state raised $3.5 million, or 2.5 percent more.", "It plans to spend it."],
    ),
    ("Version 3.11.2 fixed it. Version 4.0 is next.", ["Version 3.11.2 fixed it.", "Version 4.0 is next."]),
    (
        "Profits rose 12.5% to $1.2 billion. Costs fell.",
        ["Profits rose 12.5% to $1.2 billion.", "Costs fell."],
    ),
    # U.S. states
    ("The company moved from Sacramento, Calif. to Boston, Mass. last year.", None),
    ("She was born in Springfield, Ill. It was cold.", ["She was born in Springfield, Ill.", "It was cold."]),
    ("He fell ill. Doctors were called.", ["He fell ill.", "Doctors were called."]),
    # initials
    ("A novel by J. R. R. Tolkien was read by George W. Bush.", None),
    ("The report by E. B. White arrived.", None),
    # numbered lists inline
    (
        "1. Raise taxes 2. Cut spending 3. Hold a vote",
        ["1. Raise taxes", "2. Cut spending", "3. Hold a vote"],
    ),
    ("a) Raise taxes b) Cut spending", ["a) Raise taxes", "b) Cut spending"]),
    ("He scored 2. The team still lost.", ["He scored 2.", "The team still lost."]),
    # ellipses and ?! runs
    ("He hesitated... Then he spoke.", ["He hesitated...", "Then he spoke."]),
    ("Wait… Who is that?", ["Wait…", "Who is that?"]),
    ("He said the plan … was dead.", None),
    ("Really?! Nobody came?", ["Really?!", "Nobody came?"]),
    # closing quotes and brackets after the full stop
    ('He said: "We will win." The crowd cheered.', ['He said: "We will win."', "The crowd cheered."]),
    (
        "She called it “a disgrace.” The ministry denied it.",
        ["She called it “a disgrace.”", "The ministry denied it."],
    ),
    ("He wrote: ‘It is over.’ Nobody replied.", ["He wrote: ‘It is over.’", "Nobody replied."]),
    ("Il a dit : « C'est fini. » Puis il est parti.", ["Il a dit : « C'est fini. »", "Puis il est parti."]),
    (
        "The bill passed. (Two members abstained.) Debate ended.",
        ["The bill passed.", "(Two members abstained.)", "Debate ended."],
    ),
    ("Read the note [attached.] Then sign.", ["Read the note [attached.]", "Then sign."]),
    ('"We are not leaving," he said. "Not now."', ['"We are not leaving," he said.', '"Not now."']),
    # a quoted question or exclamation with its attribution is one sentence
    ('"Why now?" she asked.', None),
    ('"Stop!" shouted the officer. He ran.', ['"Stop!" shouted the officer.', "He ran."]),
    ("“Is this the end?” asked Ms. Diaz.", None),
    ('"Is this the end?" Ms. Diaz asked reporters.', None),
    ('"Is this the end?" Nobody answered.', ['"Is this the end?"', "Nobody answered."]),
    ('"Is this the end?"\nMs. Diaz asked it twice.', ['"Is this the end?"', "Ms. Diaz asked it twice."]),
    # emails, URLs, domains
    (
        "Write to press@example.org. Calls go to the desk.",
        ["Write to press@example.org.", "Calls go to the desk."],
    ),
    ("See https://news.example.com/a/b.html?id=4 and example.com for more.", None),
    ("Amazon.com Inc. said sales rose.", None),
    # paragraphs and headlines
    ("Storm hits coast\n\nThe storm arrived at dawn.", ["Storm hits coast", "The storm arrived at dawn."]),
    ("He lives in the U.S.\n\nhe said so.", ["He lives in the U.S.", "he said so."]),
    # a single newline inside a paragraph is a soft wrap...
    ("The minister said\nthe talks would\ncontinue on Monday.", None),
    # ...unless the line is a heading or a list item
    ("MARKET WRAP\nStocks fell on Friday.", ["MARKET WRAP", "Stocks fell on Friday."]),
    ("Key Facts\nThe dam is 40 metres high.", ["Key Facts", "The dam is 40 metres high."]),
    ("Demands:\n- a ceasefire\n- an inquiry", ["Demands:", "- a ceasefire", "- an inquiry"]),
    ("Steps:\n1. Register\n2. Vote", ["Steps:", "1. Register", "2. Vote"]),
    ("• Talks resume • Prices rise", ["• Talks resume", "• Prices rise"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), NEWS_CASES, ids=[f"news{i:02d}" for i in range(len(NEWS_CASES))]
)
def test_news_case(text: str, expected: list[str] | None) -> None:
    """``None`` means: one sentence, the whole text."""
    sentences = split_sentences(text)
    assert_offsets(text, sentences)
    assert [s.text for s in sentences] == (expected if expected is not None else [text])


def test_user_abbreviations_extend_the_shipped_list() -> None:
    text = "He joined Halden Bros. Ltd. in Oct. Then Acme Hldgs. Group bought it."
    assert texts(text) == ["He joined Halden Bros. Ltd. in Oct.", "Then Acme Hldgs.", "Group bought it."]
    for extra in (["Hldgs."], ["hldgs"], ("hldgs.",), iter(["Hldgs"])):
        # still knows Bros., Ltd. and Oct. from the shipped list; case-insensitive for lower-case entries
        assert texts(text, abbreviations=extra) == [
            "He joined Halden Bros. Ltd. in Oct.",
            "Then Acme Hldgs. Group bought it.",
        ]
    assert texts("The Cpt. Rao case.", abbreviations=["Cpt."]) == ["The Cpt. Rao case."]
    assert texts("I saw a cpt. Rao left.", abbreviations=["Cpt."]) == ["I saw a cpt.", "Rao left."], (
        "capitalised entries are exact"
    )
    assert texts(text, abbreviations=["HLDGS."]) == texts(text), (
        "an entry with capitals matches only as written"
    )
    assert texts(text, abbreviations=[]) == texts(text)


def test_paragraph_numbers() -> None:
    text = "\n\nHeadline here\n\n\n\nFirst. Second.\r\n  \r\nThird one\nstill third.\n\n"
    sentences = split_sentences(text)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Headline here", 0),
        ("First.", 1),
        ("Second.", 1),
        ("Third one\nstill third.", 2),
    ]
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["Headline here", "First. Second.", "Third one\nstill third."]
    for s in sentences:
        p = paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end


def test_empty_and_whitespace() -> None:
    for text in ("", " ", "\n\n", "\r\n \t\u2029\xa0"):
        assert split_sentences(text) == []
        assert split_paragraphs(text) == []


@pytest.mark.parametrize("bad", [b"Hello. World.", None, 42, ["Hello."]])
def test_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects text as str"):
        split_sentences(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects text as str"):
        split_paragraphs(bad)  # type: ignore[arg-type]


def test_bytes_error_says_how_to_fix_it() -> None:
    with pytest.raises(TypeError, match="decode"):
        split_sentences(b"Hello.")  # type: ignore[arg-type]


def test_bad_abbreviations_are_type_errors() -> None:
    with pytest.raises(TypeError, match="not a string"):
        split_sentences("Hi.", abbreviations="Inc.")
    with pytest.raises(TypeError, match="must contain strings"):
        split_sentences("Hi.", abbreviations=["Inc.", 3])  # type: ignore[list-item]


def test_results_are_ordinary_sentences() -> None:
    """The fast constructor builds objects equal to (and as hashable as) validated ones."""
    got = split_sentences("Hi there. Bye.")
    want = [Sentence(0, 9, "Hi there.", 0), Sentence(10, 14, "Bye.", 0)]
    assert got == want and {hash(s) for s in got} == {hash(s) for s in want}


def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert_offsets(text, sentences)
    found = [s.text for s in sentences]
    assert found[0] == "Angry vigils mark death anniversary of Soleimani and Muhandis in Iraq"
    # a long quote with "U.S." inside stays one sentence, its attribution included
    quote = next(t for t in found if t.startswith('"Trump called me'))
    assert "U.S. air strikes" in quote and quote.endswith("Abu Mahdi al-Muhandis.")
    assert "He coordinated the activities of militias loyal to Iran in Iraq and other countries." in found
    paragraphs = split_paragraphs(text)
    assert sentences[-1].paragraph == len(paragraphs) - 1


# --- (c) exact offsets --------------------------------------------------------------------------
def test_offsets_with_crlf_and_cr() -> None:
    text = "Title line\r\n\r\nFirst one. Second one.\r\nStill second?\rThird!\r\rNew para."
    sentences = split_sentences(text)
    assert_offsets(text, sentences)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Title line", 0),
        ("First one.", 1),
        ("Second one.", 1),
        ("Still second?", 1),
        ("Third!", 1),
        ("New para.", 2),
    ]


def test_offsets_with_odd_unicode() -> None:
    text = (
        "\ufeffCafe\u0301 owners 👩‍👩‍👧 met. Ελλάδα said no.\u2028Next line 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 here. "
        "قال الوزير. \u200bZero\u200b-width. Tab\there.\u00a0 NBSP\u202fend.\x1c\x1dLast. Ω!"
    )
    sentences = split_sentences(text)
    assert_offsets(text, sentences)
    assert sentences[0].text == "\ufeffCafe\u0301 owners 👩‍👩‍👧 met."
    assert "Ελλάδα said no." in [s.text for s in sentences]
    assert sentences[-1].text == "Ω!"
    # every non-space character is inside some sentence
    covered = "".join(text[a.end : b.start] for a, b in itertools.pairwise(sentences))
    assert covered.strip() == ""


def test_whitespace_classes_agree_with_str() -> None:
    """Trimming uses str.strip(), line breaks follow str.splitlines(): the patterns must agree."""
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = {c for c in every_char if c.isspace()}
    breaks = {c for c in spaces if len(f"a{c}b".splitlines()) == 2}
    assert set(regex.findall(segment_patterns._WS, every_char)) == spaces
    assert set(regex.findall(segment_patterns._NL, every_char)) == breaks
    assert set(regex.findall(segment_patterns._HS, every_char)) == spaces - breaks
    assert regex.fullmatch(segment_patterns._NL, "\r\n"), "CRLF is one line break"


# --- (d) properties -----------------------------------------------------------------------------
_PIECES = [
    ".",
    "?",
    "!",
    "…",
    "...",
    ". . .",
    "?!",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u2029",
    "\u2028",
    "\t",
    "\xa0",
    "\x1c",
    "•",
    "⁃",
    "-",
    "Mr",
    "U.S",
    "He",
    "the",
    "e.g",
    "A",
    "a",
    "I",
    "1",
    "2",
    "10",
    "$3.5",
    "Inc",
    "example.com",
    "said",
]
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_properties(text: str) -> None:
    sentences = split_sentences(text)
    assert_offsets(text, sentences)
    # nothing but whitespace is left out
    edges = [0, *(x for s in sentences for x in (s.start, s.end)), len(text)]
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        assert text[a:b].strip() == "", (a, b)
    # a sentence never spans a paragraph break, and its paragraph number points at its paragraph
    paragraphs = split_paragraphs(text)
    for s in sentences:
        p = paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end, (s, p)
    for p in paragraphs:
        assert text[p.start : p.end] == p.text and p.text == p.text.strip()
    # explain sees the same decisions
    assert all(d.kind in KINDS for d in explain(text))


@settings(max_examples=100, deadline=None)
@given(_TEXTS, st.lists(st.text(max_size=6), max_size=4))
def test_properties_with_abbreviations(text: str, extra: list[str]) -> None:
    assert_offsets(text, split_sentences(text, abbreviations=extra))


# --- (e) hostile input --------------------------------------------------------------------------
PATHOLOGICAL = {
    "1MB without a full stop": "word " * 200_000,
    "100k full stops": "." * 100_000,
    "100k spaced full stops": ". " * 100_000,
    "100k one-letter sentences": "a. " * 50_000 + "A. " * 50_000,
    "10k ellipses": "..." * 10_000,
    "10k spaced ellipses": "... " * 10_000,
    "10k dotted ellipses": ". . . " * 10_000 + "x",
    "100k terminators, no space": "?!" * 50_000 + "x",
    "100k closers": "." + '"”’)]' * 20_000 + "x",
    "100k newlines": "\n" * 100_000,
    "100k single lines": "A\n" * 100_000,
    "100k list markers": "1) " * 50_000 + "1. " * 50_000,
    "100k bullets": "•" * 100_000,
    "1MB of spaces then text": " " * 1_000_000 + "End. Now.",
    "long tokens": ("x" * 10_000 + ". ") * 50,
    "long CRLF blank run": "A.\r\n" + " \r\n" * 100_000 + "B.",
}


@pytest.mark.parametrize("text", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_pathological_input_finishes(text: str) -> None:
    sentences = split_sentences(text)
    assert_offsets(text, sentences)
    paragraphs = split_paragraphs(text)
    assert all(text[p.start : p.end] == p.text for p in paragraphs)


# --- the rule table and the lexicons ------------------------------------------------------------
@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_rule_decides_its_own_example(rule: Rule) -> None:
    assert rule.name in [d.rule for d in explain(rule.example)], rule.example


def test_rule_table_shape() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for kind in KINDS:
        last = [r for r in RULES if r.kind == kind][-1]
        assert not last.when and not last.unless, f"{kind} needs a default rule last, got {last.name}"
    with pytest.raises(ValueError, match="unknown feature"):
        Rule("x", "term", lambda s: None, "x", when=frozenset({"no_such_feature"}))


def test_explain_reports_the_deciding_rule() -> None:
    decisions = explain("Mr. Smith lives in the U.S. He likes it.")
    assert [(d.rule, d.boundary) for d in decisions] == [
        ("prefix_abbreviation", None),
        ("abbreviation_then_starter", 27),
        ("nothing_follows", 40),
    ]


def test_lexicons_are_clean() -> None:
    keys = [k.lower() for k in ABBREVIATIONS]
    assert not [k for k, n in Counter(keys).items() if n > 1], "an abbreviation listed twice"
    assert all(k.endswith(".") for k in ABBREVIATIONS)
    assert {"mr.", "gen.", "u.s.", "e.g.", "no.", "jan.", "sept.", "Calif.", "Mass."} <= ABBREVIATIONS.keys()
    assert set(ABBREVIATIONS.values()) <= {"general", "prefix", "number"}
    assert all(w[0].isupper() for w in SENTENCE_STARTERS)
    assert {"He", "She", "The", "It", "But"} <= SENTENCE_STARTERS
    assert all(v == v.lower() for v in ATTRIBUTION_VERBS)
