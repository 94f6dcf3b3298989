"""Frames: how a cue takes its speaker and its content, read unit by unit.

Each frame is one row of :data:`quoteattr.records.FRAMES`, with its evidence label and confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from .cues import find_cues
from .language import Language
from .model import Cue, Mention
from .phrases import VERB_SECOND, noun_phrase_end, np_like
from .quotemarks import QuoteSpan
from .readings import ContentReader
from .records import FRAME, CueHit, Found
from .units import PHRASE_BREAKS, Unit

# (?<!…): starts only where a space run starts (always so after a closing mark), so a search never rescans one
# run from each of its spaces (issue 6).
#: A dash and a name right after a closing quote mark: "“…” ― Pamela Ortiz".
_DASH_SIGNATURE = regex.compile(
    r"(?<![^\S\n])[^\S\n]*+[―—–][^\S\n]*+(\p{Lu}[\p{L}\p{M}'’.\-]*+(?:[ ]\p{Lu}[\p{L}\p{M}'’.\-]*+){0,4}+)"
)


def dash_signature(text: str, q: QuoteSpan, openers: str = "") -> Mention | None:
    """The name that signs quotation ``q`` with a dash, if any.

    A signature stands alone: the line ends after it, or a comma ("― Paul Greer, Northfield") or the
    next quotation (one of ``openers``) follows. "»…« – Da begrüßte ihn …" is narration after a dash.
    """
    m = _DASH_SIGNATURE.match(text, q.outer_end)
    if m is None or q.close is None:
        return None
    rest = text[m.end(1) : m.end(1) + 40].lstrip(" .\xa0\t")
    if rest and rest[0] not in "\n\r," and rest[0] not in openers:
        return None
    start, end = m.start(1), m.end(1)
    while end > start and text[end - 1] == ".":
        end -= 1
    return Mention(start, end, text[start:end], kind="name")


#: The most items a listener may span before its "that" ("told a meeting of island leaders that").
MAX_LISTENER_SPAN = 8

#: Frames whose content opens right after the cue (or its object) with a word of these
#: ``function_words.tsv`` classes, read before any trailer: "asked about …", "pledged to …".
OPEN_RIGHT_AFTER: dict[str, tuple[str, ...]] = {
    "ask": ("question", "infinitive", "ask_topic"),
    "commit": ("infinitive",),
}

#: Cue frames whose verb takes an object: "…, told the Herald" is not an inverted speaker.
OBJECT_FRAMES = frozenset({"tell", "of", "obj", "name"})

#: An item index: the items before it belong to an attribution already read (what a frame returns).
Until = int


class Place(NamedTuple):
    """What stands right before a cue, which decides how its speaker is found."""

    j: int  #: the item before the cue (after skipping adverbs and auxiliaries), -1 at the unit start
    coordinated: bool  #: "… and said": the cue shares the subject of the clause before
    participle: bool  #: ", adding that …": a participle shares the last subject
    inverted: bool  #: a comma, a colon or a quotation right before: ", said X." may follow

    @property
    def shares_subject(self) -> bool:
        return self.coordinated or self.participle


#: The preposed frame of each cue frame not read otherwise, and whether its content starts after
#: the cue's object (``told Y that …``) or right after the cue (``accused Y of …``: Y is content).
PREPOSED_FRAMES: dict[str, tuple[str, bool]] = {
    "of": ("accuse-of", False),
    "ask": ("ask", True),
    "obj": ("obj", False),
    "prop": ("prop", False),
    "commit": ("commit", False),
    "name": ("name", False),
}


class UnitReader(ContentReader):
    """Reads the attributions of one unit, frame by frame."""

    def __init__(self, text: str, unit: Unit, lang: Language) -> None:
        super().__init__(text, unit, lang)
        self.last_speaker: Mention | None = None
        #: cues with a speaker but no content ("Ruiz said." / "He said:"): they may own a nearby quote
        self.bare: list[tuple[Cue, Mention]] = []
        self.floor = 0  #: a subject search never reaches back before this item (an earlier cue)

    def read_dash_attributions(self) -> None:
        """ "“…” ― Pamela Ortiz": a quotation signed with a dash and a name (letters, epigraphs)."""
        for i, it in enumerate(self.items):
            if it.quote is not None:
                signer = dash_signature(self.text, it.quote, self.lang.quote_marks.opening_chars)
                if signer is not None:
                    self.claimed.add(i)
                    q = it.quote
                    dash = FRAME["dash-signed"]
                    self.found.append(
                        Found(q.start, q.end, "direct", None, signer, dash.evidence, dash.confidence, q)
                    )

    # -- the frames -----------------------------------------------------------------------
    def read(self) -> list[Found]:
        hits = find_cues(self.items, self.lang)
        self.read_dash_attributions()
        colon = self.headline_colon()
        if colon is not None and not any(h.first < colon for h in hits):
            # "Poll: Voters Abandon Party" / "Ruiz: We will not back down" — a headline's speaker
            self.last_speaker = self.mention(0, colon)
            self.emit_span(colon + 1, self.end, None, self.last_speaker, FRAME["headline-colon"])
            return self.found
        # "X called for Y, sources said.": a closing attribution owns everything before it.
        if len(hits) > 1 and hits[-1].entry.frame != "according" and not self.items[hits[-1].first].is_quote:
            self.floor = hits[-2].last + 1
            self.read_verb(hits[-1], hits, only_postposed=True)
            self.floor = 0
            if self.found:
                return self.found
            self.last_speaker = None
        consumed_until = 0  # items before this index belong to an earlier attribution's content
        for hit in hits:
            if hit.first < consumed_until:
                continue  # a cue inside reported content ("He said officials said ...")
            if hit.entry.frame == "according":
                consumed_until = max(consumed_until, self.read_according(hit))
            else:
                consumed_until = max(consumed_until, self.read_verb(hit, hits))
        self.read_speech_nouns(hits)
        return self.found

    def read_verb(self, hit: CueHit, hits: Sequence[CueHit], *, only_postposed: bool = False) -> Until:
        """Read a verb cue in the frame its surroundings choose; returns how far the unit is consumed."""
        if self.is_passive(hit):
            return hit.first
        cue = self.cue_of(hit)
        at = self.place(hit)
        if at.inverted and not at.shares_subject and self.read_inverted(hit, cue, at.j):
            return self.end
        if VERB_SECOND in self.lang.features and not at.shares_subject and not only_postposed:
            done = self.read_verb_second(hit, cue, hits)
            if done is not None:
                return done
        speaker, subject_first = self.speaker_of(at) or (None, 0)
        if speaker is None:
            return hit.first
        self.last_speaker = speaker
        if only_postposed:  # probing for a closing ", X said." that owns the whole unit
            return self.closing_attribution(hit, cue, speaker, subject_first)
        return self.read_after(hit, hits, cue, speaker, at, subject_first)

    def place(self, hit: CueHit) -> Place:
        """What stands before the cue (skipping adverbs and auxiliaries)."""
        j = hit.first - 1
        while j >= 0 and self.items[j].lower in self.lang.adv | self.lang.aux:
            j -= 1
        before = self.items[j] if j >= 0 else None
        if before is None:
            return Place(j, False, False, False)
        # ", adding that …" / "Trump said, adding later, …": a participle shares the last subject.
        participle = before.text == "," and self.items[hit.first].lower.endswith(self.lang.endings("gerund"))
        inverted = before.text in (",", ":") or before.is_quote  # ", said X." follows a comma or a quote
        return Place(j, before.lower in self.lang.conj, participle, inverted)

    def speaker_of(self, at: Place) -> tuple[Mention | None, int] | None:
        """Who speaks: the subject before the cue, or the shared subject of a coordinated cue."""
        if at.shares_subject:
            # "Cruz exhorted Republicans … and said …": with no earlier cue, the sentence's subject speaks
            return (self.last_speaker if self.last_speaker is not None else self.clause_subject()), at.j
        return self.subject_before(at.j + 1, self.floor)

    def closing_attribution(self, hit: CueHit, cue: Cue, speaker: Mention, subject_first: int) -> Until:
        """ "X called for Y, sources said.": a closing ", X said." owns everything before it."""
        k = self.skip_object(hit.last + 1, hit.entry) if hit.entry.frame in ("tell", "ask") else hit.last + 1
        k_trailer = self.skip_trailer(k)
        left = self.left_material(subject_first)
        if left is not None and (k_trailer >= self.end or self.items[k_trailer].text == ","):
            self.emit_span(left[0], left[1], cue, speaker, FRAME["postposed"])
            return self.end
        return hit.first

    def read_after(
        self, hit: CueHit, hits: Sequence[CueHit], cue: Cue, speaker: Mention, at: Place, subject_first: int
    ) -> Until:
        """What follows the cue decides the frame: that-clause, quotation, postposed, bare, or preposed."""
        entry = hit.entry
        after = hit.last + 1 if hit.particle is None else hit.particle + 1  # "warf ihm vor, …"
        k = self.skip_object(after, entry) if entry.frame in ("tell", "ask") else after
        if (
            entry.frame == "tell"
            and after < k < self.end
            and self.items[k].lower in self.lang.cls("tell_open")
        ):
            # "warned officials to boost security" / "told reporters how surprised he was"
            return self.preposed(hit, cue, speaker, k, hits, "tell-to")
        opens = OPEN_RIGHT_AFTER.get(entry.frame, ())
        if k < self.end and any(self.items[k].lower in self.lang.cls(name) for name in opens):
            # "asked about the cost", "asked the council to vote", "pledged to rebuild": no trailer between
            return self.preposed(hit, cue, speaker, k, hits, entry.frame)
        k_trailer = self.colon_quote_ahead(self.skip_trailer(k))
        that_at = self.find_that(k, k_trailer)
        if that_at is None and entry.frame == "tell":
            that_at = self.that_after_listener(after)
        if not at.shares_subject:
            speaker = self.first_subject(speaker, at, subject_first, k_trailer)
        if (
            that_at is not None
            and that_at > k
            and self.lang.cues.noun_frame(self.items[that_at - 1].lower) == "content"
        ):
            that_at = None  # "responded to the accusation that …": the that-clause is the accusation's
        if that_at is not None:
            # "said that, if elected, …": the gold spans keep a "that" a comma follows (emit_span)
            comma_after = that_at + 1 < self.end and self.items[that_at + 1].text == ","
            return self.preposed(hit, cue, speaker, that_at if comma_after else that_at + 1, hits, "that")
        nxt = self.items[k_trailer] if k_trailer < self.end else None
        if nxt is not None and (
            nxt.is_quote or (nxt.text in (":", ",") and self.next_is_quote(k_trailer + 1))
        ):
            left = self.left_material(subject_first)
            if left is not None and self.items[left[1] - 1].is_quote:
                self.emit_span(left[0], left[1], cue, speaker, FRAME["interrupted"])
            q_at = k_trailer if nxt.is_quote else k_trailer + 1
            return self.preposed(hit, cue, speaker, q_at, hits, "preposed-quote")
        until = self.read_postposed(cue, speaker, at, subject_first, k_trailer)
        if until is not None:
            return until
        if k_trailer >= self.end or (nxt is not None and nxt.text == ":" and k_trailer + 1 >= self.end):
            self.bare.append((cue, speaker))  # "Ruiz said." / "He said:" may own a quote nearby
            return self.end
        evidence, start_after_object = PREPOSED_FRAMES.get(entry.frame, ("clause", True))
        return self.preposed(hit, cue, speaker, k if start_after_object else after, hits, evidence)

    def that_after_listener(self, a: int) -> int | None:
        """ "told a meeting of island leaders that …": a "that" after a longer listener, with only words
        that are no verb or cue between (at most :data:`MAX_LISTENER_SPAN` items)."""
        lang = self.lang
        stops = lang.finite_hints | lang.cues.first_words | lang.subject_pronouns
        for k in range(a + 1, min(a + MAX_LISTENER_SPAN, self.end - 1) + 1):
            it = self.items[k]
            if it.lower in lang.complementisers:
                return k
            if not it.is_word or it.lower in stops:
                return None
        return None

    def first_subject(self, speaker: Mention, at: Place, subject_first: int, k_trailer: int) -> Mention:
        """A preposed cue speaks for the first noun phrase of its subject ("Sen. X, Democrat of Y, said")."""
        left = self.left_material(subject_first)
        reads_postposed = left is not None and (
            k_trailer >= self.end or self.items[k_trailer].text == "," or self.items[left[1] - 1].is_quote
        )
        if not reads_postposed:
            first = self.preposed_subject(at.j + 1, self.floor)
            if first is not None and first != speaker:
                self.last_speaker = first
                return first
        return speaker

    def read_postposed(
        self, cue: Cue, speaker: Mention, at: Place, subject_first: int, k_trailer: int
    ) -> Until | None:
        """ "…, X said." (postposed) and "…, he said, …" (parenthetical); None if neither reads."""
        left = self.left_material(subject_first)
        if left is None:
            return None
        quote_before = (
            self.items[left[1] - 1].is_quote
            and not at.participle
            and sum(1 for it in self.items[left[0] : left[1]] if it.is_word)
            <= 3  # not "On X's show "Y," Z said"
        )
        if not (k_trailer >= self.end or self.items[k_trailer].text == "," or quote_before):
            return None
        rest = k_trailer + 1
        if rest < self.end and not self.items[rest].is_quote and not quote_before:
            # "But to prevent problems, he said, officials should be vigilant": discontinuous content
            self.emit_span(left[0], self.end, cue, speaker, FRAME["parenthetical"])
            return self.end
        self.emit_span(left[0], left[1], cue, speaker, FRAME["postposed"])
        return k_trailer  # a later cue may still speak: '"…," X said, adding later, "…"'

    def read_inverted(self, hit: CueHit, cue: Cue, j: int) -> bool:
        """``CONTENT, said SPEAKER (, APPOSITIVE) (trailer).`` and ``"A," said X, "B."``"""
        if hit.entry.frame in OBJECT_FRAMES and VERB_SECOND not in self.lang.features:
            return False  # these verbs take an object: "…, told the Herald" is not inverted ("bat er" is)
        if hit.entry.frame == "prop" and not self.items[j].is_quote and not self.items[j - 1].is_quote:
            return False  # '"No," admitted Ruiz' but not "Ana Ruiz, had denied the plan": an object follows
        a = hit.last + 1
        if a < self.end and self.items[a].lower in self.lang.cls("reflexive"):
            a += 1  # "empört sich der Alte": the reflexive pronoun belongs to the verb
        trimmed = self.trim_inverted_speaker(a, self.inverted_speaker_end(a, hit.particle))
        if trimmed is None or not self.is_inverted_speaker(a, trimmed[0]):
            return False
        b, rest = trimmed
        if self.content_follows(rest + (rest == hit.particle)):
            return False
        speaker_span, tail = self.inverted_tail(a, b, rest + (rest == hit.particle))
        after_quote = self.items[j].is_quote or (
            j > 0 and self.items[j].text == "," and self.items[j - 1].is_quote
        )
        if tail < self.end and self.items[tail].text != "," and not after_quote:
            return False  # but a verb right after a quotation attributes it, whatever follows the speaker
        if tail - b > 8 and not self.items[j].is_quote:
            return False  # a long "trailer" is more likely the reported clause itself
        left = self.left_material(j + 1)
        if left is None:
            return False
        speaker = self.mention(*speaker_span)
        self.last_speaker = speaker
        self.emit_span(left[0], left[1], cue, speaker, FRAME["inverted"])
        if self.items[left[1] - 1].is_quote:
            tail = self.break_ahead(tail)  # "»A«, rief er dann, »B«" / "„A“, sagte sie; „B“"
            if tail < self.end and self.next_is_quote(tail + 1):
                self.emit_span(tail + 1, self.end, cue, speaker, FRAME["interrupted-inverted"])
        return True

    def read_according(self, hit: CueHit) -> int:
        """``According to X, CONTENT``, ``CONTENT, according to X`` and ``X zufolge CONTENT``."""
        if hit.entry.type == "postp":
            return self.read_postposition(hit)
        cue = self.cue_of(hit)
        a = hit.last + 1
        b = a
        while b < self.end and self.items[b].text not in PHRASE_BREAKS and not self.items[b].is_quote:
            b += 1
        if b >= self.end and self.items_start_of_clause(hit.first) == hit.first:
            head_end = noun_phrase_end(self.items, a, self.end, self.lang)
            if head_end is not None and head_end < self.end:  # "Laut Polizei wurde …": the verb ends it
                speaker = self.mention(a, head_end)
                self.last_speaker = speaker
                self.emit_span(head_end, self.end, cue, speaker, FRAME["according-to-bare"])
                return self.end
        if b == a or b - a > 12:
            return hit.first
        speaker = self.mention(a, b)
        self.last_speaker = speaker
        first = self.items_start_of_clause(hit.first)
        if first == hit.first or (hit.first - first <= 1):
            # According to X, CONTENT
            if b < self.end and self.items[b].text == ",":
                self.emit_span(b + 1, self.end, cue, speaker, FRAME["according-to"])
            return self.end
        # CONTENT, according to X [, CONTENT]  → discontinuous content runs first to last fragment
        end = hit.first - 1 if self.items[hit.first - 1].text == "," else hit.first
        if b < self.end - 1:
            self.emit_span(first, self.end, cue, speaker, FRAME["according-to-inside"])
        else:
            self.emit_span(first, end, cue, speaker, FRAME["according-to"])
        return self.end

    def read_postposition(self, hit: CueHit) -> Until:
        """``X zufolge CONTENT``: the source stands before the cue, the content after it."""
        s = hit.first
        while s > 0 and hit.first - s < 8 and self.items[s - 1].is_word:
            s -= 1
        if s == hit.first:
            return hit.first
        speaker = self.mention(s, hit.first)
        self.last_speaker = speaker
        first = self.items_start_of_clause(hit.first)
        start = hit.last + 1 if s <= first else first
        self.emit_span(start, self.end, self.cue_of(hit), speaker, FRAME["according-to-post"])
        return self.end

    def opens_with_adverbial(self, hit: CueHit, floor: int = 0) -> bool:
        """Does an adverbial, not a subject, fill the place before the cue in a verb-second clause?

        "Darauf sagte", "Am Abend sagte", "Als sie das hörte, sagte", "…, rief Zwingli:", and a verb
        that opens its sentence ("Sprach der Wolf:").
        """
        c = hit.first
        while c > floor and self.items[c - 1].is_word:
            c -= 1
        while c < hit.first and self.items[c].lower in self.lang.conj:
            c += 1
        lang = self.lang
        if c < hit.first:
            opener = lang.adv | lang.time | lang.prep | lang.subord | lang.cls("linker")
            last = self.items[hit.first - 1].lower
            return self.items[c].lower in opener and last not in lang.subject_pronouns
        if c == 0 or self.items[c - 1].is_quote:
            return True  # "Sprach der Wolf: „…“": the verb opens the sentence
        # "…, rief Zwingli: „…“": the clause before the comma fills the first place
        return self.items[c - 1].text == "," and hit.last + 2 < self.end

    def content_follows(self, tail: int) -> bool:
        """In a verb-second language, ", sagte er, dass …" and ", rief er: „…“" are no inverted attribution:
        the content follows the speaker."""
        return (
            VERB_SECOND in self.lang.features
            and tail + 1 < self.end
            and (self.items[tail].text == ":" or self.items[tail + 1].lower in self.lang.complementisers)
        )

    def read_verb_second(self, hit: CueHit, cue: Cue, hits: Sequence[CueHit]) -> Until | None:
        """``ADVERBIAL CUE SPEAKER (trailer) : "Q"`` / ``, dass …`` / ``, CLAUSE``.

        In a verb-second language the subject follows the verb when an adverbial opens the clause
        ("Darauf sagte er: „…“"). ``None`` when the frame does not apply.
        """
        if not self.opens_with_adverbial(hit, self.floor):
            return None
        found = self.speaker_after(hit.last + 1)
        if found is None:
            return None
        speaker = self.mention(*found)
        k = found[1]
        if hit.entry.frame in ("tell", "ask"):
            k = self.skip_object(k, hit.entry)
        k = self.skip_trailer(k)
        if hit.particle is not None and hit.particle >= k:
            if hit.particle - k > 4:
                return None
            k = hit.particle + 1
        self.last_speaker = speaker
        if k >= self.end or (self.items[k].text == ":" and k + 1 >= self.end):
            self.bare.append((cue, speaker))  # "Mit Ernst sagte er:" and the quotation in the next paragraph
            return self.end
        nxt = self.items[k]
        if nxt.is_quote or (nxt.text in (":", ",") and self.next_is_quote(k + 1)):
            return self.preposed(hit, cue, speaker, k if nxt.is_quote else k + 1, hits, "verb-second-quote")
        if nxt.text not in (",", ":") or k + 1 >= self.end:
            return None
        if self.items[k + 1].lower in self.lang.complementisers:
            return self.preposed(hit, cue, speaker, k + 2, hits, "verb-second-that")
        evidence = "ask" if hit.entry.frame == "ask" else "verb-second-clause"
        return self.preposed(hit, cue, speaker, k + 1, hits, evidence)

    def speaker_after(self, a: int) -> tuple[int, int] | None:
        """The subject right after a verb-second cue: a pronoun or a noun phrase, maybe after an object
        pronoun ("fragte ihn der Kaufmann")."""
        if a + 1 < self.end and self.items[a].lower in self.lang.object_pronouns - self.lang.subject_pronouns:
            a += 1
        if a >= self.end or not self.items[a].is_word:
            return None
        if self.items[a].lower in self.lang.subject_pronouns:
            return a, a + 1
        b = noun_phrase_end(self.items, a, self.end, self.lang)
        return (a, b) if b is not None and b > a and np_like(self.items[a:b], self.lang) else None

    def left_material(self, subject_first: int) -> tuple[int, int] | None:
        """Content before a postposed attribution: up to the comma (or quote) before the subject."""
        j = subject_first - 1
        if j < 0:
            return None
        if self.items[j].text in (",", "—", "–", ":"):
            end = j
        elif self.items[j].is_quote:
            end = j + 1
        else:
            return None
        start = 0
        for f in self.found:  # after any earlier attribution's content in this unit
            if f.end <= self.items[end - 1].end:
                while start < end and self.items[start].start < f.end:
                    start += 1
        while start < end and (
            self.items[start].lower in self.lang.conj or self.items[start].text in PHRASE_BREAKS
        ):
            start += 1
        if start >= end:
            return None
        material = self.items[start:end]
        if not any(it.is_quote for it in material):
            words = [it for it in material if it.is_word]
            if (
                len(words) < 2
                or words[0].lower in self.lang.time
                or (words[0].lower in self.lang.prep and len(words) < 6)
            ):
                return None
        return start, end

    def preposed(
        self,
        hit: CueHit,
        cue: Cue,
        speaker: Mention,
        start: int,
        hits: Sequence[CueHit],
        evidence: str,
    ) -> Until:
        """Content after the cue, up to the unit's end or a coordinated cue."""
        while start < self.end and self.items[start].text in (":", ","):
            start += 1
        end = self.content_end(start, hits)
        if self.items[0].lower in self.lang.subord:
            # "While leaders acknowledged X, the minister made no mention": the clause ends at its comma
            end = next((k for k in range(start, end) if self.items[k].text == ","), end)
        if end <= start:
            return hit.first
        read = self.reading(hit.entry.frame, evidence, start, end)
        if read is None:
            return hit.first
        evidence, start, end = read
        self.emit_span(start, end, cue, speaker, FRAME[evidence])
        return end
