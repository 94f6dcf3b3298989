"""Where the speaker and the content of a cue lie in a unit: subjects, trailers, objects, content ends.

:class:`UnitView` answers questions about one unit's items ("the subject that ends before item
7", "where does the content after this cue stop") without changing anything.
"""

from __future__ import annotations

from . import subject_starts as starts
from .after_cue import AfterCue
from .language import Language
from .model import Cue, Mention
from .phrases import (
    VERB_SECOND,
    capitalised_subject,
    is_appositive,
    is_cap,
    is_intro,
    is_name,
    mention_kind,
    names_a_speaker,
    noun_phrase_end,
    np_like,
    past_object_pronoun,
    plain_noun_phrase,
    trim_np,
)
from .records import CueHit
from .units import HARD_BREAKS, PHRASE_BREAKS, TERMINAL, Item, Unit, item, unit_items, unwrapped

#: How far back a subject may stand from its verb, in tokens.
MAX_SUBJECT_TOKENS = 40


class UnitView(AfterCue):
    """A read-only view of one unit: its items, and where subjects, trailers and contents lie
    (what follows a cue is asked through :class:`~quoteattr.after_cue.AfterCue`).

    Nothing here changes after construction; the frames (:mod:`quoteattr.frames`) are pure functions
    over it, and the driver passes what they need (the ``floor`` a subject search may not cross) as
    arguments.
    """

    def __init__(self, text: str, unit: Unit, lang: Language, items: list[Item] | None = None) -> None:
        self.text = text
        self.unit = unit
        self.lang = lang
        #: tokenised once per unit, without brackets that wrap the whole unit
        self.items = unwrapped(unit_items(text, unit) if items is None else items)
        self.end = len(self.items)
        while self.end > 0 and self.items[self.end - 1].text in TERMINAL:
            self.end -= 1

    # -- helpers over items -------------------------------------------------------------
    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of items ``[a, b)``."""
        return self.items[a].start, self.items[b - 1].end

    def mention(self, a: int, b: int) -> Mention:
        start, end = self.span(a, b)
        stem = starts.contraction_stem(self.items[a].lower, self.lang) if b == a + 1 else None
        if stem is not None:  # "He's saying": the speaker is "He", not the fused auxiliary
            word = item(start, start + stem, self.text[start : start + stem])
            return Mention(word.start, word.end, word.text, kind=mention_kind([word], self.lang))
        return Mention(start, end, self.text[start:end], kind=mention_kind(self.items[a:b], self.lang))

    def cue_of(self, hit: CueHit) -> Cue:
        start, end = self.items[hit.first].start, self.items[hit.last].end
        return Cue(start, end, self.text[start:end], lemma=hit.entry.lemma, type=hit.entry.type)

    def skip(self, i: int, classes: frozenset[str], limit: int = 6) -> int:
        """Skip words of the given classes forward from ``i``."""
        n = 0
        while i < self.end and n < limit and self.items[i].lower in classes:
            i += 1
            n += 1
        return i

    def headline_colon(self) -> int | None:
        """Index of the colon in a unit that opens with "Name:" and goes on for three words or more."""
        for i in range(1, min(6, self.end)):
            if self.items[i].text == ":":
                rest = sum(1 for it in self.items[i + 1 : self.end] if it.is_word or it.is_quote)
                head = self.items[:i]
                plain = i <= 3 and not any(
                    it.lower in self.lang.function_words for it in head
                )  # not "The Latest", "X Over Y"
                named = is_name(head, self.lang) and names_a_speaker(head, self.lang)
                return i if named and plain and rest >= 3 else None
        return None

    def is_passive(self, hit: CueHit) -> bool:
        j = hit.first - 1
        while j >= 0 and (self.items[j].lower in self.lang.adv or starts.ly_adverb(self.items, j, self.lang)):
            j -= 1  # "were scarcely concluded"
        form = self.items[hit.first].lower
        return (
            j >= 0
            and self.items[j].lower in self.lang.cls("passive")
            and form.endswith(self.lang.endings("participle"))
        )

    def items_start_of_clause(self, i: int) -> int:
        j = 0
        while j < i and (self.items[j].lower in self.lang.conj or self.items[j].lower in self.lang.adv):
            j += 1
        return j

    def next_is_quote(self, i: int) -> bool:
        return i < self.end and self.items[i].is_quote

    def finite_like(self, it: Item) -> bool:
        """Does this word show a finite verb ("cannot", "believed")?"""
        return it.lower in self.lang.finite_hints or it.lower.endswith(self.lang.endings("past"))

    def subject_after_verb(self, a: int) -> Mention | None:
        """The subject after the finite verb of a verb-second clause opened by an adverbial
        ("Da schmiegte sie sich …", "Nach einer Weile sagt sie …"); ``a`` is past the opening adverbs."""
        lang = self.lang
        v = a
        if self.items[v].lower in lang.prep:  # a prepositional phrase fills the first place
            v += 1
            while (
                v < self.end
                and v - a < 6
                and self.items[v].is_word
                and (is_cap(self.items[v]) or self.items[v].lower in lang.det | lang.cls("article"))
            ):
                v += 1
        if v + 1 >= self.end or not self.items[v].is_word or is_cap(self.items[v]):
            return None
        if self.items[v].lower in lang.function_words:
            return None
        s = past_object_pronoun(self.items, v + 1, self.end, lang)  # "begegnete ihm die Zauberin"
        if self.items[s].lower in lang.subject_pronouns:
            return self.mention(s, s + 1)
        e = noun_phrase_end(self.items, s, self.end, lang)
        if e is None or not np_like(self.items[s:e], lang):
            return None
        return self.mention(s, e)

    def subject_parts(self, stop: int, floor: int = 0) -> tuple[int, list[tuple[int, int]]] | None:
        """Where a subject ending before item ``stop`` may begin, and its comma-separated parts."""
        a = stop
        # "X, who has run it since it opened, said" / "X -- head of a firm that … -- said": a comma or
        # dash before the verb closes a parenthesis, so clause words inside it do not end the subject.
        behind_comma = stop > 0 and self.items[stop - 1].text in PHRASE_BREAKS | starts.DASHES
        while a > floor and stop - a < MAX_SUBJECT_TOKENS:
            prev = self.items[a - 1]
            if prev.is_quote or prev.text in HARD_BREAKS:
                break
            if (
                prev.lower in self.lang.subord
                or prev.lower in self.lang.complementisers
                or starts.clause_prep_stop(self.items, a - 1, floor, self.lang)
            ) and not behind_comma:
                break
            a -= 1
        if a == stop:
            return None
        # Split on commas/dashes into parts; the near part alone is the subject of a postposed cue.
        parts: list[tuple[int, int]] = []
        s = a
        depth = 0  # a parenthesis ("Rep. Ana Ruiz (D-Ohio)") never splits a subject
        for i in range(a, stop):
            t = self.items[i].text
            depth += (t in "([") - (t in ")]") if len(t) == 1 else 0
            depth = max(depth, 0)
            if (t in PHRASE_BREAKS or t in starts.DASHES) and depth == 0:
                if i > s:
                    parts.append((s, i))
                s = i + 1
        if stop > s:
            parts.append((s, stop))
        if not parts:
            return None
        return a, parts

    def preposed_subject(self, stop: int, floor: int = 0) -> Mention | None:
        """The first noun phrase of the subject: "Sen. X, Democrat of Y, said that …" → "Sen. X"."""
        found = self.subject_parts(stop, floor)
        if found is None:
            return None
        a, parts = found
        relative = starts.relative_speaker(self.items, parts[-1], self.lang) if parts[-1][1] == stop else None
        if relative is not None:
            return self.mention(*relative[0])  # "Ruiz, who said …": the relative pronoun, linked by coref
        if a > 0 and self.items[a - 1].lower in self.lang.subord and len(parts) > 1:
            parts = parts[1:]  # "As a phone rang, the announcer said": a subordinate clause first
        # Walk left from the part before the verb over appositives and relative clauses to the head.
        idx = len(parts) - 1
        while idx > 0:
            here = self.items[parts[idx][0] : parts[idx][1]]
            prev = self.items[parts[idx - 1][0] : parts[idx - 1][1]]
            if here[0].lower in self.lang.conj:
                break  # "…, and forecasters said": a new clause, not an appositive
            descriptive = (
                is_appositive(here, self.lang)
                or here[0].lower in self.lang.relpro
                or (
                    is_name(prev, self.lang)
                    and any(
                        it.lower in self.lang.cls("affil") for it in here
                    )  # "X, Democrat of California, said"
                )
            )
            if (
                descriptive
                and (np_like(prev, self.lang) or is_name(prev, self.lang))
                and not is_intro(prev, self.lang)
                and not starts.is_opener(self.items, parts[idx - 1], stop, self.lang)
            ):
                idx -= 1
            else:
                break
        p0, p1 = parts[idx]
        while p0 < p1 and self.items[p0].lower in self.lang.conj:
            p0 += 1
        if p1 == stop and self.inverted_aux(p0, p1):
            p0 += 1  # "Has the mayor said …?": the subject follows the auxiliary
        if (
            p0 >= p1
            or is_intro(self.items[p0:p1], self.lang)
            or starts.is_opener(self.items, (p0, p1), stop, self.lang)
        ):
            return None
        if np_like(self.items[p0:p1], self.lang) or plain_noun_phrase(self.items[p0:p1], self.lang):
            return self.mention(*self.head_of(p0, p1, stop))
        tail = self.name_suffix(p0, p1)
        return None if tail is None else self.mention(*tail)

    def subject_before(self, stop: int, floor: int = 0) -> tuple[Mention | None, int] | None:
        """The speaker noun phrase that ends right before item ``stop``.

        Reads back over appositives and relative clauses ("X, head of Y, who …, said")
        and over an introductory phrase ("On Monday, X said"), and returns the first
        noun-phrase part of the subject and the index where the subject begins.
        """
        found = self.subject_parts(stop, floor)
        if found is None:
            return None
        a, parts = found
        near = parts[-1]
        relative = starts.relative_speaker(self.items, near, self.lang) if near[1] == stop else None
        if relative is not None:
            return self.mention(*relative[0]), relative[1]
        if (
            starts.opening_verb(self.items, self.items_start_of_clause(stop), stop, self.lang)
            and parts[0][0] == a
        ):
            return None, a  # "Keeps saying she …": a headline-style clause opens with its verb, no subject
        if self.items[near[0]].lower in self.lang.conj and near[1] - near[0] > 1:
            # "…, and forecasters said …": a new clause with its own subject
            clause_subject = self.items[near[0] + 1 : near[1]]
            if np_like(clause_subject, self.lang) or plain_noun_phrase(clause_subject, self.lang):
                return self.mention(near[0] + 1, near[1]), near[0] + 1
        if near[0] > a and self.items[near[0] - 1].text in PHRASE_BREAKS | starts.DASHES:
            after_comma = self.subject_after_comma(a, parts, stop)
            if after_comma is not None:
                return after_comma
        first_np = self.first_np(parts)
        if first_np is None:
            return None
        head = self.head_of(*first_np, stop)
        return self.mention(*head), a if head[0] == a else head[0]

    def starts_part(self, a: int, part: tuple[int, int]) -> bool:
        """Does ``part`` open the subject, or follow a comma or dash?"""
        return part[0] == a or self.items[part[0] - 1].text in PHRASE_BREAKS

    def subject_after_comma(
        self, a: int, parts: list[tuple[int, int]], stop: int
    ) -> tuple[Mention | None, int] | None:
        """The subject when a comma stands before its last part: an appositive, a role before a name."""
        near = parts[-1]
        near_items = self.items[near[0] : near[1]]
        near_ok = np_like(near_items, self.lang) or (
            stop == near[1] and plain_noun_phrase(near_items, self.lang)
        )
        if len(parts) >= 2:
            # Postposed with an appositive: ", Ana Ruiz, the mayor, said" / ", Name, head of X said"
            prev = parts[-2]
            prev_items = self.items[prev[0] : prev[1]]
            if (
                is_name(prev_items, self.lang)
                and is_appositive(near_items, self.lang)
                and self.starts_part(a, prev)
                and not starts.is_opener(self.items, prev, stop, self.lang)
            ):
                return self.mention(*trim_np(self.items, *prev, self.lang)), prev[0]
            if near_ok and is_name(near_items, self.lang) and self.role_after_quote(a, prev):
                # '"…," the union's secretary, Pat Doyle, told …': a role before the name is not content
                return self.mention(*trim_np(self.items, *near, self.lang)), prev[0]
        if not near_ok:
            return None
        # Could be postposed ("…, the spokesman added") — the caller decides with left_material ...
        # ... but a preposed subject with an intro phrase reads the same; both give the near part.
        first_np = self.first_np(parts)
        if (
            first_np is not None
            and first_np != near
            and is_name(self.items[first_np[0] : first_np[1]], self.lang)
            and self.is_intro_chain(parts, first_np)
        ):
            return self.mention(*trim_np(self.items, *first_np, self.lang)), a
        return self.mention(*trim_np(self.items, *near, self.lang)), near[0]

    def role_after_quote(self, a: int, role: tuple[int, int]) -> bool:
        """Is ``role`` a short article-led role right after a quotation ('"…," the role, Name, told')?"""
        role_items = self.items[role[0] : role[1]]
        if not (
            self.starts_part(a, role)
            and role_items[0].lower in self.lang.cls("article")
            and len(role_items) <= 6
            and np_like(role_items, self.lang)
        ):
            return False
        k = role[0] - 1
        if k >= 0 and self.items[k].text in PHRASE_BREAKS:
            k -= 1
        return k >= 0 and self.items[k].is_quote

    def is_intro_chain(self, parts: list[tuple[int, int]], chosen: tuple[int, int]) -> bool:
        """True when the parts before ``chosen`` are intro phrases and the ones after are appositives."""
        idx = next(k for k, p in enumerate(parts) if p[0] <= chosen[0] < p[1])
        after = parts[idx + 1 :]
        return all(
            is_appositive(self.items[p[0] : p[1]], self.lang) or self.items[p[0]].lower in self.lang.relpro
            for p in after
        )

    def past_openers(self) -> int:
        """Where the unit's subject may start: past conjunctions, adverbs and an opening phrase."""
        a = 0
        while a < self.end and (
            self.items[a].lower in self.lang.conj or self.items[a].lower in self.lang.adv
        ):
            a += 1
        if a + 2 < self.end and self.items[a + 1].text == "," and starts.intro_word(self.items[a], self.lang):
            a += 2  # "Chastened, Ruiz revised her plan": a one-word opener before the subject
        elif a + 2 < self.end and starts.is_opener(self.items, (a, a + 1), self.end, self.lang):
            a += 2  # "Worse, the companies kept …": the subject runs to its verb with no closing comma
        return starts.after_opener(self.items, a, self.end, self.lang)  # "Stung by the defeat, Ruiz said"

    def clause_subject(self) -> Mention | None:
        """The subject opening the unit: a name, a pronoun, or a short noun phrase before its verb."""
        a = self.past_openers()
        if a >= self.end or not self.items[a].is_word:
            return None
        if VERB_SECOND in self.lang.features and (a > 0 or self.items[a].lower in self.lang.prep):
            inverted = self.subject_after_verb(a)
            if inverted is not None:
                return inverted
        if self.items[a].lower in self.lang.subject_pronouns:
            return self.mention(a, a + 1)
        b = a
        while (
            b < self.end and b - a < 6 and self.items[b].is_word and is_name(self.items[a : b + 1], self.lang)
        ):
            b += 1
        while b - a > 1 and self.items[b - 1].lower in self.lang.name_particles:
            b -= 1  # "Thousands of protesters marched": a particle ends no name
        if (
            VERB_SECOND not in self.lang.features
            and b < self.end - 1
            and self.items[b].lower in self.lang.name_particles
            and not is_cap(self.items[b + 1])
        ):
            phrase = self.phrase_to_verb(a)  # a capitalised word and its lower-case complement
            if phrase is not None:
                return phrase
        if b > a and mention_kind(self.items[a:b], self.lang) == "name":
            return self.mention(a, b)
        if self.items[a].lower in self.lang.det:  # "A New York judge has rejected …"
            found_np = self.phrase_to_verb(a)
            if found_np is not None:
                return found_np
        found = capitalised_subject(self.items, a, self.end, self.lang)  # "Die Alte sah …"
        return None if found is None else self.mention(*found)

    def phrase_to_verb(self, a: int) -> Mention | None:
        """The noun phrase from item ``a`` up to a finite verb a few words on, at least two words long."""
        b = a + 1
        while b < self.end and b - a < 6 and self.items[b].is_word and not self.finite_like(self.items[b]):
            b += 1
        if b < self.end and self.finite_like(self.items[b]) and b - a >= 2:
            return self.mention(a, b)
        return None

    def head_of(self, a: int, b: int, stop: int) -> tuple[int, int]:
        """Part ``[a, b)``'s noun phrase; if a verb cuts it, the name before the cue ("story Ruiz told")."""
        head = trim_np(self.items, a, b, self.lang)
        cut = head[1] < b == stop and self.finite_like(self.items[head[1]])
        tail = self.name_suffix(head[1], b) if cut else None
        return tail if tail is not None and starts.bare_subject(self.items, tail, self.lang) else head

    def name_suffix(self, a: int, b: int) -> tuple[int, int] | None:
        """The proper name or subject pronoun that ends a phrase, if any."""
        if self.items[b - 1].lower in self.lang.subject_pronouns:
            return b - 1, b
        k = b
        while k > a and is_name(self.items[k - 1 : b], self.lang):
            k -= 1
        return (starts.title_before(self.items, k, a, self.lang), b) if k < b else None

    def inverted_aux(self, a: int, b: int) -> bool:
        """Does part ``[a, b)`` open with an auxiliary its subject follows ("has he", "did the mayor")?
        A verb-second language reads its inversions elsewhere (:meth:`subject_after_verb`)."""
        lang = self.lang
        return (
            VERB_SECOND not in lang.features
            and b - a >= 2
            and self.items[a].lower in lang.aux
            and self.opens_subject(self.items[a + 1])
        )

    def first_np(self, parts: list[tuple[int, int]]) -> tuple[int, int] | None:
        for p0, p1 in parts:
            while p0 < p1 and (
                self.items[p0].lower in self.lang.conj or self.items[p0].lower in self.lang.cls("linker")
            ):
                p0 += 1
            if p0 >= p1:
                continue
            if p1 == parts[-1][1] and self.inverted_aux(p0, p1):
                p0 += 1  # "But has he called for …?": an auxiliary before its subject in a question
            first = self.items[p0].lower
            if first in self.lang.prep and (p0, p1) == parts[-1]:
                # "In a Bloomberg interview Trump declared": an intro phrase with no comma
                tail = self.name_suffix(p0, p1)
                if tail is not None:
                    return tail
            if first in self.lang.prep or first in self.lang.relpro or first in self.lang.subord:
                continue
            if (
                first in self.lang.adv
                or first in self.lang.time
                or is_intro(self.items[p0:p1], self.lang, before_verb=(p0, p1) == parts[-1])
                or starts.is_opener(self.items, (p0, p1), parts[-1][1], self.lang)
            ):
                continue
            if np_like(self.items[p0:p1], self.lang) or (
                (p0, p1) == parts[-1] and plain_noun_phrase(self.items[p0:p1], self.lang)
            ):
                return p0, p1
            return None
        return None
