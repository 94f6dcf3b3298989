"""The spaCy component on a blank English pipeline: factory, alignment, span attributes, serialisation."""

from __future__ import annotations

import importlib.util
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is optional: pip install 'quoteattr[spacy]'")

from spacy.tokens import DocBin  # noqa: E402

from quoteattr.model import Cue, Entity, Mention, Quote, Result  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

TEXT = '"The bridge will reopen in May," Ada Obi said. She told reporters that costs had doubled.'


def _result(text: str) -> Result:
    """What a correct pipeline returns for TEXT (built by hand, so these tests do not depend on its rules)."""
    ada = Entity(0, "Ada Obi", (Mention(33, 40, "Ada Obi"), Mention(47, 50, "She", kind="pronoun")))
    first = Quote(1, 31, text[1:31], cue=Cue(41, 45, "said"), speaker=ada.mentions[0], entity=ada,
                  confidence=0.9, evidence="postposed")  # fmt: skip
    start = text.index("costs")
    second = Quote(start, len(text) - 1, text[start:-1], kind="indirect", cue=Cue(51, 55, "told"),
                   speaker=ada.mentions[1], entity=ada, confidence=0.7, evidence="preposed")  # fmt: skip
    return Result(text, quotes=(second, first), entities=(ada,))


class _FakePipeline:
    """Stands in for quoteattr.Pipeline: returns the hand-built result and records its options."""

    options: ClassVar[dict[str, object]] = {}

    def __init__(self, **options: object) -> None:
        _FakePipeline.options = options

    def process(self, text: str) -> Result:
        return _result(text) if text == TEXT else Result(text)


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    module = types.ModuleType("quoteattr.pipeline")
    module.Pipeline = _FakePipeline  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quoteattr.pipeline", module)
    yield


def test_factory_is_found_by_name(fake_pipeline: None) -> None:
    import quoteattr.spacy_component  # noqa: F401  (registers the factory, as the entry point does)

    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config={"options": {"cues": "extra.tsv"}})
    assert nlp.pipe_names == ["quoteattr"]
    assert _FakePipeline.options == {"cues": "extra.tsv"}


def test_quotes_become_aligned_spans_with_attributes(fake_pipeline: None) -> None:
    import quoteattr.spacy_component  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    doc = nlp(TEXT)
    direct, indirect = doc._.quotes  # text order, whatever order the result had
    assert direct.text == "The bridge will reopen in May,"
    assert (direct._.kind, direct._.entity, direct._.confidence) == ("direct", "Ada Obi", 0.9)
    assert direct._.speaker.text == "Ada Obi" and direct._.cue.text == "said"
    assert indirect.text == "costs had doubled"
    assert (indirect._.kind, indirect._.speaker.text, indirect._.entity) == ("indirect", "She", "Ada Obi")
    assert indirect._.cue.text == "told"
    assert doc._.quoteattr.quotes[1].start == 1  # the Result keeps exact character offsets
    # A span that is not a quote has no quote attributes.
    assert doc[0:2]._.kind is None and doc[0:2]._.speaker is None


def test_alignment_expands_to_whole_tokens(fake_pipeline: None) -> None:
    from quoteattr.spacy_component import QuoteattrComponent

    nlp = spacy.blank("en")
    text = "Mr Lo said it was unacceptable today."
    start = text.index("acceptable")  # a quote starting mid-word widens to the token
    result = Result(text, quotes=(Quote(start, start + 10, text[start : start + 10], kind="mixed"),))
    doc = QuoteattrComponent(nlp).set_annotations(nlp(text), result)
    (span,) = doc._.quotes
    assert span.text == "unacceptable"
    assert span._.kind == "mixed" and span._.speaker is None and span._.entity is None


def test_a_doc_without_quotes(fake_pipeline: None) -> None:
    import quoteattr.spacy_component  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    doc = nlp("Nothing was said here.")
    assert doc._.quotes == [] and len(doc._.quoteattr) == 0
    assert nlp.make_doc("not processed")._.quotes == []


def test_result_for_another_text_is_refused(fake_pipeline: None) -> None:
    from quoteattr.spacy_component import QuoteattrComponent

    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="different text"):
        QuoteattrComponent(nlp).set_annotations(nlp("one text"), Result("another text"))


def test_quote_spans_survive_docbin(fake_pipeline: None) -> None:
    import quoteattr.spacy_component  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    data = DocBin(docs=[nlp(TEXT)]).to_bytes()
    (doc,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert [(s.text, s.label_) for s in doc.spans["quoteattr"]] == [
        ("The bridge will reopen in May,", "direct"),
        ("costs had doubled", "indirect"),
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("quoteattr.pipeline") is None, reason="quoteattr.pipeline is not written yet"
)
def test_real_pipeline_on_blank_english() -> None:
    import quoteattr.spacy_component  # noqa: F401
    from quoteattr import extract

    text = (ROOT / "seeds" / "soleimani_anniversary.txt").read_text(encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    doc = nlp(text)
    expected = extract(text)
    assert len(doc._.quotes) == len([q for q in expected.quotes if q.end > q.start])
    for span in doc._.quotes:
        assert span._.kind in {"direct", "indirect", "mixed"}
        quote = doc._.quoteattr.quotes[span.id - 1]
        assert span.start_char <= quote.start <= quote.end <= span.end_char
        if quote.speaker is not None:
            assert (
                span._.speaker.start_char
                <= quote.speaker.start
                < quote.speaker.end
                <= span._.speaker.end_char
            )
    assert any(s._.entity for s in doc._.quotes)


def test_entry_point_is_declared() -> None:
    """spaCy finds the factory without an import when the package is installed with its entry point."""
    from importlib.metadata import entry_points

    found = [ep for ep in entry_points(group="spacy_factories") if ep.name == "quoteattr"]
    if not found:
        pytest.skip("quoteattr is not installed with its spacy_factories entry point (pip install -e .)")
    assert found[0].value == "quoteattr.spacy_component:make_quoteattr"
