"""Score quote attributions against gold: quote P/R/F1, speaker and cue accuracy, error lists.

Users choose an attribution tool by its numbers, so every number here is
defined in one place, its counts are reported with it, and nothing is
silently dropped.

**Gold** is JSONL (one document per line) or one JSON document (or a JSON
list): ``id``, ``text``, ``quotes`` and optional ``negatives`` (strings that
must not be reported as quotes). Each gold quote has ``start``/``end``,
``kind``, ``speaker`` with ``speaker_start``/``speaker_end`` (``null`` when
the text names no source), optional ``speaker_entity`` (the resolved name;
several people separated by ``;``), optional ``cue``/``cue_start``/``cue_end``
and optional ``optional`` (truthy: the quote counts neither way).

**Predictions** are ``{"id", "quotes"}`` records whose quotes have the shape
of :meth:`quoteattr.model.Quote.to_dict`; or any callable ``text -> dict``
(or ``-> Result``) is run on each gold text; by default ``quoteattr.extract``.

Definitions
-----------
* Spans are compared after *trimming* both ends of both spans: whitespace,
  punctuation (every Unicode ``P*`` character, so quote marks of all styles)
  and the symbols in :data:`EXTRA_TRIM_CHARS`; then one leading word from
  :data:`LEADING_WORDS` ("that") and the edges again.
* **exact**: trimmed spans have equal offsets. **overlap**: the trimmed spans
  share at least half of the trimmed gold span. Both are one-to-one; overlap
  pairs are chosen greedily by largest overlap, so one prediction can never
  satisfy two golds.
* **Optional** gold quotes are not counted in recall, and a prediction that
  matches (by overlap) only an optional gold is ignored, in both modes.
* A prediction not matched to a required gold that overlaps an occurrence of a
  ``negatives`` string is a false positive even if an optional gold covers it,
  and is also counted as a *negative reported*.
* Rows by kind: recall is over gold quotes of that kind, precision over
  predictions labelled with that kind (a quote found with the wrong kind
  still counts as found; ``kind_agreement`` measures the kind separately).
  In the ``all`` row both sides count the same matches.
* ``precision`` is ``None`` (``n/a``) when nothing was predicted, ``recall``
  is ``None`` when there is no gold; F1 is their harmonic mean, 0.0 when
  either is 0 (so an empty prediction against non-empty gold scores recall
  0.0, precision n/a, F1 0.0) and ``None`` when the other is undefined.
* **Speaker** (on overlap-matched required quotes): a null gold speaker is
  right iff the prediction has no speaker. Otherwise, when the gold has a
  ``speaker_entity`` and the gold mention does not itself name that entity
  (a pronoun or nominal: "He", "I", "some"), the predicted *entity name*
  (or, without an entity, the predicted mention text) must match the gold
  entity. In every other case the predicted mention must overlap the gold
  mention by offsets (or, when the gold has an entity, name the entity).
  Names match case-insensitively when one's tokens are a subset of the
  other's ("Trump" ~ "Donald Trump"); articles are ignored. A gold entity
  listing several people ("A; B") is matched by naming **any** of them,
  because a system reports one speaker per quote.
* **End-to-end**: a true positive is an overlap match with the right speaker;
  a wrong speaker costs one FP and one FN.
* **Cue** accuracy (on matches whose gold has a cue): the cues overlap.

>>> gold = {"id": "d1", "text": 'She said "we won." He left.',
...         "quotes": [{"start": 10, "end": 17, "kind": "direct", "speaker": "She",
...                     "speaker_start": 0, "speaker_end": 3}]}
>>> pred = {"d1": [{"start": 9, "end": 18, "kind": "direct",
...                 "speaker": {"start": 0, "end": 3, "text": "She"}}]}
>>> report = evaluate([gold], predictions=pred)
>>> report.row().exact.f1, report.row().speaker.value
(1.0, 1.0)
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quoteattr.errors import ConfigError, InputError, QuoteattrError
from quoteattr.model import QUOTE_KINDS

__all__ = [
    "EXTRA_TRIM_CHARS",
    "LEADING_WORDS",
    "NAME_STOPWORDS",
    "ErrorItem",
    "GoldDoc",
    "GoldQuote",
    "PredQuote",
    "Ratio",
    "Report",
    "Row",
    "Scores",
    "evaluate",
    "format_rows",
    "load_gold",
    "load_predictions",
    "main",
    "names_match",
    "speaker_right",
    "trim_span",
]

#: Row label of the totals over all kinds.
ALL = "all"
#: Kinds in table order.
KINDS: tuple[str, ...] = tuple(sorted(QUOTE_KINDS))

#: Words removed from the start of a span before comparing (PolNeAR-style
#: indirect spans may start with the complementizer). Extend to taste.
LEADING_WORDS: list[str] = ["that"]
#: Quote-like symbols trimmed besides whitespace and Unicode punctuation (``P*``).
EXTRA_TRIM_CHARS: set[str] = {"`", "´"}
#: Tokens ignored when comparing speaker names.
NAME_STOPWORDS: set[str] = {"the", "a", "an"}
#: Characters of context shown either side of an error.
CONTEXT_CHARS = 60
#: Longest span text shown in an error before its middle is elided.
MAX_SHOWN = 160


# --------------------------------------------------------------------------- spans and names


def _trimmable(ch: str) -> bool:
    return ch.isspace() or ch in EXTRA_TRIM_CHARS or unicodedata.category(ch).startswith("P")


def _opens_after_word(ch: str) -> bool:
    """What may follow a leading word we strip: space or an *opening* quote mark.

    Not ``'`` or ``’``, so "that's" keeps its "that".
    """
    return ch.isspace() or ch == '"' or unicodedata.category(ch) in ("Pi", "Ps")


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _trimmable(text[start]):
        start += 1
    while end > start and _trimmable(text[end - 1]):
        end -= 1
    return start, end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without edge spaces, punctuation, quote marks and one leading "that".

    >>> text = 'He said that "we will win."'
    >>> s, e = trim_span(text, 8, 27)
    >>> text[s:e]
    'we will win'
    >>> t = "that's final"
    >>> t[slice(*trim_span(t, 0, len(t)))]
    "that's final"
    """
    start, end = _trim_edges(text, start, end)
    for word in LEADING_WORDS:
        n = len(word)
        if end - start > n and text[start : start + n].lower() == word and _opens_after_word(text[start + n]):
            return _trim_edges(text, start + n, end)
    return start, end


