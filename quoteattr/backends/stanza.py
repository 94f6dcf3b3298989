"""The stanza backend: parse-aware attribution on stanza's dependency parses.

stanza is imported lazily, so ``import quoteattr`` never needs it; without it
the backend raises :class:`~quoteattr.errors.BackendUnavailable` saying how to
install it. Models are never downloaded behind the user's back: the pipeline is
built with ``download_method=None`` unless asked otherwise, and missing models
raise ``BackendUnavailable`` naming the processor and how to get it
(``stanza.download("en")``, or explicit model paths) before any text is read.

A user who already ran stanza passes the ``Document`` itself: whatever it
carries is used (a document without a dependency parse falls back to the
embedded pipeline; one without coreference chains gets speakers without
chains). :func:`from_conllu` turns CoNLL-U, with or without offsets, into such
a document.
"""

from __future__ import annotations

import io
import os
import pickle
import warnings
from collections.abc import Mapping
from typing import Any

from ..dialogue import CharacterSource, characters_from
from ..errors import BackendUnavailable, ConfigError, InputError
from ..language import Language, get_language
from ..lexicons import CueLexicon, CueSource
from ..model import Result
from ..parsed import CorefChain, ParsedDoc, ParsedSentence, Token
from .parse_stages import COMBINE_MODES, run_parsed

#: Processors run on raw text. ``coref`` is appended when asked for.
DEFAULT_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
INSTALL_HINT = "pip install quoteattr[stanza]"
#: Options of :class:`~quoteattr.Pipeline` this backend cannot honour, and why: passed here they would
#: reach ``stanza.Pipeline``, which drops what it does not know without a word.
UNSUPPORTED = {
    "abbreviations": "stanza splits sentences itself and takes no abbreviations",
    "max_chars": "give max_chars to quoteattr.Pipeline, which cuts long texts before the backend",
    "cues": "give cues to quoteattr.Pipeline, or pass a Language as the first argument",
}
#: Prefixes of the per-processor options stanza reads (``tokenize_pretokenized``, ``pos_batch_size``).
PROCESSOR_PREFIXES = (
    "tokenize_",
    "mwt_",
    "pos_",
    "lemma_",
    "depparse_",
    "ner_",
    "coref_",
    "sentiment_",
    "constituency_",
    "langid_",
)


def import_stanza() -> Any:
    """The ``stanza`` module, or :class:`BackendUnavailable` with the install command."""
    try:
        import stanza  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise BackendUnavailable(f"the stanza backend needs the stanza package: {INSTALL_HINT}") from exc
    return stanza


