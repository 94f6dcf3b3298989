"""Frames: how a cue takes its speaker and its content, read unit by unit.

Each frame is one row of :data:`quoteattr.records.FRAMES`, with its evidence label and confidence.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .cues import find_cues
from .language import Language
from .model import Cue, Mention
from .phrases import _is_cap, clause_like, is_appositive, is_name, mention_kind, np_like
from .quotemarks import QuoteSpan
from .records import DIRECT_BONUS, FRAME, CueHit, Found, Frame
from .subjects import UnitView
from .units import PHRASE_BREAKS, TERMINAL, Unit

# (?<!…): starts only where a space run starts (always so after a closing mark), so a search never rescans one
# run from each of its spaces (issue 6).
#: A dash and a name right after a closing quote mark: "“…” ― Pamela Ortiz".
_DASH_SIGNATURE = regex.compile(
    r"(?<![^\S\n])[^\S\n]*+[―—–][^\S\n]*+(\p{Lu}[\p{L}\p{M}'’.\-]*+(?:[ ]\p{Lu}[\p{L}\p{M}'’.\-]*+){0,4}+)"
)


def dash_signature(text: str, q: QuoteSpan) -> Mention | None:
    """The name that signs quotation ``q`` with a dash, if any."""
    m = _DASH_SIGNATURE.match(text, q.outer_end)
    if m is None or q.close is None:
        return None
    start, end = m.start(1), m.end(1)
    while end > start and text[end - 1] == ".":
        end -= 1
    return Mention(start, end, text[start:end], kind="name")


class UnitReader(UnitView):
    """Reads the attributions of one unit, frame by frame."""

    def __init__(self, text: str, unit: Unit, lang: Language) -> None:
        super().__init__(text, unit, lang)
        self.found: list[Found] = []
        self.claimed: set[int] = set()  # item indexes of quotes already attributed
        self.last_speaker: Mention | None = None
        #: cues with a speaker but no content ("Ruiz said." / "He said:"): they may own a nearby quote
        self.bare: list[tuple[Cue, Mention]] = []
        self.floor = 0  #: a subject search never reaches back before this item (an earlier cue)

    def read_dash_attributions(self) -> None:
        """ "“…” ― Pamela Ortiz": a quotation signed with a dash and a name (letters, epigraphs)."""
        for i, it in enumerate(self.items):
            if it.quote is not None:
                signer = dash_signature(self.text, it.quote)
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
        return self.found

    def read_verb(self, hit: CueHit, hits: Sequence[CueHit], *, only_postposed: bool = False) -> int:  # noqa: C901 (issue 11: still to split)
        if self.is_passive(hit):
            return hit.first
        entry = hit.entry
        cue = self.cue_of(hit)
        after = hit.last + 1
        # Inverted order: ", said X." — the cue follows a comma or a quotation directly.
        j = hit.first - 1
        while j >= 0 and self.items[j].lower in self.lang.adv | self.lang.aux:
            j -= 1
        before = self.items[j] if j >= 0 else None
        coordinated = before is not None and before.lower in self.lang.conj
        # ", adding that …" / "Trump said, adding later, …": a participle shares the last subject.
        participle = (
            before is not None
            and before.text == ","
            and self.items[hit.first].lower.endswith(self.lang.endings("gerund"))
        )
        inverted_place = before is not None and (before.text in (",", ":") or before.is_quote)
        if inverted_place and not coordinated and not participle and self.read_inverted(hit, cue, j):
            return self.end
        # Who speaks: the subject before the cue.
        if coordinated or participle:
            # "Cruz exhorted Republicans … and said …": with no earlier cue, the sentence's subject speaks
            speaker = self.last_speaker if self.last_speaker is not None else self.clause_subject()
            subject_first = j
        else:
            subj = self.subject_before(j + 1, self.floor)
            if subj is None:
                return hit.first
            speaker, subject_first = subj
        if speaker is None:
            return hit.first
        self.last_speaker = speaker
        if only_postposed:  # probing for a closing ", X said." that owns the whole unit
            k = self.skip_object(after, entry) if entry.frame in ("tell", "ask") else after
            k_trailer = self.skip_trailer(k)
            left = self.left_material(subject_first)
            if left is not None and (k_trailer >= self.end or self.items[k_trailer].text == ","):
                self.emit_span(left[0], left[1], cue, speaker, FRAME["postposed"])
                return self.end
            return hit.first
        # What follows the cue decides the frame.
        k = self.skip_object(after, entry) if entry.frame in ("tell", "ask") else after
        if (
            entry.frame == "tell"
            and k > after
            and k < self.end
            and self.items[k].lower in self.lang.cls("tell_open")
        ):
            # "warned officials to boost security" / "told reporters how surprised he was"
            return self.preposed(hit, cue, speaker, k, hits, "tell-to")
        k_trailer = self.skip_trailer(k)
        nxt = self.items[k_trailer] if k_trailer < self.end else None
        that_at = self.find_that(k, k_trailer)
        if only_postposed and (that_at is not None or (nxt is not None and nxt.is_quote)):
            return hit.first
        if not (coordinated or participle or only_postposed):
            left = self.left_material(subject_first)
            reads_postposed = left is not None and (
                k_trailer >= self.end or self.items[k_trailer].text == "," or self.items[left[1] - 1].is_quote
            )
            if not reads_postposed:
                first = self.preposed_subject(j + 1, self.floor)
                if first is not None and first != speaker:
                    speaker = first
                    self.last_speaker = speaker
        if that_at is not None:
            return self.preposed(hit, cue, speaker, that_at + 1, hits, "that")
        if nxt is not None and (
            nxt.is_quote or (nxt.text in (":", ",") and self.next_is_quote(k_trailer + 1))
        ):
            q_at = k_trailer if nxt.is_quote else k_trailer + 1
            left = self.left_material(subject_first)
            if left is not None and self.items[left[1] - 1].is_quote:
                self.emit_span(left[0], left[1], cue, speaker, FRAME["interrupted"])
            return self.preposed(hit, cue, speaker, q_at, hits, "preposed-quote")
        left = self.left_material(subject_first)
        quote_before = (
            left is not None
            and self.items[left[1] - 1].is_quote
            and not participle
            and sum(1 for it in self.items[left[0] : left[1]] if it.is_word)
            <= 3  # not "On X's show "Y," Z said …"
        )
        if left is not None and (k_trailer >= self.end or self.items[k_trailer].text == "," or quote_before):
            rest = k_trailer + 1
            if rest < self.end and not self.items[rest].is_quote and not quote_before and not only_postposed:
                # "But to prevent problems, he said, officials should be vigilant": discontinuous content
                self.emit_span(left[0], self.end, cue, speaker, FRAME["parenthetical"])
            else:
                self.emit_span(left[0], left[1], cue, speaker, FRAME["postposed"])
                return k_trailer  # a later cue may still speak: '"…," X said, adding later, "…"'
            return self.end
        if only_postposed:
            return hit.first
        if k_trailer >= self.end or (nxt is not None and nxt.text == ":" and k_trailer + 1 >= self.end):
            self.bare.append((cue, speaker))
            return self.end
        if entry.frame == "of":
            return self.preposed(hit, cue, speaker, after, hits, "accuse-of", need_of=True)
        if entry.frame == "ask":
            return self.preposed(hit, cue, speaker, k, hits, "ask", need_question=True)
        if entry.frame in ("obj", "name"):
            return self.preposed(hit, cue, speaker, after, hits, entry.frame)
        return self.preposed(hit, cue, speaker, k, hits, "clause", need_clause=True)

    def read_inverted(self, hit: CueHit, cue: Cue, j: int) -> bool:  # noqa: C901 (issue 11: still to split)
        """``CONTENT, said SPEAKER (, APPOSITIVE) (trailer).`` and ``"A," said X, "B."``"""
        if hit.entry.frame in ("tell", "of", "obj", "name"):
            return False  # these verbs take an object: "…, told the Herald" is not inverted
        a = hit.last + 1
        b = a
        while b < self.end and b - a < 10:
            it = self.items[b]
            if it.text == "." and b > a and self.items[b - 1].lower + "." in self.lang.titles:
                b += 1  # "Lt. Col. Dana Whitaker"
                continue
            if not it.is_word:
                break
            w = it.lower
            if (w in self.lang.prep and b > a) or w in self.lang.time or w in self.lang.complementisers:
                break
            b += 1
        if b == a or not np_like(self.items[a:b], self.lang):
            return False
        if self.items[a].lower in self.lang.subject_pronouns and b - a > 1:
            return False  # "…, said he cannot …" is a clause, not an inverted speaker
        if not is_name(self.items[a:b], self.lang) and (
            b - a > 6
            or any(
                it.lower.endswith(self.lang.endings("past")) and not _is_cap(it)
                for it in self.items[a + 1 : b]
            )
        ):
            return False  # "…, said the union expected production …" is reported content
        speaker_span = (a, b)
        tail = b
        if tail < self.end and self.items[tail].text == "(":  # "said Rep. Ana Ruiz (D-Ohio), …"
            close = next(
                (k for k in range(tail, min(tail + 10, self.end)) if self.items[k].text == ")"), None
            )
            tail = tail if close is None else close + 1
        tail = self.skip_trailer(tail)
        if tail < self.end and self.items[tail].lower in self.lang.cls(
            "affil"
        ):  # "said Ilse Maier of the Green Alliance"
            tail += 1
            while tail < self.end and self.items[tail].is_word:
                tail += 1
        # "said the minister, Halvard Strand" → the name; "said Nadia Cole, the solicitor," → skip it
        if tail < self.end and self.items[tail].text == ",":
            c = tail + 1
            d = c
            while d < self.end and self.items[d].is_word and d - c < 8:
                d += 1
            if d > c and (d >= self.end or self.items[d].text == ","):
                if (
                    is_name(self.items[c:d], self.lang)
                    and mention_kind(self.items[a:b], self.lang) == "nominal"
                ):
                    speaker_span, tail = (c, d), d
                elif is_appositive(self.items[c:d], self.lang) and d < self.end:
                    tail = d
        if tail < self.end and self.items[tail].text != ",":
            return False
        if tail - b > 8 and not self.items[j].is_quote:
            return False  # a long "trailer" is more likely the reported clause itself
        left = self.left_material(j + 1)
        if left is None:
            return False
        speaker = self.mention(*speaker_span)
        self.last_speaker = speaker
        self.emit_span(left[0], left[1], cue, speaker, FRAME["inverted"])
        if self.items[left[1] - 1].is_quote and tail < self.end and self.next_is_quote(tail + 1):
            self.emit_span(tail + 1, self.end, cue, speaker, FRAME["interrupted-inverted"])
        return True

    def read_according(self, hit: CueHit) -> int:
        """``According to X, CONTENT`` and ``CONTENT, according to X``."""
        cue = self.cue_of(hit)
        a = hit.last + 1
        b = a
        while b < self.end and self.items[b].text not in PHRASE_BREAKS and not self.items[b].is_quote:
            b += 1
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
        *,
        need_of: bool = False,
        need_question: bool = False,
        need_clause: bool = False,
    ) -> int:
        """Content after the cue, up to the unit's end or a coordinated cue."""
        while start < self.end and self.items[start].text in (":", ","):
            start += 1
        end = self.content_end(start, hits)
        if self.items[0].lower in self.lang.subord:
            # "While leaders acknowledged X, the minister made no mention": the clause ends at its comma
            end = next((k for k in range(start, end) if self.items[k].text == ","), end)
        if end <= start:
            return hit.first
        content = self.items[start:end]
        if need_question:
            if content[0].lower not in self.lang.ask_openers:
                return hit.first
            if content[0].lower in self.lang.cls("infinitive"):  # "asked X to do Y": a request, reported
                evidence = "ask-to"
        if need_of and not any(it.lower in self.lang.cls("accuse") for it in content[1:10]):
            return hit.first  # "people accused of fraud" has no accuser speaking
        has_quote = any(it.is_quote for it in content)
        labels = any(
            it.lower in self.lang.cls("label") for it in content[1:12]
        )  # "called the citation a ploy"
        if hit.entry.frame == "name" and not has_quote and not labels:
            return hit.first
        if need_clause and not has_quote and not clause_like(content, self.lang):
            return hit.first
        if hit.entry.frame == "obj" and sum(1 for it in content if it.is_word) < 2:
            return hit.first
        self.emit_span(start, end, cue, speaker, FRAME[evidence])
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
        if self.items[a].lower in self.lang.complementisers and b - a > 1:
            a += 1
        start, end = self.span(a, b)
        for i in quotes:
            self.claimed.add(i)
        kind = "mixed" if quotes else "indirect"
        self.found.append(Found(start, end, kind, cue, speaker, frame.evidence, frame.confidence))
