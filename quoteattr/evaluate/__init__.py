"""Score quote attributions against gold: quote P/R/F1, speaker and cue accuracy, breakdowns, error lists.

Users choose an attribution tool by its numbers, so every number here is
defined in one place, its counts are reported with it, and nothing is
silently dropped. This module only re-exports; the work is done in
``records`` (reading), ``matching`` (pairing quotes), ``metrics``
(counting), ``report`` (the frozen result and its tables), ``run``
(:func:`evaluate`) and ``cli`` (``quoteattr evaluate``). Options live in one
frozen :class:`EvalConfig`, passed explicitly.

**Gold** is JSONL (one document per line, split on ``\\n`` only, a byte-order
mark tolerated) or one JSON document (or a JSON list): ``id``, ``text``,
``quotes``, optional ``negatives`` (strings that must not be reported as
quotes), optional ``annotated_kinds`` and optional ``meta``. Each gold quote
has ``start``/``end``, ``kind``, ``speaker`` with
``speaker_start``/``speaker_end`` (``null`` when the text names no source or
gives no tag), optional ``speaker_entity`` (the resolved name; several
people separated by ``;``), optional ``speaker_aliases`` (every name of that
person), optional ``cue``/``cue_start``/``cue_end``, optional ``optional``
(truthy: the quote counts neither way) and optional ``meta``.

**Predictions** are ``{"id", "quotes"}`` records whose quotes have the shape
of :meth:`quoteattr.model.Quote.to_dict`; or any callable ``text -> dict``
(or ``-> Result``) is run on each gold text; by default ``quoteattr.extract``.

Definitions
-----------
* Spans are compared after *trimming* both ends of both spans: whitespace,
  punctuation (every Unicode ``P*`` character, so quote marks of all styles)
  and the symbols in :attr:`EvalConfig.extra_trim_chars`; then one leading
  word from :meth:`EvalConfig.leading` (the complementisers of the document's language: "that";
  German "dass", "daß") and the edges again.
* **exact**: trimmed spans have equal offsets. **overlap**: the trimmed spans
  share at least half (:attr:`EvalConfig.match_fraction`) of the trimmed gold
  span. Both are one-to-one; overlap pairs are chosen greedily by largest
  overlap, so one prediction can never satisfy two golds.
* **Optional** gold quotes are not counted in recall, and a prediction that
  matches (by overlap) only an optional gold is ignored, in both modes.
* **Annotated kinds**: when a gold document lists ``annotated_kinds``, a
  prediction of another kind that matches no required gold quote is ignored
  (the gold cannot say whether it is right); one that matches counts.
* A prediction not matched to a required gold that overlaps an occurrence of a
  ``negatives`` string is a false positive even if an optional gold covers it
  (or its kind is not annotated), and is also counted as a *negative reported*.
* Rows by kind: recall is over gold quotes of that kind, precision over
  predictions labelled with that kind (a quote found with the wrong kind
  still counts as found; ``kind_agreement`` measures the kind separately).
  In the ``all`` row both sides count the same matches.
* ``precision`` is ``None`` (``n/a``) when nothing was predicted, ``recall``
  is ``None`` when there is no gold; F1 is their harmonic mean, 0.0 when
  either is 0 (so an empty prediction against non-empty gold scores recall
  0.0, precision n/a, F1 0.0) and ``None`` when the other is undefined.
* **Speaker** (on overlap-matched required quotes): a gold quote with neither
  a speaker mention nor a known person (``speaker_entity`` or
  ``speaker_aliases``) is right iff the prediction has no speaker. A gold
  quote with a known person but no mention (no speech tag) needs the person:
  the predicted *entity name* (or, without an entity, the predicted mention
  text) must match ``speaker_entity`` or be one of ``speaker_aliases``. The
  same holds when the gold mention does not itself name that person (a
  pronoun or nominal: "He", "I", "some"). In every other case the predicted
  mention must overlap the gold mention by offsets (or name the person).
  Names match ``speaker_entity`` case-insensitively when one's tokens are a
  subset of the other's ("Trump" ~ "Donald Trump"); articles are ignored.
  When the gold lists ``speaker_aliases`` the list is complete, so a
  predicted name must be one of them (or the entity name) whole: "the White
  Rabbit" ~ "White Rabbit", but "Woodhouse" is not "Miss Woodhouse", who
  may have a father. A gold entity listing several people
  ("A; B") is matched by naming **any** of them, because a system reports
  one speaker per quote.
* **End-to-end**: a true positive is an overlap match with the right speaker;
  a wrong speaker costs one FP and one FN.
* **Cue** accuracy (on matches whose gold has a cue): the cues overlap.
* **Breakdowns** (``by=["meta.quote_type"]``, ``by=["confidence"]``): every
  count above also goes to a group. For ``meta.<field>`` the group is the
  gold quote's value (quote ``meta`` first, then the document's); a
  prediction joins the group of the gold quote it matched, or
  ``(unmatched)``. For ``confidence`` the group is the band
  (:attr:`EvalConfig.confidence_bands`) of the predicted quote; a gold quote
  joins the band of the prediction that matched it, or ``(no prediction)``.
  So the speaker accuracy of a band is the share of matched predictions in
  that band whose speaker is right.

>>> gold = {"id": "d1", "text": 'She said "we won." He left.',
...         "quotes": [{"start": 10, "end": 17, "kind": "direct", "speaker": "She",
...                     "speaker_start": 0, "speaker_end": 3}]}
>>> pred = {"d1": [{"start": 9, "end": 18, "kind": "direct", "confidence": 0.95,
...                 "speaker": {"start": 0, "end": 3, "text": "She"}}]}
>>> report = evaluate([gold], predictions=pred, by=["confidence"])
>>> report.row().exact.f1, report.row().speaker.value
(1.0, 1.0)
>>> report.breakdown("confidence").row("[0.90, 1.00]").speaker
Ratio(correct=1, total=1)
"""