class StanzaBackend:
    """Run stanza (or read a stanza ``Document``) and attribute quotes from its parse.

    Args:
        lexicon: the :class:`~quoteattr.language.Language` (its cues, its words and its code, which is
            also stanza's language code), a :class:`CueLexicon` or extra cues for English.
        lang: stanza language code when ``lexicon`` is not a ``Language``.
        dir: stanza's model directory; None means stanza's own default,
            ``stanza.resources.common.DEFAULT_MODEL_DIR`` (``$STANZA_RESOURCES_DIR`` if set, else a
            per-user cache such as ``~/.cache/stanza/<version>/resources`` on Linux, stanza 1.15).
        model_paths: per-processor model files, ``{"depparse": "/m/parser.pt", "pos_pretrain": "/m/pt.pt"}``;
            keys become ``<key>_model_path`` unless they already end in ``_path``.
        use_gpu: run on the GPU when there is one.
        download_method: passed to stanza; None (the default) never downloads.
        coref: add stanza's coreference processor (its models are a separate download).
        characters: the people of a story, for the dialogue stage (as ``Pipeline(characters=...)``).
        combine: how the parse-aware rules meet the embedded surface rules: ``"surface-first"``
            (default; the surface rules' quotes, with the parse's attribution wherever they found
            no speaker and the parse's quotes they missed), ``"parse-first"`` (the other way
            round) or ``"parse-only"``. See docs/backends.md for what each scored.
        lazy: build the stanza pipeline on the first text instead of now (for a backend that
            mostly reads ready ``Document`` s; missing models then surface at that first text).
        **stanza_kwargs: passed to ``stanza.Pipeline`` (``processors=...`` replaces the default list).

    Raises:
        BackendUnavailable: stanza is not installed, or its models are missing.
        ConfigError: an unknown ``combine`` mode, or an option stanza does not read (named in the
            message; :data:`UNSUPPORTED` says why for the options of ``quoteattr.Pipeline``).
    """

    name = "stanza"

    def __init__(
        self,
        lexicon: Language | CueLexicon | CueSource = None,
        *,
        lang: str | None = None,
        dir: str | os.PathLike[str] | None = None,
        model_paths: Mapping[str, str | os.PathLike[str]] | None = None,
        use_gpu: bool = False,
        download_method: Any = None,
        coref: bool = False,
        combine: str = "surface-first",
        lazy: bool = False,
        characters: CharacterSource = None,
        **stanza_kwargs: Any,
    ) -> None:
        if combine not in COMBINE_MODES:
            raise ConfigError(f"combine must be one of {', '.join(COMBINE_MODES)}, got {combine!r}")
        self.combine = combine
        self.characters = tuple(characters_from(characters))
        if isinstance(lexicon, Language):
            language = lexicon
        elif isinstance(lexicon, CueLexicon):
            language = get_language(lang or "en").with_lexicon(lexicon)
        else:
            language = get_language(lang or "en", cues=lexicon)
        self.language = language
        self.lexicon = language.cues
        self.lang = lang or language.code
        self.coref = coref
        self._stanza = import_stanza()
        _check_options(self._stanza, stanza_kwargs)
        processors = stanza_kwargs.pop("processors", DEFAULT_PROCESSORS)
        if coref and isinstance(processors, str) and "coref" not in processors.split(","):
            processors += ",coref"
        self.processors = processors
        self._options: dict[str, Any] = dict(stanza_kwargs)
        for key, path in (model_paths or {}).items():
            self._options[key if key.endswith("_path") else f"{key}_model_path"] = os.fspath(path)
        self.dir = os.fspath(dir) if dir is not None else self._default_dir()
        self._build_args = (use_gpu, download_method)
        self._nlp = None if lazy else self._build(*self._build_args)

    def _default_dir(self) -> str:
        from stanza.resources.common import DEFAULT_MODEL_DIR  # type: ignore[import-untyped,unused-ignore]

        return str(DEFAULT_MODEL_DIR)

    def _build(self, use_gpu: bool, download_method: Any) -> Any:
        stanza = self._stanza
        try:
            return stanza.Pipeline(
                self.lang,
                dir=self.dir,
                processors=self.processors,
                use_gpu=use_gpu,
                download_method=download_method,
                logging_level="WARN",
                **self._options,
            )
        except (FileNotFoundError, OSError) as exc:  # stanza's *NotFoundError, network errors
            raise BackendUnavailable(self._missing_message(exc)) from exc
        except (EOFError, pickle.UnpicklingError, KeyError) as exc:  # a truncated model, a bad resources.json
            raise BackendUnavailable(
                f"stanza models in {self.dir} could not be read ({type(exc).__name__}: {exc}); "
                f'download them again with stanza.download("{self.lang}")'
            ) from exc
        except ValueError as exc:
            if "No processors to load" in str(exc) or "unsupported" in str(exc).lower():
                raise BackendUnavailable(self._missing_message(exc)) from exc
            raise ConfigError(f"stanza rejected the pipeline options: {exc}") from exc

    def _missing_message(self, exc: BaseException) -> str:
        """Name the processors whose models are missing and say how to get them."""
        wanted = self.processors.split(",") if isinstance(self.processors, str) else list(self.processors)
        lang_dir = os.path.join(self.dir, self.lang)
        filename = getattr(exc, "filename", None)
        missing = [p for p in wanted if filename and self._options.get(f"{p}_model_path") == filename]
        if not missing:
            missing = [
                p
                for p in wanted
                if f"{p}_model_path" not in self._options and not os.path.isdir(os.path.join(lang_dir, p))
            ]
        if not missing and filename:
            missing = [os.path.basename(os.path.dirname(str(filename))) or str(filename)]
        what = ", ".join(missing) if missing else "one or more processors"
        return (
            f"stanza models for language {self.lang!r} are missing in {self.dir} ({what}). "
            f"Download them once with: python -c 'import stanza; stanza.download(\"{self.lang}\")' "
            f'(add processors="{self.processors}" to get only these), or pass '
            f"model_paths={{'depparse': '/path/to/parser.pt', ...}} for models you already have. "
            f"stanza said: {exc}"
        )

    def process(self, doc: Any) -> Result:
        """Attribute the quotes of a text (run through stanza) or of a stanza ``Document``.

        Raises:
            InputError: the input is neither, or the document has no text or character offsets.
        """
        stanza = self._stanza
        if isinstance(doc, str):
            if self._nlp is None:
                self._nlp = self._build(*self._build_args)
            doc = self._nlp(doc)
        elif not isinstance(doc, stanza.Document):
            raise InputError(f"expected a str or a stanza.Document, got {type(doc).__name__}")
        if doc.text is None:
            raise InputError(
                "the stanza Document has no text: build it from text, or use quoteattr.from_conllu"
            )
        if not has_parse(doc):
            return self._surface(doc.text)  # nothing to read a parse from
        return run_parsed(from_stanza(doc), self.language, self.combine, self.characters)

    def _surface(self, text: str) -> Result:
        """The embedded pipeline's result for the same text."""
        from .embedded import EmbeddedBackend

        return EmbeddedBackend(self.language, characters=self.characters).process(text)


