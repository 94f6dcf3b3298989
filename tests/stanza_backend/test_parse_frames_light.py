"""The parse reader reads the surface frames added for issue 14 from the same rows: propositional
objects (``prop`` cues, a time adjunct before the object), the ``verdict`` cue frame (speech only with
a reason or a label after the object), ``said-anaphor`` ("said as much") and ``noun-light`` ("voiced
concerns about …"). Documents are hand-parsed in the compact ``form/UPOS/head/deprel`` form of
``test_parse_frames.py``; every positive case is also checked against the surface reader.
"""

from __future__ import annotations

import attrs
import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed: pip install quoteattr[stanza]")

from test_parse_frames import case_table_tests, conllu, parse_sentence  # noqa: E402

from quoteattr import extract  # noqa: E402
from quoteattr.backends.stanza import from_conllu, from_stanza  # noqa: E402
from quoteattr.frames import FRAME  # noqa: E402
from quoteattr.language import Language, english  # noqa: E402
from quoteattr.model import Result  # noqa: E402
from quoteattr.parse_rules import attribute  # noqa: E402

# (text, tokens, expected rows: kind, quote text, cue, speaker, speaker kind, evidence prefix)
Row = tuple[str, str, str, str, str, str]
CASES: dict[str, tuple[str, str, list[Row]]] = {
    # --- prop cues: an object that is content, a time adjunct before it skipped -----------------------
    "prop-announce-time-before-object": (
        "The ministry announced on Friday the arrest of a suspect.",
        "The/DET/2/det ministry/NOUN/3/nsubj announced/VERB/0/root on/ADP/5/case Friday/PROPN/3/obl "
        "the/DET/7/det arrest/NOUN/3/obj of/ADP/10/case a/DET/10/det suspect/NOUN/7/nmod ./PUNCT/3/punct",
        [("indirect", "the arrest of a suspect", "announced", "The ministry", "nominal", "parse:nsubj+obj")],
    ),
    "prop-note": (
        "The auditor noted the irony of the delay.",
        "The/DET/2/det auditor/NOUN/3/nsubj noted/VERB/0/root the/DET/5/det irony/NOUN/3/obj of/ADP/8/case "
        "the/DET/8/det delay/NOUN/5/nmod ./PUNCT/3/punct",
        [("indirect", "the irony of the delay", "noted", "The auditor", "nominal", "parse:nsubj+obj")],
    ),
    "prop-describe": (
        "The guide described the risks of the climb.",
        "The/DET/2/det guide/NOUN/3/nsubj described/VERB/0/root the/DET/5/det risks/NOUN/3/obj "
        "of/ADP/8/case the/DET/8/det climb/NOUN/5/nmod ./PUNCT/3/punct",
        [("indirect", "the risks of the climb", "described", "The guide", "nominal", "parse:nsubj+obj")],
    ),
    "prop-person-object-is-no-content": (
        "The officer described the driver.",
        "The/DET/2/det officer/NOUN/3/nsubj described/VERB/0/root the/DET/5/det driver/NOUN/3/obj "
        "./PUNCT/3/punct",
        [],
    ),
    # --- verdict cues: a reason or a label after the object ------------------------------------------
    "verdict-reason-gerund": (
        "The senator attacked the agency for hiding the report.",
        "The/DET/2/det senator/NOUN/3/nsubj attacked/VERB/0/root the/DET/5/det agency/NOUN/3/obj "
        "for/SCONJ/7/mark hiding/VERB/3/advcl the/DET/9/det report/NOUN/7/obj ./PUNCT/3/punct",
        [
            (
                "indirect",
                "the agency for hiding the report",
                "attacked",
                "The senator",
                "nominal",
                "parse:nsubj+obj",
            )
        ],
    ),
    "verdict-label": (
        "Critics attacked the plan as a tax on commuters.",
        "Critics/NOUN/2/nsubj attacked/VERB/0/root the/DET/4/det plan/NOUN/2/obj as/ADP/7/case a/DET/7/det "
        "tax/NOUN/2/obl on/ADP/9/case commuters/NOUN/7/nmod ./PUNCT/2/punct",
        [("indirect", "the plan as a tax on commuters", "attacked", "Critics", "nominal", "parse:nsubj+obj")],
    ),
    "verdict-reason-possessive": (
        "The coach attacked referees for their decisions.",
        "The/DET/2/det coach/NOUN/3/nsubj attacked/VERB/0/root referees/NOUN/3/obj for/ADP/7/case "
        "their/PRON/7/nmod:poss decisions/NOUN/3/obl ./PUNCT/3/punct",
        [("indirect", "referees for their decisions", "attacked", "The coach", "nominal", "parse:nsubj+obj")],
    ),
    "verdict-deed-is-no-speech": (
        "Rebels attacked the convoy.",
        "Rebels/NOUN/2/nsubj attacked/VERB/0/root the/DET/4/det convoy/NOUN/2/obj ./PUNCT/2/punct",
        [],
    ),
    "verdict-for-without-reason-is-no-speech": (
        "Rebels attacked the convoy for the second time.",
        "Rebels/NOUN/2/nsubj attacked/VERB/0/root the/DET/4/det convoy/NOUN/2/obj for/ADP/8/case "
        "the/DET/8/det second/ADJ/8/amod time/NOUN/2/obl ./PUNCT/2/punct",
        [],
    ),
    # --- said-anaphor: an object that stands for what was said before ---------------------------------
    "anaphor-as-much": (
        "Her deputy has said as much.",
        "Her/PRON/2/nmod:poss deputy/NOUN/4/nsubj has/AUX/4/aux said/VERB/0/root as/ADV/6/advmod "
        "much/ADJ/4/obj ./PUNCT/4/punct",
        [("indirect", "as much", "said", "Her deputy", "nominal", "parse:nsubj+said-anaphor")],
    ),
    "anaphor-lead-on-the-verb": (
        "The coach has said as much.",
        "The/DET/2/det coach/NOUN/4/nsubj has/AUX/4/aux said/VERB/0/root as/ADV/4/advmod much/ADV/4/advmod "
        "./PUNCT/4/punct",
        [("indirect", "as much", "said", "The coach", "nominal", "parse:nsubj+said-anaphor")],
    ),
    "anaphor-same-thing": (
        "The coach said the same thing.",
        "The/DET/2/det coach/NOUN/3/nsubj said/VERB/0/root the/DET/6/det same/ADJ/6/amod thing/NOUN/3/obj "
        "./PUNCT/3/punct",
        [("indirect", "the same thing", "said", "The coach", "nominal", "parse:nsubj+said-anaphor")],
    ),
    "anaphor-his-piece": (
        "Ruiz said his piece.",
        "Ruiz/PROPN/2/nsubj said/VERB/0/root his/PRON/4/nmod:poss piece/NOUN/2/obj ./PUNCT/2/punct",
        [("indirect", "his piece", "said", "Ruiz", "name", "parse:nsubj+said-anaphor")],
    ),
    "anaphor-same-of-topic-on-the-verb": (
        "The rival said the same of the mayor.",
        "The/DET/2/det rival/NOUN/3/nsubj said/VERB/0/root the/DET/5/det same/ADJ/3/obj of/ADP/8/case "
        "the/DET/8/det mayor/NOUN/3/obl ./PUNCT/3/punct",
        [("indirect", "the same of the mayor", "said", "The rival", "nominal", "parse:nsubj+said-anaphor")],
    ),
    "anaphor-head-in-a-clause-is-the-clause": (
        "Ruiz said the piece was stolen.",
        "Ruiz/PROPN/2/nsubj said/VERB/0/root the/DET/4/det piece/NOUN/6/nsubj:pass was/AUX/6/aux:pass "
        "stolen/VERB/2/ccomp ./PUNCT/2/punct",
        [("indirect", "the piece was stolen", "said", "Ruiz", "name", "parse:nsubj+ccomp")],
    ),
    "anaphor-with-other-words-is-no-content": (
        "The team said the same prayer.",
        "The/DET/2/det team/NOUN/3/nsubj said/VERB/0/root the/DET/6/det same/ADJ/6/amod prayer/NOUN/3/obj "
        "./PUNCT/3/punct",
        [],
    ),
    # --- noun-light: a speech noun as a light verb's object -------------------------------------------
    "light-voiced-concerns-about": (
        "The mayor has voiced concerns about the harbour contract.",
        "The/DET/2/det mayor/NOUN/4/nsubj has/AUX/4/aux voiced/VERB/0/root concerns/NOUN/4/obj "
        "about/ADP/9/case the/DET/9/det harbour/NOUN/9/compound contract/NOUN/5/nmod ./PUNCT/4/punct",
        [("indirect", "the harbour contract", "concerns", "The mayor", "nominal", "parse:nsubj+noun-light")],
    ),
    "light-expressed-concern-that": (
        "Residents expressed concern that the fund was late.",
        "Residents/NOUN/2/nsubj expressed/VERB/0/root concern/NOUN/2/obj that/SCONJ/8/mark the/DET/6/det "
        "fund/NOUN/8/nsubj was/AUX/8/cop late/ADJ/3/acl ./PUNCT/2/punct",
        [("indirect", "the fund was late", "concern", "Residents", "nominal", "parse:nsubj+noun-light")],
    ),
    "light-faced-concerns-names-no-speaker": (
        "The mayor has faced concerns that the fund was late.",
        "The/DET/2/det mayor/NOUN/4/nsubj has/AUX/4/aux faced/VERB/0/root concerns/NOUN/4/obj "
        "that/SCONJ/10/mark the/DET/8/det fund/NOUN/10/nsubj was/AUX/10/cop late/ADJ/5/acl ./PUNCT/4/punct",
        [("indirect", "the fund was late", "concerns", "", "", "parse:none+noun-light")],
    ),
    "light-topic-on-the-verb-trailing-time": (
        "The union voiced concerns about the audit on Monday.",
        "The/DET/2/det union/NOUN/3/nsubj voiced/VERB/0/root concerns/NOUN/3/obj about/ADP/7/case "
        "the/DET/7/det audit/NOUN/3/obl on/ADP/9/case Monday/PROPN/7/nmod ./PUNCT/3/punct",
        [("indirect", "the audit", "concerns", "The union", "nominal", "parse:nsubj+noun-light")],
    ),
    "light-possessive-yields-to-the-subject": (
        "The mayor voiced her concerns about the harbour contract.",
        "The/DET/2/det mayor/NOUN/3/nsubj voiced/VERB/0/root her/PRON/5/nmod:poss concerns/NOUN/3/obj "
        "about/ADP/9/case the/DET/9/det harbour/NOUN/9/compound contract/NOUN/5/nmod ./PUNCT/3/punct",
        [("indirect", "the harbour contract", "concerns", "The mayor", "nominal", "parse:nsubj+noun-light")],
    ),
    "light-raise-is-no-light-verb": (
        "The findings raise concerns about the audit.",
        "The/DET/2/det findings/NOUN/3/nsubj raise/VERB/0/root concerns/NOUN/3/obj about/ADP/7/case "
        "the/DET/7/det audit/NOUN/4/nmod ./PUNCT/3/punct",
        [],
    ),
}


