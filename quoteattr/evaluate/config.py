"""The options of an evaluation, in one frozen object passed explicitly.

Why: these used to be mutable module globals, so one caller extending the
trimmed words changed every later score in the process. A frozen
:class:`EvalConfig` is passed to each function that needs it; two
evaluations with different options can run side by side.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..language import get_language
from ..lexicons import DEFAULT_LANGUAGE


def _words(value: Iterable[str]) -> tuple[str, ...]:
    """Lower-cased words, so a caller's ``["That"]`` means the same as ``["that"]``."""
    if isinstance(value, str):
        raise TypeError(f"expected a list of words, got the string {value!r}")
    return tuple(w.lower() for w in value)


def _chars(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _bands(value: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in value)


def _check_bands(
    instance: EvalConfig, attribute: attrs.Attribute[tuple[float, ...]], value: tuple[float, ...]
) -> None:
    if any(not 0.0 < v < 1.0 for v in value) or list(value) != sorted(set(value)):
        raise ValueError(
            f"'{attribute.name}' must be increasing cut points strictly between 0 and 1, got {value!r}"
        )


@attrs.frozen
class EvalConfig:
    """How spans are compared, names are matched and reports are shown.

    Every field has the default the published scores use; override by keyword.

    >>> EvalConfig().leading()
    ('that',)
    >>> EvalConfig().leading("de")
    ('dass', 'daß')
    >>> EvalConfig(confidence_bands=[0.8]).band(0.85)
    '[0.80, 1.00]'
    """

    #: Words removed from the start of a span before comparing (PolNeAR-style
    #: indirect spans may start with the complementizer). More words make exact
    #: matching more lenient. ``None`` (the default): the complementisers of the
    #: document's language (``Language.complementisers``: "that"; German "dass", "daß").
    leading_words: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_words)
    )
    #: The language of gold documents that do not say theirs (a ``"lang"`` key on a gold record wins).
    lang: str = DEFAULT_LANGUAGE
    #: Quote-like symbols trimmed besides whitespace and Unicode punctuation (``P*``).
    extra_trim_chars: frozenset[str] = attrs.field(default=frozenset({"`", "´"}), converter=_chars)
    #: Tokens ignored when comparing speaker names.
    name_stopwords: frozenset[str] = attrs.field(default=frozenset({"the", "a", "an"}), converter=_chars)
    #: Share of the (trimmed) gold span a prediction must cover to match it by overlap.
    #: Lower finds more matches and forgives worse boundaries.
    match_fraction: float = attrs.field(
        default=0.5, validator=[attrs.validators.gt(0.0), attrs.validators.le(1.0)]
    )
    #: Cut points of the confidence bands: ``(0.5, 0.7, 0.9)`` gives
    #: ``[0, 0.5)``, ``[0.5, 0.7)``, ``[0.7, 0.9)`` and ``[0.9, 1]``.
    confidence_bands: tuple[float, ...] = attrs.field(
        default=(0.5, 0.7, 0.9), converter=_bands, validator=_check_bands
    )
    #: Characters of context shown either side of an error.
    context_chars: int = attrs.field(default=60, validator=attrs.validators.ge(0))
    #: Longest span text shown in an error before its middle is elided.
    max_shown: int = attrs.field(default=160, validator=attrs.validators.ge(3))

    def leading(self, lang: str | None = None) -> tuple[str, ...]:
        """The leading words trimmed from spans of a document in ``lang`` (default: :attr:`lang`)."""
        if self.leading_words is not None:
            return self.leading_words
        return tuple(sorted(get_language(lang or self.lang).complementisers))

    def band(self, confidence: float) -> str:
        """The label of the confidence band holding ``confidence`` (the top band is closed)."""
        lo = 0.0
        for hi in self.confidence_bands:
            if confidence < hi:
                return f"[{lo:.2f}, {hi:.2f})"
            lo = hi
        return f"[{lo:.2f}, 1.00]"

    def band_labels(self) -> tuple[str, ...]:
        """Every band label, lowest first."""
        return tuple(self.band(lo) for lo in (0.0, *self.confidence_bands))


#: The configuration of the published scores.
DEFAULT_CONFIG = EvalConfig()