def _check_options(stanza: Any, options: dict[str, Any]) -> None:
    """Refuse options stanza would silently drop: ours that do not apply here, and unknown names."""
    import inspect

    known = set(inspect.signature(stanza.Pipeline).parameters) - {"kwargs", "self"}
    for key in sorted(options):
        if key in UNSUPPORTED:
            raise ConfigError(f"the stanza backend does not take {key}=: {UNSUPPORTED[key]}")
        if key not in known and not key.startswith(PROCESSOR_PREFIXES):
            raise ConfigError(
                f"the stanza backend does not know the option {key}=; it takes dir, model_paths, use_gpu, "
                "download_method, coref, combine, lazy, characters, and stanza.Pipeline's own options"
            )


def has_parse(doc: Any) -> bool:
    """Every word of the document has a head and a relation."""
    return all(w.head is not None and w.deprel for s in doc.sentences for w in s.words)


def from_stanza(doc: Any) -> ParsedDoc:
    """The neutral view of a parsed stanza ``Document`` (offsets from its tokens)."""
    text = doc.text
    sentences = []
    for si, sent in enumerate(doc.sentences):
        toks = []
        for word in sent.words:
            parent = word.parent
            start = word.start_char if word.start_char is not None else parent.start_char
            end = word.end_char if word.end_char is not None else parent.end_char
            if start is None or end is None:
                raise InputError(
                    f"sentence {si}: word {word.text!r} has no character offsets; "
                    "build the Document from text, or with quoteattr.from_conllu"
                )
            toks.append(
                Token(
                    start,
                    end,
                    text[start:end],
                    word.lemma or word.text,
                    word.upos or "X",
                    word.head or 0,
                    word.deprel or "dep",
                    parent.ner or "O",
                )
            )
        if toks:
            sentences.append(ParsedSentence(tuple(toks), toks[0].start, toks[-1].end))
    chains = []
    for chain in getattr(doc, "coref", None) or ():
        mentions = tuple(
            (m.sentence, m.start_word, m.end_word) for m in chain.mentions if isinstance(m.start_word, int)
        )
        rep = chain.representative_index
        if mentions:
            chains.append(CorefChain(mentions, rep if rep is not None and rep < len(mentions) else None))
    return ParsedDoc(text, tuple(sentences), tuple(chains)).check()