def _parse(name: str) -> Result:
    text, tokens, _ = CASES[name]
    return parse_sentence(text, tokens)


test_parse_frame, test_surface_and_parse_agree = case_table_tests(CASES)


@pytest.mark.parametrize(
    ("name", "frame"),
    [("anaphor-as-much", "said-anaphor"), ("light-voiced-concerns-about", "noun-light")],
)
def test_content_frames_take_the_surface_rows_confidence(name: str, frame: str) -> None:
    (quote,) = _parse(name).quotes
    assert quote.confidence == FRAME[frame].confidence


@pytest.mark.parametrize(
    ("name", "word_class"),
    [
        ("light-voiced-concerns-about", "light_speaker"),
        ("light-faced-concerns-names-no-speaker", "light_hearer"),
        ("anaphor-as-much", "anaphor_head"),
        ("verdict-reason-gerund", "verdict_reason"),
        ("verdict-label", "verdict_label"),
    ],
)
def test_the_frames_read_the_function_word_classes(name: str, word_class: str) -> None:
    """Without its ``function_words.tsv`` class a frame reads nothing: the words are data, not copies."""
    text, tokens, _ = CASES[name]
    lang = english()
    bare = attrs.evolve(lang, words={k: v for k, v in lang.words.items() if k != word_class})
    frame = {"light": "noun-light", "anaphor": "said-anaphor"}.get(name.split("-")[0], "obj")

    def framed(lang_: Language) -> list[str]:
        quotes = attribute(from_stanza(from_conllu(conllu(text, tokens))), lang_).quotes
        return [q.evidence for q in quotes if frame in q.evidence.split("+")]

    assert framed(lang) and not framed(bare)


def test_a_verdict_deed_owns_no_quote_after_it() -> None:
    """ "Rebels attacked the convoy." is a deed: the quote in the next paragraph stays unattributed, as
    the surface reader leaves it; a bare cue with a speaker would own it."""
    first = "Rebels attacked the convoy."
    second = '"We will be back next week."'
    text = f"{first}\n\n{second}"
    tokens = (
        '"/PUNCT/5/punct We/PRON/5/nsubj will/AUX/5/aux be/AUX/5/cop back/ADV/0/root next/ADJ/7/amod '
        'week/NOUN/5/obl:tmod ./PUNCT/5/punct "/PUNCT/5/punct'
    )
    doc = from_conllu(conllu(first, CASES["verdict-deed-is-no-speech"][1]) + conllu(second, tokens), text)
    quotes = attribute(from_stanza(doc), english()).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("We will be back next week.", None)]
    assert [(q.text, q.speaker) for q in extract(text).quotes] == [("We will be back next week.", None)]
