"""Content readings of the frames: objects, questions, commitments, speech nouns, and the content span.

:class:`ContentReader` holds what a unit's frames have found so far (``found``, ``claimed``) and the
readings that decide where a cue's content is and whether an object is content at all (issue 14):
``denied the claim`` reports nothing; ``denied that …`` and ``denied any wrongdoing by the agency`` do.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .clauses import ClauseView
from .language import Language
from .model import Cue, Mention
from .phrases import clause_like, is_cap, is_name, mention_kind
from .records import DIRECT_BONUS, FRAME, CueHit, Found, Frame
from .units import TERMINAL, Item, Unit

#: The most items a trailing time adjunct after an object may have ("on Sunday", "late last week").
MAX_TIME_ADJUNCT = 3

#: The most words a speech noun's owner may have before it ("a New York Herald report").
MAX_NOUN_OWNER = 4

#: The endings of a possessive that owns a speech noun ("Ruiz's claim").
POSSESSIVE_ENDINGS = ("'s", "’s")

#: Frames whose content without a complementiser must read as a clause ("said the plan was dead").
CLAUSE_FRAMES = frozenset({"clause", "verb-second-clause"})


class ContentReader(ClauseView):
    """What one unit's frames found, and the readings of content spans they share."""

    def __init__(self, text: str, unit: Unit, lang: Language) -> None:
        super().__init__(text, unit, lang)
        self.found: list[Found] = []
        self.claimed: set[int] = set()  # item indexes of quotes already attributed

    def read_speech_nouns(self, hits: Sequence[CueHit]) -> None:
        """ "Ruiz's claim that …", "a Herald report that …", "his remarks about …": a speech noun
        (a ``noun`` row of ``cues.tsv``) and its complement, where no verb already reported it."""
        opens = self.lang.cls("noun_complement")
        for i in range(self.end - 2):
            noun = self.items[i]
            entry = None if noun.is_quote else self.lang.cues.nouns.get(noun.lower)
            if entry is None or self.items[i + 1].lower not in opens:
                continue
            start = i + 2
            if self.owner_start(i) <= self.items_start_of_clause(i):
                continue  # a subject ("Ruiz's claim that … drew protests"): where would its content end?
            if any(f.start <= self.items[start].start < f.end for f in self.found):
                continue  # already content of a verb: "said his remarks about …"
            end = self.content_end(start, hits)
            content = self.items[start:end]
            if not content:
                continue
            if self.items[i + 1].lower in self.lang.complementisers:
                # "the claim that taxes would rise"; not a relative clause "the report that he wrote"
                if not (any(it.is_quote for it in content) or clause_like(content, self.lang)):
                    continue
                verb = next((it for it in content if it.lower not in self.lang.adv), content[0])
                if verb.lower in self.lang.finite_hints | self.lang.cues.first_words or verb.lower.endswith(
                    self.lang.endings("past")
                ):
                    continue  # "a statement that said …": a relative clause, its verb right after "that"
                evidence = "noun-that"
            else:
                end = self.object_end(start, end)
                if sum(1 for it in self.items[start:end] if it.is_word) < 2 or self.noun_speaker(i) is None:
                    continue  # a topic needs two words and an owner ("his remarks about the budget")
                evidence = "noun-about"
            a, b = self.items[start].start, self.items[end - 1].end
            # a cue inside the noun's content reports inside it ("reports that Ruiz called X …")
            self.found = [f for f in self.found if f.quote is not None or not (a <= f.start and f.end <= b)]
            cue = Cue(noun.start, noun.end, noun.text, lemma=entry.lemma, type="noun")
            self.emit_span(start, end, cue, self.noun_speaker(i), FRAME[evidence])

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
        if evidence in CLAUSE_FRAMES | {"prop", "obj"} and self.pointer_with_content(start, end):
            return None  # "rejected the claim that …": the claim's content is not the subject's
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
        labels = any(
            it.lower in self.lang.cls("label") for it in content[1:12]
        )  # "called the citation a ploy"
        if frame == "name" and not has_quote and not labels:
            return None
        if evidence in CLAUSE_FRAMES and not has_quote and not clause_like(content, self.lang):
            return None
        if frame == "quote" and (not has_quote or sum(1 for it in content if it.is_word) > 2):
            return None  # "lachte": a manner of speaking reports a quotation, never a clause
        return evidence, start, end

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
        if not self.is_object_content(content) or self.names_a_person(content):
            return None
        return "prop-obj", end

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
        return not pointer

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
            if w in lang.prep and self.venue_within(k + 1, min(k + 4, end)):
                return k
            time_adjunct = (w in lang.time and w not in lang.det) or (w in lang.prep and nxt in lang.time)
            if time_adjunct and end - k <= MAX_TIME_ADJUNCT:  # a short one that ends the object ("on Sunday")
                return k
        return end

    def emit_span(self, a: int, b: int, cue: Cue | None, speaker: Mention | None, frame: Frame) -> None:
        """Record items ``[a, b)`` as the content: direct if it is one quotation, else indirect or mixed."""
        while b > a and self.items[b - 1].text in TERMINAL | {",", ";", ":"}:
            b -= 1
        while a < b and self.items[a].text in (",", ":", "—", "–"):
            a += 1
        if a >= b:
            return
        quotes = [i for i in range(a, b) if self.items[i].is_quote]
        words = [it for it in self.items[a:b] if not it.is_quote and it.text[:1].isalnum()]
        if quotes and not words:
            for i in quotes:
                q = self.items[i].quote
                assert q is not None
                if i in self.claimed:
                    continue
                self.claimed.add(i)
                self.found.append(
                    Found(
                        q.start,
                        q.end,
                        "direct",
                        cue,
                        speaker,
                        frame.evidence,
                        round(min(1.0, frame.confidence + DIRECT_BONUS), 3),
                        quote=q,
                    )
                )
            return
        if self.items[a].lower in self.lang.complementisers and b - a > 1 and self.items[a + 1].text != ",":
            a += 1  # "said that the plan …" (but "said that, if elected, …" keeps it, as the gold spans do)
        start, end = self.span(a, b)
        for i in quotes:
            self.claimed.add(i)
        kind = "mixed" if quotes else "indirect"
        self.found.append(Found(start, end, kind, cue, speaker, frame.evidence, frame.confidence))