def _name_tokens(name: str) -> frozenset[str]:
    out = set()
    for raw in name.lower().replace("’", "'").split():
        tok = raw
        while tok and _trimmable(tok[0]):
            tok = tok[1:]
        while tok and _trimmable(tok[-1]):
            tok = tok[:-1]
        if tok.endswith("'s"):
            tok = tok[:-2]
        if tok and tok not in NAME_STOPWORDS:
            out.add(tok)
    return frozenset(out)


def names_match(a: str, b: str) -> bool:
    """Whether two names plausibly denote the same person: one's tokens contain the other's.

    >>> names_match("Trump", "Donald Trump"), names_match("the Spokesman", "spokesman")
    (True, True)
    >>> names_match("Ivanka Trump", "Donald Trump"), names_match("the", "the minister")
    (False, False)
    """
    ta, tb = _name_tokens(a), _name_tokens(b)
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _eval_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The trimmed span, or the raw one if trimming leaves nothing (a quote of bare punctuation)."""
    s, e = trim_span(text, start, end)
    return (s, e) if e > s else (start, end)


# --------------------------------------------------------------------------- input records


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


def _check_span(text: str, start: int, end: int, expect: object, where: str) -> None:
    """Offsets in range, and agreeing with the record's own copy of the text when it has one."""
    if not 0 <= start <= end <= len(text):
        raise InputError(f"{where}: span {start}-{end} outside the text (length {len(text)})")
    if isinstance(expect, str) and text[start:end] != expect:
        raise InputError(
            f"{where}: text[{start}:{end}] is {text[start:end]!r} but the record says {expect!r}"
            " (offsets computed on a different text?)"
        )


@attrs.frozen
class GoldQuote:
    """One gold quotation; offsets index the document text."""

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

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], text: str, where: str) -> GoldQuote:
        if not isinstance(d, Mapping):
            raise InputError(f"{where}: a quote must be an object, got {d!r}")
        start, end = _req_int(d, "start", where), _req_int(d, "end", where)
        _check_span(text, start, end, d.get("text"), where)
        kind = d.get("kind")
        if kind not in QUOTE_KINDS:
            raise InputError(f"{_where(where, 'kind')} must be one of {sorted(QUOTE_KINDS)}, got {kind!r}")
        speaker = _opt_str(d, "speaker", where)
        s_start, s_end = _opt_int(d, "speaker_start", where), _opt_int(d, "speaker_end", where)
        if speaker is None or s_start is None or s_end is None:
            s_start = s_end = None
        else:
            _check_span(text, s_start, s_end, speaker, f"{where} speaker")
        c_start, c_end = _opt_int(d, "cue_start", where), _opt_int(d, "cue_end", where)
        if c_start is None or c_end is None:
            c_start = c_end = None
        else:
            _check_span(text, c_start, c_end, d.get("cue"), f"{where} cue")
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
        )


