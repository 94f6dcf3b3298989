"""The parse reader reads the surface reader's frames (issue 14): speech nouns ("his claim that …",
"the announcement by X that …", "her remarks about …") and the content boundaries (no leading "that",
no listener but a tell cue's before an infinitive, no trailing time adjunct). Every document is
written here by hand, in a compact form:
one ``form/UPOS/head/deprel`` per token (heads 1-based, 0 the root), turned into CoNLL-U.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed: pip install quoteattr[stanza]")

from test_parse_rules import check_rows  # noqa: E402

from quoteattr import extract  # noqa: E402
from quoteattr.backends.stanza import StanzaBackend, from_conllu, from_stanza  # noqa: E402
from quoteattr.frames import FRAME  # noqa: E402
from quoteattr.language import english  # noqa: E402
from quoteattr.model import Quote, Result  # noqa: E402
from quoteattr.parse_rules import attribute  # noqa: E402
from quoteattr.records import RULE  # noqa: E402


def conllu(text: str, tokens: str) -> str:
    """CoNLL-U for one sentence from ``form/UPOS/head/deprel`` items (lemma: the form, lower-cased)."""
    lines = [f"# text = {text}"]
    for n, token in enumerate(tokens.split(), 1):
        form, upos, head, rel = token.rsplit("/", 3)
        lines.append("\t".join([str(n), form, form.lower(), upos, "_", "_", head, rel, "_", "_"]))
    return "\n".join(lines) + "\n\n"


def parse_sentence(text: str, tokens: str) -> Result:
    """The parse reader's result for one hand-parsed sentence (checks the CoNLL-U rebuilds ``text``)."""
    doc = from_conllu(conllu(text, tokens))
    assert doc.text == text
    return attribute(from_stanza(doc), english())


def reader_rows(quotes: Sequence[Quote]) -> list[tuple[str, str, str | None, str | None]]:
    """What the two readers must agree on: kind, quote text, cue and speaker of each quote."""
    return [
        (q.kind, q.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None) for q in quotes
    ]


# (text, tokens, expected rows: kind, quote text, cue, speaker, speaker kind, evidence prefix)
Row = tuple[str, str, str, str, str, str]
CaseTable = dict[str, tuple[str, str, list[Row]]]


def case_table_tests(cases: CaseTable) -> tuple[Callable[[str], None], Callable[[str], None]]:
    """The two tests every hand-parsed case table runs: the parse reader gives the expected rows, and the
    surface reader gives the same kind, text, cue and speaker (one table of rules for both engines).
    A module binds them to test names: ``test_parse_frame, test_surface_and_parse_agree = …``."""

    @pytest.mark.parametrize("name", sorted(cases))
    def parse_frame(name: str) -> None:
        text, tokens, expected = cases[name]
        check_rows(text, parse_sentence(text, tokens).quotes, expected)

    @pytest.mark.parametrize("name", sorted(cases))
    def surface_and_parse_agree(name: str) -> None:
        text, tokens, _ = cases[name]
        assert reader_rows(parse_sentence(text, tokens).quotes) == reader_rows(extract(text).quotes)

    return parse_frame, surface_and_parse_agree