from __future__ import annotations

from .cli import main
from .config import DEFAULT_CONFIG, EvalConfig
from .matching import DocMatch, match_document, match_exact, match_overlap, overlap, trim_span
from .metrics import ALL, KINDS, ErrorItem, Ratio, Row, Scores, is_alias, names_match, speaker_right
from .records import GoldDoc, GoldQuote, PredQuote, jsonl_lines, load_gold, load_predictions
from .report import LEGEND, Breakdown, Report, format_rows
from .run import System, evaluate

#: Default leading words trimmed before comparing spans (read-only; pass an :class:`EvalConfig` to change).
LEADING_WORDS: tuple[str, ...] = DEFAULT_CONFIG.leading()
#: Default extra trimmed symbols (read-only; see :class:`EvalConfig`).
EXTRA_TRIM_CHARS: frozenset[str] = DEFAULT_CONFIG.extra_trim_chars
#: Default tokens ignored in speaker names (read-only; see :class:`EvalConfig`).
NAME_STOPWORDS: frozenset[str] = DEFAULT_CONFIG.name_stopwords

__all__ = [
    "ALL",
    "DEFAULT_CONFIG",
    "EXTRA_TRIM_CHARS",
    "KINDS",
    "LEADING_WORDS",
    "LEGEND",
    "NAME_STOPWORDS",
    "Breakdown",
    "DocMatch",
    "ErrorItem",
    "EvalConfig",
    "GoldDoc",
    "GoldQuote",
    "PredQuote",
    "Ratio",
    "Report",
    "Row",
    "Scores",
    "System",
    "evaluate",
    "format_rows",
    "is_alias",
    "jsonl_lines",
    "load_gold",
    "load_predictions",
    "main",
    "match_document",
    "match_exact",
    "match_overlap",
    "names_match",
    "overlap",
    "speaker_right",
    "trim_span",
]