@attrs.frozen
class GoldDoc:
    """A gold document: its text, quotes and must-not-report strings."""

    id: str
    text: str = attrs.field(repr=False)
    quotes: tuple[GoldQuote, ...] = ()
    negatives: tuple[str, ...] = ()

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
        return cls(
            id=str(doc_id),
            text=text,
            quotes=tuple(GoldQuote.from_dict(q, text, f"{where} quote {i}") for i, q in enumerate(quotes)),
            negatives=tuple(n for n in negatives if n),
        )


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

    @property
    def has_speaker(self) -> bool:
        return self.speaker_text is not None or self.speaker_start is not None or self.entity_name is not None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], text: str, where: str) -> PredQuote:
        if not isinstance(d, Mapping):
            raise InputError(f"{where}: a quote must be an object, got {d!r}")
        start, end = _req_int(d, "start", where), _req_int(d, "end", where)
        _check_span(text, start, end, d.get("text"), where)
        s_start = s_end = None
        s_text = None
        sp = d.get("speaker")
        if isinstance(sp, Mapping):
            s_start, s_end = (
                _req_int(sp, "start", f"{where} speaker"),
                _req_int(sp, "end", f"{where} speaker"),
            )
            _check_span(text, s_start, s_end, sp.get("text"), f"{where} speaker")
            s_text = text[s_start:s_end]
        elif isinstance(sp, str) and sp:
            s_text = sp  # a bare name from a tool that gives no offsets
        elif sp not in (None, ""):
            raise InputError(f"{where}: 'speaker' must be an object, a string or null, got {sp!r}")
        ent = d.get("entity")
        entity_name = None
        if isinstance(ent, Mapping):
            entity_name = _opt_str(ent, "name", f"{where} entity")
        elif isinstance(ent, str) and ent:
            entity_name = ent
        c_start = c_end = None
        cue = d.get("cue")
        if isinstance(cue, Mapping):
            c_start, c_end = _req_int(cue, "start", f"{where} cue"), _req_int(cue, "end", f"{where} cue")
            _check_span(text, c_start, c_end, cue.get("text"), f"{where} cue")
        kind = d.get("kind")
        return cls(
            start=start,
            end=end,
            kind=kind if isinstance(kind, str) else "",
            speaker_start=s_start,
            speaker_end=s_end,
            speaker_text=s_text,
            entity_name=entity_name,
            cue_start=c_start,
            cue_end=c_end,
            evidence=str(d.get("evidence") or ""),
        )


def _read_records(path: str | Path) -> list[tuple[str, Any]]:
    """Records of a JSONL file, or of one JSON document / list; each with a ``file:line`` label."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 ({exc})") from exc
    try:
        whole = json.loads(raw)
    except json.JSONDecodeError:
        whole = None
    else:
        if isinstance(whole, list):
            return [(f"{p}[{i}]", rec) for i, rec in enumerate(whole)]
        return [(str(p), whole)]
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
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


# --------------------------------------------------------------------------- scores


@attrs.frozen
class Scores:
    """Counts of a matching, with precision/recall/F1 derived (``None`` when undefined).

    ``tp``/``fn`` count gold quotes found/missed (recall); ``tp_pred``/``fp``
    count predictions that matched/did not (precision). They differ only in
    rows by kind, where gold quotes are split by gold kind and predictions by
    predicted kind.

    >>> s = Scores(tp=3, fn=1, tp_pred=3, fp=3)
    >>> s.precision, s.recall, round(s.f1 or 0, 4)
    (0.5, 0.75, 0.6)
    >>> Scores(tp=0, fn=4).precision, Scores(tp=0, fn=4).f1
    (None, 0.0)
    """

    tp: int = 0
    fn: int = 0
    tp_pred: int = 0
    fp: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp_pred / (self.tp_pred + self.fp) if self.tp_pred + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean; 0.0 when either side is 0, ``None`` when the other side is undefined.

        Computed from the counts in one division, so equal ratios give equal floats.
        """
        a, b = self.tp_pred, self.tp
        if (a == 0 and self.fp) or (b == 0 and self.fn):
            return 0.0
        if a == 0 or b == 0:
            return None
        return 2 * a * b / (2 * a * b + a * self.fn + b * self.fp)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fn": self.fn,
            "tp_pred": self.tp_pred,
            "fp": self.fp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@attrs.frozen
