"""Pronoun resolution by salience, in the spirit of Lappin & Leass (1994) and the Stanford sieves.

A pronoun goes to the most salient earlier entity that agrees with it. Agreement filters first:
``he``/``she`` need a person (or an entity of unknown kind) not known to be of the other gender
and not a group; ``it`` an organisation or a name of unknown kind; ``they``/``we`` an organisation,
a group or a name of unknown kind. Each agreeing candidate then scores the sum, over its mentions
in the window, of the :data:`WEIGHTS` its mention earns (recency, grammatical role, being a
speaker), halved for every unit back (:data:`DECAY`), plus what the entity earns as a whole: the
speaker of the previous quote in the same paragraph, a subject when the pronoun is a subject
(parallelism), a gender known to agree.

The API is small so that other stages (the fiction dialogue stage) can call it with their own
candidates: build :class:`Occurrence` and :class:`Candidate` records and call :func:`rank`.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .language import Language

#: Salience weights, the way Lappin & Leass state theirs (their values where one exists).
WEIGHTS: dict[str, float] = {
    # every mention in the window, before the per-unit decay (L&L "sentence recency" 100)
    "recency": 100.0,
    # grammatical role of the mention: opens its sentence or governs a verb (L&L subject 80)
    "subject": 80.0,
    # a direct object or other argument (L&L accusative 50)
    "object": 50.0,
    # inside a prepositional phrase (L&L indirect object / oblique 40, less the non-adverbial 50 it lacks)
    "oblique": 20.0,
    # the mention is the speaker of an attribution: news and fiction keep talking about who spoke
    "speaker": 40.0,
    # the entity spoke the quote just before, in the same paragraph (the voice goes on)
    "previous-speaker": 30.0,
    # the pronoun is a subject and the entity's latest mention was one (L&L role parallelism 35)
    "parallel": 35.0,
    # the entity's gender is known to be the pronoun's ("she" and "Mrs. Ruiz")
    "gender-agrees": 30.0,
    # earlier pronouns resolved to the entity were of the other gender (they may have been wrong: no filter)
    "pronoun-disagrees": -80.0,
    # a description ("a police spokeswoman") is a weaker antecedent than a name for the same slot
    "description": -30.0,
}
#: A mention's weights are multiplied by this per unit between it and the pronoun (L&L halve per sentence).
DECAY = 0.5
#: How many units back a mention still counts (a speaker entity beyond it keeps a floor, see rank()).
WINDOW_UNITS = 6
#: Score of an entity with no mention in the window: last resort, it still agrees.
FLOOR = 1.0


@attrs.frozen
class Occurrence:
    """One mention of a candidate: its unit index, its grammatical role, whether it speaks a quote."""

    unit: int
    role: str = "subject"
    speaker: bool = False
    described: bool = False


@attrs.frozen
class Candidate:
    """An entity a pronoun may refer to. ``kind``: person, org, group or "" (unknown); ``key``: caller's."""

    key: object
    name: str
    kind: str
    gender: str
    occurrences: tuple[Occurrence, ...]
    last: int = 0  #: offset of its latest mention, to break ties towards the most recent
    previous_speaker: bool = False
    hinted: str = ""  #: a gender only earlier pronouns suggest: weighed, not filtered on


@attrs.frozen
class Choice:
    """The winner of :func:`rank`, its score, and its lead over the runner-up (its whole score when alone)."""

    candidate: Candidate
    score: float
    margin: float


def agrees(pronoun: str, c: Candidate, lang: Language) -> bool:
    """Gender and number agreement between a pronoun (lower case) and a candidate."""
    person, number, gender = lang.pronouns.get(pronoun, (3, "sg", "x"))
    if number == "sg" and gender in "mfx" and person != 2 and gender != "n":
        if c.kind in ("org", "group") or ";" in c.name:
            return False
        return not (gender in "mf" and c.gender and c.gender != gender)
    if gender == "n":  # "it"
        return c.kind in ("org", "") and ";" not in c.name
    return c.kind != "person" or ";" in c.name  # "they", "we": organisations, groups, names of unknown kind


def score(c: Candidate, unit: int, *, subject: bool, pronoun_gender: str) -> float:
    """The salience of ``c`` for a pronoun in unit ``unit`` (a subject when ``subject``)."""
    total = 0.0
    latest: Occurrence | None = None
    for o in c.occurrences:
        distance = unit - o.unit
        if distance < 0 or distance > WINDOW_UNITS:
            continue
        weight = WEIGHTS["recency"] + WEIGHTS.get(o.role, WEIGHTS["object"])
        weight += WEIGHTS["speaker"] if o.speaker else 0.0
        weight += WEIGHTS["description"] if o.described else 0.0
        total += weight * DECAY**distance
        if latest is None or o.unit >= latest.unit:
            latest = o
    if latest is None:
        return FLOOR
    fade = DECAY ** (unit - latest.unit)  # what the entity earns as a whole fades with its latest mention
    if subject and latest.role == "subject":
        total += WEIGHTS["parallel"] * fade
    if pronoun_gender in ("m", "f") and (c.gender or c.hinted) == pronoun_gender:
        total += WEIGHTS["gender-agrees"] * fade
    elif pronoun_gender in ("m", "f") and c.hinted and c.hinted != pronoun_gender:
        total += WEIGHTS["pronoun-disagrees"] * fade
    if c.previous_speaker:
        total += WEIGHTS["previous-speaker"]
    return total


def rank(
    pronoun: str, unit: int, candidates: Iterable[Candidate], lang: Language, *, subject: bool = True
) -> Choice | None:
    """The most salient candidate agreeing with ``pronoun`` (as written), or None when none agrees.

    ``unit`` is the pronoun's unit index on the candidates' scale. Ties go to the latest mention.
    A stage with its own entities (characters in fiction) calls it the same way:

    >>> from quoteattr.language import english
    >>> ana = Candidate("ana", "Ana Ruiz", "person", "f", (Occurrence(0, "subject"),))
    >>> tom = Candidate("tom", "Tom Berg", "person", "m", (Occurrence(1, "object"),))
    >>> rank("she", 2, [ana, tom], english()).candidate.name
    'Ana Ruiz'
    >>> rank("it", 2, [ana, tom], english()) is None
    True
    """
    lower = pronoun.lower()
    gender = lang.pronouns.get(lower, (3, "sg", ""))[2]
    agreeing = [c for c in candidates if agrees(lower, c, lang)]
    scored = sorted(
        ((score(c, unit, subject=subject, pronoun_gender=gender), c.last, c) for c in agreeing),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    if not scored:
        return None
    best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    return Choice(best[2], best[0], best[0] - runner_up)


def margin_ratio(choice: Choice) -> float:
    """How clearly the winner won: its margin over its own score (1.0 when it stood alone)."""
    return choice.margin / choice.score if choice.score > 0 else 0.0
