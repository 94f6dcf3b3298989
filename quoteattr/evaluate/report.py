"""The frozen outcome of an evaluation, and its plain-text and JSON forms.

Why: a report is what a user compares between two tools or two commits,
so it is immutable, carries the counts behind every ratio, and prints the
same table whether it comes from ``quoteattr evaluate`` or ``eval/run_dev.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .config import DEFAULT_CONFIG, EvalConfig
from .metrics import ALL, ErrorItem, Ratio, Row

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
    "exact: equal spans after trimming spaces, punctuation, quote marks and a leading complementiser "
    "of the document's language ('that', 'dass'); "
    "overlap: >= 50% of the gold span, one-to-one.\n"
    "speaker/cue acc: on overlap matches; e2e: overlap match with the right speaker; "
    "opt: optional gold (not scored); neg: negatives reported.\n"
    "n/a: precision with no predictions, recall with no gold."
)

#: What the ``(…)`` groups of a breakdown hold.
GROUPS_LEGEND = (
    "a gold quote's group (meta.*) also holds the prediction matched to it, a prediction's group "
    "(confidence) the gold quote it matched;\n"
    "(unmatched): predictions that matched no gold; (no prediction): gold quotes nothing matched; "
    "(none): gold quotes without the field."
)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _fmt_ratio(r: Ratio) -> str:
    return f"{_fmt(r.value)} ({r.correct}/{r.total})"


def _cells(r: Row) -> list[str]:
    return [
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


def format_rows(
    entries: Iterable[tuple[str | None, Row]], legend: bool = True, label_header: str = "corpus"
) -> str:
    """An aligned plain-text table; a label column (``label_header``) is added when any label is given."""
    entries = list(entries)
    with_label = any(label is not None for label, _ in entries)
    header = ([label_header] if with_label else []) + list(_COLUMNS)
    body = [([label or ""] if with_label else []) + _cells(r) for label, r in entries]
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
class Breakdown:
    """The scores split by one field: ``groups`` holds ``(value, rows)`` in reading order.

    ``field`` is ``meta.<name>`` (the gold quote's value) or ``confidence``
    (the predicted quote's band); each ``rows`` is ``all`` then one row per kind.
    """

    field: str
    groups: tuple[tuple[str, tuple[Row, ...]], ...]

    def row(self, value: str, kind: str = ALL) -> Row:
        """The row of ``kind`` in the group ``value``."""
        for label, rows in self.groups:
            if label == value:
                return next(r for r in rows if r.kind == kind)
        raise KeyError(value)

    def to_dict(self, kind: str | None = None) -> dict[str, Any]:
        return {
            label: {r.kind: r.to_dict() for r in rows if kind is None or r.kind == kind}
            for label, rows in self.groups
        }

    def format_table(self, kind: str | None = None, legend: bool = True) -> str:
        """One block of rows per value, labelled by the value."""
        entries = [(label, r) for label, rows in self.groups for r in rows if kind is None or r.kind == kind]
        table = format_rows(entries, legend=False, label_header=self.field)
        return f"{table}\n\n{GROUPS_LEGEND}" if legend else table


@attrs.frozen
class Report:
    """The outcome of :func:`quoteattr.evaluate.evaluate`.

    ``rows`` holds ``"all"`` first, then one row per kind; ``errors`` lists
    every missed, spurious and mis-attributed quote in document order;
    ``missing_predictions`` names gold documents that had no prediction
    record, and ``failures`` ``(doc_id, error)`` documents on which the system
    raised (both scored as if nothing was found); ``source`` says what
    produced the predictions; ``breakdowns`` holds one :class:`Breakdown` per
    field asked for (``by=``); ``config`` is the configuration scored with.
    """

    rows: tuple[Row, ...]
    documents: int
    errors: tuple[ErrorItem, ...] = ()
    missing_predictions: tuple[str, ...] = ()
    source: str = ""
    failures: tuple[tuple[str, str], ...] = ()
    breakdowns: tuple[Breakdown, ...] = ()
    config: EvalConfig = DEFAULT_CONFIG

    def row(self, kind: str = ALL) -> Row:
        """The row for ``kind`` (``"all"``, ``"direct"``, ``"indirect"`` or ``"mixed"``)."""
        for r in self.rows:
            if r.kind == kind:
                return r
        raise KeyError(kind)

    def breakdown(self, field: str) -> Breakdown:
        """The breakdown by ``field`` (as passed in ``by=``)."""
        for b in self.breakdowns:
            if b.field == field:
                return b
        raise KeyError(field)

    def to_dict(self, errors: int | None = 0, kind: str | None = None) -> dict[str, Any]:
        """Plain JSON. ``errors``: how many errors to include (``None`` = all); ``kind``: only that row."""
        rows = [r for r in self.rows if kind is None or r.kind == kind]
        out: dict[str, Any] = {
            "source": self.source,
            "documents": self.documents,
            "missing_predictions": list(self.missing_predictions),
            "failures": [{"id": i, "error": e} for i, e in self.failures],
            "rows": {r.kind: r.to_dict() for r in rows},
            "errors": [e.to_dict() for e in self._errors(errors, kind)],
        }
        if self.breakdowns:
            out["breakdowns"] = {b.field: b.to_dict(kind) for b in self.breakdowns}
        return out

    def format_table(self, kind: str | None = None, legend: bool = True) -> str:
        """The scores as an aligned plain-text table (all rows, or only ``kind``)."""
        return format_rows(((None, r) for r in self.rows if kind is None or r.kind == kind), legend=legend)

    def _errors(self, limit: int | None, kind: str | None) -> list[ErrorItem]:
        errs = [e for e in self.errors if kind in (None, ALL) or e.kind == kind]  # the "all" row: every kind
        return errs if limit is None else errs[:limit]

    def format_errors(self, limit: int | None = 50, kind: str | None = None) -> str:
        """The first ``limit`` errors (``None`` = all) of ``kind`` (``None`` = any), one block each."""
        total = len(self._errors(None, kind))
        shown = self._errors(limit, kind)
        blocks = [e.format(self.config.max_shown) for e in shown]
        if total > len(shown):
            blocks.append(f"… and {total - len(shown)} more errors")
        if not blocks:
            return "no errors"
        return "\n".join(blocks)
