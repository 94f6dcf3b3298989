"""Where a clause ends: the end of reported content, and the span of a speaker after an inverted cue.

:class:`ClauseView` adds these to :class:`~quoteattr.subjects.UnitView`; the frame readers build on it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .lexicons import content_ends
from .phrases import (
    CAPITALISED_NOUNS,
    clause_like,
    is_appositive,
    is_cap,
    is_name,
    mention_kind,
    noun_phrase_end,
    np_like,
    plain_noun_phrase,
)
from .records import CueHit
from .subjects import UnitView
from .units import PHRASE_BREAKS


class ClauseView(UnitView):
    """Clause ends within one unit: content ends and inverted speakers (``"…," said the mayor of X``)."""

    def content_end(self, start: int, hits: Sequence[CueHit]) -> int:
        """Where reported content stops: the unit's end, before a coordinated report (``, and said …``,
        ``, adding …``, ``and critics warned …``) or before a trailing adjunct (:meth:`adjunct_end`)."""
        end = self.coordinated_report(start, hits)
        if end is None:
            end = self.end
            while end > start and self.items[end - 1].text in (",", ";", ":", "—", "–"):
                end -= 1
        return self.adjunct_end(start, end)

    def coordinated_report(self, start: int, hits: Sequence[CueHit]) -> int | None:
        """Where a later verb cue after ``start`` opens a report of its own, or ``None``: a coordinated
        verb (``, and said …``), a participle (``, adding …``) or a coordinated clause with its own subject
        (``, but officials said …``; ``… mishandled it and Democrats accused …``)."""
        # hits are in text order: begin after ``start`` (looping over all of them was quadratic, issue 6)
        for at in range(bisect.bisect_right(hits, start, key=lambda h: h.first), len(hits)):
            h = hits[at]
            if h.first <= start or h.first >= self.end or h.entry.type != "verb":
                continue
            base_form = self.items[h.first].lower == h.entry.lemma.split()[0]
            if base_form and self.items[h.first - 1].lower in self.lang.conj:
                continue  # "federal and state law": a base form after "and" is rarely a second reporting verb
            j = h.first - 1
            while j > start and self.items[j].lower in self.lang.adv:
                j -= 1
            if self.items[j].lower in self.lang.conj and j > start:
                end = j - 1 if self.items[j - 1].text == "," else j
                return end
            if self.items[j].text == "," and self.items[h.first].lower.endswith(self.lang.endings("gerund")):
                return j
            k = self.clause_subject_start(start, j)
            if k is not None and (
                self.items[k - 1].text in PHRASE_BREAKS or self.own_clause(start, k, base_form)
            ):
                return k - 1 if self.items[k - 1].text in PHRASE_BREAKS else k
        return None

    def clause_subject_start(self, start: int, j: int) -> int | None:
        """The conjunction or subordinator before a subject ending at item ``j`` ("but officials",
        ", and human rights groups"), if a noun phrase of at most four words stands between: one that
        opens like a speaker (:func:`np_like`), or after a comma a lower-case one whose head is no
        participle ("…, and giving states …" continues the content)."""
        k = j
        while (
            k > start
            and j - k < 5
            and (self.items[k].is_word or self.title_dot(k))
            and self.items[k].lower not in self.lang.conj
            and self.items[k].lower not in self.lang.subord
        ):
            k -= 1
        if not (start + 1 < k < j and self.items[k].lower in self.lang.conj | self.lang.subord):
            return None
        subject = self.items[k + 1 : j + 1]
        if np_like(subject, self.lang):
            return k
        plain = (
            self.items[k - 1].text in PHRASE_BREAKS
            and plain_noun_phrase(subject, self.lang)
            and not subject[-1].lower.endswith(self.lang.endings("gerund"))
        )
        return k if plain else None

    def title_dot(self, k: int) -> bool:
        """Is item ``k`` the dot of a title ("Ms." in "and Ms. Okafor insisted")?"""
        return k > 0 and self.items[k].text == "." and self.items[k - 1].lower + "." in self.lang.titles

    def own_clause(self, start: int, k: int, base_form: bool) -> bool:
        """Without a comma, does ``CONJ SUBJECT VERB`` at item ``k`` start a clause of its own? Only a
        conjunction that joins clauses (``joins`` in ``content_ends.tsv``), after a whole clause, with an
        inflected verb ("… mishandled it and Democrats accused …"), not inside a coordinated subject
        ("said police and fire officials warned …") or after "so many" ("cites so many claims")."""
        return (
            not base_form
            and content_ends(self.lang.code).get((self.items[k].lower,)) == "joins"
            and clause_like(self.items[start:k], self.lang)
        )

    def adjunct_end(self, start: int, end: int) -> int:
        """Content ``[start, end)`` without a trailing adjunct the writer added (``content_ends.tsv``):
        ``, although he again refused …`` after a clause, with no comma after it; and before a
        semicolon when no quotation came first (mixed spans run over it)."""
        ends = content_ends(self.lang.code)
        if not ends:
            return end
        longest = max(len(words) for words in ends)
        last_comma = max((k for k in range(start, end) if self.items[k].text == ","), default=-1)
        quoted = any(it.is_quote for it in self.items[start:end])
        for k in range(start + 1, end):
            it = self.items[k]
            if ends.get((it.text,)) == "alone" and not quoted:
                return k
            if it.text == "," and k == last_comma and k >= start + 2:
                for n in range(longest, 0, -1):
                    words = tuple(w.lower for w in self.items[k + 1 : min(k + 1 + n, end)])
                    if len(words) == n and ends.get(words) == "comma":
                        return k if clause_like(self.items[start:k], self.lang) else end
        return end

    def inverted_speaker_end(self, a: int, particle: int | None = None) -> int:
        """Where the words after an inverted cue ("…, said Lt. Col. Dana Whitaker on Monday") stop;
        also before the cue's separated particle or an adverb ("fügte sie hinzu", "sagte der Alte leise")."""
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
            if b == particle or (w in self.lang.adv and b > a):
                break
            b += 1
        return b

    def trim_inverted_speaker(self, a: int, b: int) -> tuple[int, int] | None:
        """The speaker's end and where its tail starts, for words ``[a, b)`` after an inverted cue.

        With capitalised nouns a lower-case word after the head ends the speaker ("bemerkt der Alte
        seufzend"); a pronoun followed by words that show no finite verb speaks alone ("fragte er
        ihn"), while "…, said he cannot …" is a clause (``None``).
        """
        if b <= a:
            return b, b
        if b - a > 1 and CAPITALISED_NOUNS in self.lang.features and np_like(self.items[a:b], self.lang):
            head_end = noun_phrase_end(self.items, a, b, self.lang)
            if head_end is not None:
                b = head_end
        if self.items[a].lower in self.lang.subject_pronouns and b - a > 1:
            if any(self.finite_like(it) for it in self.items[a + 1 : b]):
                return None
            return a + 1, b
        return b, b

    def is_inverted_speaker(self, a: int, b: int) -> bool:
        """Are items ``[a, b)`` after the cue a speaker, not the start of reported content?"""
        if b == a or not np_like(self.items[a:b], self.lang):
            return False
        if self.items[a].lower in self.lang.subject_pronouns and b - a > 1:
            return False  # "…, said he cannot …" is a clause, not an inverted speaker
        past = self.lang.endings("past")
        if is_name(self.items[a:b], self.lang):
            return True
        # "…, said the union expected production …" is reported content
        return b - a <= 6 and not any(
            it.lower.endswith(past) and not is_cap(it) for it in self.items[a + 1 : b]
        )

    def inverted_tail(self, a: int, b: int, rest: int | None = None) -> tuple[tuple[int, int], int]:
        """The speaker's span and where its tail ends: "(D-Ohio)", a trailer, "of the X", an appositive.

        The tail starts at ``rest`` (default ``b``), past words that trimmed from the speaker."""
        speaker_span, tail = (a, b), b if rest is None else rest
        if tail < self.end and self.items[tail].text == "(":  # "said Rep. Ana Ruiz (D-Ohio), …"
            close = next(
                (k for k in range(tail, min(tail + 10, self.end)) if self.items[k].text == ")"), None
            )
            tail = tail if close is None else close + 1
        tail = self.skip_trailer(tail)
        if tail < self.end and self.items[tail].lower in self.lang.cls("affil"):  # "said Ilse Maier of the X"
            tail += 1
            while tail < self.end and self.items[tail].is_word:
                tail += 1
        # "said the minister, Halvard Strand" → the name; "said Nadia Cole, the solicitor," → skip it
        if tail < self.end and self.items[tail].text == ",":
            c = d = tail + 1
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
        return speaker_span, tail
