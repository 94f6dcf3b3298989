"""The reusable :class:`Pipeline` and the one-call :func:`extract`."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar, overload

from .chunking import DEFAULT_MAX_CHARS, check_max_chars
from .dialogue import CharacterSource, characters_from
from .dialogue_book import read_book
from .errors import ConfigError
from .language import Language, get_language
from .lexicons import CueSource
from .model import Result

_Id = TypeVar("_Id")
#: A ``stanza.Document`` (from stanza or :func:`~quoteattr.from_conllu`); stanza ships no type hints.
StanzaDocument = Any

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
        lang: the language of the texts, a code (``"en"``, the default) naming a folder under
            ``quoteattr/lexicons/``, or a :class:`~quoteattr.language.Language`.
        cues: extra reporting cues — a TSV path in the format of ``lexicons/<lang>/cues.tsv`` or rows
            ``(lemma, type, frame, forms[, particle])``; they extend the shipped lexicon (and the
            sentence splitter's attribution verbs).
        abbreviations: extra abbreviations for the sentence splitter: one (``"Gov."``) or several
            (``["Gov.", "Sen."]``). A lower-case entry matches any case.
        characters: the people of a story, for dialogue in fiction: names, ``(name, aliases)`` pairs or a
            mapping name → aliases (``{"Elizabeth Bennet": ["Lizzy", "Miss Bennet"]}``). An alias
            always means that character, and the name is the entity name reported.
        max_chars: a longer text is processed in pieces cut at paragraph breaks (else sentence ends),
            with offsets still exact in one result; this bounds memory on giant inputs, at the cost
            of news coreference across pieces (the characters of a novel are carried from piece to
            piece). ``None`` processes any text whole.
        **options: passed to the backend (for stanza: ``dir``, ``model_paths``, ``use_gpu``,
            ``download_method``, ``coref``).

    Raises:
        TypeError: an argument has the wrong type (the message names it and the type received).
        ConfigError: an argument has the right type but a bad value (an unknown backend, a bad cue row).

    >>> pipe = Pipeline()
    >>> [q.kind for q in pipe.process('"We will win," she said.').quotes]
    ['direct']
    """

    def __init__(
        self,
        backend: str = "embedded",
        *,
        lang: str | Language = "en",
        cues: CueSource = None,
        abbreviations: str | Iterable[str] | None = None,
        characters: CharacterSource = None,
        max_chars: int | None = DEFAULT_MAX_CHARS,
        **options: Any,
    ) -> None:
        if not isinstance(backend, str):
            raise _type_error("Pipeline()", "backend", "a str such as 'embedded'", backend)
        if backend not in BACKENDS:
            raise ConfigError(f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")
        if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int)):
            raise _type_error("Pipeline()", "max_chars", "an int or None", max_chars)
        self.backend_name = backend
        self.max_chars = check_max_chars(max_chars)
        if not isinstance(lang, (str, Language)):
            raise _type_error("Pipeline()", "lang", "a language code such as 'en', or a Language", lang)
        extra_abbreviations = _check_abbreviations(abbreviations)
        characters = _check_characters(characters)
        self.lang = get_language(lang, cues=_check_cues(cues), abbreviations=extra_abbreviations)
        self.lexicon = self.lang.cues
        self._backend: Backend
        if backend == "embedded":
            if options:
                raise ConfigError(f"the embedded backend takes no options, got {sorted(options)}")
            from .backends.embedded import EmbeddedBackend

            self._backend = EmbeddedBackend(self.lang, characters=characters_from(characters))
        else:
            if abbreviations is not None:  # stanza splits sentences itself: the option would do nothing
                raise ConfigError("the stanza backend splits sentences itself and takes no abbreviations")
            from .backends.stanza import StanzaBackend

            self._backend = StanzaBackend(self.lang, characters=characters, **options)

    def process(self, doc: str | StanzaDocument) -> Result:
        """Find the quotes in one text.

        The stanza backend also takes a ready ``stanza.Document`` or a document from
        :func:`~quoteattr.from_conllu` instead of text, and reads its annotations.

        Raises:
            TypeError: ``doc`` is not a ``str`` (or a document the backend accepts).
        """
        if isinstance(doc, str):
            if not doc.strip():
                return Result(doc)
            if self.max_chars is not None and len(doc) > self.max_chars:
                return read_book(doc, self._backend.process, self.max_chars)
            return self._backend.process(doc)
        if self.backend_name == "embedded" or not _is_stanza_document(doc):
            expected = "a str" if self.backend_name == "embedded" else "a str or a stanza.Document"
            raise _type_error("Pipeline.process()", "doc", expected, doc)
        return self._backend.process(doc)

    def pipe(self, docs: Iterable[str]) -> Iterator[Result]:
        """Process a stream of texts lazily, one result per text, in order.

        Raises:
            TypeError: ``docs`` is a single ``str`` (wrap it in a list) or not iterable, at the
                call; an item that is not a ``str``, when it is reached.
        """
        return self._pipe(_check_texts(docs, "Pipeline.pipe()", "docs"))

    def _pipe(self, docs: Iterable[str]) -> Iterator[Result]:
        for doc in docs:
            yield self.process(doc)

    def __repr__(self) -> str:
        return f"Pipeline(backend={self.backend_name!r}, lang={self.lang.code!r})"


