"""What an object cue says of its object (issue 14): the predicate of ``called X Y`` and the reason or
label a verdict gives (``attacked X as a fraud``, ``dismissed X as fake``, ``thanked X for backing Y``).

"She called the plan a ploy", "The campaign called the charges unsubstantiated" report a judgement:
the object and what is said of it are the content (PolNeAR's spans hold both). "She called the police",
"called a meeting", "called him on Tuesday", "called her back", "called the hearing to order" report
nothing. The stated rule: after a whole object (a pronoun, or a noun phrase with a head word after its
determiners and possessors, and after each preposition or conjunction inside it — "her vote in favor of
the war", "the citation and the demand" —, with no time word, infinitive marker or verb) there stands

* a label: an indefinite article (``label`` in ``function_words.tsv``) before a word ("a ploy");
* or a predicate adjective (after any ``-ly`` adverbs: "racially motivated"): a word of the
  ``predicate`` class ("fake", "wrong") or with a ``predicate`` ending of ``word_forms.tsv``
  ("dangerous", "unacceptable", "reckless"), or a past participle ("unsubstantiated") — each with
  nothing but punctuation, a conjunction, a complementiser, an infinitive marker or (not after a
  participle: "the meeting scheduled for Monday" is an object) a preposition after it: "the city
  homeless shelter" is one noun phrase.

A quoted predicate ('called the plan "a ploy"') is read by the name frame without this rule. Pure
functions of a :class:`~quoteattr.clauses.ClauseView`; :mod:`quoteattr.readings` and
:mod:`quoteattr.frames` ask them, :mod:`quoteattr.parse_objects` reads the same classes on a parse.
"""

from __future__ import annotations

from collections.abc import Sequence

from .clauses import ClauseView
from .language import Language
from .phrases import is_cap

__all__ = [
    "MAX_OBJECT_WORDS",
    "object_predicate",
    "predicate_at",
    "predicate_end",
    "predicate_word",
    "states_verdict",
    "verdict_end",
]

#: The most words an object may have before its predicate ("the demand for the aide's public appearance").
MAX_OBJECT_WORDS = 12

#: The fewest letters a word keeps before a ``predicate`` or participle ending ("bed" is no participle).
MIN_STEM = 3


def counts_occasion(words: Sequence[str], lang: Language) -> bool:
    """Does an object (its lower-case words) count occasions ("for the first time in years", "a second
    time": an ``ordinal`` word and an ``occasion`` noun of ``function_words.tsv`` after any determiners)?
    It says when, not what: "called for the first time" reports nothing. Both engines ask this."""
    k = 0
    while k < len(words) - 1 and words[k] in lang.det | lang.cls("article"):
        k += 1
    return k + 1 < len(words) and words[k] in lang.cls("ordinal") and words[k + 1] in lang.cls("occasion")


def _has_ending(word: str, endings: tuple[str, ...]) -> bool:
    return any(word.endswith(e) and len(word) - len(e) >= MIN_STEM for e in endings)


def predicate_word(word: str, lang: Language) -> bool:
    """Is ``word`` (lower-cased) a predicate adjective: a ``predicate`` word, a word with a
    ``predicate`` ending, or a past participle? (The parse reader asks this of an ``xcomp`` too.)"""
    return (
        word in lang.cls("predicate")
        or _has_ending(word, lang.endings("predicate"))
        or is_participle(word, lang)
    )


def is_participle(word: str, lang: Language) -> bool:
    """A regular past form long enough not to be a noun ("unsubstantiated", not "bed")."""
    return _has_ending(word, lang.endings("past"))


def predicate_at(v: ClauseView, k: int, end: int) -> bool:
    """Does a predicate (a label or a predicate adjective, after any ``-ly`` adverbs) open at item ``k``?"""
    items, lang = v.items, v.lang
    adverb = lang.endings("manner_adverb")
    while k < end - 1 and items[k].is_word and items[k].lower.endswith(adverb) and not is_cap(items[k]):
        k += 1  # "racially motivated"
    it = items[k]
    if not it.is_word or is_cap(it):
        return False
    nxt = items[k + 1] if k + 1 < end else None
    if it.lower in lang.cls("label"):  # "a ploy", not "a day later" (a time adjunct)
        return nxt is not None and nxt.is_word and not any(w.lower in lang.time for w in items[k + 1 : k + 3])
    if not predicate_word(it.lower, lang):
        return False
    participle = is_participle(it.lower, lang)
    if nxt is None or not nxt.is_word:
        return True
    after = lang.conj | lang.complementisers | lang.cls("infinitive")
    if not participle or it.lower in lang.cls("predicate"):
        after = after | lang.prep  # "called it unfair to voters"
    return nxt.lower in after