# --- CoNLL-U --------------------------------------------------------------------------------------------
def from_conllu(conllu_text: str, text: str | None = None) -> Any:
    """A stanza ``Document`` with character offsets, from CoNLL-U.

    Offsets come from ``start_char=..|end_char=..`` in MISC when every token has
    them; otherwise tokens are aligned, in order, to ``text`` when given, else to
    each sentence's ``# text =`` line (sentences joined by a space, or a blank
    line at ``# newpar``), else to the forms joined by their ``SpaceAfter``.

    Raises:
        InputError: the CoNLL-U is malformed, or its tokens do not match ``text``.
    """
    import_stanza()
    from stanza.models.common.doc import Document  # type: ignore[import-untyped,unused-ignore]
    from stanza.utils.conll import CoNLL  # type: ignore[import-untyped,unused-ignore]

    try:
        parsed = CoNLL.conll2dict(input_str=conllu_text)
    except (ValueError, IndexError) as exc:
        raise InputError(f"not valid CoNLL-U: {exc}") from exc
    doc_dict, comments = parsed[0], parsed[1]
    units = [[u for u in sent if len(u["id"]) > 1 or not _inside_range(u, sent)] for sent in doc_dict]
    if all(_misc_offsets(u) is not None for sent in units for u in sent) and any(units):
        for sent in units:
            for u in sent:
                u["start_char"], u["end_char"] = _misc_offsets(u)  # type: ignore[misc]
        if text is None:
            text = _text_from_offsets(units)
    else:
        text = _align(units, comments, text)
    _spread_to_words(doc_dict)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = Document(doc_dict, text=None, comments=comments)
    doc.text = text
    for sent in doc.sentences:
        for tok in sent.tokens:
            if text[tok.start_char : tok.end_char] != tok.text:
                raise InputError(
                    f"token {tok.text!r} does not match the text at {tok.start_char}..{tok.end_char}"
                )
    doc.build_ents()
    return doc


def _inside_range(unit: dict[str, Any], sent: list[dict[str, Any]]) -> bool:
    """A word line covered by a multi-word token's range line (its offsets come from the range)."""
    i = unit["id"][0]
    return any(len(u["id"]) > 1 and u["id"][0] <= i <= u["id"][1] for u in sent)


def _misc_offsets(unit: dict[str, Any]) -> tuple[int, int] | None:
    found: dict[str, int] = {}
    for item in (unit.get("misc") or "").split("|"):
        key, _, value = item.partition("=")
        if key in ("start_char", "end_char") and value.isdigit():
            found[key] = int(value)
    if len(found) != 2:
        return None
    return found["start_char"], found["end_char"]


def _text_from_offsets(units: list[list[dict[str, Any]]]) -> str:
    """Lay each form at its offsets on a field of spaces (the text between tokens is unknown)."""
    size = max(u["end_char"] for sent in units for u in sent)
    chars = [" "] * size
    for sent in units:
        for u in sent:
            chars[u["start_char"] : u["end_char"]] = u["text"]
    return "".join(chars)


def _align(units: list[list[dict[str, Any]]], comments: list[list[str]], text: str | None) -> str:
    """Set offsets by laying the forms over ``text`` (built from the CoNLL-U when None)."""
    if text is None:
        out = io.StringIO()
        for n, (sent, notes) in enumerate(zip(units, comments, strict=True)):
            if n:
                out.write("\n\n" if any(c.startswith("# newpar") for c in notes) else " ")
            out.write(_sentence_text(sent, notes))
        text = out.getvalue()
    pos = 0
    for sent in units:
        for u in sent:
            form = u["text"]
            at = text.find(form, pos)
            if at < 0 or text[pos:at].strip():
                raise InputError(f"token {form!r} not found where expected in the text (after offset {pos})")
            u["start_char"], u["end_char"] = at, at + len(form)
            pos = at + len(form)
    return text


def _sentence_text(sent: list[dict[str, Any]], notes: list[str]) -> str:
    for note in notes:
        key, sep, value = note.lstrip("# ").partition("=")
        if sep and key.strip() == "text":
            return value.strip()
    out = []
    for u in sent:
        out.append(u["text"])
        if "SpaceAfter=No" not in (u.get("misc") or ""):
            out.append(" ")
    return "".join(out).rstrip()


def _spread_to_words(doc_dict: list[list[dict[str, Any]]]) -> None:
    """Give the words of a multi-word token offsets: their own pieces when they spell the token
    (``We're`` → ``We`` + ``'re``), else the whole token's span (``del`` → ``de`` + ``el``)."""
    for sent in doc_dict:
        for n, u in enumerate(sent):
            if len(u["id"]) == 1:
                continue
            words = [w for w in sent[n + 1 :] if len(w["id"]) == 1 and u["id"][0] <= w["id"][0] <= u["id"][1]]
            pos, spells = u["start_char"], "".join(w["text"] for w in words) == u["text"]
            for w in words:
                if spells:
                    w["start_char"], w["end_char"] = pos, pos + len(w["text"])
                    pos += len(w["text"])
                else:
                    w["start_char"], w["end_char"] = u["start_char"], u["end_char"]
