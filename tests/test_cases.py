"""Table-driven attribution tests: ``tests/cases/attribution.jsonl`` run through ``quoteattr.extract``.

Each JSONL line is one hand-written case::

    {"id": "...", "pattern": "...", "text": "...", "comment": "why the case exists",
     "quotes": [{"text": "...", "kind": "direct|indirect|mixed", "speaker": "...",
                 "entity": "... or null", "cue": "...", "optional": false}],
     "negatives": ["substring no reported quote may overlap"]}

A direct quote's ``text`` is what sits inside the marks; an indirect or mixed quote's ``text`` is
the reported clause without a leading "that", the attribution or the final full stop.

Gold quotes carry no offsets: the loader finds each gold ``text`` in the case text and insists it
occurs exactly once, so a typo in the data fails loudly instead of silently scoring as a miss.

Matching, per case:

* a predicted quote matches a gold quote when their spans overlap by at least half of the gold
  span; each prediction matches at most one gold quote (largest overlap first), so a prediction
  that swallows two quotes only counts once. The pairing is ``quoteattr.evaluate.match_overlap``,
  the one the corpus scores use, on the untrimmed spans;
* every required gold quote must be matched, with the same ``kind``, a speaker mention equal to
  one of the gold ``speaker`` strings (stripped, case-insensitive), the entity name equal to the
  gold ``entity`` when given, and the cue text equal to one of the gold ``cue`` strings when given;
* gold quotes flagged ``"optional": true`` may be found or not, and are not checked further;
* no prediction may be left unmatched (spurious), and none may overlap a ``negatives`` string.

``speaker`` and ``cue`` may be a list of acceptable strings for genuinely ambiguous cases
(``the agriculture minister, Halvard Strand``). ``entity: null`` means "not checked".

The data-sanity tests below run without the pipeline; ``test_case`` needs ``quoteattr.extract``.
``python tests/cases/score.py`` prints the pass rate per pattern.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from quoteattr.evaluate import match_overlap, overlap

CASES_PATH = Path(__file__).parent / "cases" / "attribution.jsonl"

KINDS = frozenset({"direct", "indirect", "mixed"})
#: A prediction must cover at least this fraction of a gold quote's span to match it.
MATCH_FRACTION = 0.5
MIN_CASES = 90
MIN_CASES_PER_PATTERN = 3

_CASE_REQUIRED = frozenset({"id", "pattern", "text", "quotes"})
_CASE_OPTIONAL = frozenset({"negatives", "comment", "known_failure", "lang"})
_QUOTE_REQUIRED = frozenset({"text", "kind", "speaker"})
_QUOTE_OPTIONAL = frozenset({"entity", "cue", "optional"})


class CaseDataError(ValueError):
    """The case file is inconsistent; the message names the case and the field."""


@dataclass(frozen=True)
class GoldQuote:
    """One expected quote, with offsets located in the case text."""

    start: int
    end: int
    text: str
    kind: str
    speakers: tuple[str, ...]  #: acceptable speaker mentions; empty only for optional quotes
    entity: str | None  #: None: not checked
    cues: tuple[str, ...]  #: acceptable cue texts; empty: not checked
    optional: bool


@dataclass(frozen=True)
class Negative:
    """A stretch of the case text that no reported quote may overlap."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Case:
    id: str
    pattern: str
    text: str
    quotes: tuple[GoldQuote, ...]
    negatives: tuple[Negative, ...]
    comment: str
    known_failure: str = ""  #: why the pipeline gets this case wrong today (kept, not deleted)


def _fail(case_id: str, message: str) -> CaseDataError:
    return CaseDataError(f"{CASES_PATH.name}: case {case_id!r}: {message}")


def _find_once(case_id: str, text: str, needle: str, what: str) -> int:
    """Offset of the only occurrence of ``needle``; the data must not be ambiguous."""
    count = text.count(needle)
    if count != 1:
        raise _fail(
            case_id, f"{what} {needle!r} occurs {count} times in the case text; it must occur exactly once"
        )
    return text.index(needle)


def _strings(case_id: str, value: Any, field: str, *, allow_none: bool) -> tuple[str, ...]:
    """A string or a non-empty list of strings, as a tuple (``()`` for an allowed None)."""
    if value is None and allow_none:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise _fail(case_id, f"{field} must be a non-empty string or a list of them, got {value!r}")
    return tuple(items)