def object_predicate(v: ClauseView, start: int, end: int) -> int | None:
    """Where the predicate of ``called OBJECT PREDICATE`` starts, when items ``[start, end)`` read so;
    else ``None`` ("called a meeting", "called the police after a neighbor heard shots")."""
    items, lang = v.items, v.lang
    first = items[start] if start < end else None
    if first is None or not first.is_word or first.lower in lang.cls("indefdet") | lang.cls("label"):
        return None  # "called a meeting": an indefinite object is something called, not judged
    if first.lower in lang.object_pronouns:
        if start + 1 < end and predicate_at(v, start + 1, end):
            return start + 1
        if first.lower not in lang.cls("possessive"):
            return None  # "called him on Tuesday"; "her vote … a mistake" reads on as a noun phrase
    stops = lang.time | lang.complementisers | lang.cls("infinitive") | lang.finite_hints
    owners = lang.det | lang.cls("possessive") | lang.prep | lang.conj
    head = False  # a head word has come after the determiners, possessors, prepositions and conjunctions
    for k in range(start, min(end, start + MAX_OBJECT_WORDS + 1)):
        it = items[k]
        if not it.is_word or (it.lower in stops and not (k == start and it.lower in lang.det)):
            return None
        if head and predicate_at(v, k, end):
            return k
        possessor = it.lower.endswith(lang.endings("possessive"))
        head = not possessor and it.lower not in owners
    return None


def predicate_end(v: ClauseView, at: int, end: int) -> int:
    """Where a predicate opening at item ``at`` ends: at a comma before a conjunction ("called the
    ruling fake, and his lawyers appealed": a clause of its own), else at ``end``."""
    items, conj = v.items, v.lang.conj
    for k in range(at + 1, end - 1):
        if items[k].text == "," and items[k + 1].lower in conj:
            return k
    return end


#: Marks after which a verdict's label or reason gives way to the writer's aside ("as X — a metaphor …").
ASIDE_MARKS = frozenset({"—", "–", "-", "--"})


def verdict_end(v: ClauseView, a: int, b: int) -> int:
    """Where a verdict's content ``[a, b)`` ends: after the reason or label it gives, at a dash or a
    ``verdict_end`` word of ``function_words.tsv`` ("criticized the law as a "crazy system" during a
    campaign stop"); ``b`` when it gives none (a prop cue's plain object) or nothing ends it."""
    items, lang = v.items, v.lang
    opener = lang.cls("verdict_label") | lang.cls("verdict_reason")
    k = next((k for k in range(a + 1, b - 1) if items[k].lower in opener), None)
    if k is None or not states_verdict(v, k - 1, b):
        return b
    ends = lang.cls("verdict_end")
    return next(
        (
            j
            for j in range(k + 2, b)
            if items[j].text in ASIDE_MARKS or items[j].lower in ends or _next_verb(v, j, b)
        ),
        b,
    )


def _next_verb(v: ClauseView, j: int, b: int) -> bool:
    """Does a conjunction at ``j`` join a second verb to the verdict's subject ("described it as tragic
    but stopped short of …")? Then the label ends there."""
    return j + 1 < b and v.items[j].lower in v.lang.conj and v.finite_like(v.items[j + 1])


def states_verdict(v: ClauseView, a: int, b: int) -> bool:
    """ "attacked the plan as a tax on commuters", "attacked rivals for taking donations", "dismissed
    the report as fake": a verdict cue reports speech only with the reason or label it gives after its
    object (``verdict_reason`` before a gerund or a possessive; ``verdict_label`` before a label, a
    predicate adjective, a gerund or a quotation: ``function_words.tsv``); "attacked the embassy",
    "attacked him as he left", "for the second time" are deeds."""
    lang = v.lang
    for k in range(a + 1, b - 1):
        word, nxt = v.items[k].lower, v.items[k + 1].lower
        gerund = nxt.endswith(lang.endings("gerund")) and v.items[k + 1].is_word
        if word in lang.cls("verdict_reason") and (gerund or nxt in lang.cls("possessive")):
            return True
        label = gerund or v.items[k + 1].is_quote or predicate_at(v, k + 1, b)  # 'as "a sham"'
        if word in lang.cls("verdict_label") and label:
            return True
    return False
