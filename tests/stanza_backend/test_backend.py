"""The stanza backend: CoNLL-U reading, model loading, and its error paths.

No stanza model can be downloaded on this machine, so the loading test trains
tiny models first (tiny_models.py) and loads them through ``stanza.Pipeline``
exactly as a user's own model paths would be.
"""

from __future__ import annotations

import builtins
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

stanza = pytest.importorskip("stanza", reason="stanza is not installed: pip install quoteattr[stanza]")

import tiny_models  # noqa: E402

from quoteattr import Pipeline  # noqa: E402
from quoteattr.backends import stanza as backend_module  # noqa: E402
from quoteattr.backends.stanza import StanzaBackend, from_conllu, from_stanza  # noqa: E402
from quoteattr.errors import BackendUnavailable, InputError  # noqa: E402
from quoteattr.lexicons import load_cues  # noqa: E402
from quoteattr.parse_rules import attribute  # noqa: E402

TWO_SENTENCES = """# newpar
# text = Ann Berg said the plan failed.
1	Ann	Ann	PROPN	NNP	_	3	nsubj	_	ner=B-PERSON
2	Berg	Berg	PROPN	NNP	_	1	flat	_	ner=E-PERSON
3	said	say	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	plan	plan	NOUN	NN	_	6	nsubj	_	_
6	failed	fail	VERB	VBD	_	3	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# newpar
# text = It did.
1	It	it	PRON	PRP	_	2	nsubj	_	_
2	did	do	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt fails the test instead of hanging on a machine without network."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the stanza backend tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)


# --- CoNLL-U -------------------------------------------------------------------------------------------
def _forms_at_offsets(doc: Any) -> list[tuple[str, str]]:
    return [(t.text, doc.text[t.start_char : t.end_char]) for s in doc.sentences for t in s.tokens]


def test_from_conllu_builds_text_from_text_lines_and_paragraphs() -> None:
    doc = from_conllu(TWO_SENTENCES)
    assert doc.text == "Ann Berg said the plan failed.\n\nIt did."
    assert all(a == b for a, b in _forms_at_offsets(doc))
    assert [e.text for e in doc.ents] == ["Ann Berg"]
    result = attribute(from_stanza(doc), load_cues())
    assert [s.paragraph for s in result.sentences] == [0, 1]


def test_from_conllu_aligns_to_the_callers_text() -> None:
    text = "  Ann Berg  said the plan failed.\n\n\tIt   did.\n"
    doc = from_conllu(TWO_SENTENCES, text)
    assert doc.text is not None and doc.text == text
    assert all(a == b for a, b in _forms_at_offsets(doc))
    (quote,) = attribute(from_stanza(doc), load_cues()).quotes
    assert (quote.text, text[quote.start : quote.end]) == ("the plan failed", "the plan failed")


def test_from_conllu_takes_offsets_from_misc() -> None:
    text = "Ann said   it failed."
    conllu = (
        "\n".join(
            "\t".join([str(i), form, lemma, upos, "_", "_", head, rel, "_", f"start_char={a}|end_char={b}"])
            for i, (form, lemma, upos, head, rel, a, b) in enumerate(
                [
                    ("Ann", "Ann", "PROPN", "2", "nsubj", 0, 3),
                    ("said", "say", "VERB", "0", "root", 4, 8),
                    ("it", "it", "PRON", "4", "nsubj", 11, 13),
                    ("failed", "fail", "VERB", "2", "ccomp", 14, 20),
                    (".", ".", "PUNCT", "2", "punct", 20, 21),
                ],
                1,
            )
        )
        + "\n\n"
    )
    doc = from_conllu(conllu, text)
    assert [(t.start_char, t.end_char) for t in doc.sentences[0].tokens][2] == (11, 13)
    (quote,) = attribute(from_stanza(doc), load_cues()).quotes
    assert (quote.start, quote.end, quote.text) == (11, 20, "it failed")
    # Without the text, the tokens are laid out at their offsets on spaces.
    assert from_conllu(conllu).text == "Ann said   it failed."


def test_from_conllu_multiword_token_words_share_the_token_span() -> None:
    conllu = """# text = We're done.
1-2	We're	_	_	_	_	_	_	_	_
1	We	we	PRON	PRP	_	3	nsubj	_	_
2	're	be	AUX	VBP	_	3	cop	_	_
3	done	done	ADJ	JJ	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_

