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
from .units import PHRASE_BREAKS, TERMINAL

#: Words of the subject of a second report after a comma ("…, experts say …", ", the mayor's aides said").
MAX_REPORTER_WORDS = 4


def _cue_at(hits: Sequence[CueHit], k: int) -> bool:
    """Does a cue start at item ``k`` (hits are in text order)?"""
    at = bisect.bisect_left(hits, k, key=lambda h: h.first)
    return at < len(hits) and hits[at].first == k


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
        return self.adjunct_end(start, self.relative_clause_end(start, end, hits))

    def relative_clause_end(self, start: int, end: int, hits: Sequence[CueHit]) -> int:
        """Content ``[start, end)`` of a cue inside a comma-delimited relative clause ("Ms. Okafor, who
        argued that the rules would help, spoke first") ends at the comma that closes the clause, when
        a finite verb of the main clause follows it (``spoke``, ``added``)."""
        at = bisect.bisect_left(hits, start, key=lambda h: h.first) - 1
        if at < 0 or any(it.text in PHRASE_BREAKS for it in self.items[hits[at].last + 1 : start]):
            return end  # the cue nearest before the content, with no comma between: its own cue
        j = hits[at].first - 1
        while j > 0 and (self.items[j].lower in self.lang.adv or self.items[j].lower in self.lang.aux):
            j -= 1  # "who also said", "who has argued"
        if not (j > 0 and self.items[j].lower in self.lang.relpro and self.items[j - 1].text == ","):
            return end
        for k in range(start + 1, end - 1):
            if self.items[k].text == ",":
                m = k + 1
                while m < end - 1 and self.items[m].lower in self.lang.adv:
                    m += 1
                verb = self.items[m]
                if verb.is_word and not is_cap(verb) and (self.finite_like(verb) or _cue_at(hits, m)):
                    return k
        return end

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
            k = self.reporter_after_comma(start, h)
            if k is not None:
                return k  # "… was a success, experts say it shows …": a second report
        return None

    def reporter_after_comma(self, start: int, h: CueHit) -> int | None:
        """The comma before ``, SUBJECT CUE CONTENT`` ("… the test was a success, experts say it shows
        …", "… wrote his book, Mr. Lee said that …"), or ``None``: a subject of at most four words and
        words after the cue (a parenthetical ``, he said,`` reports nothing after it). It ends the
        content before it, whether that content is a clause or an object."""
        k, items = h.first - 1, self.items
        while k > start and h.first - k <= MAX_REPORTER_WORDS and (items[k].is_word or self.title_dot(k)):
            k -= 1
        after = h.last + 1
        if not (
            items[k].text == ","
            and k < h.first - 1
            and after < self.end
            and items[after].text not in PHRASE_BREAKS | TERMINAL
        ):
            return None
        subject = items[k + 1 : h.first]
        return k if np_like(subject, self.lang) or plain_noun_phrase(subject, self.lang) else None

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
        ``, although he again refused …`` after a clause, with no comma after it; a non-restrictive
        relative clause (``, who has never …``) or an appositive (``, the most common cause …``)
        that closes the content; and before a semicolon when no quotation came first (mixed spans run
        over it)."""
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
            if it.text != "," or k < start + 2 or k + 1 >= end:
                continue
            where = ends.get((self.items[k + 1].lower,))
            if where == "relative" and not self.inside_subject(k + 1, end):
                return k
            if k != last_comma:
                continue
            if where == "appositive" and self.appositive_tail(start, k, end):
                return k
            for n in range(longest, 0, -1):
                words = tuple(w.lower for w in self.items[k + 1 : min(k + 1 + n, end)])
                if len(words) == n and ends.get(words) == "comma":
                    return k if clause_like(self.items[start:k], self.lang) else end
        return end

    def inside_subject(self, a: int, end: int) -> bool:
        """Does the relative clause opening at item ``a`` close with a comma or a dash before the content
        goes on, so it sits inside the content ("said the mayor, who resigned, had lied"; "accused Ruiz,
        who was born abroad, of lying")?"""
        items = self.items
        return any(
            items[k].text in PHRASE_BREAKS and items[k + 1].start > items[k].end  # not "$525,000"
            for k in range(a + 1, end - 1)
        )

    def appositive_tail(self, start: int, k: int, end: int) -> bool:
        """Is ``, NOUN PHRASE`` after the comma at item ``k`` an appositive that closes the content: the
        content before it holds a clause and no conjunction follows in it (else a list may go on:
        "tax fairness, the closure of loopholes that benefit the rich and relief for families")?"""
        return not any(it.lower in self.lang.conj for it in self.items[k + 1 : end]) and clause_like(
            self.items[start:k], self.lang
        )

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
