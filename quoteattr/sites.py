"""A cue seen from its unit: what stands before it, who its subject is, where its content may start.

:class:`Site` answers the questions several frames (:mod:`quoteattr.frames`) ask of one cue, each
once and only when asked; it reads the unit's view and the driver's context and changes neither.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

from .cues import MAX_QUOTED_OBJECT
from .model import Cue, Mention
from .phrases import is_cap
from .readings import ContentView, Context
from .records import CueHit
from .subject_starts import adjunct_prep, copula_speaker, verb_group_start
from .units import item_index

T = TypeVar("T")


class memo(Generic[T]):
    """A property computed on first use and then kept in the instance (a non-data descriptor, so the
    stored value wins from then on). ``functools.cached_property`` takes a lock on every first use,
    which costs a fifth of a frame's time here."""

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn, self.name = fn, fn.__name__

    def __get__(self, obj: object, owner: type | None = None) -> T:
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


#: The most items a listener may span before its "that" ("told a meeting of island leaders that").
MAX_LISTENER_SPAN = 8
#: How far back from a gerund adjunct its clause's verb may stand ("opened the meeting by telling"), in words.
MAX_ADJUNCT_VERB = 8
#: The most items an opening gerund phrase may span up to its comma ("Claiming the vote was rigged,").
MAX_OPENING_ITEMS = 40
#: The most words between a quote's postposed cue and a participle that shares its subject
#: ('"…," she said at a recent news conference announcing …').
MAX_TRAILER_ITEMS = 8


class Place(NamedTuple):
    """What stands right before a cue, which decides how its speaker is found."""

    j: int  #: the item before the cue (after skipping adverbs and auxiliaries), -1 at the unit start
    coordinated: bool  #: "… and said": the cue shares the subject of the clause before
    participle: bool  #: ", adding that …": a participle shares the last subject
    inverted: bool  #: a comma, a colon or a quotation right before: ", said X." may follow
    adjunct: bool = False  #: "began by saying that …": a gerund after a preposition shares the main subject

    @property
    def shares_subject(self) -> bool:
        return self.coordinated or self.participle or self.adjunct