class Ratio:
    """``correct`` out of ``total``; ``value`` is ``None`` when there was nothing to judge."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@attrs.frozen
class Row:
    """Scores for one kind of quote (or ``"all"``).

    ``gold`` counts required gold quotes, ``optional`` the optional ones;
    ``predicted`` counts predictions (by predicted kind) and ``ignored`` those
    among them that matched only an optional gold.
    """

    kind: str
    gold: int
    optional: int
    predicted: int
    ignored: int
    negatives_reported: int
    exact: Scores
    overlap: Scores
    end_to_end: Scores
    speaker: Ratio
    cue: Ratio
    kind_agreement: Ratio

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "gold": self.gold,
            "optional": self.optional,
            "predicted": self.predicted,
            "ignored": self.ignored,
            "negatives_reported": self.negatives_reported,
            "exact": self.exact.to_dict(),
            "overlap": self.overlap.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict(),
            "kind_agreement": self.kind_agreement.to_dict(),
        }


_SPACES = re.compile(r"\s+")


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    def flat(s: str) -> str:
        return _SPACES.sub(" ", s)

    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return flat(left).lstrip(), flat(text[start:end]), flat(right).rstrip()


@attrs.frozen
class ErrorItem:
    """One mistake, with enough context to see why.

    ``type`` is ``missed`` (a required gold quote nothing matched),
    ``spurious`` (a prediction that matched nothing; ``negative`` when it hit
    a must-not-report string) or ``speaker`` (quote found, speaker wrong).
    ``kind`` is the gold kind, or the predicted kind for ``spurious``;
    the span is the gold one except for ``spurious``. ``predicted_span``
    is the matched prediction's span for ``speaker`` errors.
    """

    doc_id: str
    type: str
    kind: str
    start: int
    end: int
    text: str
    left: str
    right: str
    gold_speaker: str | None = None
    predicted_speaker: str | None = None
    negative: bool = False
    evidence: str = ""
    predicted_span: tuple[int, int] | None = None

    def format(self) -> str:
        shown = self.text
        if len(shown) > MAX_SHOWN:
            shown = shown[: MAX_SHOWN * 2 // 3] + " … " + shown[-MAX_SHOWN // 3 :]
        head = f"[{self.type}] {self.doc_id} {self.kind or '?'} {self.start}-{self.end}"
        if self.predicted_span is not None and self.predicted_span != (self.start, self.end):
            head += f" (predicted {self.predicted_span[0]}-{self.predicted_span[1]})"
        if self.negative:
            head += " NEGATIVE"
        if self.evidence:
            head += f" evidence={self.evidence}"
        lines = [head, f"    …{self.left}⟦{shown}⟧{self.right}…"]
        if self.type != "spurious":
            lines.append(f"    gold speaker: {self.gold_speaker or '(none)'}")
        if self.type != "missed":
            lines.append(f"    predicted speaker: {self.predicted_speaker or '(none)'}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _fmt_ratio(r: Ratio) -> str:
    return f"{_fmt(r.value)} ({r.correct}/{r.total})"


_COLUMNS = (
    "kind",
    "gold",
    "opt",
    "pred",
    "ex.P",
    "ex.R",
    "ex.F1",
    "ov.P",
    "ov.R",
    "ov.F1",
    "speaker acc",
    "e2e.F1",
    "cue acc",
    "neg",
)

LEGEND = (
    "exact: equal spans after trimming spaces, punctuation, quote marks and a leading 'that'; "
    "overlap: >= 50% of the gold span, one-to-one.\n"
    "speaker/cue acc: on overlap matches; e2e: overlap match with the right speaker; "
    "opt: optional gold (not scored); neg: negatives reported.\n"
    "n/a: precision with no predictions, recall with no gold."
)


def format_rows(entries: Iterable[tuple[str | None, Row]], legend: bool = True) -> str:
    """An aligned plain-text table; a ``corpus`` column is added when any label is given."""
    entries = list(entries)
    with_label = any(label is not None for label, _ in entries)
    header = (["corpus"] if with_label else []) + list(_COLUMNS)
    body = []
    for label, r in entries:
        cells = [] if not with_label else [label or ""]
        cells += [
            r.kind,
            str(r.gold),
            str(r.optional),
            str(r.predicted - r.ignored),
            _fmt(r.exact.precision),
            _fmt(r.exact.recall),
            _fmt(r.exact.f1),
            _fmt(r.overlap.precision),
            _fmt(r.overlap.recall),
            _fmt(r.overlap.f1),
            _fmt_ratio(r.speaker),
            _fmt(r.end_to_end.f1),
            _fmt_ratio(r.cue),
            str(r.negatives_reported),
        ]
        body.append(cells)
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    text_cols = 2 if with_label else 1

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i < text_cols else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(header), line(["-" * w for w in widths])] + [line(b) for b in body]
    if legend:
        out.append("")
        out.append(LEGEND)
    return "\n".join(out)


@attrs.frozen
class Report:
    """The outcome of :func:`evaluate`.

    ``rows`` holds ``"all"`` first, then one row per kind; ``errors`` lists
    every missed, spurious and mis-attributed quote in document order;
    ``missing_predictions`` names gold documents that had no prediction
    record, and ``failures`` ``(doc_id, error)`` documents on which the system
    raised (both scored as if nothing was found); ``source`` says what
    produced the predictions.
    """

    rows: tuple[Row, ...]
    documents: int
    errors: tuple[ErrorItem, ...] = ()
    missing_predictions: tuple[str, ...] = ()
    source: str = ""
    failures: tuple[tuple[str, str], ...] = ()

    def row(self, kind: str = ALL) -> Row:
        """The row for ``kind`` (``"all"``, ``"direct"``, ``"indirect"`` or ``"mixed"``)."""
        for r in self.rows:
            if r.kind == kind:
                return r
        raise KeyError(kind)

    def to_dict(self, errors: int | None = 0, kind: str | None = None) -> dict[str, Any]:
        """Plain JSON. ``errors``: how many errors to include (``None`` = all); ``kind``: only that row."""
        rows = [r for r in self.rows if kind is None or r.kind == kind]
        return {
            "source": self.source,
            "documents": self.documents,
            "missing_predictions": list(self.missing_predictions),
            "failures": [{"id": i, "error": e} for i, e in self.failures],
            "rows": {r.kind: r.to_dict() for r in rows},
            "errors": [e.to_dict() for e in self._errors(errors, kind)],
        }

    def format_table(self, kind: str | None = None, legend: bool = True) -> str:
        """The scores as an aligned plain-text table (all rows, or only ``kind``)."""
        return format_rows(((None, r) for r in self.rows if kind is None or r.kind == kind), legend=legend)

    def _errors(self, limit: int | None, kind: str | None) -> list[ErrorItem]:
        errs = [e for e in self.errors if kind is None or e.kind == kind]
        return errs if limit is None else errs[:limit]

    def format_errors(self, limit: int | None = 50, kind: str | None = None) -> str:
        """The first ``limit`` errors (``None`` = all) of ``kind`` (``None`` = any), one block each."""
        total = len(self._errors(None, kind))
        shown = self._errors(limit, kind)
        blocks = [e.format() for e in shown]
        if total > len(shown):
            blocks.append(f"… and {total - len(shown)} more errors")
        if not blocks:
            return "no errors"
        return "\n".join(blocks)


# --------------------------------------------------------------------------- matching


def _greedy_overlap(
    golds: Mapping[int, tuple[int, int]], preds: Mapping[int, tuple[int, int]]
) -> dict[int, int]:
    """``{pred: gold}``, pairing the largest overlaps first; a pair qualifies if it covers half the gold."""
    candidates = []
    for gi, g in golds.items():
        glen = g[1] - g[0]
        for pi, p in preds.items():
            o = _overlap(g, p)
            if o > 0 and 2 * o >= glen:
                candidates.append((-o, abs((p[1] - p[0]) - glen), gi, pi))
    candidates.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in candidates:
        if pi not in out and gi not in used:
            out[pi] = gi
            used.add(gi)
    return out


def _exact(golds: Mapping[int, tuple[int, int]], preds: Mapping[int, tuple[int, int]]) -> dict[int, int]:
    by_span: dict[tuple[int, int], list[int]] = {}
    for gi, g in sorted(golds.items()):
        by_span.setdefault(g, []).append(gi)
    out: dict[int, int] = {}
    for pi, p in sorted(preds.items()):
        waiting = by_span.get(p)
        if waiting:
            out[pi] = waiting.pop(0)
    return out


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _entity_names(g: GoldQuote) -> list[str]:
    return [n.strip() for n in (g.speaker_entity or "").split(";") if n.strip()]


def speaker_right(g: GoldQuote, p: PredQuote) -> bool:
    """The speaker rule of the module docstring, for one matched pair."""
    if g.speaker is None:
        return not p.has_speaker
    if not p.has_speaker:
        return False
    names = _entity_names(g)
    pred_name = p.entity_name or p.speaker_text
    entity_ok = pred_name is not None and any(names_match(pred_name, n) for n in names)
    if names and not any(names_match(g.speaker, n) for n in names):
        return entity_ok  # pronoun or nominal: only the resolved person counts
    g_span, p_span = (g.speaker_start, g.speaker_end), (p.speaker_start, p.speaker_end)
    if g_span[0] is not None and g_span[1] is not None and p_span[0] is not None and p_span[1] is not None:
        mention_ok = _overlap((g_span[0], g_span[1]), (p_span[0], p_span[1])) > 0
    else:  # no offsets on one side: compare what the mentions say
        mention_ok = pred_name is not None and names_match(pred_name, g.speaker)
    return mention_ok or entity_ok


def _describe_gold_speaker(g: GoldQuote) -> str | None:
    if g.speaker is None:
        return None
    if g.speaker_entity and g.speaker_entity != g.speaker:
        return f"{g.speaker} → {g.speaker_entity}"
    return g.speaker


def _describe_pred_speaker(p: PredQuote) -> str | None:
    if not p.has_speaker:
        return None
    if p.speaker_text and p.entity_name and p.entity_name != p.speaker_text:
        return f"{p.speaker_text} → {p.entity_name}"
    return p.speaker_text or p.entity_name


_COUNTERS = (
    "gold",
    "optional",
    "predicted",
    "ignored",
    "negatives",
    "ex_tp",
    "ex_fn",
    "ex_tpp",
    "ex_fp",
    "ov_tp",
    "ov_fn",
    "ov_tpp",
    "ov_fp",
    "spk_ok",
    "spk_n",
    "spk_okp",
    "spk_np",
    "cue_ok",
    "cue_n",
    "kind_ok",
    "kind_n",
)


class _Tally:
    """Mutable counters per row while scoring; frozen into :class:`Row` at the end."""

    def __init__(self) -> None:
        self.c: dict[str, dict[str, int]] = {k: dict.fromkeys(_COUNTERS, 0) for k in (ALL, *KINDS)}

    def add(self, kind: str, counter: str, n: int = 1) -> None:
        self.c[ALL][counter] += n
        if kind in self.c and kind != ALL:
            self.c[kind][counter] += n

    def row(self, kind: str) -> Row:
        c = self.c[kind]
        wrong_gold, wrong_pred = c["spk_n"] - c["spk_ok"], c["spk_np"] - c["spk_okp"]
        return Row(
            kind=kind,
            gold=c["gold"],
            optional=c["optional"],
            predicted=c["predicted"],
            ignored=c["ignored"],
            negatives_reported=c["negatives"],
            exact=Scores(c["ex_tp"], c["ex_fn"], c["ex_tpp"], c["ex_fp"]),
            overlap=Scores(c["ov_tp"], c["ov_fn"], c["ov_tpp"], c["ov_fp"]),
            end_to_end=Scores(c["spk_ok"], c["ov_fn"] + wrong_gold, c["spk_okp"], c["ov_fp"] + wrong_pred),
            speaker=Ratio(c["spk_ok"], c["spk_n"]),
            cue=Ratio(c["cue_ok"], c["cue_n"]),
            kind_agreement=Ratio(c["kind_ok"], c["kind_n"]),
        )


def _error(doc: GoldDoc, type_: str, kind: str, start: int, end: int, **kw: Any) -> ErrorItem:
    left, shown, right = _context(doc.text, start, end)
    return ErrorItem(doc.id, type_, kind, start, end, shown, left, right, **kw)


def _score_doc(doc: GoldDoc, preds: Sequence[PredQuote], tally: _Tally, errors: list[ErrorItem]) -> None:
    text = doc.text
    golds = doc.quotes
    gspan = {i: _eval_span(text, g.start, g.end) for i, g in enumerate(golds)}
    pspan = {j: _eval_span(text, p.start, p.end) for j, p in enumerate(preds)}
    required = {i: s for i, s in gspan.items() if not golds[i].optional}
    optional = {i: s for i, s in gspan.items() if golds[i].optional}
    negs = [occ for n in doc.negatives for occ in _occurrences(text, n)]

    ov = _greedy_overlap(required, pspan)
    leftover = {j: s for j, s in pspan.items() if j not in ov}
    negative = {j for j, s in leftover.items() if any(_overlap(s, n) > 0 for n in negs)}
    forgiven = set(_greedy_overlap(optional, {j: s for j, s in leftover.items() if j not in negative}))
    scored = {j: s for j, s in pspan.items() if j not in forgiven}
    ex = _exact(required, scored)

    for g in golds:
        tally.add(g.kind, "optional" if g.optional else "gold")
    for j, p in enumerate(preds):
        tally.add(p.kind, "predicted")
        if j in forgiven:
            tally.add(p.kind, "ignored")
        if j in negative:
            tally.add(p.kind, "negatives")
    for j in scored:
        tally.add(preds[j].kind, "ex_tpp" if j in ex else "ex_fp")
        tally.add(preds[j].kind, "ov_tpp" if j in ov else "ov_fp")
        if j not in ov:
            p = preds[j]
            errors.append(
                _error(
                    doc,
                    "spurious",
                    p.kind,
                    p.start,
                    p.end,
                    predicted_speaker=_describe_pred_speaker(p),
                    negative=j in negative,
                    evidence=p.evidence,
                )
            )
    ex_found, ov_found = set(ex.values()), {gi: pj for pj, gi in ov.items()}
    for i in required:
        g = golds[i]
        tally.add(g.kind, "ex_tp" if i in ex_found else "ex_fn")
        if i not in ov_found:
            tally.add(g.kind, "ov_fn")
            errors.append(
                _error(doc, "missed", g.kind, g.start, g.end, gold_speaker=_describe_gold_speaker(g))
            )
            continue
        p = preds[ov_found[i]]
        tally.add(g.kind, "ov_tp")
        tally.add(g.kind, "kind_n")
        tally.add(g.kind, "kind_ok", int(p.kind == g.kind))
        tally.add(g.kind, "spk_n")
        tally.add(p.kind, "spk_np")
        if speaker_right(g, p):
            tally.add(g.kind, "spk_ok")
            tally.add(p.kind, "spk_okp")
        else:
            errors.append(
                _error(
                    doc,
                    "speaker",
                    g.kind,
                    g.start,
                    g.end,
                    gold_speaker=_describe_gold_speaker(g),
                    predicted_speaker=_describe_pred_speaker(p),
                    evidence=p.evidence,
                    predicted_span=(p.start, p.end),
                )
            )
        if g.cue_start is not None and g.cue_end is not None:
            tally.add(g.kind, "cue_n")
            if p.cue_start is not None and p.cue_end is not None:
                cue_hit = _overlap((g.cue_start, g.cue_end), (p.cue_start, p.cue_end)) > 0
                tally.add(g.kind, "cue_ok", int(cue_hit))


# --------------------------------------------------------------------------- front door

System = Callable[[str], Any]


def _default_system() -> System:
    """``quoteattr.extract``, imported late so this module works (on predictions) without the pipeline."""
    try:
        from quoteattr import extract  # type: ignore[attr-defined,unused-ignore]
    except ImportError as exc:
        raise ImportError(
            f"no predictions given and the pipeline is unavailable ({exc}); pass predictions instead"
        ) from exc

    def run(text: str) -> Any:
        return extract(text)

    return run


def _quotes_of(output: Any, doc_id: str) -> list[Any]:
    """The quote list of a system's output: a ``Result``, a ``to_dict()`` dict, or a bare list."""
    if hasattr(output, "to_dict"):
        output = output.to_dict()
    if isinstance(output, Mapping):
        output = output.get("quotes") or []
    if not isinstance(output, list):
        raise InputError(f"{doc_id}: the system returned {type(output).__name__}, not a result with quotes")
    return output


