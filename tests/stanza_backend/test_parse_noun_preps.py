"""The parse reader's speech nouns take the prepositions of their own ``cues.tsv`` row (issue 14):
"warnings *of*", "attacks *on*", "criticism *for* failing …", read as the surface reader reads them
(:mod:`quoteattr.noun_frames`). Documents are hand-parsed in the compact ``form/UPOS/head/deprel`` form
of ``test_parse_frames.py``; every case is also checked against the surface reader.
"""

from __future__ import annotations

import attrs
import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed: pip install quoteattr[stanza]")

from test_parse_frames import case_table_tests, conllu, parse_sentence  # noqa: E402

from quoteattr.backends.stanza import from_conllu, from_stanza  # noqa: E402
from quoteattr.language import english  # noqa: E402
from quoteattr.lexicons import CueLexicon  # noqa: E402
from quoteattr.model import Result  # noqa: E402
from quoteattr.parse_rules import attribute  # noqa: E402

# (text, tokens, expected rows: kind, quote text, cue, speaker, speaker kind, evidence prefix)
Row = tuple[str, str, str, str, str, str]
CASES: dict[str, tuple[str, str, list[Row]]] = {
    "light-issued-warnings-of": (
        "Critics issued warnings of a poor harvest.",
        "Critics/NOUN/2/nsubj issued/VERB/0/root warnings/NOUN/2/obj of/ADP/7/case a/DET/7/det "
        "poor/ADJ/7/amod harvest/NOUN/3/nmod ./PUNCT/2/punct",
        [("indirect", "a poor harvest", "warnings", "Critics", "nominal", "parse:nsubj+noun-light")],
    ),
    "possessive-attacks-on-someone": (
        "The council ignored her attacks on the planning chief.",
        "The/DET/2/det council/NOUN/3/nsubj ignored/VERB/0/root her/PRON/5/nmod:poss attacks/NOUN/3/obj "
        "on/ADP/9/case the/DET/9/det planning/NOUN/9/compound chief/NOUN/5/nmod ./PUNCT/3/punct",
        [("indirect", "the planning chief", "attacks", "her", "pronoun", "parse:poss+noun-about")],
    ),
    "deed-attack-on-a-place-is-none": (
        "Villagers survived the army's attack on the old bridge.",
        "Villagers/NOUN/2/nsubj survived/VERB/0/root the/DET/4/det army/NOUN/6/nmod:poss 's/PART/4/case "
        "attack/NOUN/2/obj on/ADP/10/case the/DET/10/det old/ADJ/10/amod bridge/NOUN/6/nmod ./PUNCT/2/punct",
        [],
    ),
    "hearer-criticism-for-a-gerund-clause": (
        "The regulator has faced sharp criticism for failing to publish the audit.",
        "The/DET/2/det regulator/NOUN/4/nsubj has/AUX/4/aux faced/VERB/0/root sharp/ADJ/6/amod "
        "criticism/NOUN/4/obj for/SCONJ/8/mark failing/VERB/6/acl to/PART/10/mark publish/VERB/8/xcomp "
        "the/DET/12/det audit/NOUN/10/obj ./PUNCT/4/punct",
        [("indirect", "failing to publish the audit", "criticism", "", "", "parse:none+noun-light")],
    ),
    "raise-with-a-person-subject": (
        "Ruiz is raising questions about the tram contract.",
        "Ruiz/PROPN/3/nsubj is/AUX/3/aux raising/VERB/0/root questions/NOUN/3/obj about/ADP/8/case "
        "the/DET/8/det tram/NOUN/8/compound contract/NOUN/4/nmod ./PUNCT/3/punct",
        [("indirect", "the tram contract", "questions", "Ruiz", "name", "parse:nsubj+noun-light")],
    ),
    "raise-with-a-document-subject-is-none": (
        "The report raises questions about the dam.",
        "The/DET/2/det report/NOUN/3/nsubj raises/VERB/0/root questions/NOUN/3/obj about/ADP/7/case "
        "the/DET/7/det dam/NOUN/4/nmod ./PUNCT/3/punct",
        [],
    ),
    "a-time-is-no-topic": (
        "Voters cheered his remarks on Saturday.",
        "Voters/NOUN/2/nsubj cheered/VERB/0/root his/PRON/4/nmod:poss remarks/NOUN/2/obj on/ADP/6/case "
        "Saturday/PROPN/4/nmod ./PUNCT/2/punct",
        [],
    ),
    "one-plain-noun-is-topic-enough": (
        "Voters cheered her remarks about immigration.",
        "Voters/NOUN/2/nsubj cheered/VERB/0/root her/PRON/4/nmod:poss remarks/NOUN/2/obj about/ADP/6/case "
        "immigration/NOUN/4/nmod ./PUNCT/2/punct",
        [("indirect", "immigration", "remarks", "her", "pronoun", "parse:poss+noun-about")],
    ),
    "a-pronoun-is-no-topic": (
        "Voters cheered her remarks about it.",
        "Voters/NOUN/2/nsubj cheered/VERB/0/root her/PRON/4/nmod:poss remarks/NOUN/2/obj about/ADP/6/case "
        "it/PRON/4/nmod ./PUNCT/2/punct",
        [],
    ),
    "a-preposition-the-noun-does-not-take": (
        "Voters cheered her praise on the radio show.",
        "Voters/NOUN/2/nsubj cheered/VERB/0/root her/PRON/4/nmod:poss praise/NOUN/2/obj on/ADP/8/case "
        "the/DET/8/det radio/NOUN/8/compound show/NOUN/4/nmod ./PUNCT/2/punct",
        [],
    ),
}


def _parse(name: str) -> Result:
    text, tokens, _ = CASES[name]
    return parse_sentence(text, tokens)


test_parse_frame, test_surface_and_parse_agree = case_table_tests(CASES)


def test_the_parse_reads_the_nouns_own_prepositions() -> None:
    """Without "of" in the row of "warning" the parse reads no topic after it: the column is the data."""
    text, tokens, _ = CASES["light-issued-warnings-of"]
    lang = english()
    cues = CueLexicon.build(
        attrs.evolve(e, preps=tuple(p for p in e.preps if p != "of")) if e.lemma == "warning" else e
        for e in lang.cues.entries
    )
    quotes = attribute(from_stanza(from_conllu(conllu(text, tokens))), attrs.evolve(lang, cues=cues)).quotes
    assert quotes == ()