def _parse_quote(case_id: str, text: str, raw: Any) -> GoldQuote:
    if not isinstance(raw, dict):
        raise _fail(case_id, f"a quote must be an object, got {raw!r}")
    missing, unknown = _QUOTE_REQUIRED - raw.keys(), raw.keys() - _QUOTE_REQUIRED - _QUOTE_OPTIONAL
    if missing or unknown:
        raise _fail(
            case_id,
            f"quote {raw.get('text')!r}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}",
        )
    qtext = raw["text"]
    if not isinstance(qtext, str) or not qtext:
        raise _fail(case_id, f"quote text must be a non-empty string, got {qtext!r}")
    start = _find_once(case_id, text, qtext, "gold quote text")
    if raw["kind"] not in KINDS:
        raise _fail(case_id, f"quote {qtext!r}: kind {raw['kind']!r} is not one of {sorted(KINDS)}")
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise _fail(case_id, f"quote {qtext!r}: optional must be true or false, got {optional!r}")
    speakers = _strings(case_id, raw["speaker"], "speaker", allow_none=optional)
    cues = _strings(case_id, raw.get("cue"), "cue", allow_none=True)
    folded = text.casefold()
    for s in speakers + cues:
        if s.casefold() not in folded:
            raise _fail(case_id, f"quote {qtext!r}: speaker/cue {s!r} does not appear in the case text")
    entity = raw.get("entity")
    if entity is not None and (not isinstance(entity, str) or not entity.strip()):
        raise _fail(case_id, f"quote {qtext!r}: entity must be null or a non-empty string, got {entity!r}")
    return GoldQuote(start, start + len(qtext), qtext, raw["kind"], speakers, entity, cues, optional)


