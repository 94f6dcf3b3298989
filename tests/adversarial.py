"""Generators of hostile documents: the adversarial corpus is built by code, never stored.

Each generator takes a scale ``n`` and returns a string whose length grows linearly with ``n``, so
``benchmarks/linearity.py`` can time it at 1x and 10x. :data:`CORPUS` lists them with the scale the
test suite runs (``test``) and the scale of the issue's description (``full``). All are deterministic.

Print one by hand (from the repository root)::

    PYTHONPATH=tests python -c "import adversarial as a; print(a.CORPUS['html_soup'].make(3))"
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import attrs

#: Quote marks of every style in ``lexicons/quote_marks.tsv`` (openers and closers).
OPENERS = "\"'“”‘«»„‚‹「『〝＂"
CLOSERS = "\"'”“’»«“‘›」』〞＂"

_SENTENCES = (
    '"We will not close a single library this year," Mara Quill said on Tuesday.',
    "Tomas Vey, the city treasurer, said that the budget would be tight.",
    "According to the council, the bridge will reopen in May.",
    'He added: "It is over, and we will rebuild it."',
    "The spokesman told reporters that talks would resume after the vote.",
    "Officials denied the report.",
    "She called the plan a “disgrace to the city” and asked whether it was legal.",
    "Ines Okafor, 54, a nurse from the north district, said she had waited two hours.",
    "Shares fell 3.5% on Monday in New York, the U.S. exchange said.",
    "The mayor did not respond to a request for comment.",
)


def unbalanced_quotes(n: int) -> str:
    """``n`` opening quote marks that never close, of every style, between words."""
    return "".join(f"{OPENERS[i % len(OPENERS)]}word{i % 7} " for i in range(n))


def bare_quote_marks(n: int) -> str:
    """``n`` quote marks with nothing else: the pairing stack at its worst."""
    return "".join(OPENERS[i % len(OPENERS)] for i in range(n))


def alternating_styles(n: int) -> str:
    """Styles that open and close in crossing order: “a ‘b” c’ «d „e» f“ …"""
    pieces = ("“a ‘b” c’ ", "«d „e» f“ ", "「g ‹h」 i› ", "\"j 'k\" l' ", "『m 〝n』 o〞 ")
    return "".join(pieces[i % len(pieces)] for i in range(n))


def no_full_stop(n: int) -> str:
    """About ``n`` characters of words with no sentence end at all."""
    words = ("the", "plan", "said", "would", "resume", "Quill", "told", "officials", "that", "bridge")
    return " ".join(words[i % len(words)] for i in range(n // 6))


def full_stops(n: int) -> str:
    """``n`` full stops."""
    return "." * n


def spaced_full_stops(n: int) -> str:
    """``n`` full stops separated by spaces (every one a candidate sentence end)."""
    return ". " * n


def nested_brackets(n: int) -> str:
    """``n`` opening brackets of three kinds, a cue, then ``n`` closing ones."""
    opening = "".join("([{"[i % 3] for i in range(n))
    closing = "".join(")]}"[i % 3] for i in reversed(range(n)))
    return f'{opening}"Yes," Mara Quill said{closing}.'


def said_run(n: int) -> str:
    """``n`` reporting verbs in a row."""
    return "Mara Quill " + "said " * n + "that it works."


def x_he_said(n: int) -> str:
    """``"x," he said`` repeated ``n`` times with no full stop: one giant sentence full of quotes."""
    return '"x," he said ' * n


def x_he_said_sentences(n: int) -> str:
    """``"Yes," he said.`` repeated ``n`` times: many short units, each attributed."""
    return '"Yes," he said. ' * n


def paragraph(n: int) -> str:
    """About ``n`` characters of news sentences in one paragraph (no blank line anywhere)."""
    out: list[str] = []
    size = 0
    i = 0
    while size < n:
        s = _SENTENCES[i % len(_SENTENCES)]
        out.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(out)


def html_soup(n: int) -> str:
    """``n`` fragments of broken HTML: attributes in quotes, entities, scripts, unclosed tags."""
    rng = random.Random(6)
    fragments = (
        '<div class="story" data-x=\'{"a": "b"}\'>',
        '<p>"We will win," <b>Mara Quill</b> said.</p>',
        "<script>var s = \"it's\" + '\"'; if (a < b && c > d) {}</script>",
        "&quot;Quoted&quot; &amp; &#8220;curly&#8221; &lt;tag&gt;",
        '<a href="https://example.com/?q=\'x\'&y="1"">link</a>',
        "<br/><br/>\n\n",
        "<td>said</td><td>“</td><td>told</td>",
        '<!-- " unclosed comment -->',
        "<p class=quote>„Nein“, sagte sie.",
        "</div></span></p>",
    )
    return "".join(fragments[rng.randrange(len(fragments))] for _ in range(n))


def mixed_scripts(n: int) -> str:
    """``n`` sentences in Arabic, Chinese, Cyrillic, German and French with their own quote marks."""
    sentences = (
        "قال الوزير «سنعيد فتح الجسر» يوم الاثنين.",
        "他说：“我们会赢。”「はい」と彼女は言った。",
        "«Мы не закроем ни одной библиотеки», — сказал Иван Петров.",
        "„Wir schaffen das“, sagte die Ministerin.",
        "« Nous gagnerons », a déclaré Marie Dupont.",
        "“Mixed ‘styles’ «here»,” Mara Quill said.",
    )
    return " ".join(sentences[i % len(sentences)] for i in range(n))


def spaces_in_mention(n: int) -> str:
    """A speaker name with ``n`` spaces inside it (once cubic in the coreference step)."""
    return "Mara" + " " * n + "Quill said that it works."


def distinct_speakers(n: int) -> str:
    """``n`` different speakers, each quoted once, then referred to by a pronoun."""
    return "".join(f"Ab{i:x} Cd{i:x} said that the plan works. He added that it is fine. " for i in range(n))


def lookalike_speakers(n: int) -> str:
    """``n`` different speakers who all share one word of their names."""
    return "".join(f"Al Vey{i:x} said that the plan works. " for i in range(n))


def one_speaker(n: int) -> str:
    """One speaker quoted ``n`` times (once quadratic in mentions per entity)."""
    return '"It works," Mara Quill said. ' * n


def nominal_speakers(n: int) -> str:
    """``n`` quotes attributed to a role ("the spokesman"), each looked up in the text before it."""
    return "Spokesman Karl Vos spoke. " + "The spokesman said that it works. " * n


def multi_paragraph_quotes(n: int) -> str:
    """``n`` paragraphs that each open a quotation and continue it in the next."""
    return '"One two three four five six seven\n\n' * n


def deep_quote_nesting(n: int) -> str:
    """Quotes nested ``n`` deep (beyond the pairing stack's limit), then closed."""
    return "".join(f"{'“‘'[i % 2]}w{i % 10} " for i in range(n)) + "".join("’”"[i % 2] for i in range(n))


def single_letters(n: int) -> str:
    """``n`` one-letter words: one sentence with ``n`` tokens."""
    return "a " * n


def long_word(n: int) -> str:
    """A capitalised word of ``n`` letters before a cue, and one lower-case word of ``n`` letters."""
    return "A" * n + " he said that it works. " + "x" * n + " told me."


def control_soup(n: int) -> str:
    """``n`` pieces of NUL, controls, lone surrogates, zero-width and bidi marks, combining marks, emoji."""
    rng = random.Random(66)
    pieces = (
        "\x00",
        "\x01",
        "\x1b",
        "\x7f",
        "\ud800",
        "\udfff",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u202e",
        "\u2066",
        "\u0301",
        "e\u0301\u0301",
        "👨\u200d👩\u200d👧",
        "🇫🇷",
        "İ",
        "ß",
        "\x1c",
        "\x85",
        "\u2028",
        "\u2029",
        " said ",
        ' "',
        '" ',
        "\r",
        "\r\n",
        ". ",
        "\u3000",
        "Quill",
    )
    return "".join(pieces[rng.randrange(len(pieces))] for _ in range(n))


def line_breaks(n: int) -> str:
    """``n`` short lines with every kind of line break, list markers and headings."""
    breaks = ("\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\n\n")
    lines = ("HEADLINE HERE", "1. first item", "- a dash item", "• bullet", '"Yes," he said', "a) lower item")
    return "".join(lines[i % len(lines)] + breaks[i % len(breaks)] for i in range(n))


def inline_list(n: int) -> str:
    """An inline numbered list of ``n`` items in one paragraph (numbering restarts after 999)."""
    return "".join(f"{i % 999 + 1}. item {i % 999 + 1} " for i in range(n))


def ellipses(n: int) -> str:
    """``n`` spaced ellipses with words between them."""
    return "Quill said . . . " * n


def abbreviations(n: int) -> str:
    """``n`` abbreviations and initials in a row (each a candidate sentence end)."""
    items = ("Mr.", "U.S.", "J.", "No.", "Jan.", "etc.", "p.m.", "Gen.")
    return " ".join(items[i % len(items)] for i in range(n)) + " said that it works."


def crlf_only(n: int) -> str:
    """``n`` Windows line breaks and lone carriage returns, nothing else."""
    return "\r\n\r" * n


def coordinated_cues(n: int) -> str:
    """One subject with ``n`` coordinated reporting verbs."""
    return "Mara Quill said the plan was over" + " and said the plan was over" * n + "."


def comma_reports(n: int) -> str:
    """One sentence of ``n`` comma-joined short reports ("…, men say x, men say x, …"): each cue's left
    material used to be re-read from the sentence start (quadratic)."""
    return "Ruiz said nothing" + ", men say x" * n + "."


def according_chain(n: int) -> str:
    """``according to`` followed by ``n`` comma-separated names."""
    return "According to " + "Quill, " * n + "it works."


def apostrophes(n: int) -> str:
    """Apostrophes that look like single quotes: ``don't``, ``'90s``, ``rock 'n' roll``, ``players'``."""
    return "don't 'n' '90s players' rock 'n' roll ' " * n


@attrs.frozen
class Case:
    """One generator with the scale the tests run and the scale of the issue's description."""

    name: str
    make: Callable[[int], str]
    test: int
    full: int


CASES: tuple[Case, ...] = (
    Case("unbalanced_quotes", unbalanced_quotes, 100_000, 100_000),
    Case("bare_quote_marks", bare_quote_marks, 100_000, 100_000),
    Case("alternating_styles", alternating_styles, 20_000, 20_000),
    Case("no_full_stop", no_full_stop, 1_000_000, 1_000_000),
    Case("full_stops", full_stops, 1_000_000, 1_000_000),
    Case("spaced_full_stops", spaced_full_stops, 200_000, 500_000),
    Case("nested_brackets", nested_brackets, 10_000, 10_000),
    Case("said_run", said_run, 5_000, 5_000),
    Case("x_he_said", x_he_said, 20_000, 20_000),
    Case("x_he_said_sentences", x_he_said_sentences, 20_000, 20_000),
    Case("paragraph", paragraph, 200_000, 20_000_000),
    Case("html_soup", html_soup, 5_000, 50_000),
    Case("mixed_scripts", mixed_scripts, 5_000, 50_000),
    Case("spaces_in_mention", spaces_in_mention, 100_000, 1_000_000),
    Case("distinct_speakers", distinct_speakers, 3_000, 30_000),
    Case("lookalike_speakers", lookalike_speakers, 3_000, 30_000),
    Case("one_speaker", one_speaker, 5_000, 30_000),
    Case("nominal_speakers", nominal_speakers, 1_000, 10_000),
    Case("multi_paragraph_quotes", multi_paragraph_quotes, 5_000, 50_000),
    Case("deep_quote_nesting", deep_quote_nesting, 10_000, 10_000),
    Case("single_letters", single_letters, 200_000, 500_000),
    Case("long_word", long_word, 200_000, 1_000_000),
    Case("control_soup", control_soup, 50_000, 500_000),
    Case("line_breaks", line_breaks, 20_000, 100_000),
    Case("inline_list", inline_list, 10_000, 100_000),
    Case("ellipses", ellipses, 10_000, 100_000),
    Case("abbreviations", abbreviations, 20_000, 100_000),
    Case("crlf_only", crlf_only, 100_000, 1_000_000),
    Case("coordinated_cues", coordinated_cues, 3_000, 20_000),
    Case("according_chain", according_chain, 5_000, 50_000),
    Case("comma_reports", comma_reports, 3_000, 20_000),
    Case("apostrophes", apostrophes, 10_000, 100_000),
)
CORPUS: dict[str, Case] = {c.name: c for c in CASES}


def documents(scale: float = 1.0) -> Iterator[tuple[str, str]]:
    """``(name, text)`` for every case at ``scale`` times its test size."""
    for case in CASES:
        yield case.name, case.make(max(1, int(case.test * scale)))
