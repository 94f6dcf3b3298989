"""The front door of scoring: gold plus predictions (or a system run on the gold texts) → a :class:`Report`.

Why a module of its own: it is the only place that knows where predictions
come from (a table, a callable, ``quoteattr.extract``); records, matching
and metrics below it never see a system.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from quoteattr.errors import ConfigError
from quoteattr.lexicons import DEFAULT_LANGUAGE

from .config import DEFAULT_CONFIG, EvalConfig
from .matching import match_document
from .metrics import ErrorItem, Tallies, count_document, group_order, grouping
from .records import GoldDoc, PredQuote, prediction_table, quotes_of
from .report import Breakdown, Report

#: A system under test: text in, a ``Result`` or its ``to_dict()`` out.
System = Callable[[str], Any]


def _default_system() -> Callable[[str, str], Any]:
    """``quoteattr.extract`` in a document's language, imported late so this package works (on
    predictions) without the pipeline."""
    try:
        from quoteattr import extract  # type: ignore[attr-defined,unused-ignore]
    except ImportError as exc:
        raise ImportError(
            f"no predictions given and the pipeline is unavailable ({exc}); pass predictions instead"
        ) from exc

    def run(text: str, lang: str) -> Any:
        return extract(text) if lang == DEFAULT_LANGUAGE else extract(text, lang=lang)

    return run


def _in_language(system: Callable[[str, str], Any], lang: str) -> System:
    """``system`` with its language fixed, as a text-only :data:`System`."""
    return lambda text: system(text, lang)


def _system_quotes(
    system: System, doc: GoldDoc, keep_going: bool, failures: list[tuple[str, str]]
) -> list[Any]:
    """The system's quotes for one document; with ``keep_going`` a crash is recorded and scored as empty."""
    try:
        return quotes_of(system(doc.text), doc.id)
    except Exception as exc:
        if not keep_going:
            raise
        failures.append((doc.id, f"{type(exc).__name__}: {exc}"))
        return []


def _breakdowns(tallies: Tallies, by: Sequence[str], config: EvalConfig) -> tuple[Breakdown, ...]:
    out = []
    for field in by:
        groups = tallies.groups[field]
        ordered = group_order(field, list(groups), config)
        out.append(Breakdown(field, tuple((label, groups[label].rows()) for label in ordered)))
    return tuple(out)


def evaluate(
    gold_docs: Iterable[GoldDoc | Mapping[str, Any]],
    predictions: Mapping[str, Any] | Iterable[Mapping[str, Any]] | None = None,
    system: System | None = None,
    *,
    keep_going: bool = False,
    config: EvalConfig = DEFAULT_CONFIG,
    by: Sequence[str] = (),
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
        config: how spans and names are compared (:class:`EvalConfig`).
        by: fields to break the scores down by, each ``"meta.<field>"`` (of the gold
            quote, falling back to the gold document's ``meta``) or ``"confidence"``
            (band of the predicted quote); see :attr:`Report.breakdowns`.

    Raises:
        ConfigError: both ``predictions`` and ``system`` were given, or an unknown ``by`` field.
        InputError: malformed gold, or a predicted span that does not fit the gold text.
    """
    if predictions is not None and system is not None:
        raise ConfigError("give predictions or a system, not both")
    by = tuple(dict.fromkeys(by))
    tallies = Tallies([(field, grouping(field, config)) for field in by])
    docs = [d if isinstance(d, GoldDoc) else GoldDoc.from_dict(d) for d in gold_docs]
    table = {} if predictions is None else prediction_table(predictions)
    run: System | None = None
    default: Callable[[str, str], Any] | None = None
    if predictions is not None:
        source = "predictions"
    elif system is not None:
        run, source = system, f"system {getattr(system, '__qualname__', None) or repr(system)}"
    else:
        default, source = _default_system(), "quoteattr.extract"

    errors: list[ErrorItem] = []
    missing: list[str] = []
    failures: list[tuple[str, str]] = []
    for doc in docs:
        if default is not None:  # the default system reads each document in its own language
            run = _in_language(default, doc.lang or config.lang)
        if run is not None:
            raw = _system_quotes(run, doc, keep_going, failures)
        else:
            if doc.id not in table:
                missing.append(doc.id)
            raw = table.get(doc.id, [])
        preds = [
            PredQuote.from_dict(q, doc.text, f"prediction {doc.id} quote {k}") for k, q in enumerate(raw)
        ]
        errors += count_document(doc, preds, match_document(doc, preds, config), tallies, config)
    order = {doc.id: n for n, doc in enumerate(docs)}
    errors.sort(key=lambda e: (order[e.doc_id], e.start, e.end, e.type))
    return Report(
        rows=tallies.total.rows(),
        documents=len(docs),
        errors=tuple(errors),
        missing_predictions=tuple(missing),
        source=source,
        failures=tuple(failures),
        breakdowns=_breakdowns(tallies, by, config),
        config=config,
    )
