"""Gold and predicted quotes as typed frozen records, read from JSONL, JSON or Python objects.

Why: every later step (matching, metrics, report) trusts these records, so
all checks happen here, once, with messages that name the file, line and
field at fault.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from quoteattr.errors import InputError
from quoteattr.model import QUOTE_KINDS

#: A byte-order mark as decoded text: some Windows tools start a file with it (so, after ``cat``, a line).
BOM = "\ufeff"


def _where(where: str, key: str) -> str:
    return f"{where}: {key!r}"


def _opt_int(d: Mapping[str, Any], key: str, where: str) -> int | None:
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        raise InputError(f"{_where(where, key)} must be an integer, got {v!r}")
    return v


def _req_int(d: Mapping[str, Any], key: str, where: str) -> int:
    v = _opt_int(d, key, where)
    if v is None:
        raise InputError(f"{_where(where, key)} is missing")
    return v


def _opt_str(d: Mapping[str, Any], key: str, where: str) -> str | None:
    v = d.get(key)
    if v is None or v == "":
        return None
    if not isinstance(v, str):
        raise InputError(f"{_where(where, key)} must be a string, got {v!r}")
    return v


def _str_list(d: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    """A list of strings, ``None`` when absent."""
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise InputError(f"{_where(where, key)} must be a list of strings, got {v!r}")
    return tuple(x for x in v if x.strip())


def _opt_float(d: Mapping[str, Any], key: str, where: str) -> float | None:
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise InputError(f"{_where(where, key)} must be a number, got {v!r}")
    return float(v)


def _check_span(text: str, start: int, end: int, expect: object, where: str) -> None:
    """Offsets in range, and agreeing with the record's own copy of the text when it has one."""
    if not 0 <= start <= end <= len(text):
        raise InputError(f"{where}: span {start}-{end} outside the text (length {len(text)})")
    if isinstance(expect, str) and text[start:end] != expect:
        raise InputError(
            f"{where}: text[{start}:{end}] is {text[start:end]!r} but the record says {expect!r}"
            " (offsets computed on a different text?)"
        )


