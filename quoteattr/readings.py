"""Content readings of the frames, and the records a frame returns.

:class:`ContentView` holds the readings that decide where a cue's content is and whether an object
is content at all (issue 14): ``denied the claim`` reports nothing; ``denied that …`` and ``denied any
wrongdoing by the agency`` do. A frame (:mod:`quoteattr.frames`) returns a :class:`Reading`; only the
driver (:mod:`quoteattr.attribution`) turns it into records, with :func:`apply`, and carries the
:class:`Context` from one cue to the next.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from typing import NamedTuple

from .clauses import ClauseView
from .complements import counts_occasion, object_predicate, predicate_end, states_verdict
from .lexicons import IMPERSONAL
from .model import Cue, Mention
from .phrases import (
    CLAUSE_COMMA,
    INFINITIVE_LAST,
    VERB_SECOND,
    clause_like,
    ends_infinitive,
    is_cap,
    is_name,
    mention_kind,
)
from .records import DIRECT_BONUS, CueHit, Found, Frame
from .trailers import TrailerView
from .units import PHRASE_BREAKS, TERMINAL, Item, items_from

#: The most items a trailing time adjunct after an object may have ("on Sunday", "late last week").
MAX_TIME_ADJUNCT = 3

#: The most words a speech noun's owner may have before it ("a New York Herald report").
MAX_NOUN_OWNER = 4

#: The endings of a possessive that owns a speech noun ("Ruiz's claim").
POSSESSIVE_ENDINGS = ("'s", "’s")

#: Material before a postposed cue that opens with a preposition and has fewer words is an intro
#: ("In a statement, the ministry said …"), not content.
SHORT_INTRO_WORDS = 6

#: The most words between a finite auxiliary and the participle cue it governs ("hat gestern Abend erklärt").
MAX_BRACKET_WORDS = 6

#: How far into a reported clause a subjunctive verb is looked for.
MAX_MOOD_WORDS = 12

#: Frames whose content without a complementiser must read as a clause ("said the plan was dead").
CLAUSE_FRAMES = frozenset({"clause", "verb-second-clause"})


class ContentView(TrailerView):
    """The readings of content spans the frames share; read-only, like the views it builds on."""

    def owner_start(self, i: int) -> int:
        """Where the noun phrase of a speech noun at item ``i`` starts (its determiners, owner, modifiers)."""
        a = i
        while a > 0 and i - a <= MAX_NOUN_OWNER and self.items[a - 1].is_word:
            prev = self.items[a - 1]
            if prev.lower in self.lang.prep or prev.lower in self.lang.cues.first_words:
                break
            a -= 1
            if prev.lower in self.lang.det:
                break
        return a

    def possessor_start(self, j: int) -> int:
        """Where the possessor ending at item ``j`` starts: its run of capitalised words ("North Korea's"),
        or back to its determiner ("the ministry's"), else ``j`` alone."""
        a = j
        while a > 0 and j - a < MAX_NOUN_OWNER and is_cap(self.items[a - 1]) and self.items[a - 1].is_word:
            a -= 1
        if a < j or is_cap(self.items[j]):
            return a
        for k in range(j - 1, max(-1, j - MAX_NOUN_OWNER), -1):
            if not self.items[k].is_word:
                break
            if self.items[k].lower in self.lang.det:
                return k
        return j

    def noun_speaker(self, i: int) -> Mention | None:
        """Who a speech noun at item ``i`` belongs to: a possessive ("Ruiz's claim", "his remarks") or a
        name between the article and the noun ("a Herald report"); None when the noun names no one."""
        j = i - 1
        if j < 0 or not self.items[j].is_word:
            return None
        before = self.items[j]
        if before.lower in self.lang.cls("possessive"):
            return self.mention(j, j + 1)
        if before.text.endswith(POSSESSIVE_ENDINGS):  # "Ruiz's claim", "the ministry's announcement"
            first = self.possessor_start(j)
            start, end = self.items[first].start, before.end - 2
            kind = mention_kind(self.items[first : j + 1], self.lang)
            return Mention(start, end, self.text[start:end], kind=kind)
        a = j
        while a >= 0 and i - a <= MAX_NOUN_OWNER and is_cap(self.items[a]) and self.items[a].is_word:
            a -= 1
        if a == j:
            return None
        if a >= 0 and self.items[a].lower in self.lang.det:  # "a Herald report"
            return self.mention(a + 1, j + 1)
        return None

    def reading(self, frame: str, evidence: str, start: int, end: int) -> tuple[str, int, int] | None:
        """Does content ``[start, end)`` read in the cue's frame? Its evidence and span, or None."""
        content = self.items[start:end]
        if evidence == "ask":
            return self.ask_reading(start, end)
        if evidence == "commit" and content[0].lower in self.lang.cls("infinitive"):
            return self.commit_reading(start, end)
        evidence = "clause" if evidence == "commit" else evidence  # "pledged that …" reads like "said"
        if evidence == "accuse-of" and not any(it.lower in self.lang.cls("accuse") for it in content[1:10]):
            return None  # "people accused of fraud" has no accuser speaking
        has_quote = any(it.is_quote for it in content)
        if self.reports_elsewhere(evidence, start, end):
            return None
        if evidence == "prop":  # "denied that …", "questioned whether …", "denied any role in …"
            reading = self.prop_reading(start, end)
            if reading is None:
                return None
            evidence, end = reading
            content = self.items[start:end]
        elif frame == "obj" and not has_quote:
            end = self.object_end(start, end)
            content = self.items[start:end]
            if not self.is_object_content(content):
                return None
        named = end if frame != "name" or has_quote else self.predicate_reading(start, end)
        if named is None:
            return None  # "called the police": no predicate (complements)
        end = named
        if frame == "quote" and (not has_quote or sum(1 for it in content if it.is_word) > 2):
            return None  # "lachte": a manner of speaking reports a quotation, never a clause
        if evidence in CLAUSE_FRAMES and not has_quote:
            return self.clause_reading(evidence, start, end, frame)
        return evidence, start, end

    def predicate_reading(self, start: int, end: int) -> int | None:
        """Where a name cue's unquoted content ends: "called the plan a ploy", "called the charges
        unsubstantiated" (an object and its predicate: :mod:`quoteattr.complements`); ``None`` when no
        predicate follows a whole object ("called the police")."""
        at = object_predicate(self, start, end)
        return None if at is None else predicate_end(self, at, end)

    def bare_infinitive_clause(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` one infinitive clause with nothing reported in it ("Abschied zu nehmen"):
        the infinitive marker before its last word, and no comma, subject pronoun or subjunctive verb
        that would make it a reported clause ("er habe versprochen, morgen zu kommen")?"""
        words = [it for it in self.items[start:end] if it.is_word]
        if INFINITIVE_LAST not in self.lang.features or len(words) < 2:
            return False
        if not ends_infinitive(words, self.lang):
            return False
        if any(it.text == "," for it in self.items[start:end]):
            return False
        reported = self.lang.personal_subjects | self.lang.cls("subjunctive")
        return not any(w.lower in reported for w in words)

    def bracket_aux(self, first: int) -> int | None:
        """The finite auxiliary that opens a verb bracket closed by the cue at ``first`` ("hat … erklärt",
        "hatte ihm … gesagt"), with at least one word between them and only words since the unit began."""
        for m in range(first - 2, max(-1, first - 2 - MAX_BRACKET_WORDS), -1):
            if not self.items[m].is_word:
                return None
            if self.items[m].lower in self.lang.aux:
                return m if all(self.items[k].is_word for k in range(0, m)) else None
        return None

    def may_report_left(self, cue_frame: str, left: tuple[int, int]) -> bool:
        """Can the material before an inverted cue be what it reports? Not an adverbial clause filling the
        verb-second first place ("Als er das hörte, lachte sie"), and for a manner of speaking ("seufzte",
        "schloss") nothing but a quotation ("Rasch eilte er hinauf, schloss die Tür")."""
        items = self.items
        if VERB_SECOND in self.lang.features and items[left[0]].lower in self.lang.cls("adverbial"):
            return False
        return cue_frame != "quote" or any(it.is_quote for it in items[left[0] : left[1]])

    def after_subordinate_cue(self, start: int) -> bool:
        """Does the comma before ``start`` close a subordinate or relative clause that the cue ends
        ("…, die ihr geschrieben hatte, ⟦…⟧", "Wenn er auch davon sprach, ⟦so …⟧")? Where a reported
        clause is set off by a comma, the verb-final cue of such a clause is followed by the rest of
        the main clause, not by what was said."""
        items, lang = self.items, self.lang
        k = start - 1
        if CLAUSE_COMMA not in lang.features or k < 1 or items[k].text != ",":
            return False
        a = k - 1
        while a > 0 and items[a - 1].is_word:
            a -= 1
        if a == k - 1:
            return False
        first = items[a].lower
        if first in lang.subord:
            return True
        if a == 0 or items[a - 1].text != ",":
            return False  # a unit that opens with an article is a main clause ("Die Frau sagte, …")
        relative = lang.det | lang.relpro
        nxt = items[a + 1].lower
        return first in relative or (first in lang.prep and nxt in relative | lang.cls("relative_owner"))

    def reported_mood(self, start: int, end: int) -> bool:
        """Does the clause read as what was said: a subject pronoun first ("er komme"), a question word
        ("erzählte, wie …"), an infinitive clause ("bat, ihm zu helfen"), or a subjunctive verb
        (Konjunktiv: "sei", "habe", "könne") among its first words?"""
        words = [it.lower for it in self.items[start:end] if it.is_word]
        if not words:
            return False
        lang = self.lang
        if words[0] in lang.personal_subjects or words[0] in lang.cls("question"):
            return True
        if ends_infinitive([it for it in self.items[start:end] if it.is_word], lang):
            return True
        return any(w in lang.cls("subjunctive") for w in words[:MAX_MOOD_WORDS])

    def adverbial_only(self, start: int, end: int) -> bool:
        """Does the content open with an adverbial subordinator and hold no main clause after it ("sprach,
        indem sie lächelte", "stellte sich, als habe er nichts gehört"): a circumstance or a comparison
        of the saying, not what was said? A reported clause may open with one ("sagte, wenn es regne,
        bleibe er"), so a comma inside the content keeps it."""
        if self.items[start].lower not in self.lang.cls("adverbial"):
            return False
        return not any(it.text == "," for it in self.items[start + 1 : end])

    def clause_reading(
        self, evidence: str, start: int, end: int, frame: str = ""
    ) -> tuple[str, int, int] | None:
        """Content without quoted words in a clause frame: a clause ("said the plan was dead"), not an
        object ("said nothing"), starting after a trailer (:meth:`clause_after_trailer`)."""
        if frame == IMPERSONAL and self.bare_infinitive_clause(start, end):
            return None  # "Es heißt, Abschied zu nehmen": it is time to …, nobody speaks
        if not clause_like(self.items[start:end], self.lang) or self.adverbial_only(start, end):
            return None
        if self.after_subordinate_cue(start) and not self.reported_mood(start, end):
            return None  # "Marie, über die sie geklagt hatte, küsste sie": the main clause goes on
        return evidence, self.clause_after_trailer(start, end) if evidence == "clause" else start, end

    def reports_elsewhere(self, evidence: str, start: int, end: int) -> bool:
        """Is what follows the cue no content of its: "rejected the claim that …" (the claim's content is
        not the subject's), "told reporters after the meeting that was held …" (a relative clause)?"""
        if evidence == "that" and self.relative_that(start):
            return True
        return evidence in CLAUSE_FRAMES | {"prop", "obj"} and self.pointer_with_content(start, end)

    def relative_that(self, start: int) -> bool:
        """Is the "that" before item ``start`` a relative pronoun, not a complementiser? It follows a
        noun, not the cue ("the meeting that was held …"), and a finite verb follows it at once: a
        clause it opens has no subject of its own. ("said that was wrong" keeps its demonstrative.)"""
        if start < 2 or self.items[start - 1].lower not in self.lang.complementisers:
            return False
        before, first = self.items[start - 2], self.items[start]
        if not before.is_word or self.lang.cues.lookup(before.lower) is not None:
            return False
        if before.lower in self.lang.function_words or before.lower in self.lang.pronouns:
            return False  # "told him that …", "said again that …"
        return self.finite_like(first) and not is_cap(first)

    def commit_reading(self, start: int, end: int) -> tuple[str, int, int] | None:
        """ "pledged to cut taxes (on Monday)": a commitment's infinitive is its content."""
        return ("commit-to", start, self.object_end(start, end)) if end - start > 1 else None

    def ask_reading(self, start: int, end: int) -> tuple[str, int, int] | None:
        """A question's content: "asked whether …", "asked about the cost", "asked X to …" (a request)."""
        first = self.items[start].lower
        if first in self.lang.cls("ask_topic") and end - start > 1:
            start += 1  # "asked about the cost": the topic is the content
            end = self.object_end(start, end)
            return ("ask-about", start, end) if self.is_object_content(self.items[start:end]) else None
        if first not in self.lang.ask_openers:
            return None
        return ("ask-to" if first in self.lang.cls("infinitive") else "ask"), start, end

    def prop_reading(self, start: int, end: int) -> tuple[str, int] | None:
        """How a propositional-object cue's complement reads: a question, a clause, or an object
        noun phrase that is content (:meth:`is_object_content`); ``None`` if it is none of these."""
        content = self.items[start:end]
        if content[0].lower in self.lang.prep:
            return None  # "raises questions about …": a noun, not a verb with its object
        if content[0].lower in self.lang.question_words:
            return "ask", end  # "questioned whether the vote was valid"
        end = self.object_end(start, end)  # not ", which …", "in a statement", "on Sunday"
        if clause_like(self.items[start:end], self.lang):
            return "clause", end  # "acknowledged the plan had failed"
        content = self.items[start:end]
        if not self.is_object_content(content):
            return None
        if self.names_a_person(content) and not self.judges_person(start, end):
            return None
        return "prop-obj", end

    def judges_person(self, start: int, end: int) -> bool:
        """Does a reason or a label follow a propositional cue's personal object ("praised the mayor for
        acting fast", "blamed the company for the outage", "criticized the senator as a hypocrite")? Then
        what is said of the person is content (:func:`~quoteattr.complements.states_verdict`; a reason
        may also be a noun phrase a definite article opens here: a prop cue with a person and "for" judges;
        "for two hours", "for an hour" are how long)."""
        if states_verdict(self, start, end):
            return True
        reason = self.lang.cls("verdict_reason")
        return any(
            self.items[k].lower in reason
            and self.items[k + 1].lower in self.lang.cls("article") - self.lang.cls("indefdet")
            for k in range(start + 1, end - 1)
        )

    def is_object_content(self, content: Sequence[Item]) -> bool:
        """Is an object noun phrase reported content?

        The stated rule: it is when it says something of its own, in at least two words
        ("any role in the deal", "new elections"). A bare speech noun with only determiners before it
        ("the claim", "these reports": a ``content`` noun of ``cues.tsv``) only points at content
        stated elsewhere, so "The minister denied the claim." reports nothing; a name or a pronoun
        ("echoing Mr. Ruiz", "praised them") is whom it was about, not what was said (and so is a
        person for a propositional cue: :meth:`names_a_person`).
        """
        words = [it for it in content if it.is_word]
        if len(words) < 2 or is_name(words, self.lang) or all(it.lower in self.lang.pronouns for it in words):
            return False
        head, before = words[-1], words[:-1]
        pointer = self.lang.cues.noun_frame(head.lower) == "content" and all(
            it.lower in self.lang.det | self.lang.cls("article") for it in before
        )
        return not pointer and not counts_occasion([it.lower for it in words], self.lang)

    def pointer_with_content(self, start: int, end: int) -> bool:
        """Does the object open with a ``content`` speech noun and its that-clause ("the claim that …")?"""
        for k in range(start, min(end - 1, start + MAX_NOUN_OWNER + 1)):
            it = self.items[k]
            if self.lang.cues.noun_frame(it.lower) == "content":
                return self.items[k + 1].lower in self.lang.complementisers
            if not it.is_word:
                return False
        return False

    def names_a_person(self, content: Sequence[Item]) -> bool:
        """Is this object a person ("the driver, Rob Kemp, …", "the mayor")? Then whom, not what."""
        commas = [  # not the comma inside a number ("2,000 people")
            k
            for k, it in enumerate(content)
            if it.text == "," and not (0 < k < len(content) - 1 and content[k + 1].text[:1].isdigit())
        ]
        stop = next((k for k, it in enumerate(content) if k and it.lower in self.lang.prep), len(content))
        head = content[min([*commas, stop]) - 1]
        if head.lower in self.lang.nominals | self.lang.titles | self.lang.cls("person"):
            return True
        if commas:  # an appositive name right after the head: "the driver, Rob Kemp, …"
            end = commas[1] if len(commas) > 1 else len(content)
            appositive = [it for it in content[commas[0] + 1 : end] if it.is_word]
            return bool(appositive) and is_name(appositive, self.lang)
        return False

    def venue_within(self, a: int, b: int) -> bool:
        """Is there a venue noun ("statement", "press conference") among items ``[a, b)``?"""
        words = [it.lower for it in self.items[a:b]]
        pairs = [f"{x} {y}" for x, y in itertools.pairwise(words)]
        return any(self.lang.cues.noun_frame(w) == "venue" for w in words + pairs)

    def object_end(self, start: int, end: int) -> int:
        """Where an object's content ends: before a trailing venue ("in a statement on Thursday"), a short
        time adjunct ("on Sunday", "last week") or a participle clause (", encouraging …"). A relative
        clause stays: it is part of what was said about the object (PolNeAR's spans keep it)."""
        lang = self.lang
        for k in range(start + 1, end):
            w = self.items[k].lower
            nxt = self.items[k + 1].lower if k + 1 < end else ""
            if self.items[k].text == "," and nxt.endswith(lang.endings("gerund")) and nxt not in lang.prep:
                return k  # ", encouraging …": a participle clause says what the speaker did next
            infinitive = w in lang.cls("infinitive") and nxt not in lang.det | lang.cls("article")
            if w in lang.prep and not infinitive and self.venue_within(k + 1, min(k + 4, end)):
                return k  # "in a statement", not "to release the videos" (an infinitive's object)
            time_adjunct = (w in lang.time and w not in lang.det) or (w in lang.prep and nxt in lang.time)
            if time_adjunct and end - k <= MAX_TIME_ADJUNCT:  # a short one that ends the object ("on Sunday")
                return k
        return end

    def left_material(self, subject_first: int, found: Sequence[Found]) -> tuple[int, int] | None:
        """Content before a postposed attribution: up to the comma (or quote) before the subject,
        after the content of any attribution already ``found`` in this unit."""
        j = subject_first - 1
        if j < 0:
            return None
        if self.items[j].text in (",", "—", "–", ":"):
            end = j
        elif self.items[j].is_quote:
            end = j + 1
        else:
            return None
        # Each step below costs what it reads near the cue, not the unit's length: a unit with thousands of
        # cues (hostile input) stays linear.
        start, limit = 0, self.items[end - 1].end
        for f in found:
            if f.end <= limit:
                start = max(start, min(end, items_from(self.items, f.end)))
        while start < end and self.items[start].text in PHRASE_BREAKS:
            start += 1  # a leading "But" stays: "But the plan is tilted toward the rich, the group said"
        if start >= end:
            return None
        at = bisect.bisect_left(self.quote_items, start)
        if at == len(self.quote_items) or self.quote_items[at] >= end:  # no quotation in the material
            near = (self.items[k] for k in range(start, end) if self.items[k].is_word)
            words = list(itertools.islice(near, SHORT_INTRO_WORDS + 1))  # all short_intro needs
            if len(words) > 1 and words[0].lower in self.lang.conj:
                words = words[1:]  # "But in a statement, …": the conjunction opens no content of its own
            if len(words) < 2 or words[0].lower in self.lang.time or self.short_intro(words):
                return None
        return start, end

    @functools.cached_property
    def quote_items(self) -> list[int]:
        """Indexes of the unit's quotation items, in order."""
        return [i for i, it in enumerate(self.items) if it.is_quote]

    def short_intro(self, words: Sequence[Item]) -> bool:
        """Is this a short prepositional phrase ("In a statement", "On Monday"), an intro and not content?
        An infinitive of purpose ("To prevent problems, he said, officials …") is content."""
        if words[0].lower not in self.lang.prep or len(words) >= SHORT_INTRO_WORDS:
            return False
        nominal = self.lang.det | self.lang.nominals | self.lang.cls("person")  # "To reporters, he said, …"
        purpose = words[0].lower in self.lang.cls("infinitive") and not (
            words[1].lower in nominal or is_cap(words[1])
        )
        return not purpose


# -- what a frame returns, and what the driver carries from one cue to the next ---------------
# Small immutable records made for every cue: named tuples, which build several times faster than
# frozen attrs classes (each cue makes a reading, and each reading with content a new context).


class Content(NamedTuple):
    """Items ``[a, b)`` a frame reads as content, with its cue, its speaker and the frame row it reads."""

    a: int
    b: int
    cue: Cue | None
    speaker: Mention | None
    frame: Frame
    bonus: float = DIRECT_BONUS  #: what a direct quote adds to the row's confidence (a signature: none)


class Reading(NamedTuple):
    """What one frame read at one cue: never a change to anything, only this record.

    ``until``: the items before it belong to this attribution (a later cue inside them reports
    inside its content); ``speaker``: the speaker the frame named, who speaks a later "adding …"
    (``None`` leaves the previous one); ``bare``: a cue with a speaker and no content ("Ruiz
    said."), which may own a quotation nearby; ``supersedes``: the content replaces the indirect
    readings inside it (a speech noun's content holds the cues that report inside it).
    """

    until: int
    contents: tuple[Content, ...] = ()
    speaker: Mention | None = None
    bare: tuple[Cue, Mention] | None = None
    supersedes: bool = False
    final: bool = True  #: False: the frame named a speaker but reads no content here; the next ones try


class Context(NamedTuple):
    """What the driver carries from one cue to the next (the frames only read it).

    ``found`` and ``claimed`` (item indexes of attributed quotations) so far; ``last_speaker``, who
    speaks a coordinated or participle cue; ``floor``, the item a subject search may not reach back
    over; ``only_postposed``, set while probing for a closing ", X said." that owns the whole unit.
    """

    hits: tuple[CueHit, ...]
    found: tuple[Found, ...] = ()
    claimed: frozenset[int] = frozenset()
    last_speaker: Mention | None = None
    floor: int = 0
    only_postposed: bool = False
    bare: tuple[tuple[Cue, Mention], ...] = ()


def apply(view: ClauseView, ctx: Context, reading: Reading) -> Context:
    """The context after ``reading``: its contents found (and their quotations claimed), its speaker
    the last one, its bare cue kept."""
    unchanged_speaker = reading.speaker is None or reading.speaker == ctx.last_speaker
    if not reading.contents and reading.bare is None and unchanged_speaker:
        return ctx  # the common case of a cue that reads nothing: nothing to copy
    found, claimed = list(ctx.found), set(ctx.claimed)
    for content in reading.contents:
        if reading.supersedes:
            a, b = view.items[content.a].start, view.items[content.b - 1].end
            found = [f for f in found if f.quote is not None or not (a <= f.start and f.end <= b)]
        _emit(view, content, found, claimed)
    return ctx._replace(
        found=tuple(found),
        claimed=frozenset(claimed),
        last_speaker=reading.speaker if reading.speaker is not None else ctx.last_speaker,
        bare=ctx.bare if reading.bare is None else (*ctx.bare, reading.bare),
    )


def _emit(view: ClauseView, content: Content, found: list[Found], claimed: set[int]) -> None:
    """Items ``[a, b)`` as a record: direct if they are one quotation, else indirect or mixed."""
    items, frame = view.items, content.frame
    a, b = content.a, content.b
    while b > a and items[b - 1].text in TERMINAL | {",", ";", ":"}:
        b -= 1
    while a < b and items[a].text in (",", ":", "—", "–"):
        a += 1
    if a >= b:
        return
    quotes = [i for i in range(a, b) if items[i].is_quote]
    words = [it for it in items[a:b] if not it.is_quote and it.text[:1].isalnum()]
    if quotes and not words:
        confidence = (
            round(min(1.0, frame.confidence + content.bonus), 3) if content.bonus else frame.confidence
        )
        for i in quotes:
            q = items[i].quote
            assert q is not None
            if i in claimed:
                continue
            claimed.add(i)
            found.append(
                Found(
                    q.start,
                    q.end,
                    "direct",
                    content.cue,
                    content.speaker,
                    frame.evidence,
                    confidence,
                    quote=q,
                )
            )
        return
    if items[a].lower in view.lang.complementisers and b - a > 1 and items[a + 1].text != ",":
        a += 1  # "said that the plan …" (but "said that, if elected, …" keeps it, as the gold spans do)
    start, end = view.span(a, b)
    claimed.update(quotes)
    kind = "mixed" if quotes else "indirect"
    found.append(Found(start, end, kind, content.cue, content.speaker, frame.evidence, frame.confidence))
