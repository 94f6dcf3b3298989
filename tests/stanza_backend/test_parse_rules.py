"""Parse-aware rules on hand-written UD parses (conllu/attribution.conllu), read through stanza's Document.

Content spans follow the surface frames' boundaries (issue 14): no leading "that" (content is what
was said), and the listener only where the surface reader keeps it (``frames.LISTENER_JOINS_CONTENT``:
"urged *Congress to pass the bill*" asks Congress to act).

Each document in the CoNLL-U file is one pattern; the table below says what
must come out of it: (kind, quote text, cue text, speaker text, speaker kind,
evidence prefix). A document listed with no rows must produce no quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed: pip install quoteattr[stanza]")

from quoteattr.backends.stanza import StanzaBackend, from_conllu, from_stanza  # noqa: E402
from quoteattr.errors import ConfigError  # noqa: E402
from quoteattr.lexicons import load_cues  # noqa: E402
from quoteattr.model import Mention, Quote, Result  # noqa: E402
from quoteattr.parse_rules import attribute, combine  # noqa: E402

CONLLU = Path(__file__).parent / "conllu" / "attribution.conllu"

Row = tuple[str, str, str, str, str, str]

EXPECTED: dict[str, list[Row]] = {
    "said-ccomp-flat-name": [
        ("indirect", "the council would vote on Monday", "said", "Maria Lopez", "name", "parse:nsubj+ccomp"),
    ],
    "told-obj-that": [
        ("indirect", "the budget was balanced", "told", "The mayor", "nominal", "parse:nsubj+ccomp"),
    ],
    "accused-of-title-name": [
        (
            "indirect",
            "the governor of hiding the report",
            "accused",
            "Senator Tom Reed",
            "name",
            "parse:nsubj+of",
        ),
    ],
    "warned-that": [("indirect", "strikes would continue", "warned", "The union", "nominal", "parse:nsubj")],
    "according-preposed": [
        (
            "indirect",
            "the bridge will reopen in May",
            "According to",
            "the ministry",
            "nominal",
            "parse:according",
        ),
    ],
    "according-postposed": [
        (
            "indirect",
            "The bridge will reopen in May",
            "according to",
            "officials",
            "nominal",
            "parse:according",
        ),
    ],
    "direct-postposed": [
        (
            "direct",
            "We are not going anywhere,",
            "said",
            "the coach",
            "nominal",
            "parse:nsubj+parataxis-head",
        ),
    ],
    "direct-inverted": [
        ("direct", "The plan is dead,", "said", "Anna Berg", "name", "parse:nsubj+parataxis-head"),
    ],
    "direct-preposed-colon": [
        ("direct", "The numbers speak for themselves.", "said", "He", "pronoun", "parse:nsubj+parataxis"),
    ],
    "conj-cue-inherits-subject": [
        ("indirect", "prices would rise", "warned", "The minister", "nominal", "parse:conj+ccomp"),
    ],
    "accused-of-and-said": [
        ("indirect", "the firm of fraud", "accused", "Dr. Lee", "name", "parse:nsubj+of"),
        ("indirect", "it had misled investors", "said", "Dr. Lee", "name", "parse:conj+ccomp"),
    ],
    "passive-agent": [
        (
            "indirect",
            "the launch had been delayed",
            "announced",
            "the agency",
            "nominal",
            "parse:agent+csubj",
        ),
    ],
    "relcl-after-agent": [
        ("indirect", "it ignored the law", "said", "who", "pronoun", "parse:relcl+ccomp"),
    ],
    "appos-name-after-nominal": [
        ("indirect", "the charges were false", "said", "Her lawyer", "nominal", "parse:nsubj+ccomp"),
    ],
    "appos-nominal-after-name": [
        ("indirect", "the charges were false", "said", "Sam Ortiz", "name", "parse:nsubj+ccomp"),
    ],
    "possessive-amod-speaker": [
        (
            "indirect",
            "profits had doubled",
            "said",
            "The company's chief executive",
            "nominal",
            "parse:nsubj",
        ),
    ],
    "xcomp-went-on-to-say": [
        ("indirect", "the deal was fair", "say", "She", "pronoun", "parse:xcomp+ccomp"),
    ],
    "call-for": [
        ("indirect", "an independent inquiry", "called for", "The group", "nominal", "parse:nsubj+obj")
    ],
    "demand-obj": [
        ("indirect", "the release of the prisoners", "demanded", "Protesters", "nominal", "parse:nsubj+obj"),
    ],
    "participle-saying": [
        ("indirect", "it was false", "saying", "The spokesman", "nominal", "parse:advcl+ccomp"),
    ],
    "mixed-quoted-phrase": [
        (
            "mixed",
            'the fire was "completely under control" by noon',
            "said",
            "Officials",
            "nominal",
            "parse:nsubj",
        ),
    ],
    "interrupted-direct": [
        ("direct", "It was a mistake,", "admitted", "she", "pronoun", "parse:nsubj+parataxis-head"),
        ("direct", "and I regret it.", "admitted", "she", "pronoun", "parse:nsubj+parataxis-head"),
    ],
    "parenthetical-cue": [
        (
            "indirect",
            "The economy, the minister said, is stronger than ever",
            "said",
            "the minister",
            "nominal",
            "parse:nsubj+parataxis-head",
        ),
    ],
    "pronoun-with-coref": [
        ("indirect", "she had done nothing wrong", "insisted", "She", "pronoun", "parse:nsubj+ccomp"),
    ],
    "relcl-inside-speaker": [
        ("indirect", "emissions fell", "said", "The report", "nominal", "parse:nsubj+ccomp"),
    ],
    "told-court": [("indirect", "the suspect had fled", "told", "Police", "nominal", "parse:nsubj+ccomp")],
    "non-cue-conj-not-attributed": [
        ("indirect", "rates would fall", "predicted", "Analysts", "nominal", "parse:nsubj+ccomp"),
    ],
    "ask-whether": [
        (
            "indirect",
            "whether the funds had been spent",
            "asked",
            "The senator",
            "nominal",
            "parse:nsubj+ccomp",
        ),
    ],
    "told-direct-ccomp": [
        ("direct", "I never saw the letter.", "told", "Mr. Grant", "name", "parse:nsubj+ccomp")
    ],
    "inverted-with-appos": [
        ("direct", "Nobody expected this,", "added", "Grant", "name", "parse:nsubj+parataxis-head"),
    ],
    "relcl-plural": [("indirect", "they were underpaid", "said", "who", "pronoun", "parse:relcl+ccomp")],
    "postposed-indirect": [
        ("indirect", "The plan was approved", "said", "the agency", "nominal", "parse:nsubj+parataxis-head"),
    ],
    "urge-xcomp": [
        ("indirect", "Congress to pass the bill", "urged", "The president", "nominal", "parse:nsubj+xcomp")
    ],
    "no-cue": [],
    "scare-quote-only": [],
    "point-out": [("indirect", "the law had changed", "pointed out", "She", "pronoun", "parse:nsubj+ccomp")],
    "direct-then-participle": [
        ("direct", "We will appeal,", "told", "Berg", "name", "parse:nsubj+parataxis-head"),
        ("indirect", "the ruling was unfair", "adding", "Berg", "name", "parse:advcl+ccomp"),
    ],
    "direct-across-sentences": [
        (
            "direct",
            "We played well. We will win next time.",
            "said",
            "The coach",
            "nominal",
            "parse:nsubj+parataxis",
        ),
    ],
}


def _documents() -> dict[str, str]:
    text = CONLLU.read_text(encoding="utf-8")
    chunks = [c for c in re.split(r"(?m)^(?=# newdoc id)", text) if c.strip()]
    return {re.match(r"# newdoc id = (\S+)", c).group(1): c for c in chunks}  # type: ignore[union-attr]


DOCS = _documents()


def test_every_document_has_expectations() -> None:
    assert sorted(DOCS) == sorted(EXPECTED)
    assert sum(1 for rows in EXPECTED.values() if rows) >= 30


def check_rows(text: str, quotes: Sequence[Quote], expected: Sequence[tuple[str, ...]]) -> None:
    """Quotes read as ``(kind, text, cue, speaker, speaker kind, evidence prefix)`` rows, spans exact.

    Shared with ``test_parse_frames.py``: both tables of hand-parsed documents are checked the same way.
    """
    got = [
        (
            q.kind,
            q.text,
            q.cue.text if q.cue else "",
            q.speaker.text if q.speaker else "",
            q.speaker.kind if q.speaker else "",
        )
        for q in quotes
    ]
    assert got == [row[:5] for row in expected]
    for q, row in zip(quotes, expected, strict=True):
        assert q.evidence.startswith(row[5]), q.evidence
        for span in (q, q.cue, q.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parse_rules(name: str) -> None:
    doc = from_conllu(DOCS[name])
    result = attribute(from_stanza(doc), load_cues())
    check_rows(doc.text, result.quotes, EXPECTED[name])
    for s in result.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_the_backend_reads_a_users_document_without_models() -> None:
    """A parsed Document goes through StanzaBackend.process with no stanza models on disk."""
    backend = StanzaBackend(lazy=True, combine="parse-only")
    doc = from_conllu(DOCS["accused-of-and-said"])
    result = backend.process(doc)
    assert [q.text for q in result.quotes] == ["the firm of fraud", "it had misled investors"]
    names = {q.entity.name for q in result.quotes if q.entity}
    assert len(names) == 1 and names.pop() in "Dr. Lee"  # one entity for both quotes


@pytest.mark.parametrize(
    ("name", "antecedent"), [("relcl-after-agent", "Alan Park"), ("relcl-plural", "teachers")]
)
def test_relative_pronoun_speaker_names_its_antecedent(name: str, antecedent: str) -> None:
    """As on the surface path, 'X, who said …' has 'who' as its mention and X as its entity."""
    result = StanzaBackend(lazy=True, combine="parse-only").process(from_conllu(DOCS[name]))
    [quote] = result.quotes
    assert quote.speaker is not None and quote.speaker.text == "who"
    assert quote.entity is not None and antecedent in quote.entity.name


def _chain(mentions: list[tuple[int, int, int]], representative: int) -> object:
    from stanza.models.coref.coref_chain import CorefChain, CorefMention

    ms = [CorefMention(*m) for m in mentions]
    return CorefChain(0, ms, "", representative)


def test_coref_chain_names_the_pronoun_speaker() -> None:
    doc = from_conllu(DOCS["pronoun-with-coref"])
    # "Carla Rivera" (s0 w0-2), "She" (s1 w0), "she" (s1 w3); the representative points at the pronoun
    # on purpose: the longest PROPN-headed mention must still win.
    doc.coref = [_chain([(0, 0, 2), (1, 0, 1), (1, 3, 4)], representative=1)]
    result = StanzaBackend(lazy=True).process(doc)
    (quote,) = result.quotes
    assert quote.speaker is not None and quote.speaker.text == "She"
    assert quote.entity is not None and quote.entity.name == "Carla Rivera"
    assert [m.text for m in quote.entity.mentions] == ["Carla Rivera", "She", "she"]
    assert result.entities == (quote.entity,)


def test_speakers_without_a_chain_get_entities_by_name_when_chains_exist() -> None:
    doc = from_conllu(DOCS["accused-of-and-said"])
    doc.coref = [_chain([(0, 10, 11)], representative=0)]  # "it": unrelated to the speaker
    result = StanzaBackend(lazy=True).process(doc)
    entities = {q.entity.id for q in result.quotes if q.entity}
    assert len(entities) == 1 and result.entities[0].name == "Dr. Lee"


def test_cue_inside_a_quote_is_not_the_articles_cue() -> None:
    conllu = """# text = "They said it was over," she noted.
