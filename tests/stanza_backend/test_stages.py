"""The stanza backend as a stage table: checked per combine mode, records merged before coreference,
options it cannot honour refused by name, and one definition of mention kinds for both readers."""

from __future__ import annotations

import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed: pip install quoteattr[stanza]")

from quoteattr import Pipeline  # noqa: E402
from quoteattr.backends.parse_stages import COMBINE_MODES, STAGES, run_parsed  # noqa: E402
from quoteattr.backends.stanza import StanzaBackend, from_conllu, from_stanza  # noqa: E402
from quoteattr.errors import ConfigError  # noqa: E402
from quoteattr.language import english, get_language  # noqa: E402
from quoteattr.mention_kinds import KIND_RULES  # noqa: E402
from quoteattr.model import Mention  # noqa: E402
from quoteattr.parse_combine import merge  # noqa: E402
from quoteattr.parse_entities import mention_kind as parse_kind  # noqa: E402
from quoteattr.parsed import Token  # noqa: E402
from quoteattr.phrases import mention_kind as surface_kind  # noqa: E402
from quoteattr.records import Found  # noqa: E402
from quoteattr.stages import check  # noqa: E402
from quoteattr.units import item  # noqa: E402

# "Leaders met." has no cue: a surface-only quote must come from the surface reader, a parse-only
# one from the parse reader. The parse here hangs "pledged" off "Tom Reed" wrongly on purpose, so
# the parse reader finds no speaker and the surface reader does.
TOLD = """# text = The mayor told reporters the budget was balanced.
1	The	the	DET	DT	_	2	det	_	_
2	mayor	mayor	NOUN	NN	_	3	nsubj	_	_
3	told	tell	VERB	VBD	_	0	root	_	_
4	reporters	reporter	NOUN	NNS	_	3	iobj	_	_
5	the	the	DET	DT	_	6	det	_	_
6	budget	budget	NOUN	NN	_	8	nsubj:pass	_	_
7	was	be	AUX	VBD	_	8	aux:pass	_	_
8	balanced	balance	VERB	VBN	_	3	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	.	_	3	punct	_	_

"""


def test_every_mode_has_a_checked_table_and_parse_only_skips_the_surface_reader() -> None:
    for mode in COMBINE_MODES:
        assert check(STAGES[mode]) == STAGES[mode]
        names = [s.name for s in STAGES[mode]]
        assert names.index("parse") < names.index("combine") < names.index("coref") < names.index("dialogue")
    assert "attribution" not in [s.name for s in STAGES["parse-only"]]
    assert "attribution" in [s.name for s in STAGES["surface-first"]]


def test_the_parsed_sentences_are_the_segmentation() -> None:
    text = "Ann Berg said the plan failed.  Dr. Lee left."
    conllu = """# text = Ann Berg said the plan failed.  Dr. Lee left.
1	Ann	Ann	PROPN	NNP	_	3	nsubj	_	_
2	Berg	Berg	PROPN	NNP	_	1	flat	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	plan	plan	NOUN	NN	_	6	nsubj	_	_
6	failed	fail	VERB	VBD	_	3	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_
8	Dr.	Dr.	PROPN	NNP	_	10	nsubj	_	_
9	Lee	Lee	PROPN	NNP	_	8	flat	_	_
10	left	leave	VERB	VBD	_	3	parataxis	_	SpaceAfter=No
11	.	.	PUNCT	.	_	10	punct	_	_

"""
    doc = from_conllu(conllu, text)
    for mode in COMBINE_MODES:
        result = StanzaBackend(lazy=True, combine=mode).process(doc)
        # One parsed sentence, though the splitter would cut it in two: the surface reader reads it too.
        assert [(s.start, s.end) for s in result.sentences] == [(0, len(text))]
        assert result.quotes and result.quotes[0].text.startswith("the plan failed")


def test_the_addressee_stage_runs_on_parse_quotes() -> None:
    result = StanzaBackend(lazy=True, combine="parse-only").process(from_conllu(TOLD))
    (quote,) = result.quotes
    assert quote.text == "the budget was balanced" and quote.evidence.startswith("parse:")
    assert quote.addressee is not None and quote.addressee.text == "reporters"


def _found(start: int, end: int, speaker: Mention | None, evidence: str) -> Found:
    return Found(start, end, "indirect", None, speaker, evidence, 0.5)


