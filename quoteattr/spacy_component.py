"""A spaCy pipeline component: ``nlp.add_pipe("quoteattr")``.

The component runs quoteattr on ``doc.text`` — it needs no tagger, parser or
model, so it works in ``spacy.blank("en")`` — and exposes the result in spaCy
terms:

* ``doc._.quotes``: the quotes as ``Span`` objects, in text order, each aligned
  to tokens with ``doc.char_span(start, end, alignment_mode="expand")``;
* on each quote span: ``._.kind`` (``"direct"``, ``"indirect"``, ``"mixed"``),
  ``._.speaker`` (a ``Span`` or ``None``), ``._.entity`` (the speaker's canonical
  name or ``None``), ``._.cue`` (a ``Span`` or ``None``) and ``._.confidence``;
* ``doc._.quoteattr``: the full :class:`~quoteattr.model.Result`, with exact
  character offsets (the spans above are widened to whole tokens).

The quote spans are kept in ``doc.spans["quoteattr"]`` (label = kind), so they
survive ``DocBin`` serialisation and show in ``displacy.render(doc, style="span",
options={"spans_key": "quoteattr"})``. The span attributes are computed from
``doc._.quoteattr``, which lives in ``doc.user_data`` and is not serialisable:
use ``DocBin()`` (it skips user data by default) or
``doc.to_bytes(exclude=["user_data"])``, and ``nlp.pipe`` with one process.

The factory is registered when this module is imported and, through the
``spacy_factories`` entry point, whenever spaCy looks up ``"quoteattr"``.
"""

# No ``from __future__ import annotations``: spaCy validates the factory's
# arguments from their runtime annotations.

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from quoteattr.model import Quote, Result

#: Name of the factory and of the ``doc.spans`` group holding the quote spans.
NAME = "quoteattr"
SPANS_KEY = "quoteattr"
_RESULT_KEY = "quoteattr.result"  # in doc.user_data


def _result_of(doc: Doc) -> Result | None:
    value = doc.user_data.get(_RESULT_KEY)
    return value if isinstance(value, Result) else None


def _quote_of(span: Span) -> Quote | None:
    """The quote a span stands for: its ``id`` is the quote's index + 1, and it must cover the quote."""
    result = _result_of(span.doc)
    index: int = span.id - 1  # typed here, so the check reads the same with spaCy's stubs or without spaCy
    if result is None or not 0 <= index < len(result.quotes):
        return None
    quote = result.quotes[index]
    if span.label_ != quote.kind or not span.start_char <= quote.start <= quote.end <= span.end_char:
        return None
    return quote


def _aligned(doc: Doc, start: int, end: int) -> Span | None:
    if end <= start:
        return None
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    return span


def _quote_attr(read: Callable[[Quote], Any]) -> Callable[[Span], Any]:
    def getter(span: Span) -> Any:
        quote = _quote_of(span)
        return None if quote is None else read(quote)

    return getter


def _speaker(span: Span) -> Span | None:
    quote = _quote_of(span)
    if quote is None or quote.speaker is None:
        return None
    return _aligned(span.doc, quote.speaker.start, quote.speaker.end)


def _cue(span: Span) -> Span | None:
    quote = _quote_of(span)
    if quote is None or quote.cue is None:
        return None
    return _aligned(span.doc, quote.cue.start, quote.cue.end)


def _quotes(doc: Doc) -> list[Span]:
    if SPANS_KEY not in doc.spans:
        return []
    return list(doc.spans[SPANS_KEY])


_SPAN_GETTERS: dict[str, Callable[[Span], Any]] = {
    "kind": _quote_attr(lambda q: q.kind),
    "speaker": _speaker,
    "entity": _quote_attr(lambda q: None if q.entity is None else q.entity.name),
    "cue": _cue,
    "confidence": _quote_attr(lambda q: round(q.confidence, 3)),  # as in to_dict()
}


def register_extensions() -> None:
    """Declare the ``._`` attributes; an attribute another package already owns is left alone."""
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_quotes)
    if not Doc.has_extension("quoteattr"):
        Doc.set_extension("quoteattr", getter=_result_of)
    for name, getter in _SPAN_GETTERS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


class QuoteattrComponent:
    """Runs a quoteattr ``Pipeline`` on each ``Doc`` and annotates it (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = NAME, *, pipeline: Any = None, **options: Any) -> None:
        if pipeline is None:
            from quoteattr.pipeline import Pipeline  # lazy: importing spaCy support must stay cheap

            pipeline = Pipeline(**options)
        self.name = name
        self.pipeline = pipeline
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.pipeline.process(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def set_annotations(self, doc: Doc, result: Result) -> Doc:
        """Attach ``result`` (computed on ``doc.text``) to ``doc``; quotes no token covers are left out."""
        if result.text != doc.text:
            raise ValueError("the result was computed on a different text than this Doc's")
        doc.user_data[_RESULT_KEY] = result
        spans = []
        for index, quote in enumerate(result.quotes):
            aligned = _aligned(doc, quote.start, quote.end)
            if aligned is not None:
                spans.append(Span(doc, aligned.start, aligned.end, label=quote.kind, span_id=index + 1))
        spans.sort(key=lambda s: (s.start_char, -s.end_char))
        doc.spans[SPANS_KEY] = spans
        return doc


def make_quoteattr(nlp: Language, name: str, options: dict[str, Any]) -> QuoteattrComponent:
    """spaCy factory; ``options`` are keyword arguments for ``quoteattr.Pipeline``.

    ``nlp.add_pipe("quoteattr", config={"options": {"cues": "my_cues.tsv"}})``
    """
    return QuoteattrComponent(nlp, name, **options)


# Registered by a call rather than a decorator: where spaCy is not installed, mypy sees
# ``Language`` as ``Any`` and would call the decorated factory untyped (--strict forbids that).
Language.factory(
    NAME,
    default_config={"options": {}},
    assigns=["doc._.quotes", "doc._.quoteattr"],
    func=make_quoteattr,
)


register_extensions()
