"""Counting: quote P/R/F1, speaker accuracy, cue accuracy and end-to-end scores, overall and by group.

Why: each number is defined once, here, from counts that are reported
with it. A *grouping* (``meta.quote_type``, ``confidence``) sends every
counted event to a labelled group as well as to the totals, so a breakdown
is the same arithmetic on a subset, never a second definition.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from quoteattr.errors import ConfigError
from quoteattr.model import QUOTE_KINDS

from .config import DEFAULT_CONFIG, EvalConfig
from .matching import DocMatch, overlap, trimmable
from .records import GoldDoc, GoldQuote, PredQuote

#: Row label of the totals over all kinds.
ALL = "all"
#: Kinds in table order.
KINDS: tuple[str, ...] = tuple(sorted(QUOTE_KINDS))

#: Group of a prediction that matched no gold quote (breakdowns by a gold field).
UNMATCHED = "(unmatched)"
#: Group of a gold quote no prediction matched (breakdowns by a predicted field).
NO_PREDICTION = "(no prediction)"
#: Group of a gold quote without the requested ``meta`` field.
NO_VALUE = "(none)"
#: Group of a prediction that carries no confidence.
NO_CONFIDENCE = "(no confidence)"


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
    among them that are not scored (they matched only an optional gold, or
    their kind is one the gold does not annotate).
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


# --------------------------------------------------------------------------- errors

_SPACES = re.compile(r"\s+")


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    def flat(s: str) -> str:
        return _SPACES.sub(" ", s)

    left = text[max(0, start - width) : start]
    right = text[end : end + width]
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

    def format(self, max_shown: int = DEFAULT_CONFIG.max_shown) -> str:
        shown = self.text
        if len(shown) > max_shown:
            shown = shown[: max_shown * 2 // 3] + " … " + shown[-max_shown // 3 :]
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


def _error(
    doc: GoldDoc, type_: str, kind: str, span: tuple[int, int], config: EvalConfig, **kw: Any
) -> ErrorItem:
    left, shown, right = _context(doc.text, span[0], span[1], config.context_chars)
    return ErrorItem(doc.id, type_, kind, span[0], span[1], shown, left, right, **kw)


def _describe_gold_speaker(g: GoldQuote) -> str | None:
    if g.speaker is None:
        return g.speaker_entity and f"(no mention) → {g.speaker_entity}"
    if g.speaker_entity and g.speaker_entity != g.speaker:
        return f"{g.speaker} → {g.speaker_entity}"
    return g.speaker


def _describe_pred_speaker(p: PredQuote) -> str | None:
    if not p.has_speaker:
        return None
    if p.speaker_text and p.entity_name and p.entity_name != p.speaker_text:
        return f"{p.speaker_text} → {p.entity_name}"
    return p.speaker_text or p.entity_name


# --------------------------------------------------------------------------- speakers


def _name_tokens(name: str, config: EvalConfig) -> frozenset[str]:
    out = set()
    for raw in name.lower().replace("’", "'").split():
        tok = raw
        while tok and trimmable(tok[0], config):
            tok = tok[1:]
        while tok and trimmable(tok[-1], config):
            tok = tok[:-1]
        tok = tok.removesuffix("'s")
        if tok and tok not in config.name_stopwords:
            out.add(tok)
    return frozenset(out)


def names_match(a: str, b: str, config: EvalConfig = DEFAULT_CONFIG) -> bool:
    """Whether two names plausibly denote the same person: one's tokens contain the other's.

    >>> names_match("Trump", "Donald Trump"), names_match("the Spokesman", "spokesman")
    (True, True)
    >>> names_match("Ivanka Trump", "Donald Trump"), names_match("the", "the minister")
    (False, False)
    """
    ta, tb = _name_tokens(a, config), _name_tokens(b, config)
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def is_alias(name: str, aliases: Sequence[str], config: EvalConfig = DEFAULT_CONFIG) -> bool:
    """Whether ``name`` is one of ``aliases``, ignoring case, articles and edge punctuation.

    Stricter than :func:`names_match`: an alias list is complete, so a part
    of a name ("Woodhouse" for "Miss Woodhouse") could be someone else.

    >>> is_alias("the White Rabbit", ["White Rabbit", "Rabbit"]), is_alias("Woodhouse", ["Miss Woodhouse"])
    (True, False)
    """
    tokens = _name_tokens(name, config)
    return bool(tokens) and any(_name_tokens(a, config) == tokens for a in aliases)


def _entity_names(g: GoldQuote) -> list[str]:
    return [n.strip() for n in (g.speaker_entity or "").split(";") if n.strip()]


def _names_person(name: str, g: GoldQuote, config: EvalConfig) -> bool:
    """Whether a predicted ``name`` names the gold speaker.

    With ``speaker_aliases`` the list is complete, so the name must be one of
    them (or the entity name) whole; without, any name whose tokens contain
    or are contained in the entity's ("Trump" ~ "Donald Trump").
    """
    names = _entity_names(g)
    if g.speaker_aliases:
        return is_alias(name, (*g.speaker_aliases, *names), config)
    return any(names_match(name, n, config) for n in names)


def _mention_is_name(g: GoldQuote, config: EvalConfig) -> bool:
    """Whether the gold mention itself names the speaker ("Miss Lowe"), unlike "he" or "the girl"."""
    mention = g.speaker or ""
    return any(names_match(mention, n, config) for n in (*_entity_names(g), *g.speaker_aliases))


def speaker_right(g: GoldQuote, p: PredQuote, config: EvalConfig = DEFAULT_CONFIG) -> bool:
    """The speaker rule of the package docstring, for one matched pair."""
    knows_person = bool(_entity_names(g) or g.speaker_aliases)
    if g.speaker is None and not knows_person:
        return not p.has_speaker
    if not p.has_speaker:
        return False
    pred_name = p.entity_name or p.speaker_text
    entity_ok = pred_name is not None and _names_person(pred_name, g, config)
    if g.speaker is None or (knows_person and not _mention_is_name(g, config)):
        return entity_ok  # no mention, or a pronoun or nominal: only the resolved person counts
    g_span, p_span = (g.speaker_start, g.speaker_end), (p.speaker_start, p.speaker_end)
    if g_span[0] is not None and g_span[1] is not None and p_span[0] is not None and p_span[1] is not None:
        mention_ok = overlap((g_span[0], g_span[1]), (p_span[0], p_span[1])) > 0
    else:  # no offsets on one side: compare what the mentions say
        mention_ok = pred_name is not None and names_match(pred_name, g.speaker, config)
    return mention_ok or entity_ok


# --------------------------------------------------------------------------- groupings

#: Puts a counted event (a gold quote, a prediction, or a matched pair) in a group.
Grouping = Callable[[GoldQuote | None, PredQuote | None], str]


def grouping(spec: str, config: EvalConfig = DEFAULT_CONFIG) -> Grouping:
    """The grouping named by ``spec``: ``meta.<field>`` of the gold quote, or the prediction's ``confidence``.

    Raises:
        ConfigError: any other ``spec``.
    """
    if spec == "confidence":

        def by_band(g: GoldQuote | None, p: PredQuote | None) -> str:
            if p is None:
                return NO_PREDICTION
            return NO_CONFIDENCE if p.confidence is None else config.band(p.confidence)

        return by_band
    field = spec.removeprefix("meta.")
    if spec.startswith("meta.") and field:

        def by_meta(g: GoldQuote | None, p: PredQuote | None) -> str:
            if g is None:
                return UNMATCHED
            value = g.meta_value(field)
            return NO_VALUE if value is None else value

        return by_meta
    raise ConfigError(f"cannot break scores down by {spec!r}: use 'meta.<field>' or 'confidence'")


def group_order(spec: str, labels: Sequence[str], config: EvalConfig = DEFAULT_CONFIG) -> list[str]:
    """Labels in reading order: bands low to high (or values sorted), then the ``(…)`` groups."""
    if spec == "confidence":
        rank = {label: n for n, label in enumerate(config.band_labels())}
        return sorted(labels, key=lambda s: (s.startswith("("), rank.get(s, len(rank)), s))
    return sorted(labels, key=_value_order)


def _value_order(label: str) -> tuple[bool, bool, float, str]:
    """``(…)`` groups last, numbers before words and in numeric order ("2" before "10")."""
    try:
        number = float(label)
    except ValueError:
        return label.startswith("("), True, 0.0, label
    return False, number != number, 0.0 if number != number else number, label  # NaN after numbers


# --------------------------------------------------------------------------- tallies

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


class Tally:
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

    def rows(self) -> tuple[Row, ...]:
        """``all`` first, then one row per kind."""
        return tuple(self.row(k) for k in (ALL, *KINDS))


class Tallies:
    """The totals plus one :class:`Tally` per group of each grouping; every event goes to all of them."""

    def __init__(self, groupings: Sequence[tuple[str, Grouping]] = ()) -> None:
        self.total = Tally()
        self.groupings = tuple(groupings)
        self.groups: dict[str, dict[str, Tally]] = {name: {} for name, _ in self.groupings}

    def add(self, g: GoldQuote | None, p: PredQuote | None, kind: str, counter: str, n: int = 1) -> None:
        self.total.add(kind, counter, n)
        for name, key in self.groupings:
            groups = self.groups[name]
            label = key(g, p)
            if label not in groups:
                groups[label] = Tally()
            groups[label].add(kind, counter, n)


# --------------------------------------------------------------------------- one document


def _count_predictions(
    doc: GoldDoc, preds: Sequence[PredQuote], match: DocMatch, tallies: Tallies, config: EvalConfig
) -> list[ErrorItem]:
    errors = []
    for j, p in enumerate(preds):
        gi = match.overlap.get(j, match.forgiven.get(j))
        g = None if gi is None else doc.quotes[gi]
        tallies.add(g, p, p.kind, "predicted")
        if j in match.forgiven:
            tallies.add(g, p, p.kind, "ignored")
            continue
        if j in match.negative:
            tallies.add(g, p, p.kind, "negatives")
        tallies.add(g, p, p.kind, "ex_tpp" if j in match.exact else "ex_fp")
        tallies.add(g, p, p.kind, "ov_tpp" if j in match.overlap else "ov_fp")
        if j not in match.overlap:
            errors.append(
                _error(
                    doc,
                    "spurious",
                    p.kind,
                    (p.start, p.end),
                    config,
                    predicted_speaker=_describe_pred_speaker(p),
                    negative=j in match.negative,
                    evidence=p.evidence,
                )
            )
    return errors


def _count_pair(
    doc: GoldDoc, g: GoldQuote, p: PredQuote, tallies: Tallies, config: EvalConfig
) -> list[ErrorItem]:
    """Counters of a required gold quote and the prediction that matched it by overlap."""
    tallies.add(g, p, g.kind, "ov_tp")
    tallies.add(g, p, g.kind, "kind_n")
    tallies.add(g, p, g.kind, "kind_ok", int(p.kind == g.kind))
    tallies.add(g, p, g.kind, "spk_n")
    tallies.add(g, p, p.kind, "spk_np")
    errors = []
    if speaker_right(g, p, config):
        tallies.add(g, p, g.kind, "spk_ok")
        tallies.add(g, p, p.kind, "spk_okp")
    else:
        errors.append(
            _error(
                doc,
                "speaker",
                g.kind,
                (g.start, g.end),
                config,
                gold_speaker=_describe_gold_speaker(g),
                predicted_speaker=_describe_pred_speaker(p),
                evidence=p.evidence,
                predicted_span=(p.start, p.end),
            )
        )
    if g.cue_start is not None and g.cue_end is not None:
        tallies.add(g, p, g.kind, "cue_n")
        if p.cue_start is not None and p.cue_end is not None:
            cue_hit = overlap((g.cue_start, g.cue_end), (p.cue_start, p.cue_end)) > 0
            tallies.add(g, p, g.kind, "cue_ok", int(cue_hit))
    return errors


def count_document(
    doc: GoldDoc,
    preds: Sequence[PredQuote],
    match: DocMatch,
    tallies: Tallies,
    config: EvalConfig = DEFAULT_CONFIG,
) -> list[ErrorItem]:
    """Add one document's counts to ``tallies``; return its errors."""
    errors = _count_predictions(doc, preds, match, tallies, config)
    found = match.found()
    optional_found = {gi: pj for pj, gi in match.forgiven.items() if gi is not None}
    exact_found = set(match.exact.values())
    for i, g in enumerate(doc.quotes):
        if g.optional:
            pj = optional_found.get(i)
            tallies.add(g, None if pj is None else preds[pj], g.kind, "optional")
            continue
        p = preds[found[i]] if i in found else None
        tallies.add(g, p, g.kind, "gold")
        tallies.add(g, p, g.kind, "ex_tp" if i in exact_found else "ex_fn")
        if p is None:
            tallies.add(g, p, g.kind, "ov_fn")
            errors.append(
                _error(
                    doc, "missed", g.kind, (g.start, g.end), config, gold_speaker=_describe_gold_speaker(g)
                )
            )
        else:
            errors += _count_pair(doc, g, p, tallies, config)
    return errors
