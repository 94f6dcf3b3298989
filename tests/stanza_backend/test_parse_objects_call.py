"""The parse reader reads the object-and-complement frames of issue 14 from the surface rows: a name
cue's object and predicate ("called the charges unsubstantiated", "called the plan a ploy"), a verdict
cue's label adjective or gerund ("dismissed the report as fake"), a ``thank`` verdict's reason, a
propositional cue's person judged with a reason ("praised the mayor for acting fast"), and a cue whose
particle stands after a time word ("called Friday for stricter limits"). Hand-parsed in
the compact ``form/UPOS/head/deprel`` form of ``test_parse_frames.py``; every case is checked against
the surface reader too.
"""

from __future__ import annotations

import attrs
import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed: pip install quoteattr[stanza]")

from test_parse_frames import case_table_tests, conllu, parse_sentence  # noqa: E402

from quoteattr import extract  # noqa: E402
from quoteattr.backends.stanza import from_conllu, from_stanza  # noqa: E402
from quoteattr.language import english  # noqa: E402
from quoteattr.model import Result  # noqa: E402
from quoteattr.parse_rules import attribute  # noqa: E402

# (text, tokens, expected rows: kind, quote text, cue, speaker, speaker kind, evidence prefix)
Row = tuple[str, str, str, str, str, str]
CASES: dict[str, tuple[str, str, list[Row]]] = {
    "name-predicate-participle": (
        "The campaign called the charges unsubstantiated.",
        "The/DET/2/det campaign/NOUN/3/nsubj called/VERB/0/root the/DET/5/det charges/NOUN/3/obj "
        "unsubstantiated/ADJ/3/xcomp ./PUNCT/3/punct",
        [
            (
                "indirect",
                "the charges unsubstantiated",
                "called",
                "The campaign",
                "nominal",
                "parse:nsubj+name",
            )
        ],
    ),
    "name-predicate-label": (
        "Critics called the plan a ploy.",
        "Critics/NOUN/2/nsubj called/VERB/0/root the/DET/4/det plan/NOUN/2/obj a/DET/6/det ploy/NOUN/2/xcomp "
        "./PUNCT/2/punct",
        [("indirect", "the plan a ploy", "called", "Critics", "nominal", "parse:nsubj+name")],
    ),
    "name-predicate-adjective-list": (
        "The mayor called the report fake.",
        "The/DET/2/det mayor/NOUN/3/nsubj called/VERB/0/root the/DET/5/det report/NOUN/3/obj "
        "fake/ADJ/3/xcomp ./PUNCT/3/punct",
        [("indirect", "the report fake", "called", "The mayor", "nominal", "parse:nsubj+name")],
    ),
    "name-without-predicate-is-no-speech": (
        "The neighbour called the police.",
        "The/DET/2/det neighbour/NOUN/3/nsubj called/VERB/0/root the/DET/5/det police/NOUN/3/obj "
        "./PUNCT/3/punct",
        [],
    ),
    "name-time-after-object-is-no-speech": (
        "She called him on Tuesday.",
        "She/PRON/2/nsubj called/VERB/0/root him/PRON/2/obj on/ADP/5/case Tuesday/PROPN/2/obl "
        "./PUNCT/2/punct",
        [],
    ),
    "name-to-order-is-no-speech": (
        "The chairman called the hearing to order.",
        "The/DET/2/det chairman/NOUN/3/nsubj called/VERB/0/root the/DET/5/det hearing/NOUN/3/obj "
        "to/ADP/7/case order/NOUN/3/obl ./PUNCT/3/punct",
        [],
    ),
    "verdict-label-adjective": (
        "The minister dismissed the report as fake.",
        "The/DET/2/det minister/NOUN/3/nsubj dismissed/VERB/0/root the/DET/5/det report/NOUN/3/obj "
        "as/ADP/7/mark fake/ADJ/3/xcomp ./PUNCT/3/punct",
        [("indirect", "the report as fake", "dismissed", "The minister", "nominal", "parse:nsubj+obj")],
    ),
    "verdict-dismiss-deed": (
        "The judge dismissed the case.",
        "The/DET/2/det judge/NOUN/3/nsubj dismissed/VERB/0/root the/DET/5/det case/NOUN/3/obj "
        "./PUNCT/3/punct",
        [],
    ),
    "verdict-thank-reason": (
        "The mayor thanked voters for backing the bond.",
        "The/DET/2/det mayor/NOUN/3/nsubj thanked/VERB/0/root voters/NOUN/3/obj for/SCONJ/6/mark "
        "backing/VERB/3/advcl the/DET/8/det bond/NOUN/6/obj ./PUNCT/3/punct",
        [("indirect", "voters for backing the bond", "thanked", "The mayor", "nominal", "parse:nsubj+obj")],
    ),
    "verdict-thank-without-reason": (
        "The mayor thanked voters.",
        "The/DET/2/det mayor/NOUN/3/nsubj thanked/VERB/0/root voters/NOUN/3/obj ./PUNCT/3/punct",
        [],
    ),
    "prop-person-with-reason": (
        "The union praised the mayor for acting fast.",
        "The/DET/2/det union/NOUN/3/nsubj praised/VERB/0/root the/DET/5/det mayor/NOUN/3/obj "
        "for/SCONJ/7/mark acting/VERB/3/advcl fast/ADV/7/advmod ./PUNCT/3/punct",
        [("indirect", "the mayor for acting fast", "praised", "The union", "nominal", "parse:nsubj+obj")],
    ),
    "prop-blame-definite-reason": (
        "Residents blamed the company for the outage.",
        "Residents/NOUN/2/nsubj blamed/VERB/0/root the/DET/4/det company/NOUN/2/obj for/ADP/7/case "
        "the/DET/7/det outage/NOUN/2/obl ./PUNCT/2/punct",
        [("indirect", "the company for the outage", "blamed", "Residents", "nominal", "parse:nsubj+obj")],
    ),
    "prop-person-for-a-duration": (
        "The inspector questioned the driver for an hour.",
        "The/DET/2/det inspector/NOUN/3/nsubj questioned/VERB/0/root the/DET/5/det driver/NOUN/3/obj "
        "for/ADP/8/case an/DET/8/det hour/NOUN/3/obl ./PUNCT/3/punct",
        [],
    ),
    "call-on-listener-joins-content": (
        "The family called on officials to release the videos.",
        "The/DET/2/det family/NOUN/3/nsubj called/VERB/0/root on/ADP/5/case officials/NOUN/3/obl "
        "to/PART/7/mark release/VERB/3/xcomp the/DET/9/det videos/NOUN/7/obj ./PUNCT/3/punct",
        [
            (
                "indirect",
                "officials to release the videos",
                "called on",
                "The family",
                "nominal",
                "parse:nsubj+obj",
            )
        ],
    ),
    "obj-occasion-is-no-content": (
        "The team called for the first time in years.",
        "The/DET/2/det team/NOUN/3/nsubj called/VERB/0/root for/ADP/7/case the/DET/7/det first/ADJ/7/amod "
        "time/NOUN/3/obl in/ADP/9/case years/NOUN/7/nmod ./PUNCT/3/punct",
        [],
    ),
    "obj-more-time-is-content": (
        "The union called for more time.",
        "The/DET/2/det union/NOUN/3/nsubj called/VERB/0/root for/ADP/6/case more/ADJ/6/amod time/NOUN/3/obl "
        "./PUNCT/3/punct",
        [("indirect", "more time", "called for", "The union", "nominal", "parse:nsubj+obj")],
    ),
    "verdict-end-during": (
        "The coach attacked the referees for ignoring fouls during the final.",
        "The/DET/2/det coach/NOUN/3/nsubj attacked/VERB/0/root the/DET/5/det referees/NOUN/3/obj "
        "for/SCONJ/7/mark ignoring/VERB/3/advcl fouls/NOUN/7/obj during/ADP/11/case the/DET/11/det "
        "final/NOUN/3/obl ./PUNCT/3/punct",
        [
            (
                "indirect",
                "the referees for ignoring fouls",
                "attacked",
                "The coach",
                "nominal",
                "parse:nsubj+obj",
            )
        ],
    ),
    "split-particle-time": (
        "The harbour master called Friday for stricter speed limits.",
        "The/DET/3/det harbour/NOUN/3/compound master/NOUN/4/nsubj called/VERB/0/root "
        "Friday/PROPN/4/obl:tmod for/ADP/9/case stricter/ADJ/9/amod speed/NOUN/9/compound "
        "limits/NOUN/4/obl ./PUNCT/4/punct",
        [("indirect", "stricter speed limits", "called", "The harbour master", "nominal", "parse:nsubj+obj")],
    ),
    "split-particle-adverb-gerund": (
        "The union called again for releasing the footage.",
        "The/DET/2/det union/NOUN/3/nsubj called/VERB/0/root again/ADV/3/advmod for/SCONJ/6/mark "
        "releasing/VERB/3/advcl the/DET/8/det footage/NOUN/6/obj ./PUNCT/3/punct",
        [("indirect", "releasing the footage", "called", "The union", "nominal", "parse:nsubj+obj")],
    ),
    "split-particle-needs-a-time-word": (
        "The team called him for dinner.",
        "The/DET/2/det team/NOUN/3/nsubj called/VERB/0/root him/PRON/3/obj for/ADP/6/case dinner/NOUN/3/obl "
        "./PUNCT/3/punct",
        [],
    ),
}


def _parse(name: str) -> Result:
    text, tokens, _ = CASES[name]
    return parse_sentence(text, tokens)


test_parse_frame, test_surface_and_parse_agree = case_table_tests(CASES)


@pytest.mark.parametrize(
    ("name", "word_class"),
    [("name-predicate-adjective-list", "predicate"), ("name-predicate-label", "label")],
)
def test_the_name_predicate_reads_the_function_word_classes(name: str, word_class: str) -> None:
    """Without its ``function_words.tsv`` class neither reader finds the predicate: the words are data."""
    text, tokens, _ = CASES[name]
    lang = english()
    bare = attrs.evolve(lang, words={k: v for k, v in lang.words.items() if k != word_class})
    for language, expected in ((lang, 1), (bare, 0)):
        parsed = attribute(from_stanza(from_conllu(conllu(text, tokens))), language).quotes
        assert len(parsed) == expected


def test_call_on_names_its_addressee_in_both_readers() -> None:
    """ "called on officials to release …": the one asked to act opens the content and is its addressee."""
    text = CASES["call-on-listener-joins-content"][0]
    for quotes in (_parse("call-on-listener-joins-content").quotes, extract(text).quotes):
        (q,) = quotes
        assert q.addressee is not None and q.addressee.text == "officials"
