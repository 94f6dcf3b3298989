"""Canonical names and descriptions: one policy for what an entity is called.

A name is the capitalised run at the end of a mention, without determiners, titles or a
sentence opener (``Iranian Foreign Minister Ana Ruiz`` → ``Ana Ruiz``, ``Although Ruiz`` →
``Ruiz``); ``A and B`` is one entity named ``A; B``. A mention with no name is a description,
named as a reader writes it mid-sentence (``His aides`` → ``his aides``). Two names are one
person when one is the other's surname or they share first and last word (:func:`same_person`).
These are pure functions of a mention's text, shared by the mention layer and coreference.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Protocol, TypeVar, cast

import regex

from .language import Language, english
from .tokens import is_capitalised, tokenize

_F = TypeVar("_F", bound=Callable[..., Any])

_PARENS = regex.compile(r"\([^()]{0,80}\)")  # "(D-Wis.)" is not part of a name


# Same splits as r"\s*(?:,\s*and\s+|,\s+|\s+and\s+|\s*&\s*)", which was cubic on a run of spaces: each
# alternative takes its whitespace possessively and a match starts only at the start of a whitespace run (or
# where the previous split ended, \G).
@functools.lru_cache(maxsize=16)
def _coord_pattern(pair_words: frozenset[str]) -> regex.Pattern[str]:
    """Splits "A, B and C" / "A & B" into speakers; ``pair_words`` are the language's "and"."""
    words = "|".join(sorted(map(regex.escape, pair_words), key=len, reverse=True)) or "(?!)"
    return regex.compile(
        rf"(?:(?<!\s)|\G)(?:\s*+,\s*+(?:{words})\s++|\s*+,\s++|\s++(?:{words})\s++|\s*+&\s*+)"
    )


_COORD_RE = _coord_pattern(english().cls("pair"))

#: Mention texts up to this length have their canonical name and roles cached (real mentions are far
#: shorter); a longer one (hostile text: a 100 KB capitalised "word") is computed each time. With
#: CACHE_SIZE entries per cache, what the caches keep across documents stays bounded at a few MB
#: (unbounded keys kept about 95 MB after 1,000 such documents, issue 10).
CACHE_KEY_CHARS = 128
CACHE_SIZE = 8192


def _cached_if_short(func: _F) -> _F:
    """``func`` behind an LRU cache that only short texts enter (see :data:`CACHE_KEY_CHARS`).

    The first argument is the text; the others (a :class:`Language`, or none) must be hashable.
    One helper for every such cache, so the bound on what they keep is set in one place.
    """
    cached = functools.lru_cache(maxsize=CACHE_SIZE)(func)

    @functools.wraps(func)
    def lookup(text: str, /, *args: Hashable) -> Any:
        return cached(text, *args) if len(text) <= CACHE_KEY_CHARS else func(text, *args)

    lookup.cache_info = cached.cache_info  # type: ignore[attr-defined]
    lookup.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return cast(_F, lookup)


PERSON_NAME_WORDS = 2  #: words of a name kept after a title's portfolio ("Minister for Health …")
PORTFOLIO_LOOKBACK = 4  #: words read before a run for "<title> [titles] for/of"


def _after_titled_preposition(before: Sequence[str], lang: Language) -> bool:
    """The words ``before`` a capitalised run end in "<title> for/of" (title words may follow): the
    run's first words name the portfolio ("Minister for Foreign Affairs Ana Ruiz")."""
    k = len(before) - 1
    while k >= 0 and before[k].lower() in lang.titles:
        k -= 1
    return k >= 1 and before[k].lower() in lang.prep and before[k - 1].lower() in lang.titles


class _Word(Protocol):
    @property
    def text(self) -> str: ...


def without_portfolio(name: str | None, words: Sequence[_Word], run: int, lang: Language) -> str | None:
    """``name``, read from the run starting at ``words[run]``, without a title's portfolio ("for Health
    Sarah Okoye" after "Minister" → "Sarah Okoye"); what :func:`canonical_name` does for a mention."""
    if name is None:
        return None
    parts = name.split()
    kept = _drop_portfolio(parts, [w.text for w in words[max(0, run - PORTFOLIO_LOOKBACK) : run]], lang)
    return name if len(kept) == len(parts) else " ".join(kept)


def _drop_portfolio(run: list[str], before: Sequence[str], lang: Language) -> list[str]:
    """The last :data:`PERSON_NAME_WORDS` of a longer capitalised ``run`` that follows "<title> for/of"
    (``before``): "Minister for Health Sarah Okoye" → "Sarah Okoye"; any other run unchanged."""
    if len(run) > PERSON_NAME_WORDS and _after_titled_preposition(before, lang):
        return run[-PERSON_NAME_WORDS:]
    return run


def canonical_name(mention_text: str, lang: Language | None = None) -> str:
    """The name without determiners and titles: "Iranian Foreign Minister Ana Ruiz" → "Ana Ruiz".

    >>> canonical_name("US President Donald Trump")
    'Donald Trump'
    >>> canonical_name("the spokesman")
    'the spokesman'
    """
    return _canonical_name(mention_text, lang if lang is not None else english())


