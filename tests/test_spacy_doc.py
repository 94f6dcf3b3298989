"""The spaCy adapter: ClearNLP-style labels become UD, so the parse-aware rules read spaCy parses.

The Docs are built by hand (words, heads, labels as spaCy's English models give them), so
no spaCy model is needed, only spaCy itself.
"""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is not installed: pip install quoteattr[spacy]")

from spacy.tokens import Doc  # noqa: E402

from quoteattr.backends.spacy_doc import from_spacy  # noqa: E402
from quoteattr.lexicons import load_cues  # noqa: E402
from quoteattr.parse_rules import attribute  # noqa: E402

# (word, space after, head index, spaCy label, POS)
ACCORDING = [
    ("According", True, 6, "prep", "VERB"),
    ("to", True, 0, "prep", "ADP"),
    ("police", False, 1, "pobj", "NOUN"),
    (",", True, 6, "punct", "PUNCT"),
    ("the", True, 5, "det", "DET"),
    ("man", True, 6, "nsubj", "NOUN"),
    ("fled", False, 6, "ROOT", "VERB"),
    (".", False, 6, "punct", "PUNCT"),
]
PASSIVE = [
    ("It", True, 2, "nsubjpass", "PRON"),
    ("was", True, 2, "auxpass", "AUX"),
    ("announced", True, 2, "ROOT", "VERB"),
    ("by", True, 2, "agent", "ADP"),
    ("the", True, 5, "det", "DET"),
    ("agency", True, 3, "pobj", "NOUN"),
    ("that", True, 9, "mark", "SCONJ"),
    ("taxes", True, 9, "nsubj", "NOUN"),
    ("will", True, 9, "aux", "AUX"),
    ("rise", False, 2, "ccomp", "VERB"),
    (".", False, 2, "punct", "PUNCT"),
]
ACCUSED = [
    ("Smith", True, 1, "nsubj", "PROPN"),
    ("accused", True, 1, "ROOT", "VERB"),
    ("Jones", True, 1, "dobj", "PROPN"),
    ("of", True, 2, "prep", "ADP"),
    ("lying", False, 3, "pcomp", "VERB"),
    (".", False, 1, "punct", "PUNCT"),
]


def make(rows: list[tuple[str, bool, int, str, str]]) -> Doc:
    words, spaces, heads, deps, pos = zip(*rows, strict=True)
    doc = Doc(
        spacy.blank("en").vocab,
        words=list(words),
        spaces=list(spaces),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
    )
    return doc


def labels(doc: Doc) -> list[tuple[str, int, str]]:
    (sent,) = from_spacy(doc).sentences
    return [(t.text, t.head, t.deprel) for t in sent.tokens]


def test_multiword_preposition_becomes_case_and_fixed() -> None:
    got = labels(make(ACCORDING))
    assert got[:3] == [("According", 3, "case"), ("to", 1, "fixed"), ("police", 7, "obl")]
    assert got[6] == ("fled", 0, "root")


def test_agent_and_passive_subject() -> None:
    got = labels(make(PASSIVE))
    assert got[0] == ("It", 3, "nsubj:pass")
    assert got[1] == ("was", 3, "aux:pass")
    assert got[3:6] == [("by", 6, "case"), ("the", 6, "det"), ("agency", 3, "obl:agent")]


def test_prepositional_clause_becomes_marked_advcl() -> None:
    got = labels(make(ACCUSED))
    assert got[2] == ("Jones", 2, "obj")
    assert got[3:5] == [("of", 5, "mark"), ("lying", 3, "advcl")]  # spaCy hung "of" on the object


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (ACCORDING, ("indirect", "the man fled", "According to", "police")),
        (PASSIVE, ("indirect", "taxes will rise", "announced", "the agency")),
        (ACCUSED, ("indirect", "Jones of lying", "accused", "Smith")),
    ],
)
def test_rules_run_on_the_converted_parse(
    rows: list[tuple[str, bool, int, str, str]], expected: tuple[str, str, str, str]
) -> None:
    doc = make(rows)
    (q,) = attribute(from_spacy(doc), load_cues()).quotes
    assert (q.kind, q.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None) == expected
    assert doc.text[q.start : q.end] == q.text