def _type_error(where: str, param: str, expected: str, value: object) -> TypeError:
    """The one shape of every wrong-type message: where, which parameter, what it must be, what came."""
    hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(value, (bytes, bytearray)) else ""
    return TypeError(f"{where}: {param} must be {expected}, got {type(value).__name__}{hint}")


def _is_stanza_document(obj: object) -> bool:
    """A stanza Document can only exist once stanza is imported: tell it by its class, importing nothing."""
    cls = type(obj)
    return cls.__name__ == "Document" and cls.__module__.split(".")[0] == "stanza"


def _check_texts(texts: object, where: str, param: str) -> Iterable[Any]:
    """``texts`` if it is an iterable of texts; a lone ``str`` would yield one character at a time."""
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(
            f"{where}: {param} must be an iterable of str, got a single {type(texts).__name__}; "
            "pass [text] for one text, or use process()/extract()"
        )
    if not isinstance(texts, Iterable):
        raise _type_error(where, param, "an iterable of str", texts)
    return texts


def _check_cues(cues: object) -> CueSource:
    """``cues`` if its type is one :func:`~quoteattr.lexicons.load_cues` reads; rows are checked there."""
    if cues is None or isinstance(cues, (str, Path)):
        return cues
    if isinstance(cues, os.PathLike):
        return Path(os.fspath(cues))
    if isinstance(cues, (bytes, bytearray, Mapping)) or not isinstance(cues, Iterable):
        expected = "a TSV path or an iterable of (lemma, type, frame, forms) rows"
        raise _type_error("Pipeline()", "cues", expected, cues)
    return cues


def _check_characters(characters: object) -> CharacterSource:
    """``(name, aliases)`` pairs, each entry checked here so a malformed one is refused by name.

    A lone str is one name (``characters="Ann Wood"``), never a sequence of one-letter names.
    """
    if characters is None:
        return None
    if isinstance(characters, str):
        return [(characters, ())]
    expected = "a dict of name -> aliases, or an iterable of names and (name, aliases) pairs"
    if isinstance(characters, (bytes, bytearray)) or not isinstance(characters, Iterable):
        raise _type_error("Pipeline()", "characters", expected, characters)
    items = characters.items() if isinstance(characters, Mapping) else characters
    out: list[tuple[str, tuple[str, ...]]] = []
    for item in items:
        if isinstance(item, str):
            out.append((item, ()))
            continue
        if not isinstance(item, (tuple, list)) or len(item) != 2 or not isinstance(item[0], str):
            raise TypeError(
                f"Pipeline(): characters must hold names or (name, aliases) pairs, got {item!r:.80}"
            )
        name, aliases = item
        if isinstance(aliases, (str, bytes)) or not isinstance(aliases, Iterable):
            raise TypeError(
                f"Pipeline(): characters: aliases of {name!r:.80} must be a list of str, got {aliases!r:.80}"
            )
        aliases = tuple(aliases)
        if not all(isinstance(a, str) for a in aliases):
            raise TypeError(
                f"Pipeline(): characters: aliases of {name!r:.80} must be str, got {aliases!r:.80}"
            )
        out.append((name, aliases))
    return out