CASES: dict[str, tuple[str, str, list[Row]]] = {
    "poss-pronoun-claim-in-subject": (
        "His claim that the bridge was safe drew protests.",
        "His/PRON/2/nmod:poss claim/NOUN/8/nsubj that/SCONJ/7/mark the/DET/5/det bridge/NOUN/7/nsubj "
        "was/AUX/7/cop safe/ADJ/2/acl drew/VERB/0/root protests/NOUN/8/obj ./PUNCT/8/punct",
        [("indirect", "the bridge was safe", "claim", "His", "pronoun", "parse:poss+noun-that")],
    ),
    "poss-name-claim": (
        "Ruiz's claim that taxes would fall angered voters.",
        "Ruiz/PROPN/3/nmod:poss 's/PART/1/case claim/NOUN/8/nsubj that/SCONJ/7/mark taxes/NOUN/7/nsubj "
        "would/AUX/7/aux fall/VERB/3/acl angered/VERB/0/root voters/NOUN/8/obj ./PUNCT/8/punct",
        [("indirect", "taxes would fall", "claim", "Ruiz", "name", "parse:poss+noun-that")],
    ),
    "by-owner-announcement": (
        "The announcement by the ministry that schools would close surprised parents.",
        "The/DET/2/det announcement/NOUN/10/nsubj by/ADP/5/case the/DET/5/det ministry/NOUN/2/nmod "
        "that/SCONJ/9/mark schools/NOUN/9/nsubj would/AUX/9/aux close/VERB/2/acl surprised/VERB/0/root "
        "parents/NOUN/10/obj ./PUNCT/10/punct",
        [
            (
                "indirect",
                "schools would close",
                "announcement",
                "the ministry",
                "nominal",
                "parse:by+noun-that",
            )
        ],
    ),
    "poss-accusation-nominal": (
        "The senator's accusation that the agency lied drew a response.",
        "The/DET/2/det senator/NOUN/4/nmod:poss 's/PART/2/case accusation/NOUN/9/nsubj that/SCONJ/8/mark "
        "the/DET/7/det agency/NOUN/8/nsubj lied/VERB/4/acl drew/VERB/0/root a/DET/11/det "
        "response/NOUN/9/obj ./PUNCT/9/punct",
        [("indirect", "the agency lied", "accusation", "The senator", "nominal", "parse:poss+noun-that")],
    ),
    "remarks-about": (
        "Her remarks about the budget drew protests.",
        "Her/PRON/2/nmod:poss remarks/NOUN/6/nsubj about/ADP/5/case the/DET/5/det budget/NOUN/2/nmod "
        "drew/VERB/0/root protests/NOUN/6/obj ./PUNCT/6/punct",
        [("indirect", "the budget", "remarks", "Her", "pronoun", "parse:poss+noun-about")],
    ),
    "remarks-about-trailing-time": (
        "Her remarks about the budget on Monday drew protests.",
        "Her/PRON/2/nmod:poss remarks/NOUN/8/nsubj about/ADP/5/case the/DET/5/det budget/NOUN/2/nmod "
        "on/ADP/7/case Monday/PROPN/5/nmod drew/VERB/0/root protests/NOUN/8/obj ./PUNCT/8/punct",
        [("indirect", "the budget", "remarks", "Her", "pronoun", "parse:poss+noun-about")],
    ),
    "statement-about-owned-by-name": (
        "A spokesman's statement about the delays angered the drivers.",
        "A/DET/2/det spokesman/NOUN/4/nmod:poss 's/PART/2/case statement/NOUN/8/nsubj about/ADP/7/case "
        "the/DET/7/det delays/NOUN/4/nmod angered/VERB/0/root the/DET/10/det drivers/NOUN/8/obj "
        "./PUNCT/8/punct",
        [("indirect", "the delays", "statement", "A spokesman", "nominal", "parse:poss+noun-about")],
    ),
    "topic-without-owner-is-no-quote": (
        "The remarks about the budget drew protests.",
        "The/DET/2/det remarks/NOUN/6/nsubj about/ADP/5/case the/DET/5/det budget/NOUN/2/nmod "
        "drew/VERB/0/root protests/NOUN/6/obj ./PUNCT/6/punct",
        [],
    ),
    "relative-clause-is-no-content": (
        "The report that he wrote was long.",
        "The/DET/2/det report/NOUN/7/nsubj that/PRON/5/obj he/PRON/5/nsubj wrote/VERB/2/acl:relcl "
        "was/AUX/7/cop long/ADJ/0/root ./PUNCT/7/punct",
        [],
    ),
    "rejected-claim-is-not-the-subjects": (
        "The minister rejected the claim that the bridge was unsafe.",
        "The/DET/2/det minister/NOUN/3/nsubj rejected/VERB/0/root the/DET/5/det claim/NOUN/3/obj "
        "that/SCONJ/10/mark the/DET/8/det bridge/NOUN/10/nsubj was/AUX/10/cop unsafe/ADJ/5/acl "
        "./PUNCT/3/punct",
        [("indirect", "the bridge was unsafe", "claim", "", "", "parse:none+noun-that")],
    ),
    "bare-speech-noun-object-is-no-content": (
        "Officials denied the claim.",
        "Officials/NOUN/2/nsubj denied/VERB/0/root the/DET/4/det claim/NOUN/2/obj ./PUNCT/2/punct",
        [],
    ),
    "venue-clause-is-the-verbs": (
        "The ministry said in a statement that prices would rise.",
        "The/DET/2/det ministry/NOUN/3/nsubj said/VERB/0/root in/ADP/6/case a/DET/6/det "
        "statement/NOUN/3/obl that/SCONJ/10/mark prices/NOUN/10/nsubj would/AUX/10/aux rise/VERB/6/acl "
        "./PUNCT/3/punct",
        [("indirect", "prices would rise", "statement", "The ministry", "nominal", "parse:nsubj+noun-that")],
    ),
    "noun-inside-reported-clause-is-the-verbs": (
        "Ruiz said his claim that the vote was rigged was false.",
        "Ruiz/PROPN/2/nsubj said/VERB/0/root his/PRON/4/nmod:poss claim/NOUN/11/nsubj that/SCONJ/9/mark "
        "the/DET/7/det vote/NOUN/9/nsubj:pass was/AUX/9/aux:pass rigged/VERB/4/acl was/AUX/11/cop "
        "false/ADJ/2/ccomp ./PUNCT/2/punct",
        [
            (
                "indirect",
                "his claim that the vote was rigged was false",
                "said",
                "Ruiz",
                "name",
                "parse:nsubj+ccomp",
            )
        ],
    ),
    "listener-is-not-content": (
        "The mayor told reporters the budget was balanced.",
        "The/DET/2/det mayor/NOUN/3/nsubj told/VERB/0/root reporters/NOUN/3/iobj the/DET/6/det "
        "budget/NOUN/8/nsubj:pass was/AUX/8/aux:pass balanced/VERB/3/ccomp ./PUNCT/3/punct",
        [("indirect", "the budget was balanced", "told", "The mayor", "nominal", "parse:nsubj+ccomp")],
    ),
    "leading-that-is-dropped": (
        "Ruiz warned that the dam would fail.",
        "Ruiz/PROPN/2/nsubj warned/VERB/0/root that/SCONJ/7/mark the/DET/5/det dam/NOUN/7/nsubj "
        "would/AUX/7/aux fail/VERB/2/ccomp ./PUNCT/2/punct",
        [("indirect", "the dam would fail", "warned", "Ruiz", "name", "parse:nsubj+ccomp")],
    ),
    "that-before-a-comma-stays": (
        "Ruiz said that, if elected, she would cut taxes.",
        "Ruiz/PROPN/2/nsubj said/VERB/0/root that/SCONJ/10/mark ,/PUNCT/5/punct if/SCONJ/5/mark "
        "elected/VERB/10/advcl ,/PUNCT/5/punct she/PRON/10/nsubj would/AUX/10/aux cut/VERB/2/ccomp "
        "taxes/NOUN/10/obj ./PUNCT/2/punct",
        [("indirect", "that, if elected, she would cut taxes", "said", "Ruiz", "name", "parse:nsubj+ccomp")],
    ),
    "listener-before-infinitive": (
        "The union urged members to accept the offer.",
        "The/DET/2/det union/NOUN/3/nsubj urged/VERB/0/root members/NOUN/3/obj to/PART/6/mark "
        "accept/VERB/3/xcomp the/DET/8/det offer/NOUN/6/obj ./PUNCT/3/punct",
        [("indirect", "members to accept the offer", "urged", "The union", "nominal", "parse:nsubj+xcomp")],
    ),
    "ask-listener-stays-out": (
        "The nurse asked the patient to wait outside.",
        "The/DET/2/det nurse/NOUN/3/nsubj asked/VERB/0/root the/DET/5/det patient/NOUN/3/obj to/PART/7/mark "
        "wait/VERB/3/xcomp outside/ADV/7/advmod ./PUNCT/3/punct",
        [("indirect", "to wait outside", "asked", "The nurse", "nominal", "parse:nsubj+xcomp")],
    ),
    "object-trailing-time": (
        "Protesters called for new elections on Sunday.",
        "Protesters/NOUN/2/nsubj called/VERB/0/root for/ADP/5/case new/ADJ/5/amod elections/NOUN/2/obl "
        "on/ADP/7/case Sunday/PROPN/5/nmod ./PUNCT/2/punct",
        [("indirect", "new elections", "called for", "Protesters", "nominal", "parse:nsubj+obj")],
    ),
    "that-before-a-quotation-is-direct": (
        'Ruiz told reporters that "nothing had changed."',
        'Ruiz/PROPN/2/nsubj told/VERB/0/root reporters/NOUN/2/iobj that/SCONJ/8/mark "/PUNCT/8/punct '
        "nothing/PRON/8/nsubj had/AUX/8/aux changed/VERB/2/ccomp ./PUNCT/8/punct "
        '"/PUNCT/8/punct',
        [("direct", "nothing had changed.", "told", "Ruiz", "name", "parse:nsubj+ccomp")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_parse_frame(name: str) -> None:
    text, tokens, expected = CASES[name]
    doc = from_conllu(conllu(text, tokens))
    assert doc.text == text
    result = attribute(from_stanza(doc), english())
    check_rows(text, result.quotes, expected)


def test_noun_frames_take_the_surface_rows_confidence() -> None:
    for name, frame in (("poss-name-claim", "noun-that"), ("remarks-about", "noun-about")):
        text, tokens, _ = CASES[name]
        (quote,) = attribute(from_stanza(from_conllu(conllu(text, tokens))), english()).quotes
        assert quote.confidence == FRAME[frame].confidence
    assert RULE["parse-poss"].evidence == "parse:poss" and RULE["parse-by"].evidence == "parse:by"


def test_the_backend_keeps_the_parse_noun_frame_the_surface_cannot_end() -> None:
    """A speech noun in the subject: the surface reader cannot tell where its clause ends; the parse can."""
    text, tokens, expected = CASES["poss-pronoun-claim-in-subject"]
    result = StanzaBackend(lazy=True).process(from_conllu(conllu(text, tokens)))
    assert [(q.text, q.speaker.text if q.speaker else None) for q in result.quotes] == [
        (expected[0][1], expected[0][3])
    ]