def _prediction_table(predictions: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> dict[str, list[Any]]:
    if isinstance(predictions, Mapping):
        table = {}
        for k, v in predictions.items():
            quotes = _quotes_of(v, str(k))
            table[str(k)] = quotes
        return table
    table = {}
    for rec in predictions:
        if not isinstance(rec, Mapping) or "id" not in rec:
            raise InputError("a prediction record needs an 'id' and 'quotes'")
        table[str(rec["id"])] = _quotes_of(rec, str(rec["id"]))
    return table


def evaluate(
    gold_docs: Iterable[GoldDoc | Mapping[str, Any]],
    predictions: Mapping[str, Any] | Iterable[Mapping[str, Any]] | None = None,
    system: System | None = None,
    *,
    keep_going: bool = False,
) -> Report:
    """Score predictions (or a system run on the gold texts) against gold documents.

    Args:
        gold_docs: :class:`GoldDoc` objects or gold dicts.
        predictions: ``{doc_id: [quote dicts]}`` or an iterable of ``{"id", "quotes"}``
            records. A gold document without a prediction counts as nothing found and is
            listed in :attr:`Report.missing_predictions`.
        system: a callable ``text -> Result | dict``, run on each gold text when no
            predictions are given; default ``quoteattr.extract``.
        keep_going: when the system raises on a document, record it in
            :attr:`Report.failures` and score the document as empty instead of stopping.

    Raises:
        ConfigError: both ``predictions`` and ``system`` were given.
        InputError: malformed gold, or a predicted span that does not fit the gold text.
    """
    if predictions is not None and system is not None:
        raise ConfigError("give predictions or a system, not both")
    docs = [d if isinstance(d, GoldDoc) else GoldDoc.from_dict(d) for d in gold_docs]
    table: dict[str, list[Any]] | None = None
    if predictions is not None:
        table = _prediction_table(predictions)
        source = "predictions"
    elif system is not None:
        source = f"system {getattr(system, '__qualname__', None) or repr(system)}"
    else:
        system = _default_system()
        source = "quoteattr.extract"

    tally = _Tally()
    errors: list[ErrorItem] = []
    missing: list[str] = []
    failures: list[tuple[str, str]] = []
    for doc in docs:
        if table is not None:
            if doc.id not in table:
                missing.append(doc.id)
            raw = table.get(doc.id, [])
        elif system is not None:
            try:
                raw = _quotes_of(system(doc.text), doc.id)
            except Exception as exc:
                if not keep_going:
                    raise
                failures.append((doc.id, f"{type(exc).__name__}: {exc}"))
                raw = []
        preds = [
            PredQuote.from_dict(q, doc.text, f"prediction {doc.id} quote {k}") for k, q in enumerate(raw)
        ]
        _score_doc(doc, preds, tally, errors)
    order = {doc.id: n for n, doc in enumerate(docs)}
    errors.sort(key=lambda e: (order[e.doc_id], e.start, e.end, e.type))
    return Report(
        rows=tuple(tally.row(k) for k in (ALL, *KINDS)),
        documents=len(docs),
        errors=tuple(errors),
        missing_predictions=tuple(missing),
        source=source,
        failures=tuple(failures),
    )


# --------------------------------------------------------------------------- command line


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Score quote attribution against gold JSONL: quote P/R/F1 (exact and overlap), "
        "speaker and cue accuracy, end-to-end F1. Without --pred, runs quoteattr on the gold texts.",
    )
    p.add_argument("gold", nargs="+", help="gold JSONL (or JSON) files")
    p.add_argument("--pred", help="predictions JSONL: one {'id', 'quotes'} record per document")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--errors",
        nargs="?",
        type=int,
        const=50,
        default=None,
        metavar="N",
        help="also list missed, spurious and mis-attributed quotes (default 50; 0 = all)",
    )
    p.add_argument("--kind", choices=KINDS, help="show only this kind of quote (matching still uses all)")
    return p


