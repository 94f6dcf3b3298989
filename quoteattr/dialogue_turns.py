"""Turn-taking in a run of dialogue paragraphs: who speaks the turns no tag decided.

:mod:`quoteattr.dialogue_reader` reads what each paragraph says (its tags, narration and vocatives);
this module then fills the turns still open: untagged turns alternate between the two current
participants, anchored forwards and backwards by the turns already decided, and the person a vocative
addresses speaks next (or spoke before). A paragraph without a quote ends a run.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs

from .characters import Character, CharacterTable
from .model import Mention

# Confidences: a tag read here is as good as a news tag; inferences are well below (issue 13).
CONF_TAG = 0.8
CONF_PARAGRAPH = 0.75  # another line of the paragraph is tagged: right 87% of the time on PDNC dev
CONF_PRONOUN = 0.6  # he/she in a tag, resolved by gender and salience: ~60%
CONF_NARRATION = 0.6  # a named subject of the paragraph's narration: ~80%
CONF_VOCATIVE_NEXT = 0.55  # the person addressed answers: ~70%
CONF_TURN = 0.5  # alternation from an anchored turn: ~57%
CONF_GUESS = 0.35  # a pronoun subject, or the most salient other character: ~30-40%

#: Which of the latest active characters opens a run no tag anchors (0: the latest; 1: the one before).
OPENING_PICK = 1

#: What is decided for one quote: character, speaker mention, evidence, confidence, addressee mention.
Decision = tuple[Character, Mention | None, str, float, Mention | None]


@attrs.define
class Turn:
    """One dialogue paragraph: its quotes and what was decided about its speaker."""

    paragraph: int
    quotes: list[int]
    speaker: Character | None = None
    mention: Mention | None = None
    evidence: str = ""
    confidence: float = 0.0
    addressee: Character | None = None
    starts_with_quote: bool = False
    locked: bool = False  #: a tag names someone who is no character ("the announcer")
    own: dict[int, tuple[Character, Mention, str, float]] = attrs.field(factory=dict)  #: quotes with a tag
    salient: list[Character] = attrs.field(factory=list)  #: the latest active characters when it was read
    kept: set[int] = attrs.field(factory=set)  #: quotes whose tag names no character: left as they are


class TurnTaking:
    """Turn-taking over runs of turns; :class:`~quoteattr.dialogue_reader.Reader` reads the turns."""

    table: CharacterTable
    last_mention: dict[int, Mention]
    addressed: dict[int, Mention]

    def decide(self, turns: list[Turn]) -> dict[int, Decision]:
        """Decide a speaker per direct quote (by index) from turns read in order."""
        runs: list[list[Turn]] = []
        for t in turns:
            if runs and runs[-1][-1].paragraph == t.paragraph - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        decided: dict[int, Decision] = {}
        for run in runs:
            self._fill(run)
            for t in run:
                for k, qi in enumerate(t.quotes):
                    if qi in t.kept and not (t.own or t.evidence.startswith("dialogue-narration")):
                        continue  # a tag naming no character beats a guess from other turns
                    if qi in t.own:
                        c, m, evidence, conf = t.own[qi]
                        decided[qi] = (c, m, evidence, conf, self.addressed.get(qi))
                    elif t.own:  # another line of the paragraph is tagged: one paragraph, one voice
                        c, m, _, conf = t.own[_nearest_tagged(t, k)]
                        decided[qi] = (
                            c,
                            m,
                            "dialogue-paragraph",
                            min(CONF_PARAGRAPH, conf),
                            self.addressed.get(qi),
                        )
                    elif t.speaker is not None:
                        decided[qi] = (t.speaker, t.mention, t.evidence, t.confidence, self.addressed.get(qi))
        return decided

    def _fill(self, run: list[Turn]) -> None:
        """Turn-taking: untagged turns alternate between the two current participants.

        A vocative names the speaker of the turns on either side (``"Ann, come"`` is answered by Ann);
        then every turn still open takes its speaker from the nearest anchored turn: the same speaker at
        an even distance, the other participant at an odd one (the previous anchor first).
        """
        if len(run) < 2:
            t = run[0]
            pool = [c for c in t.salient if c is not t.addressee]
            if t.speaker is None and not t.locked and pool:  # a lone line: the character on stage
                self._set(t, pool[0], "dialogue-salience", CONF_GUESS)
            return
        self._fill_from_vocatives(run)
        anchors = [k for k, t in enumerate(run) if t.speaker is not None]
        if not anchors:
            anchors = self._guess_opening(run)
        if not anchors:
            return
        participants = _participants(run)
        for k, t in enumerate(run):
            if t.speaker is None:
                self._fill_turn(run, k, anchors, participants)

    def _guess_opening(self, run: list[Turn]) -> list[int]:
        """A run nothing anchors: its first open turn goes to a salient character when it was read."""
        for k, t in enumerate(run):
            if t.locked:
                continue
            pool = [c for c in t.salient if c is not t.addressee]
            if pool:  # with one character on stage, that one
                self._set(t, pool[min(OPENING_PICK, len(pool) - 1)], "dialogue-turn+salience", CONF_GUESS)
                return [k]
            return []
        return []

    def _fill_from_vocatives(self, run: list[Turn]) -> None:
        """The person addressed speaks next (or spoke before), where that turn is still open."""
        for k, t in enumerate(run):
            if t.addressee is None or t.addressee is t.speaker:
                continue
            for j, evidence in ((k + 1, "dialogue-vocative-next"), (k - 1, "dialogue-vocative-prev")):
                if 0 <= j < len(run) and run[j].speaker is None and not run[j].locked:
                    self._set(run[j], t.addressee, evidence, CONF_VOCATIVE_NEXT)

    def _fill_turn(
        self, run: list[Turn], k: int, anchors: Sequence[int], participants: Sequence[Character]
    ) -> None:
        """Open turn ``k``: the anchor's speaker at an even distance, the other participant at an odd one."""
        t = run[k]
        at = bisect.bisect_left(anchors, k)
        a = anchors[at - 1] if at > 0 else anchors[at]
        anchor = run[a].speaker
        if anchor is None:
            return
        if (k - a) % 2 == 0:
            self._set(t, anchor, "dialogue-turn", CONF_TURN)
            return
        other = _nearest_other(run, k, anchor, t.addressee) or next(
            (c for c in participants if c is not anchor and c is not t.addressee), None
        )
        if other is not None:
            self._set(t, other, "dialogue-turn", CONF_TURN)
        elif not t.locked:  # a mere salience guess never overrides a tag, even one naming no character
            other = self._other(anchor, t.addressee)
            if other is not None:
                self._set(t, other, "dialogue-turn+salience", CONF_GUESS)

    def _other(self, speaker: Character | None, addressee: Character | None) -> Character | None:
        """The most salient character who is neither the other speaker nor this turn's listener."""
        for c in (*self.table.recent(active=True), *self.table.recent()):  # subjects and speakers first
            if c is not speaker and c is not addressee and not c.narrator:
                return c
        return None

    def _set(self, t: Turn, c: Character, evidence: str, confidence: float) -> None:
        if c is t.addressee:
            return
        t.speaker, t.evidence, t.confidence = c, evidence, confidence
        t.mention = self.last_mention.get(c.id)


