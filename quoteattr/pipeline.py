"""The reusable :class:`Pipeline` and the one-call :func:`extract`."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypeVar, overload

from .chunking import DEFAULT_MAX_CHARS, check_max_chars, process_in_chunks
from .dialogue import CharacterSource, characters_from
from .errors import ConfigError
from .lexicons import CueSource, load_cues
from .model import Result

_Id = TypeVar("_Id")

#: Backends by name. The stanza backend is imported only when asked for.
BACKENDS = ("embedded", "stanza")


class Backend(Protocol):
    """What a backend does: turn one input into a :class:`~quoteattr.model.Result`."""

    def process(self, doc: Any) -> Result: ...


class Pipeline:
    """A configured extractor; build once, reuse for many texts (it is safe to share between threads).

    Args:
        backend: ``"embedded"`` (default; rules only, offline) or ``"stanza"`` (dependency parse,
            NER and coreference from stanza's models; ``pip install quoteattr[stanza]``).
        cues: extra reporting cues — a TSV path in the format of ``lexicons/cues.tsv`` or rows
            ``(lemma, type, frame, forms)``; they extend the shipped lexicon.
        abbreviations: extra abbreviations for the sentence splitter (``"Gov."``).
        characters: the people of a story, for dialogue in fiction: names, ``(name, aliases)`` pairs or a
            mapping name → aliases (``{"Elizabeth Bennet": ["Lizzy", "Miss Bennet"]}``). An alias
            always means that character, and the name is the entity name reported. Embedded backend only.
        max_chars: a longer text is processed in pieces cut at paragraph breaks (else sentence ends),
            with offsets still exact in one result; this bounds memory on giant inputs, at the cost
            of coreference across pieces. ``None`` processes any text whole.
        **options: passed to the backend (for stanza: ``dir``, ``model_paths``, ``use_gpu``,
            ``download_method``, ``coref``).

    >>> pipe = Pipeline()
    >>> [q.kind for q in pipe.process('"We will win," she said.').quotes]
    ['direct']
    """

    def __init__(
        self,
        backend: str = "embedded",
        *,
        cues: CueSource = None,
        abbreviations: Iterable[str] | None = None,
        characters: CharacterSource = None,
        max_chars: int | None = DEFAULT_MAX_CHARS,
        **options: Any,
    ) -> None:
        if backend not in BACKENDS:
            raise ConfigError(f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")
        self.backend_name = backend
        self.max_chars = check_max_chars(max_chars)
        self.lexicon = load_cues(cues)
        self._backend: Backend
        if backend == "embedded":
            if options:
                raise ConfigError(f"the embedded backend takes no options, got {sorted(options)}")
            from .backends.embedded import EmbeddedBackend

            self._backend = EmbeddedBackend(
                self.lexicon, abbreviations=abbreviations, characters=characters_from(characters)
            )
        else:
            if characters is not None:
                raise ConfigError("characters= is supported by the embedded backend only")
            from .backends.stanza import StanzaBackend

            self._backend = StanzaBackend(self.lexicon, **options)

    def process(self, doc: Any) -> Result:
        """Find the quotes in one text (or, for the stanza backend, a ``stanza.Document``).

        Raises:
            TypeError: ``doc`` is not a ``str`` (or a document the backend accepts).
        """
        if isinstance(doc, str):
            if not doc.strip():
                return Result(doc)
            if self.max_chars is not None and len(doc) > self.max_chars:
                return process_in_chunks(doc, self._backend.process, self.max_chars)
            return self._backend.process(doc)
        if self.backend_name == "embedded":
            raise TypeError(f"quoteattr expected text as str, got {type(doc).__name__}")
        return self._backend.process(doc)

    def pipe(self, docs: Iterable[Any]) -> Iterator[Result]:
        """Process a stream of texts lazily, one result per text, in order."""
        for doc in docs:
            yield self.process(doc)

    def __repr__(self) -> str:
        return f"Pipeline(backend={self.backend_name!r})"


@functools.lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: Any) -> Result:
    """Find who said what in ``text`` with the default (embedded) pipeline.

    >>> result = extract('"The bridge will reopen in May," the mayor said.')
    >>> q = result.quotes[0]
    >>> q.text, q.kind, q.speaker.text
    ('The bridge will reopen in May,', 'direct', 'the mayor')
    """
    if not isinstance(text, str):
        cls = type(text)  # a stanza Document can only exist once stanza is imported: no import needed here
        if cls.__name__ == "Document" and cls.__module__.split(".")[0] == "stanza":
            return _stanza_pipeline().process(text)
        raise TypeError(f"quoteattr.extract expected text as str, got {cls.__name__}")
    return _default_pipeline().process(text)


@overload
def extract_many(texts: Iterable[str], pipeline: Pipeline | None = None) -> Iterator[Result]: ...
@overload
def extract_many(
    texts: Iterable[str], pipeline: Pipeline | None = None, *, ids: Iterable[_Id]
) -> Iterator[tuple[_Id, Result]]: ...
def extract_many(
    texts: Iterable[str], pipeline: Pipeline | None = None, *, ids: Iterable[_Id] | None = None
) -> Iterator[Result] | Iterator[tuple[_Id, Result]]:
    """Stream results for many texts with one pipeline, lazily and in order.

    With ``ids``, yields ``(id, result)`` pairs, so rows stay tied to your documents::

        rows = [{"doc": i, **rec} for i, r in extract_many(texts, ids=doc_ids) for rec in r.to_records()]
        pandas.DataFrame(rows)

    Raises:
        ValueError: ``ids`` and ``texts`` have different lengths (found when one runs out first).
    """
    pipe = pipeline or _default_pipeline()
    if ids is None:
        return pipe.pipe(texts)
    return _with_ids(pipe, texts, ids)


def _with_ids(pipe: Pipeline, texts: Iterable[str], ids: Iterable[_Id]) -> Iterator[tuple[_Id, Result]]:
    id_iter, text_iter = iter(ids), iter(texts)
    for doc_id in id_iter:
        text = next(text_iter, None)
        if text is None:
            raise ValueError("extract_many: more ids than texts")
        yield doc_id, pipe.process(text)
    if next(text_iter, None) is not None:
        raise ValueError("extract_many: more texts than ids")


@functools.lru_cache(maxsize=1)
def _stanza_pipeline() -> Pipeline:
    """A stanza pipeline that only reads user documents (it needs no models until given text)."""
    return Pipeline("stanza", lazy=True)