def _check_abbreviations(abbreviations: object) -> tuple[str, ...] | None:
    """A tuple of abbreviations: a lone str is one abbreviation ("Gov."), never a sequence of characters."""
    if abbreviations is None:
        return None
    if isinstance(abbreviations, str):
        return (abbreviations,)
    if isinstance(abbreviations, (bytes, bytearray, Mapping)) or not isinstance(abbreviations, Iterable):
        raise _type_error("Pipeline()", "abbreviations", "a str or an iterable of str", abbreviations)
    entries = tuple(abbreviations)
    for entry in entries:
        if not isinstance(entry, str):
            got = f"{type(entry).__name__}: {entry!r}"
            raise TypeError(f"Pipeline(): abbreviations must hold str items, got {got}")
    return entries


@functools.lru_cache(maxsize=8)
def _default_pipeline(lang: str = "en") -> Pipeline:
    return Pipeline(lang=lang)


def extract(text: str, lang: str = "en") -> Result:
    """Find who said what in ``text`` with the default (embedded) pipeline for language ``lang``.

    For a ``stanza.Document`` use ``Pipeline("stanza", lazy=True).process(doc)`` (see
    docs/backends.md); ``extract`` still hands one to that pipeline when given it.

    Raises:
        TypeError: ``text`` is not a ``str``, or ``lang`` is not a ``str``.
        ConfigError: ``lang`` is not a supported language (the message lists them).

    >>> result = extract('"The bridge will reopen in May," the mayor said.')
    >>> q = result.quotes[0]
    >>> q.text, q.kind, q.speaker.text
    ('The bridge will reopen in May,', 'direct', 'the mayor')
    """
    if not isinstance(lang, str):
        raise _type_error("quoteattr.extract()", "lang", "a language code such as 'en'", lang)
    if not isinstance(text, str):
        if _is_stanza_document(text):
            return _stanza_pipeline(lang).process(text)
        raise _type_error("quoteattr.extract()", "text", "a str", text)
    return _default_pipeline(lang).process(text)


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
        TypeError: ``texts`` is a single ``str`` or not iterable, ``pipeline`` is not a
            :class:`Pipeline`, or ``ids`` is not iterable (at the call); an item of ``texts`` is
            not a ``str`` (when it is reached).
        ValueError: ``ids`` and ``texts`` have different lengths (found when one runs out first).
    """
    texts = _check_texts(texts, "extract_many()", "texts")
    if pipeline is not None and not isinstance(pipeline, Pipeline):
        raise _type_error("extract_many()", "pipeline", "a quoteattr.Pipeline or None", pipeline)
    pipe = pipeline or _default_pipeline()
    if ids is None:
        return pipe.pipe(texts)
    if isinstance(ids, (str, bytes, bytearray)) or not isinstance(ids, Iterable):
        raise _type_error("extract_many()", "ids", "an iterable of ids, one per text", ids)
    return _with_ids(pipe, texts, ids)


_END = object()  # "no more items": unlike None, never a value a caller can pass


def _with_ids(pipe: Pipeline, texts: Iterable[str], ids: Iterable[_Id]) -> Iterator[tuple[_Id, Result]]:
    id_iter, text_iter = iter(ids), iter(texts)
    for doc_id in id_iter:
        text = next(text_iter, _END)
        if text is _END:
            raise ValueError("extract_many: more ids than texts")
        yield doc_id, pipe.process(text)
    if next(text_iter, _END) is not _END:
        raise ValueError("extract_many: more texts than ids")


@functools.lru_cache(maxsize=8)
def _stanza_pipeline(lang: str = "en") -> Pipeline:
    """A stanza pipeline that only reads user documents (it needs no models until given text)."""
    return Pipeline("stanza", lang=lang, lazy=True)