def _meta_value(value: Any) -> str:
    """A ``meta`` value as the label of its group: scalars as written, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _meta(d: Mapping[str, Any], where: str) -> dict[str, Any]:
    v = d.get("meta")
    if v is None:
        return {}
    if not isinstance(v, Mapping):
        raise InputError(f"{_where(where, 'meta')} must be an object, got {v!r}")
    return dict(v)


def _gold_speaker(d: Mapping[str, Any], text: str, where: str) -> tuple[str | None, int | None, int | None]:
    """The gold speaker mention and its offsets; offsets are dropped when the mention is."""
    speaker = _opt_str(d, "speaker", where)
    s_start, s_end = _opt_int(d, "speaker_start", where), _opt_int(d, "speaker_end", where)
    if speaker is None or s_start is None or s_end is None:
        return speaker, None, None
    _check_span(text, s_start, s_end, speaker, f"{where} speaker")
    return speaker, s_start, s_end


def _gold_cue(d: Mapping[str, Any], text: str, where: str) -> tuple[int | None, int | None]:
    c_start, c_end = _opt_int(d, "cue_start", where), _opt_int(d, "cue_end", where)
    if c_start is None or c_end is None:
        return None, None
    _check_span(text, c_start, c_end, d.get("cue"), f"{where} cue")
    return c_start, c_end


@attrs.frozen
class GoldQuote:
    """One gold quotation; offsets index the document text.

    ``speaker_aliases`` lists every name the corpus knows the speaker by
    (PDNC); ``meta`` holds the quote's ``meta`` fields over the document's,
    each value as a string, for breakdowns (``--by meta.quote_type``).
    """

    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    optional: bool = False
    speaker_aliases: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()

    def meta_value(self, key: str) -> str | None:
        """The ``meta`` value under ``key`` (as a string), or ``None``."""
        for k, v in self.meta:
            if k == key:
                return v
        return None

    @classmethod
    def from_dict(
        cls, d: Mapping[str, Any], text: str, where: str, doc_meta: Mapping[str, Any] | None = None
    ) -> GoldQuote:
        if not isinstance(d, Mapping):
            raise InputError(f"{where}: a quote must be an object, got {d!r}")
        start, end = _req_int(d, "start", where), _req_int(d, "end", where)
        _check_span(text, start, end, d.get("text"), where)
        kind = d.get("kind")
        if kind not in QUOTE_KINDS:
            raise InputError(f"{_where(where, 'kind')} must be one of {sorted(QUOTE_KINDS)}, got {kind!r}")
        speaker, s_start, s_end = _gold_speaker(d, text, where)
        c_start, c_end = _gold_cue(d, text, where)
        meta = {**(doc_meta or {}), **_meta(d, where)}
        return cls(
            start=start,
            end=end,
            kind=str(kind),
            speaker=speaker,
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_entity=_opt_str(d, "speaker_entity", where),
            cue_start=c_start,
            cue_end=c_end,
            optional=bool(d.get("optional")),
            speaker_aliases=_str_list(d, "speaker_aliases", where) or (),
            meta=tuple((str(k), _meta_value(v)) for k, v in meta.items()),
        )


def _annotated_kinds(d: Mapping[str, Any], where: str) -> frozenset[str] | None:
    kinds = _str_list(d, "annotated_kinds", where)
    if kinds is None:
        return None
    unknown = sorted(set(kinds) - QUOTE_KINDS)
    if unknown:
        raise InputError(
            f"{_where(where, 'annotated_kinds')}: unknown kinds {unknown} (known: {sorted(QUOTE_KINDS)})"
        )
    return frozenset(kinds)


@attrs.frozen
class GoldDoc:
    """A gold document: its text, quotes and must-not-report strings.

    ``annotated_kinds`` (``None``: all) names the kinds of quote the gold
    annotates; a prediction of another kind that matches no gold quote is
    neither right nor wrong.
    """

    id: str
    text: str = attrs.field(repr=False)
    quotes: tuple[GoldQuote, ...] = ()
    negatives: tuple[str, ...] = ()
    annotated_kinds: frozenset[str] | None = None
    lang: str | None = None  #: the record's ``"lang"`` (None: the evaluation's, ``EvalConfig.lang``)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str = "gold") -> GoldDoc:
        if not isinstance(d, Mapping):
            raise InputError(f"{where}: a document must be an object, got {type(d).__name__}")
        doc_id, text = d.get("id"), d.get("text")
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
            raise InputError(f"{where}: 'id' must be a string, got {doc_id!r}")
        if not isinstance(text, str):
            raise InputError(f"{where} ({doc_id}): 'text' must be a string")
        where = f"{where} ({doc_id})"
        quotes = d.get("quotes") or []
        negatives = d.get("negatives") or []
        if not isinstance(quotes, list) or not isinstance(negatives, list):
            raise InputError(f"{where}: 'quotes' and 'negatives' must be lists")
        if not all(isinstance(n, str) for n in negatives):
            raise InputError(f"{where}: 'negatives' must be strings")
        doc_meta = _meta(d, where)
        lang = d.get("lang")
        if lang is not None and not isinstance(lang, str):
            raise InputError(f"{where}: 'lang' must be a language code such as 'de', got {lang!r}")
        return cls(
            id=str(doc_id),
            text=text,
            quotes=tuple(
                GoldQuote.from_dict(q, text, f"{where} quote {i}", doc_meta) for i, q in enumerate(quotes)
            ),
            negatives=tuple(n for n in negatives if n),
            annotated_kinds=_annotated_kinds(d, where),
            lang=lang or None,
        )


def _pred_speaker(sp: Any, text: str, where: str) -> tuple[int | None, int | None, str | None]:
    """Offsets and text of a predicted speaker: an object with offsets, a bare name, or nothing."""
    if isinstance(sp, Mapping):
        s_start, s_end = _req_int(sp, "start", f"{where} speaker"), _req_int(sp, "end", f"{where} speaker")
        _check_span(text, s_start, s_end, sp.get("text"), f"{where} speaker")
        return s_start, s_end, text[s_start:s_end]
    if isinstance(sp, str) and sp:
        return None, None, sp  # a bare name from a tool that gives no offsets
    if sp not in (None, ""):
        raise InputError(f"{where}: 'speaker' must be an object, a string or null, got {sp!r}")
    return None, None, None


def _pred_entity(ent: Any, where: str) -> str | None:
    if isinstance(ent, Mapping):
        return _opt_str(ent, "name", f"{where} entity")
    if isinstance(ent, str) and ent:
        return ent
    return None


def _pred_cue(cue: Any, text: str, where: str) -> tuple[int | None, int | None]:
    if not isinstance(cue, Mapping):
        return None, None
    c_start, c_end = _req_int(cue, "start", f"{where} cue"), _req_int(cue, "end", f"{where} cue")
    _check_span(text, c_start, c_end, cue.get("text"), f"{where} cue")
    return c_start, c_end


@attrs.frozen
class PredQuote:
    """A predicted quotation, read from :meth:`quoteattr.model.Quote.to_dict` output."""

    start: int
    end: int
    kind: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    entity_name: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    evidence: str = ""
    confidence: float | None = None

    @property
    def has_speaker(self) -> bool:
        return self.speaker_text is not None or self.speaker_start is not None or self.entity_name is not None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], text: str, where: str) -> PredQuote:
        if not isinstance(d, Mapping):
            raise InputError(f"{where}: a quote must be an object, got {d!r}")
        start, end = _req_int(d, "start", where), _req_int(d, "end", where)
        _check_span(text, start, end, d.get("text"), where)
        s_start, s_end, s_text = _pred_speaker(d.get("speaker"), text, where)
        c_start, c_end = _pred_cue(d.get("cue"), text, where)
        kind = d.get("kind")
        return cls(
            start=start,
            end=end,
            kind=kind if isinstance(kind, str) else "",
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_text=s_text,
            entity_name=_pred_entity(d.get("entity"), where),
            cue_start=c_start,
            cue_end=c_end,
            evidence=str(d.get("evidence") or ""),
            confidence=_opt_float(d, "confidence", where),
        )


def jsonl_lines(raw: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of JSONL text, split on ``\\n`` only.

    Not :meth:`str.splitlines`: that also splits on U+2028, U+2029, U+0085
    and other separators, which JSON allows unescaped inside a string. A
    trailing ``\\r`` (Windows line ends) and a leading byte-order mark are
    dropped; blank lines are skipped.

    >>> list(jsonl_lines('\\ufeff{"a": "x\\u2028y"}\\r\\n\\n[1]'))
    [(1, '{"a": "x\\u2028y"}'), (3, '[1]')]
    """
    for n, line in enumerate(raw.split("\n"), 1):
        line = line.removesuffix("\r").removeprefix(BOM)
        if line.strip():
            yield n, line