class Site:
    """A cue seen from its unit under the driver's context, and what several frames ask of it.

    Each answer is computed once, when a frame first asks (a memo of pure questions: no frame can
    change one). ``hit`` is ``None`` for the frames that read a whole unit (a dash signature, a headline).
    """

    def __init__(self, view: ContentView, hit: CueHit | None, ctx: Context) -> None:
        self.view, self.hit, self.ctx = view, hit, ctx

    @property
    def cue_hit(self) -> CueHit:
        assert self.hit is not None, "a cue frame reads a cue"
        return self.hit

    @memo
    def cue(self) -> Cue:
        return self.view.cue_of(self.cue_hit)

    @memo
    def place(self) -> Place:
        """What stands before the cue (skipping adverbs, auxiliaries and a matrix predicate: "has long
        said", "was quick to add")."""
        v, hit = self.view, self.cue_hit
        j = verb_group_start(v.items, hit.first, v.lang)
        if j < 0:
            # "Claiming the vote was rigged, Ruiz told …": an opening gerund speaks for the main subject
            return Place(j, False, False, False, adjunct=self.gerund)
        before = v.items[j]
        if j == hit.first - 1 and self.gerund and adjunct_prep(v.items, j, v.lang):
            return Place(j, False, False, False, adjunct=True)
        # ", adding that …" / "Trump said, adding later, …": a participle shares the last subject, and so
        # does one in the trailer of a cue postposed to a quote ('"…," she said at a rally announcing …').
        participle = self.gerund and (before.text == "," or self.trails_quote_cue)
        inverted = before.text in (",", ":") or before.is_quote  # ", said X." follows a comma or a quote
        return Place(j, before.lower in v.lang.conj, participle, inverted)

    @property
    def opens_unit(self) -> bool:
        """Does the cue open its unit as a gerund phrase ("Claiming …, Trump told", "In saying …, the
        minister broke ranks")? Its content then ends at the phrase's comma."""
        return self.place.adjunct and self.place.j <= 0

    @memo
    def gerund(self) -> bool:
        return self.view.items[self.cue_hit.first].lower.endswith(self.view.lang.endings("gerund"))

    @memo
    def trails_quote_cue(self) -> bool:
        """Does this cue stand after the cue of a direct quote found just before, postposed to it, with
        at most :data:`MAX_TRAILER_ITEMS` words (and nothing else) between the two cues?"""
        if not self.ctx.found:
            return False
        last = self.ctx.found[-1]
        cue_start = self.view.items[self.cue_hit.first].start
        if last.kind != "direct" or last.cue is None or not last.end <= last.cue.start < cue_start:
            return False
        between = [it for it in self.view.items[: self.cue_hit.first] if it.start >= last.cue.end]
        return len(between) <= MAX_TRAILER_ITEMS and all(it.is_word for it in between)

    @memo
    def owner(self) -> int | None:
        """The possessive that speaks through a copula before the cue ("His reply was to say …")."""
        return copula_speaker(self.view.items, self.cue_hit.first, self.view.lang)

    @memo
    def subject(self) -> tuple[Mention | None, int]:
        """Who speaks and where the subject starts: the subject before the cue, or the shared subject."""
        at = self.place
        if at.adjunct:
            # "He began by saying that …": the main clause's subject, else the last speaker of the unit
            if at.j <= 0:  # "In saying that …, the minister broke ranks": the subject follows the phrase
                return _subject_after_opening(self.view, self.cue_hit.last + 1), at.j
            quoted = _quoted_object(self.view, at.j)  # "Interfax quoted the minister as saying …"
            main = quoted or _main_subject(self.view, at.j, self.ctx.floor) or self.ctx.last_speaker
            return main, at.j
        if at.shares_subject:
            # "Cruz exhorted Republicans … and said …": with no earlier cue, the sentence's subject speaks
            last = self.ctx.last_speaker
            if last is not None and at.participle and self.closes_relative(last):
                main = self.view.clause_subject()
                if main is not None:
                    return main, at.j
            return (last if last is not None else self.view.clause_subject()), at.j
        if self.owner is not None:  # "His best response was to say …": the owner speaks
            return self.view.mention(self.owner, self.owner + 1), self.owner
        return self.view.subject_before(at.j + 1, self.ctx.floor) or (None, 0)

    def closes_relative(self, last: Mention) -> bool:
        """Is ``last`` the pronoun of a restrictive relative clause ("an architect who said …") that the
        comma before this participle closes? Then the participle belongs to the main clause's subject."""
        v = self.view
        if last.text.lower() not in v.lang.relpro:
            return False
        r = item_index(v.items, last.start)
        return r is not None and r > 0 and v.items[r - 1].is_word and r < self.cue_hit.first

    @property
    def speaker(self) -> Mention | None:
        return self.subject[0]

    @memo
    def after(self) -> int:
        """The item after the cue, or after its separated particle ("warf ihm vor, …")."""
        hit = self.cue_hit
        return hit.last + 1 if hit.particle is None else hit.particle + 1

    @memo
    def k(self) -> int:
        """Where the content may start: after the listener of ``told``/``asked``."""
        return self.view.skip_listener(self.after, self.cue_hit.entry)

    @memo
    def k_trailer(self) -> int:
        """Past the trailer ("on Sunday in a statement"), or at the colon that opens a quotation."""
        return self.view.colon_quote_ahead(self.view.skip_trailer(self.k))

    @memo
    def left(self) -> tuple[int, int] | None:
        """Content before a postposed attribution (after what earlier frames found)."""
        return self.view.left_material(self.subject[1], self.ctx.found)

    @memo
    def first(self) -> Mention | None:
        """A preposed cue speaks for the first noun phrase of its subject ("Sen. X, Democrat of Y, said")."""
        v, speaker, left, k_trailer = self.view, self.speaker, self.left, self.k_trailer
        if self.place.shares_subject or speaker is None or self.owner is not None:
            return speaker
        reads_postposed = left is not None and (
            k_trailer >= v.end or v.items[k_trailer].text == "," or v.items[left[1] - 1].is_quote
        )
        if not reads_postposed:
            first = v.preposed_subject(self.place.j + 1, self.ctx.floor)
            if first is not None and first != speaker:
                return first
        return speaker

    @memo
    def that_at(self) -> int | None:
        """The complementiser opening the content ("said that", "told a meeting of leaders that")."""
        v, entry = self.view, self.cue_hit.entry
        that_at = v.find_that(self.k, self.k_trailer)
        if that_at is None and entry.frame == "tell":
            that_at = _that_after_listener(v, self.after)
        if (
            that_at is not None
            and that_at > self.k
            and v.lang.cues.noun_frame(v.items[that_at - 1].lower) == "content"
        ):
            return None  # "responded to the accusation that …": the that-clause is the accusation's
        if that_at is not None and self.after_quote:
            return None  # '"…," she said at an event announcing that …': the quotation is what she said
        return that_at

    @memo
    def after_quote(self) -> bool:
        """Is the cue postposed to a direct quote ('"…," she said …'): all that stands before its subject
        is one quotation? Its content is then that quotation, whatever the clause goes on to say."""
        left = self.left
        return left is not None and left[1] - left[0] == 1 and self.view.items[left[0]].is_quote