def parse_case(raw: Any) -> Case:
    """Validate one decoded JSONL record and locate its spans."""
    if not isinstance(raw, dict):
        raise CaseDataError(f"{CASES_PATH.name}: each line must be a JSON object, got {raw!r}")
    case_id = raw.get("id")
    if not isinstance(case_id, str) or not case_id:
        raise CaseDataError(f"{CASES_PATH.name}: a case has no id: {raw!r}")
    missing, unknown = _CASE_REQUIRED - raw.keys(), raw.keys() - _CASE_REQUIRED - _CASE_OPTIONAL
    if missing or unknown:
        raise _fail(case_id, f"missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    text, pattern = raw["text"], raw["pattern"]
    if not isinstance(text, str) or not text.strip():
        raise _fail(case_id, "text must be a non-empty string")
    if not isinstance(pattern, str) or not pattern:
        raise _fail(case_id, "pattern must be a non-empty string")
    if not isinstance(raw["quotes"], list):
        raise _fail(case_id, "quotes must be a list")
    quotes = tuple(sorted((_parse_quote(case_id, text, q) for q in raw["quotes"]), key=lambda g: g.start))
    for a, b in itertools.pairwise(quotes):
        if a.end > b.start:
            raise _fail(case_id, f"gold quotes {a.text!r} and {b.text!r} overlap")
    negatives = []
    for neg in raw.get("negatives", []):
        if not isinstance(neg, str) or not neg.strip():
            raise _fail(case_id, f"negatives must be non-empty strings, got {neg!r}")
        start = _find_once(case_id, text, neg, "negative")
        for g in quotes:
            if overlap((start, start + len(neg)), (g.start, g.end)):
                raise _fail(case_id, f"negative {neg!r} overlaps gold quote {g.text!r}")
        negatives.append(Negative(start, start + len(neg), neg))
    comment = raw.get("comment", "")
    if not isinstance(comment, str):
        raise _fail(case_id, "comment must be a string")
    known = raw.get("known_failure", "")
    if not isinstance(known, str):
        raise _fail(case_id, "known_failure must be a string (the reason)")
    return Case(case_id, pattern, text, quotes, tuple(negatives), comment, known)


def load_cases(path: Path = CASES_PATH) -> list[Case]:
    """Every case in ``path``; raises :class:`CaseDataError` on the first inconsistency."""
    cases: list[Case] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as e:
                raise CaseDataError(f"{path.name}:{lineno}: invalid JSON: {e}") from None
            case = parse_case(raw)
            if case.id in seen:
                raise CaseDataError(f"{path.name}:{lineno}: duplicate case id {case.id!r}")
            seen.add(case.id)
            cases.append(case)
    return cases


def _norm(s: str) -> str:
    return s.strip().casefold()


def _describe(q: Any) -> str:
    speaker = getattr(q.speaker, "text", None)
    entity = getattr(q.entity, "name", None)
    cue = getattr(q.cue, "text", None)
    return f"{q.kind} {q.text!r} [{q.start}:{q.end}] speaker={speaker!r} entity={entity!r} cue={cue!r}"


def check_prediction(case: Case, predicted: Sequence[Any]) -> list[str]:
    """Everything wrong with ``predicted`` (objects shaped like ``quoteattr.Quote``) for ``case``.

    An empty list means the case passes.
    """
    problems = [
        f"span text mismatch: text[{q.start}:{q.end}] != {q.text!r}"
        for q in predicted
        if case.text[q.start : q.end] != q.text
    ]
    pred_to_gold = match_overlap(
        {gi: (g.start, g.end) for gi, g in enumerate(case.quotes)},
        {pi: (p.start, p.end) for pi, p in enumerate(predicted)},
        MATCH_FRACTION,
    )
    gold_to_pred = {gi: pi for pi, gi in pred_to_gold.items()}

    for gi, g in enumerate(case.quotes):
        if g.optional:
            continue
        if gi not in gold_to_pred:
            problems.append(f"missing {g.kind} quote {g.text!r}")
            continue
        p = predicted[gold_to_pred[gi]]
        where = f"quote {g.text!r}"
        if p.kind != g.kind:
            problems.append(f"{where}: kind {p.kind!r}, expected {g.kind!r}")
        speaker = getattr(p.speaker, "text", None)
        if speaker is None or _norm(speaker) not in {_norm(s) for s in g.speakers}:
            problems.append(f"{where}: speaker {speaker!r}, expected one of {list(g.speakers)}")
        if g.entity is not None:
            entity = getattr(p.entity, "name", None)
            if entity is None or _norm(entity) != _norm(g.entity):
                problems.append(f"{where}: entity {entity!r}, expected {g.entity!r}")
        if g.cues:
            cue = getattr(p.cue, "text", None)
            if cue is None or _norm(cue) not in {_norm(c) for c in g.cues}:
                problems.append(f"{where}: cue {cue!r}, expected one of {list(g.cues)}")

    for pi, p in enumerate(predicted):
        if pi not in pred_to_gold:
            problems.append(f"spurious: {_describe(p)}")
        for neg in case.negatives:
            if overlap((neg.start, neg.end), (p.start, p.end)):
                problems.append(f"reported a negative {neg.text!r}: {_describe(p)}")
    return problems


def format_problems(case: Case, problems: Iterable[str], predicted: Sequence[Any] = ()) -> str:
    lines = [f"case {case.id} ({case.pattern}): {case.text!r}"]
    if case.comment:
        lines.append(f"  why: {case.comment}")
    lines += [f"  - {p}" for p in problems]
    lines += [f"  predicted: {_describe(q)}" for q in predicted]
    return "\n".join(lines)


CASES = load_cases()


# ---------------------------------------------------------------- data sanity (no pipeline needed)


def test_enough_cases() -> None:
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases"


def test_ids_unique_and_kinds_valid() -> None:
    ids = Counter(c.id for c in CASES)
    assert [i for i, n in ids.items() if n > 1] == []
    assert {g.kind for c in CASES for g in c.quotes} <= KINDS


def test_every_pattern_has_enough_cases() -> None:
    per_pattern = Counter(c.pattern for c in CASES)
    thin = {p: n for p, n in per_pattern.items() if n < MIN_CASES_PER_PATTERN}
    assert thin == {}, f"patterns with fewer than {MIN_CASES_PER_PATTERN} cases: {thin}"


def test_every_kind_and_negative_is_represented() -> None:
    kinds = Counter(g.kind for c in CASES for g in c.quotes if not g.optional)
    assert all(kinds[k] >= 10 for k in KINDS), kinds
    assert sum(1 for c in CASES if not c.quotes) >= 15
    assert sum(1 for c in CASES if c.negatives) >= 20


def test_gold_spans_index_the_text() -> None:
    for c in CASES:
        for g in c.quotes:
            assert c.text[g.start : g.end] == g.text
        for n in c.negatives:
            assert c.text[n.start : n.end] == n.text


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["quotes"][0].update(text="no such words"), "occurs 0 times"),
        (lambda r: r["quotes"][0].update(kind="reported"), "is not one of"),
        (lambda r: r["quotes"][0].update(speaker="Nobody Here"), "does not appear"),
        (lambda r: r["quotes"][0].update(colour="red"), "unknown keys"),
        (lambda r: r.update(negatives=[r["quotes"][0]["text"][:12]]), "overlaps gold quote"),
        (lambda r: r.update(text=r["text"] + " " + r["text"]), "occurs 2 times"),
    ],
)
def test_loader_rejects_inconsistent_data(mutate: Any, message: str) -> None:
    raw = {
        "id": "t",
        "pattern": "p",
        "text": '"We will win," said Ada Lund.',
        "quotes": [{"text": "We will win,", "kind": "direct", "speaker": "Ada Lund", "cue": "said"}],
    }
    parse_case(raw)
    mutate(raw)
    with pytest.raises(CaseDataError, match=message):
        parse_case(raw)