def _read_records(path: str | Path) -> list[tuple[str, Any]]:
    """Records of a JSONL file, or of one JSON document / list; each with a ``file:line`` label."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")  # universal newlines: "\r\n" and "\r" become "\n"
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 ({exc})") from exc
    try:
        whole = json.loads(raw.removeprefix(BOM))
    except json.JSONDecodeError:
        whole = None
    else:
        if isinstance(whole, list):
            return [(f"{p}[{i}]", rec) for i, rec in enumerate(whole)]
        return [(str(p), whole)]
    out = []
    for n, line in jsonl_lines(raw):
        try:
            out.append((f"{p}:{n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}:{n}: not valid JSON ({exc.msg})") from exc
    return out


def load_gold(*paths: str | Path) -> list[GoldDoc]:
    """Gold documents from JSONL or JSON files; document ids must be unique across all files."""
    docs: list[GoldDoc] = []
    seen: dict[str, str] = {}
    for path in paths:
        for where, rec in _read_records(path):
            doc = GoldDoc.from_dict(rec, where)
            if doc.id in seen:
                raise InputError(f"{where}: duplicate document id {doc.id!r} (first in {seen[doc.id]})")
            seen[doc.id] = where
            docs.append(doc)
    return docs


def load_predictions(path: str | Path) -> dict[str, list[Any]]:
    """``{id: quotes}`` from a JSONL (or JSON) file of ``{"id", "quotes"}`` records."""
    out: dict[str, list[Any]] = {}
    for where, rec in _read_records(path):
        if not isinstance(rec, Mapping) or "id" not in rec:
            raise InputError(f"{where}: a prediction record needs an 'id' and 'quotes'")
        quotes = rec.get("quotes") or []
        if not isinstance(quotes, list):
            raise InputError(f"{where}: 'quotes' must be a list")
        doc_id = str(rec["id"])
        if doc_id in out:
            raise InputError(f"{where}: duplicate prediction for id {doc_id!r}")
        out[doc_id] = quotes
    return out


def quotes_of(output: Any, doc_id: str) -> list[Any]:
    """The quote list of a system's output: a ``Result``, a ``to_dict()`` dict, or a bare list."""
    if hasattr(output, "to_dict"):
        output = output.to_dict()
    if isinstance(output, Mapping):
        output = output.get("quotes") or []
    if not isinstance(output, list):
        raise InputError(f"{doc_id}: the system returned {type(output).__name__}, not a result with quotes")
    return output


def prediction_table(predictions: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """``{doc_id: [quote dicts]}`` from a mapping of outputs or from ``{"id", "quotes"}`` records."""
    if isinstance(predictions, Mapping):
        return {str(k): quotes_of(v, str(k)) for k, v in predictions.items()}
    table = {}
    for rec in predictions:
        if not isinstance(rec, Mapping) or "id" not in rec:
            raise InputError("a prediction record needs an 'id' and 'quotes'")
        table[str(rec["id"])] = quotes_of(rec, str(rec["id"]))
    return table