def _that_after_listener(v: ContentView, a: int) -> int | None:
    """ "told a meeting of island leaders that …": a "that" after a longer listener, with only words
    that are no verb or cue between (at most :data:`MAX_LISTENER_SPAN` items)."""
    lang = v.lang
    stops = lang.finite_hints | lang.cues.first_words | lang.subject_pronouns
    for k in range(a + 1, min(a + MAX_LISTENER_SPAN, v.end - 1) + 1):
        it = v.items[k]
        if it.lower in lang.complementisers:
            return k
        if not it.is_word or it.lower in stops:
            return None
    return None


def _quoted_object(v: ContentView, j: int) -> Mention | None:
    """The object of a quoting verb before the adjunct preposition at ``j`` ("Agencies quoted the minister
    as saying …": the minister speaks, not the agencies). None when the verb has no object there: the
    passive "He was quoted as saying" and "was quoted by state media as saying" keep the main subject."""
    for k in range(j - 1, max(-1, j - 2 - MAX_QUOTED_OBJECT), -1):
        it = v.items[k]
        if not it.is_word:
            return None
        if it.lower in v.lang.cls("quoting"):
            first = v.items[k + 1] if k + 1 < j else None
            if first is None or first.lower in v.lang.prep:
                return None
            return v.mention(k + 1, j)
    return None


def _main_subject(v: ContentView, stop: int, floor: int) -> Mention | None:
    """The subject of the clause whose verb stands before item ``stop`` ("The mayor, a lawyer, began by
    saying …", "On Monday they published it by announcing …"): the subject before the nearest finite
    verb, within :data:`MAX_ADJUNCT_VERB` words; else the unit's opening subject."""
    for k in range(stop - 1, max(floor, stop - 1 - MAX_ADJUNCT_VERB), -1):
        it = v.items[k]
        if not it.is_word:
            break
        if not is_cap(it) and (v.finite_like(it) or it.lower in v.lang.cls("finite")):
            found = v.subject_before(k, floor)
            speaker = v.preposed_subject(k, floor) or (None if found is None else found[0])
            if speaker is not None and speaker.text.split()[0].lower() not in v.lang.prep:
                return speaker
            break
    return v.clause_subject()


def _subject_after_opening(v: ContentView, a: int) -> Mention | None:
    """The subject of the main clause after an opening gerund phrase that starts at item ``a`` ("Claiming
    the vote was rigged, Ruiz told …"): the subject after a comma of the phrase that a finite verb follows
    within :data:`MAX_ADJUNCT_VERB` words."""
    for k in range(a, min(v.end, a + MAX_OPENING_ITEMS)):
        if v.items[k].text != ",":
            continue
        for f in range(k + 2, min(v.end, k + 2 + MAX_ADJUNCT_VERB)):
            it = v.items[f]
            if it.text == ",":
                continue  # "…, the mayor, a former judge, said": an appositive
            if not it.is_word:
                break
            finite = (
                v.finite_like(it) or it.lower in v.lang.cls("finite") or it.lower in v.lang.cues.first_words
            )
            if not is_cap(it) and finite:
                first = v.preposed_subject(f, k + 1)  # "the mayor, a former judge, said": the first phrase
                if first is not None and first.start == v.items[k + 1].start:
                    return first
                found = v.subject_before(f, k + 1)
                if found is not None and found[0] is not None and found[1] == k + 1:
                    return found[0]
                break
    return None
