"""Which predicted quote answers which gold quote: trimming, exact and overlap one-to-one matching.

Why a module of its own: the tests of hand-written cases and the corpus
scores must pair quotes the same way, so both call :func:`match_overlap`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

import attrs

from quoteattr.model import QUOTE_KINDS

from .config import DEFAULT_CONFIG, EvalConfig
from .records import GoldDoc, PredQuote

#: A half-open character span ``(start, end)``.
Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Number of characters two half-open spans share.

    >>> overlap((0, 10), (5, 20)), overlap((0, 5), (5, 9)), overlap((3, 4), (0, 9))
    (5, 0, 1)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def trimmable(ch: str, config: EvalConfig = DEFAULT_CONFIG) -> bool:
    """Whitespace, Unicode punctuation (so quote marks of every style) or a configured extra symbol."""
    return ch.isspace() or ch in config.extra_trim_chars or unicodedata.category(ch).startswith("P")


def _opens_after_word(ch: str) -> bool:
    """What may follow a leading word we strip: space or an *opening* quote mark.

    Not ``'`` or ``’``, so "that's" keeps its "that".
    """
    return ch.isspace() or ch == '"' or unicodedata.category(ch) in ("Pi", "Ps")


def _trim_edges(text: str, start: int, end: int, config: EvalConfig) -> Span:
    while start < end and trimmable(text[start], config):
        start += 1
    while end > start and trimmable(text[end - 1], config):
        end -= 1
    return start, end


def trim_span(
    text: str, start: int, end: int, config: EvalConfig = DEFAULT_CONFIG, lang: str | None = None
) -> Span:
    """Offsets of ``text[start:end]`` without edge spaces, punctuation, quote marks and one leading word
    of :meth:`EvalConfig.leading` for the document's language ``lang`` ("that"; German "dass").

    >>> text = 'He said that "we will win."'
    >>> s, e = trim_span(text, 8, 27)
    >>> text[s:e]
    'we will win'
    >>> t = "that's final"
    >>> t[slice(*trim_span(t, 0, len(t)))]
    "that's final"
    >>> d = "Sie sagte, dass es regnet."
    >>> d[slice(*trim_span(d, 11, 25, lang="de"))]
    'es regnet'
    """
    start, end = _trim_edges(text, start, end, config)
    for word in config.leading(lang):
        n = len(word)
        if end - start > n and text[start : start + n].lower() == word and _opens_after_word(text[start + n]):
            return _trim_edges(text, start + n, end, config)
    return start, end


def eval_span(
    text: str, start: int, end: int, config: EvalConfig = DEFAULT_CONFIG, lang: str | None = None
) -> Span:
    """The trimmed span, or the raw one if trimming leaves nothing (a quote of bare punctuation)."""
    s, e = trim_span(text, start, end, config, lang)
    return (s, e) if e > s else (start, end)


def match_overlap(
    golds: Mapping[int, Span], preds: Mapping[int, Span], fraction: float = 0.5
) -> dict[int, int]:
    """``{pred: gold}``, one-to-one, largest overlaps first; a pair must cover ``fraction`` of the gold.

    Ties go to the prediction closest in length to the gold, so a prediction
    that swallows two quotes can satisfy only one of them.

    >>> match_overlap({0: (0, 10), 1: (12, 20)}, {0: (0, 20)})
    {0: 0}
    >>> match_overlap({0: (0, 10)}, {0: (6, 30)})
    {}
    """
    candidates = []
    for gi, g in golds.items():
        glen = g[1] - g[0]
        for pi, p in preds.items():
            o = overlap(g, p)
            if o > 0 and o >= fraction * glen:
                candidates.append((-o, abs((p[1] - p[0]) - glen), gi, pi))
    candidates.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in candidates:
        if pi not in out and gi not in used:
            out[pi] = gi
            used.add(gi)
    return out


def match_exact(golds: Mapping[int, Span], preds: Mapping[int, Span]) -> dict[int, int]:
    """``{pred: gold}`` for equal spans, one-to-one, in index order.

    >>> match_exact({0: (1, 4), 1: (1, 4)}, {5: (1, 4), 6: (2, 4)})
    {5: 0}
    """
    by_span: dict[Span, list[int]] = {}
    for gi, g in sorted(golds.items()):
        by_span.setdefault(g, []).append(gi)
    out: dict[int, int] = {}
    for pi, p in sorted(preds.items()):
        waiting = by_span.get(p)
        if waiting:
            out[pi] = waiting.pop(0)
    return out


def occurrences(text: str, needle: str) -> list[Span]:
    """Every (possibly overlapping) occurrence of ``needle`` in ``text``."""
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


@attrs.frozen(eq=False)
class DocMatch:
    """How the predictions of one document pair with its gold quotes.

    ``overlap`` and ``exact`` map a prediction to the *required* gold quote it
    matches; ``forgiven`` maps each prediction that is not scored to the
    optional gold quote it matched, or to ``None`` when its kind is one the
    document does not annotate; ``negative`` holds predictions that hit a
    must-not-report string.
    """

    overlap: Mapping[int, int]
    exact: Mapping[int, int]
    forgiven: Mapping[int, int | None]
    negative: frozenset[int]

    def scored(self, n_preds: int) -> list[int]:
        """Indices of the predictions that count for precision."""
        return [j for j in range(n_preds) if j not in self.forgiven]

    def found(self) -> dict[int, int]:
        """``{gold: pred}`` of the overlap matches."""
        return {gi: pj for pj, gi in self.overlap.items()}


def _unannotated(doc: GoldDoc, preds: Sequence[PredQuote], candidates: Mapping[int, Span]) -> dict[int, None]:
    """Predictions of a kind the gold does not annotate (``annotated_kinds``): neither right nor wrong."""
    if doc.annotated_kinds is None:
        return {}
    return {
        j: None
        for j in candidates
        if preds[j].kind in QUOTE_KINDS and preds[j].kind not in doc.annotated_kinds
    }


def match_document(doc: GoldDoc, preds: Sequence[PredQuote], config: EvalConfig = DEFAULT_CONFIG) -> DocMatch:
    """Pair one document's predictions with its gold quotes (the rules are in the package docstring)."""
    text = doc.text
    gspan = {i: eval_span(text, g.start, g.end, config, doc.lang) for i, g in enumerate(doc.quotes)}
    pspan = {j: eval_span(text, p.start, p.end, config, doc.lang) for j, p in enumerate(preds)}
    required = {i: s for i, s in gspan.items() if not doc.quotes[i].optional}
    optional = {i: s for i, s in gspan.items() if doc.quotes[i].optional}
    negs = [occ for n in doc.negatives for occ in occurrences(text, n)]

    ov = match_overlap(required, pspan, config.match_fraction)
    leftover = {j: s for j, s in pspan.items() if j not in ov}
    negative = frozenset(j for j, s in leftover.items() if any(overlap(s, n) > 0 for n in negs))
    candidates = {j: s for j, s in leftover.items() if j not in negative}
    forgiven: dict[int, int | None] = dict(match_overlap(optional, candidates, config.match_fraction))
    rest = {j: s for j, s in candidates.items() if j not in forgiven}
    forgiven.update(_unannotated(doc, preds, rest))
    scored = {j: s for j, s in pspan.items() if j not in forgiven}
    return DocMatch(overlap=ov, exact=match_exact(required, scored), forgiven=forgiven, negative=negative)
