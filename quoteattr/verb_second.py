"""Word-order readings of a verb-second language (feature ``verb-second`` of ``features.txt``) that
the verb frames (:mod:`quoteattr.frames`) ask: whether a cue after a comma ends a subordinate clause,
and whether reported speech goes on after an inverted cue."""

from __future__ import annotations

from .phrases import VERB_SECOND, clause_like
from .readings import ContentView

__all__ = ["ends_subordinate", "with_continuation"]


def ends_subordinate(v: ContentView, left: tuple[int, int]) -> bool:
    """Does a cue with its subject before it, after plain content and a comma, end a subordinate or
    relative clause ("…, die der Jäger verkaufte", "…, was er verlangte")? In a verb-second language a
    main clause's tag puts the verb first ("…, sagte er"); only after a quotation does "er sagte" tag it."""
    return VERB_SECOND in v.lang.features and not v.items[left[1] - 1].is_quote


def with_continuation(v: ContentView, left: tuple[int, int], tail: int) -> tuple[int, int]:
    """``left``, or one discontinuous span to the unit's end when the reported clause goes on after
    the inverted cue's comma at ``tail`` ("Es sei nicht gut, sagte sie, es bedeute nichts")."""
    return (left[0], v.end) if _reported_goes_on(v, left, tail) else left


def _reported_goes_on(v: ContentView, left: tuple[int, int], tail: int) -> bool:
    """In a verb-second language, does the reported clause go on after an inverted cue's comma ("Der
    Pfarrer, sagte man, esse nur Brot"; "Es sei spät, meinte er, ob sie bleibe")? Yes when plain
    words come before the cue and after the comma, and the part before is no whole clause, what
    follows is a question ("…, ob …"), or a subjunctive shows reported speech (an unmarked direct
    quotation stays one record per piece); not when an adverbial, a conjunction or a relative pronoun
    opens it ("sagte er, indem er …", "sagte er, und ging")."""
    items, lang = v.items, v.lang
    if VERB_SECOND not in lang.features or items[left[1] - 1].is_quote:
        return False
    start = tail + 1
    if not (start < v.end and items[tail].text == "," and items[start].is_word):
        return False
    if any(it.is_quote for it in items[start : v.end]):
        return False
    opener = items[start].lower
    if opener in lang.cls("adverbial") or opener in lang.conj or opener in lang.relpro:
        return False
    if not clause_like(items[left[0] : left[1]], lang) or opener in lang.question_words:
        return True
    # a direct quotation without marks is one record per piece: only a subjunctive shows reported speech
    subjunctive = lang.cls("subjunctive")
    return any(it.lower in subjunctive for it in (*items[left[0] : left[1]], *items[start : v.end]))