def test_loader_rejects_duplicate_ids(tmp_path: Path) -> None:
    line = json.dumps({"id": "dup", "pattern": "p", "text": "Nothing here.", "quotes": []})
    path = tmp_path / "cases.jsonl"
    path.write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CaseDataError, match="duplicate case id"):
        load_cases(path)


# A stand-in for quoteattr.Quote, so the checker can be tested before the pipeline exists.
@dataclass(frozen=True)
class _Span:
    text: str


@dataclass(frozen=True)
class _Entity:
    name: str


@dataclass(frozen=True)
class _FakeQuote:
    start: int
    end: int
    text: str
    kind: str
    speaker: _Span | None
    entity: _Entity | None
    cue: _Span | None


def _oracle(case: Case) -> list[_FakeQuote]:
    """The predictions a perfect extractor would make, built from the gold data."""
    out = []
    for g in case.quotes:
        speaker = g.speakers[0] if g.speakers else None
        out.append(
            _FakeQuote(
                g.start,
                g.end,
                g.text,
                g.kind,
                None if speaker is None else _Span(speaker),
                _Entity(g.entity or speaker or "?"),
                _Span(g.cues[0]) if g.cues else None,
            )
        )
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_checker_accepts_the_gold_answer(case: Case) -> None:
    assert check_prediction(case, _oracle(case)) == []


def test_checker_rejects_wrong_answers() -> None:
    caught = Counter[str]()
    for case in CASES:
        gold = _oracle(case)
        required = [i for i, g in enumerate(case.quotes) if not g.optional]
        for i in required:
            assert any("missing" in p for p in check_prediction(case, gold[:i] + gold[i + 1 :]))
            wrong_speaker = replace(gold[i], speaker=_Span("Somebody Else"))
            assert check_prediction(case, [*gold[:i], wrong_speaker, *gold[i + 1 :]])
            wrong_kind = replace(gold[i], kind="mixed" if gold[i].kind != "mixed" else "direct")
            assert check_prediction(case, [*gold[:i], wrong_kind, *gold[i + 1 :]])
            caught["quote"] += 1
        for neg in case.negatives:
            fake = _FakeQuote(neg.start, neg.end, neg.text, "direct", _Span("x"), None, None)
            problems = check_prediction(case, [*gold, fake])
            assert any("negative" in p for p in problems) and any("spurious" in p for p in problems)
            caught["negative"] += 1
    assert caught["quote"] >= MIN_CASES and caught["negative"] >= 20, caught


def test_one_prediction_cannot_match_two_quotes() -> None:
    case = next(c for c in CASES if c.id == "interrupted-01")
    merged = _FakeQuote(
        case.quotes[0].start,
        case.quotes[1].end,
        case.text[case.quotes[0].start : case.quotes[1].end],
        "direct",
        _Span("Nadia Cole"),
        _Entity("Nadia Cole"),
        _Span("said"),
    )
    assert any("missing" in p for p in check_prediction(case, [merged]))


# ---------------------------------------------------------------- the cases themselves (need the pipeline)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case: Case) -> None:
    from quoteattr import extract  # imported here so the data tests above run without the pipeline

    result = extract(case.text)
    assert_case(case, check_prediction(case, result.quotes), result.quotes)


def assert_case(case: Case, problems: list[str], quotes: Sequence[Any]) -> None:
    """Fail with the problems found, or xfail a known failure (strict: one that passes must lose its mark).

    Every hand-case file (attribution, German, reported speech, speakers) ends its test here.
    """
    if case.known_failure:
        assert problems, f"case {case.id} passes now: remove its known_failure ({case.known_failure})"
        pytest.xfail(f"known failure: {case.known_failure}")
    assert not problems, format_problems(case, problems, quotes)


def thin_patterns(cases: Sequence[Case], required: Iterable[str], minimum: int) -> dict[str, int]:
    """The required patterns that have fewer than ``minimum`` cases, with their counts."""
    per_pattern = Counter(c.pattern for c in cases)
    return {p: per_pattern[p] for p in required if per_pattern[p] < minimum}