@_cached_if_short  # pure, and called for the same names again and again
def _canonical_name(mention_text: str, lang: Language) -> str:
    parts = [p for p in _coord_pattern(lang.cls("pair")).split(mention_text.strip()) if p]
    if len(parts) > 1 and all(_has_cap(p) for p in parts):
        return "; ".join(_canonical_name(p, lang) for p in parts)
    words = [t.text for t in tokenize(_PARENS.sub(" ", mention_text)) if t.is_word or t.text in ("-",)]
    run: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if (is_capitalised(w) or lw in lang.name_particles) and (
            lw not in lang.titles and lw + "." not in lang.titles and lw not in lang.det
        ):
            run.append(w)
        else:
            break
    run.reverse()
    if run and _attached(words, len(words) - len(run), lang):
        return description_name(mention_text.strip(), lang)  # "a teacher at Brookfield Primary"
    # "Although Ruiz", "On Oct", "Meanwhile": a sentence opener is not the start of a name
    while run and (not is_capitalised(run[0]) or run[0].lower() in lang.not_name_openers):
        run.pop(0)
    run = _drop_portfolio(run, words[: len(words) - len(run)], lang)  # the portfolio is not the name
    if run:
        return " ".join(run)
    return description_name(mention_text.strip(), lang)


def _attached(words: Sequence[str], at: int, lang: Language) -> bool:
    """Does the capitalised run at ``words[at:]`` hang off a description by a preposition?

    "A farmer near Kilbride", "officials in Dunmore": the place is not the speaker. A title before
    the preposition ("Secretary of State X") keeps the run a name.
    """
    if at < 2 or words[at - 1].lower() not in lang.cls("located"):
        return False  # "a spokeswoman for X", "an analysis by X" are X's: left to the name rules
    first = words[0].lower()
    return first in lang.det or first in lang.not_name_openers or words[at - 2].lower() in lang.nominals


def description_name(text: str, lang: Language) -> str:
    """A description named as a reader would write it mid-sentence: "His aides" → "his aides".

    A determiner or quantifier is capitalised only because it opened the sentence; lowering it makes
    the same description one name wherever it stands, and keeps it from passing for a proper name.
    """
    first, _, rest = text.partition(" ")
    acronym = len(first) > 1 and first.isupper()
    if rest and first[:1].isupper() and not acronym and first.lower() in lang.not_name_openers | lang.det:
        return f"{first.lower()} {rest}"
    return text


def proper_name(text: str, lang: Language) -> str | None:
    """The canonical name of a capitalised run found in the text, or None when it is no name."""
    return _proper_name(text, lang)


@_cached_if_short  # the mention layer asks it for every capitalised run of every unit
def _proper_name(text: str, lang: Language) -> str | None:
    name = _canonical_name(text, lang)
    words = name.split()
    if not words or not is_capitalised(words[0]) or words[0].lower() in lang.not_name_openers:
        return None
    if words[0].lower() in lang.titles or words[0].lower() + "." in lang.titles:
        return None
    return name


def _has_cap(s: str) -> bool:
    return any(t.text[:1].isupper() for t in tokenize(s) if t.is_word)


def roles(mention_text: str, lang: Language) -> set[str]:
    """The role words (titles, role nouns) in a mention: "Ministry spokesman Karl Vos" → {"spokesman"}."""
    return set(_role_words(mention_text, lang))


@_cached_if_short
def _role_words(mention_text: str, lang: Language) -> frozenset[str]:
    return frozenset(
        t.lower for t in tokenize(mention_text) if t.lower in lang.nominals or t.lower in lang.titles
    )


def head(description: str, lang: Language) -> str:
    """The head noun of a description: its last word before any preposition ("a doctor at the clinic")."""
    words = description.lower().split()
    for i, w in enumerate(words):
        if i > 0 and w in lang.prep:
            return words[i - 1]
    return words[-1] if words else ""


def same_person(name: str, other: str) -> bool:
    """Can two canonical names be one person? Equal, one the other's single word, or same first and last.

    >>> same_person("Moss", "Lena Moss"), same_person("Lena Moss", "Ivo Moss")
    (True, False)
    """
    a, b = name.lower().split(), other.lower().split()
    if not a or not b:
        return False
    if a == b or (len(a) == 1 and a[0] in b) or (len(b) == 1 and b[0] in a):
        return True
    return len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and a[0] == b[0]


def gender_of_name(name: str, lang: Language) -> str:
    """ "m"/"f" from an honorific or a known given name opening ``name`` ("Mrs. Ruiz"), else ""."""
    return _gender_of_name(name, lang)


@_cached_if_short  # asked twice for every name the mention layer reads
def _gender_of_name(name: str, lang: Language) -> str:
    words = name.lower().replace(".", " ").split()
    if not words:
        return ""
    return lang.honorifics.get(words[0], "") or lang.given_names.get(words[0], "")
