"""What stands between a cue and its content: the time, place and venue of saying ("said on Thursday",
"said in a statement", "said after the vote"), which the content starts after.

:class:`TrailerView` adds these readings to :class:`~quoteattr.clauses.ClauseView`; the content readings
(:class:`~quoteattr.readings.ContentView`) build on it. Kept apart because the trailer is its own
question — where the saying's circumstances end — with its own word classes (``time_unit``,
``time_lead``, ``time_prep`` and the ``venue`` nouns of ``cues.tsv``).
"""

from __future__ import annotations

from .clauses import ClauseView
from .phrases import clause_like, is_cap

#: The most words of a venue phrase after a cue ("at a news conference").
MAX_VENUE_WORDS = 4
#: The most words in a time phrase between a cue and its clause ("late on Thursday night").
MAX_TIME_WORDS = 5


class TrailerView(ClauseView):
    """Where a cue's trailer ends and its reported clause starts; read-only, like the views it builds on."""

    def clause_after_trailer(self, start: int, end: int) -> int:
        """Where a reported clause starts after a trailer the cue's content opened with: "said after the
        convention ⟦he would …⟧", "said in Ohio (that) ⟦it means …⟧", "said again ⟦they would …⟧" (the
        time, place and manner of saying, not what was said); ``start`` unless a venue, a subject pronoun
        or a complementiser ends the trailer ("said on Monday the plan …" may date the plan)."""
        if self.items[start].lower not in self.lang.prep | self.lang.time | self.lang.adv:
            return start
        dated = self.time_end(start, end)
        if dated is not None:
            return dated  # "said on Thursday ⟦it had fined the bank⟧", "said last week ⟦the plan …⟧"
        venue = self.venue_end(start, end)
        if venue is not None and clause_like(self.items[venue:end], self.lang):
            return venue  # "said in a statement ⟦the plan was dead⟧"
        t = self.skip_trailer(start)
        if not start < t < end - 1:
            return start
        opener = self.items[t].lower
        if opener in self.lang.complementisers or opener in self.lang.personal_subjects:
            return t
        return self.after_temporal_phrase(start, t, end)

    def after_temporal_phrase(self, start: int, t: int, end: int) -> int:
        """Where the clause starts after a phrase that dates the saying by an event ("said after the match
        ⟦his players had …⟧", "said before the vote ⟦the plan …⟧"): a ``temporal_prep`` opens the
        trailer, and the clause's subject (with its determiner) follows it; else ``start``."""
        lang = self.lang
        if self.items[start].lower not in lang.cls("temporal_prep"):
            return start
        while t - 1 > start + 1 and self.items[t - 1].lower in lang.det | lang.cls("article"):
            t -= 1  # "after the match ⟦his players …⟧": the subject's determiner opens the clause
        if self.items[t].lower not in lang.det | lang.cls("article") and not is_cap(self.items[t]):
            return start
        return t if clause_like(self.items[t:end], lang) else start

    def time_end(self, start: int, end: int) -> int | None:
        """The item after a time phrase opening at ``start`` ("on Thursday", "last week", "earlier this
        month", "on 3 March") when a clause follows it, or None. The phrase must end in a word that
        completes a time ("Thursday", "week"), never in a modifier ("said early voting …", "said this plan
        …"), and the clause may not open with a possessive ("said Monday night's game …")."""
        lang, complete = self.lang, None
        if not lang.cls("time_unit"):
            return None  # a language without time_unit rows keeps its time words in the content
        times = lang.time | lang.cls("time_unit")
        for k in range(start, min(end, start + MAX_TIME_WORDS)):
            w = self.items[k].lower
            if w in lang.cls("time_lead") or w in lang.cls("time_prep") or w.isdigit():
                continue
            if w not in times:
                break
            complete = k + 1
        if complete is None or complete >= end - 1:
            return None
        after = self.items[complete]
        if after.lower.endswith(lang.endings("possessive")):
            return None
        if not clause_like(self.items[complete:end], lang):
            return None
        return complete

    def venue_end(self, start: int, end: int) -> int | None:
        """The item after a venue phrase opening at ``start`` ("in a statement", "at a news conference"),
        or None when none opens there."""
        for k in range(start + 1, min(start + 1 + MAX_VENUE_WORDS, end - 1)):
            if not self.items[k].is_word:
                return None
            pair = f"{self.items[k - 1].lower} {self.items[k].lower}"
            if (
                self.lang.cues.noun_frame(self.items[k].lower) == "venue"
                or self.lang.cues.noun_frame(pair) == "venue"
            ):
                return k + 1
        return None