def main(argv: list[str] | None = None) -> int:
    """The ``quoteattr evaluate`` command; ``argv`` is what follows the word "evaluate".

    Returns 0 on success; 1 when the system raised on some documents (they
    are scored as empty and named on stderr); 2 on unreadable or malformed input.
    """
    args = _parser().parse_args(argv)
    command = shlex.join(["quoteattr", "evaluate", *(sys.argv[1:] if argv is None else argv)])
    try:
        gold = load_gold(*args.gold)
        predictions = load_predictions(args.pred) if args.pred else None
        report = evaluate(gold, predictions=predictions, keep_going=True)
    except (QuoteattrError, OSError, ImportError) as exc:
        print(f"quoteattr evaluate: error: {exc}", file=sys.stderr)
        return 2
    limit = None if args.errors == 0 else args.errors
    if predictions and len(report.missing_predictions) == report.documents:
        print(
            f"quoteattr evaluate: error: no id in {args.pred} matches a gold document id "
            f"(gold ids look like {report.missing_predictions[0]!r})",
            file=sys.stderr,
        )
        return 2
    if report.missing_predictions:
        n = len(report.missing_predictions)
        print(
            f"warning: {n} of {report.documents} gold documents have no prediction (scored as empty), "
            f"e.g. {report.missing_predictions[0]!r}",
            file=sys.stderr,
        )
    if args.json:
        n_errors = limit if args.errors is not None else 0
        out = {"command": command, **report.to_dict(errors=n_errors, kind=args.kind)}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        source = args.pred if args.pred else report.source
        print(f"# {command}")
        failed = f"; the system FAILED on {len(report.failures)}" if report.failures else ""
        print(f"# {report.documents} documents; predictions from {source}{failed}")
        print(report.format_table(kind=args.kind))
        if args.errors is not None:
            print()
            print(report.format_errors(limit=limit, kind=args.kind))
    return _warn_failures(report)


def _warn_failures(report: Report) -> int:
    """Say which documents crashed the system; 1 if any did, so scripts notice."""
    for doc_id, error in report.failures:
        print(f"error: the system failed on {doc_id!r} (scored as empty): {error}", file=sys.stderr)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