"""
    doc = from_conllu(conllu)
    parsed = from_stanza(doc)
    assert [(t.text, t.start, t.end) for t in parsed.sentences[0].tokens][:2] == [("We", 0, 2), ("'re", 2, 5)]


def test_from_conllu_rejects_text_that_does_not_match() -> None:
    with pytest.raises(InputError):
        from_conllu(TWO_SENTENCES, "Bob Berg said the plan failed. It did.")


def test_document_without_offsets_is_refused() -> None:
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str=TWO_SENTENCES)
    doc.text = "Ann Berg said the plan failed. It did."
    with pytest.raises(InputError, match="offsets"):
        StanzaBackend(lazy=True).process(doc)


def test_document_without_a_parse_falls_back_to_the_embedded_pipeline() -> None:
    unparsed = "\n".join(
        line if not line or line.startswith("#") else "\t".join([*line.split("\t")[:6], "_", "_", "_", "_"])
        for line in TWO_SENTENCES.splitlines()
    )
    doc = from_conllu(unparsed + "\n")
    result = StanzaBackend(lazy=True).process(doc)
    assert [q.text for q in result.quotes] == ["the plan failed"]
    assert all("parse:" not in q.evidence for q in result.quotes)


def test_other_inputs_are_refused() -> None:
    with pytest.raises(InputError):
        StanzaBackend(lazy=True).process(42)


# --- missing pieces ------------------------------------------------------------------------------------
def test_missing_models_say_how_to_get_them(tmp_path: Path, no_network: None) -> None:
    with pytest.raises(BackendUnavailable) as info:
        StanzaBackend(dir=tmp_path)
    message = str(info.value)
    assert "stanza.download" in message and "depparse" in message and str(tmp_path) in message


def test_missing_model_named_by_path(tmp_path: Path, no_network: None) -> None:
    tiny_models.stub_resources(tmp_path)
    with pytest.raises(BackendUnavailable) as info:
        StanzaBackend(
            dir=tmp_path, processors={"tokenize": "mine"}, model_paths={"tokenize": tmp_path / "nope.pt"}
        )
    assert "tokenize" in str(info.value) and "stanza.download" in str(info.value)


def test_truncated_model_file(tmp_path: Path, no_network: None) -> None:
    tiny_models.stub_resources(tmp_path)
    broken = tmp_path / "broken.pt"
    broken.write_bytes(b"")
    with pytest.raises(BackendUnavailable, match=r"stanza\.download"):
        StanzaBackend(dir=tmp_path, processors={"tokenize": "mine"}, model_paths={"tokenize": broken})


def test_stanza_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "stanza" or name.startswith("stanza."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "stanza", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(BackendUnavailable, match=r"pip install quoteattr\[stanza\]"):
        StanzaBackend(lazy=True)
    with pytest.raises(BackendUnavailable):
        backend_module.from_conllu(TWO_SENTENCES)


# --- real loading, on models trained here --------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("tiny_stanza")
    paths = tiny_models.train_all(work, steps=300)
    paths["dir"] = work / "models"
    tiny_models.stub_resources(paths["dir"])
    return paths


@pytest.mark.slow
def test_pipeline_loads_trained_models_and_attributes(tiny: dict[str, Path], no_network: None) -> None:
    backend = StanzaBackend(
        dir=tiny["dir"],
        model_paths={"tokenize": tiny["tokenize"], "pos": tiny["pos"], "depparse": tiny["depparse"]},
        processors={"tokenize": "tiny", "pos": "tiny", "lemma": "identity", "depparse": "tiny"},
        combine="parse-only",
    )
    sents = tiny_models.sentences()
    chosen = [sents[0], sents[1]]  # one direct, one indirect, both seen in training
    text = "  ".join(tiny_models.render(s) for s in chosen)
    result = backend.process(text)

    assert [(s.start, s.end) for s in result.sentences] == [
        (0, len(tiny_models.render(chosen[0]))),
        (len(tiny_models.render(chosen[0])) + 2, len(text)),
    ]
    # The trained parse must give what the hand-made (gold) parse of the same text gives.
    gold = attribute(from_stanza(from_conllu(tiny_models.conllu(chosen), text)), load_cues())
    assert [q.to_dict() for q in result.quotes] == [q.to_dict() for q in gold.quotes]
    assert [q.kind for q in result.quotes] == ["direct", "indirect"]
    for q in result.quotes:
        assert text[q.start : q.end] == q.text
        assert q.speaker is not None and text[q.speaker.start : q.speaker.end] == q.speaker.text


GERMAN = """# text = Die Ministerin sagte, dass die Schule schließt.
1	Die	der	DET	_	_	2	det	_	_
2	Ministerin	Ministerin	NOUN	_	_	3	nsubj	_	_
3	sagte	sagen	VERB	_	_	0	root	_	_
4	,	,	PUNCT	_	_	8	punct	_	_
5	dass	dass	SCONJ	_	_	8	mark	_	_
6	die	der	DET	_	_	7	det	_	_
7	Schule	Schule	NOUN	_	_	8	nsubj	_	_
8	schließt	schließen	VERB	_	_	3	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	_	_	3	punct	_	_

# text = Er warf ihr vor, gelogen zu haben.
1	Er	er	PRON	_	_	2	nsubj	_	_
2	warf	werfen	VERB	_	_	0	root	_	_
3	ihr	sie	PRON	_	_	2	iobj	_	_
4	vor	vor	ADP	_	_	2	compound:prt	_	SpaceAfter=No
5	,	,	PUNCT	_	_	8	punct	_	_
6	gelogen	lügen	VERB	_	_	8	xcomp	_	_
7	zu	zu	PART	_	_	8	mark	_	_
8	haben	haben	AUX	_	_	2	xcomp	_	SpaceAfter=No
9	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_a_german_document_is_read_with_the_german_language() -> None:
    """The stanza backend reads the same Language as the embedded one: 'dass', a separable cue."""
    doc = from_conllu(GERMAN)
    result = Pipeline("stanza", lang="de", lazy=True).process(doc)
    got = [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in result.quotes]
    assert got == [
        ("indirect", "die Schule schließt", "Die Ministerin"),
        ("indirect", "gelogen zu haben", "Er"),
    ]
    english = Pipeline("stanza", lang="en", lazy=True).process(doc)
    assert not english.quotes  # 'sagte' and 'warf … vor' are German cues only