def _nearest_tagged(t: Turn, k: int) -> int:
    """The tagged quote of turn ``t`` nearest before its ``k``-th quote, else the first after it."""
    before = [qi for qi in t.quotes[:k] if qi in t.own]
    return before[-1] if before else next(qi for qi in t.quotes[k:] if qi in t.own)


#: How many turns either side of an open turn are searched for the other participant.
NEAR_TURNS = 8


def _nearest_other(
    run: Sequence[Turn], k: int, anchor: Character, addressee: Character | None
) -> Character | None:
    """The speaker (else the person addressed) nearest to turn ``k`` who is not ``anchor``."""
    speaker = _nearest(run, k, 1, anchor, addressee, lambda t: t.speaker)
    return speaker or _nearest(run, k, 0, anchor, addressee, lambda t: t.addressee)


def _nearest(
    run: Sequence[Turn],
    k: int,
    first: int,
    anchor: Character,
    addressee: Character | None,
    role: Callable[[Turn], Character | None],
) -> Character | None:
    """The character in ``role`` of the turn nearest to ``k`` (from distance ``first``, both sides, the
    earlier first) who is neither ``anchor`` nor ``addressee``."""
    for d in range(first, NEAR_TURNS + 1):
        for j in (k - d, k + d):
            if 0 <= j < len(run):
                c = role(run[j])
                if c is not None and c is not anchor and c is not addressee:
                    return c
    return None


def _participants(run: Sequence[Turn]) -> list[Character]:
    """The people of a run: its speakers and the characters addressed in it, in order of appearance."""
    out: list[Character] = []
    for t in run:
        for c in (t.speaker, t.addressee):
            if c is not None and c not in out:
                out.append(c)
    return out