def test_records_merge_before_any_entity_exists() -> None:
    ann, tom = Mention(0, 3, "Ann"), Mention(40, 43, "Tom")
    surface = [_found(5, 20, None, "surface-bare"), _found(50, 60, ann, "surface-spoken")]
    parse = [_found(6, 19, tom, "parse-spoken"), _found(22, 30, tom, "parse-new"), _found(55, 58, tom, "x")]
    got = merge(surface, parse)
    assert [f.evidence for f in got] == ["parse-spoken", "surface-spoken", "parse-new"]
    assert [f.evidence for f in merge(parse, surface)] == ["parse-spoken", "parse-new", "x"]


@pytest.mark.parametrize(
    ("option", "value"),
    [("abbreviations", ["Gov."]), ("max_chars", 100), ("cues", [("grumble", "verb", "clause", "grumbled")])],
)
def test_options_the_backend_cannot_honour_are_refused_by_name(option: str, value: object) -> None:
    with pytest.raises(ConfigError, match=option):
        StanzaBackend(lazy=True, **{option: value})


def test_an_unknown_option_is_refused_not_dropped() -> None:
    with pytest.raises(ConfigError, match="corefs"):
        StanzaBackend(lazy=True, corefs=True)
    with pytest.raises(ConfigError, match="corefs"):
        Pipeline("stanza", lazy=True, corefs=True)
    StanzaBackend(lazy=True, tokenize_pretokenized=True)  # stanza's per-processor options pass


def test_pipeline_options_reach_the_stanza_backend() -> None:
    with pytest.raises(ConfigError, match="abbreviations"):
        Pipeline("stanza", lazy=True, abbreviations=["Gov."])
    pipe = Pipeline("stanza", lazy=True, characters={"Ann Berg": ["Annie"]}, lang="de")
    backend = pipe._backend
    assert isinstance(backend, StanzaBackend)
    assert backend.characters == (("Ann Berg", ("Annie",)),) and backend.language.code == "de"


# --- one definition of mention kinds -----------------------------------------------------------------
WORDS = [
    ("she", "PRON", "O"),
    ("They", "PRON", "O"),
    ("Ruiz", "PROPN", "S-PERSON"),
    ("spokesman", "NOUN", "O"),
    ("Minister", "NOUN", "O"),
    ("police", "NOUN", "O"),
]


@pytest.mark.parametrize(("word", "upos", "ner"), WORDS)
def test_the_two_readers_agree_on_the_kind_of_one_word(word: str, upos: str, ner: str) -> None:
    lang = english()
    tok = Token(0, len(word), word, word.lower(), upos, 0, "nsubj", ner)
    assert parse_kind(tok, lang) == surface_kind([item(0, len(word), word)], lang)


def test_kinds_are_one_table() -> None:
    assert [kind for kind, _ in KIND_RULES] == ["pronoun", "name"]
    de = get_language("de")
    assert surface_kind([item(0, 3, "sie")], de) == "pronoun"
    assert parse_kind(Token(0, 3, "sie", "sie", "PRON", 0, "nsubj"), de) == "pronoun"
    # Where the parser tagged the word, its tag is the evidence: a capitalised common noun is no name.
    assert parse_kind(Token(0, 9, "Officials", "official", "NOUN", 0, "nsubj"), english()) == "nominal"


def test_run_parsed_is_what_the_backend_runs() -> None:
    doc = from_conllu(TOLD)
    direct = run_parsed(from_stanza(doc), english(), "surface-first")
    assert direct == StanzaBackend(lazy=True).process(doc)


URGED = """# text = The council urged the residents to save water.
1	The	the	DET	DT	_	2	det	_	_
2	council	council	NOUN	NN	_	3	nsubj	_	_
3	urged	urge	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	residents	resident	NOUN	NNS	_	3	obj	_	_
6	to	to	PART	TO	_	7	mark	_	_
7	save	save	VERB	VB	_	3	xcomp	_	_
8	water	water	NOUN	NN	_	7	obj	_	SpaceAfter=No
9	.	.	PUNCT	.	_	3	punct	_	_

"""


def test_the_parse_reader_names_a_listener_inside_the_content() -> None:
    """The parse reader keeps the one urged to act in the content, as the surface reader does
    (frames.LISTENER_JOINS_CONTENT), and the shared addressee stage names it."""
    result = StanzaBackend(lazy=True, combine="parse-only").process(from_conllu(URGED))
    (quote,) = result.quotes
    assert quote.text == "the residents to save water" and quote.evidence.startswith("parse:")
    assert quote.addressee is not None and quote.addressee.text == "the residents"