1	"	"	PUNCT	``	_	3	punct	_	SpaceAfter=No
2	They	they	PRON	PRP	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	it	it	PRON	PRP	_	6	nsubj	_	_
5	was	be	AUX	VBD	_	6	cop	_	_
6	over	over	ADV	RB	_	3	ccomp	_	SpaceAfter=No
7	,	,	PUNCT	,	_	3	punct	_	SpaceAfter=No
8	"	"	PUNCT	''	_	3	punct	_	_
9	she	she	PRON	PRP	_	10	nsubj	_	_
10	noted	note	VERB	VBD	_	3	parataxis	_	SpaceAfter=No
11	.	.	PUNCT	.	_	3	punct	_	_

"""
    result = attribute(from_stanza(from_conllu(conllu)), load_cues())
    assert [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in result.quotes] == [
        ("direct", "They said it was over,", "she")
    ]


def test_combine_fills_speakerless_and_missed_quotes() -> None:
    text = '"We lost." Ann Berg spoke later. Tom Reed said taxes rise.'
    lost = Quote(1, 9, "We lost.", kind="direct")
    berg = Mention(11, 19, "Ann Berg")
    reed = Mention(33, 41, "Tom Reed")
    primary = Result(text, quotes=(lost,))
    secondary = Result(
        text,
        quotes=(
            Quote(1, 9, "We lost.", kind="direct", speaker=berg, evidence="surface"),
            Quote(47, 58, "taxes rise.", kind="indirect", speaker=reed, evidence="surface"),
        ),
    )
    got = combine(primary, secondary)
    assert [(q.text, q.speaker.text if q.speaker else None) for q in got.quotes] == [
        ("We lost.", "Ann Berg"),
        ("taxes rise.", "Tom Reed"),
    ]
    assert {e.name for e in got.entities} >= {"Ann Berg", "Tom Reed"}
    # A primary quote that has a speaker is never overridden.
    kept = combine(Result(text, quotes=(attrs.evolve(lost, speaker=reed),)), secondary)
    assert kept.quotes[0].speaker == reed


def test_unknown_combine_mode() -> None:
    with pytest.raises(ConfigError):
        StanzaBackend(lazy=True, combine="both")


SHE_NOTED = """# text = "It is over," she noted.
1	"	"	PUNCT	``	_	4	punct	_	SpaceAfter=No
2	It	it	PRON	PRP	_	4	nsubj	_	_
3	is	be	AUX	VBZ	_	4	cop	_	_
4	over	over	ADV	RB	_	0	root	_	SpaceAfter=No
5	,	,	PUNCT	,	_	4	punct	_	SpaceAfter=No
6	"	"	PUNCT	''	_	4	punct	_	_
7	she	she	PRON	PRP	_	8	nsubj	_	_
8	noted	note	VERB	VBD	_	4	parataxis	_	SpaceAfter=No
9	.	.	PUNCT	.	_	4	punct	_	_

"""


@pytest.mark.parametrize("combine_mode", ["parse-only", "surface-first", "parse-first"])
def test_a_pronoun_in_no_chain_gets_an_unresolved_entity(combine_mode: str) -> None:
    """The entity policy holds on the parse path too, with chains that do not cover the speaker."""
    doc = from_conllu(SHE_NOTED)
    doc.coref = [_chain([(0, 1, 2)], representative=0)]  # "It": unrelated to the speaker
    result = StanzaBackend(lazy=True, combine=combine_mode).process(doc)
    spoken = [q for q in result.quotes if q.speaker is not None]
    assert spoken and all(q.speaker is not None and q.speaker.text == "she" for q in spoken)
    for q in spoken:
        assert q.entity is not None and (q.entity.name, q.entity.resolved) == ("she", False)
        assert q.entity in result.entities
    assert all((q.speaker is None) == (q.entity is None) for q in result.quotes)


def test_the_stanza_pipeline_refuses_what_is_neither_text_nor_a_document() -> None:
    from quoteattr import Pipeline

    with pytest.raises(TypeError, match=r"doc must be a str or a stanza\.Document, got int"):
        Pipeline("stanza", lazy=True).process(42)
