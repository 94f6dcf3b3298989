"""What follows a cue in a unit: its trailer, its listener, the comma or colon that opens its content.

These questions look right of the cue, while :mod:`quoteattr.subjects` looks left of it for the
speaker; they share only the unit's items, so they live in a mixin of their own that
:class:`quoteattr.subjects.UnitView` inherits (kept apart so neither side outgrows the module limit).
"""

from __future__ import annotations

from .language import Language
from .lexicons import CueEntry
from .phrases import VERB_SECOND, clause_like, dative_listener_end, is_cap, np_like, plain_noun_phrase
from .units import PHRASE_BREAKS, Item

#: The longest listener "told Y the …" may have when no "that" separates it from the content.
MAX_LISTENER_WORDS = 4
#: How many lower-case words may stand between a cue and the comma that opens its clause ("sagte ihr
#: nämlich, …"): adverbs, particles and pronouns, no noun (nouns are capitalised where this is read).
MAX_CLAUSE_GAP = 4
#: How many words may stand between a cue and a colon that opens its content ("sprachen die Leute nur
#: noch von ihr: …").
MAX_COLON_GAP = 10


def _gap_word(it: Item, lang: Language) -> bool:
    """A word that may stand between a cue and its clause's comma: lower case (no noun) or a pronoun
    ("sage Ihnen, …")."""
    return not is_cap(it) or it.lower in lang.pronouns


class AfterCue:
    """Read-only questions about the items after a cue; the host class sets ``items``, ``end``, ``lang``."""

    items: list[Item]
    end: int
    lang: Language

    def skip_trailer(self, i: int) -> int:
        """Skip time adverbials and prepositional phrases after a cue ("on Sunday in a statement")."""
        while i < self.end:
            w = self.items[i].lower
            if w in self.lang.time or w in self.lang.adv:
                i += 1
            elif w in self.lang.prep and w not in self.lang.cls("affil"):
                start_pp = i
                i += 1
                while (
                    i < self.end
                    and self.items[i].is_word
                    and self.items[i].lower not in self.lang.complementisers
                ):
                    if self.items[i].lower in self.lang.prep and self.items[i].lower not in self.lang.cls(
                        "affil"
                    ):
                        break
                    if self.items[i].lower in self.lang.time and self.items[i - 1].lower in self.lang.prep:
                        i += 1
                        break  # "on Monday": what follows may be content ("told them on Monday the …")
                    if self.items[i].lower in self.lang.personal_subjects:
                        break  # "said after the convention he would …": the clause starts here
                    if self.items[i].lower in self.lang.finite_hints and i - 1 > start_pp + 1:
                        i -= 1  # "said after the meeting officials would …": its subject starts the clause
                        break
                    i += 1
            elif w == "," and VERB_SECOND not in self.lang.features:
                # a comma continues the trailer only before another adverbial ("on Sunday, in a statement");
                # in a verb-second language a comma after the cue opens the content ("sagte, im Juli …")
                nxt = self.items[i + 2].lower if i + 2 < self.end else ""
                if i + 1 < self.end and (
                    (self.items[i + 1].lower in self.lang.prep and nxt not in self.lang.cls("question"))
                    or self.items[i + 1].lower in self.lang.time
                ):  # ", for how the industry can …" opens content, not a trailer
                    i += 1
                else:
                    break
            else:
                break
        return i

    def find_that(self, a: int, b: int) -> int | None:
        """The complementiser right after the cue or its trailer, or after a comma ("sagte, dass")."""
        for i in (a, b):
            if i < self.end and self.items[i].text == ",":
                i += 1
            if i < self.end and self.items[i].lower in self.lang.complementisers:
                return i
        return None

    def colon_quote_ahead(self, k: int, reach: int = 3) -> int:
        """``k``, or the colon a few words on when it opens a quotation ("sagte lustig: „…“")."""
        for i in range(k, min(k + reach + 1, self.end - 1)):
            it = self.items[i]
            if it.text == ":" and self.items[i + 1].is_quote:
                return i
            if not it.is_word:
                break
        return k

    def break_ahead(self, k: int, reach: int = 4) -> int:
        """``k``, or the phrase break a few words on ("rief der Meister hinterdrein, „…“")."""
        for i in range(k, min(k + reach + 1, self.end)):
            it = self.items[i]
            if it.text in PHRASE_BREAKS or it.text in (";", ":"):
                return i
            if not it.is_word:
                break
        return k

    def skip_object(self, i: int, entry: CueEntry) -> int:
        """Skip the addressee of ``told``/``asked``: a pronoun or a short noun phrase."""
        if i >= self.end:
            return i
        w = self.items[i]
        if w.lower in self.lang.object_pronouns:
            return i + 1
        j = i
        while j < self.end and j - i < 6 and self.items[j].is_word:
            lw = self.items[j].lower
            if (
                lw in self.lang.complementisers
                or lw in self.lang.time
                or (lw in self.lang.prep and j > i)
                or lw in self.lang.ask_openers
            ):
                break
            j += 1
        if j > i and (np_like(self.items[i:j], self.lang) or plain_noun_phrase(self.items[i:j], self.lang)):
            return j
        return self.listener_before_clause(i, entry)

    def skip_listener(self, i: int, entry: CueEntry) -> int:
        """Where a cue's content may start: after the listener of ``told``/``asked``, and after a dative
        listener (:func:`~quoteattr.phrases.dative_listener_end`)."""
        if entry.frame in ("tell", "ask"):
            return self.skip_object(i, entry)
        return dative_listener_end(self.items, i, self.end, self.lang)  # "sagte ihm, …", "dem Mann, …"

    def skip_gap(self, i: int, limit: int) -> int:
        """Skip the lower-case words and pronouns (no noun) from ``i`` up to ``limit``: what may stand
        between a cue and the comma that opens its clause."""
        while i < min(self.end, limit) and self.items[i].is_word and _gap_word(self.items[i], self.lang):
            i += 1
        return i

    def comma_clause_start(self, k: int, k_trailer: int) -> int | None:
        """Where a reported clause starts in a language that sets it off with a comma (feature
        ``clause-comma``): after the comma that follows the cue, its trailer or a few lower-case words
        (an adverb, a particle, a listener: "erklärte gestern abend, die Lage …", "bekannte höflich, dass
        …", "sagte ihr nämlich, …"), and after a complementiser there. None when a capitalised word comes
        first ("rief den Kellner, …") or no comma comes ("Er sagte es leise"), or when a conjunction or an
        auxiliary follows the comma ("geschrieben hatte, denn …": the cue ended a clause)."""
        lang, at = self.lang, max(k, k_trailer)
        colon = next(
            (j for j in range(at, min(self.end, at + MAX_COLON_GAP)) if not self.items[j].is_word), self.end
        )
        if colon < self.end and self.items[colon].text == ":":
            return colon + 1  # "sprachen die Leute nur noch von ihr: …": a colon may follow any words
        if (
            colon + 1 < self.end
            and self.items[colon].text == ","
            and self.items[colon + 1].lower in lang.complementisers
        ):
            return colon + 2  # "sagte dem Dummen, daß …": a listener before a complementiser
        at = self.skip_gap(at, k + MAX_CLAUSE_GAP)
        if at < self.end and self.items[at].is_quote:
            return k  # "spricht da von einem „…“": quoted words read in the content
        if at >= self.end or self.items[at].text != ",":
            return None if at < self.end else at
        nxt = self.items[at + 1].lower if at + 1 < self.end else ""
        if nxt in lang.conj or nxt in lang.aux:
            return None
        return at + 2 if nxt in lang.complementisers else at + 1

    def listener_before_clause(self, i: int, entry: CueEntry) -> int:
        """``told reporters the budget …``: the shortest noun phrase after a tell cue that leaves a clause.

        Without a ``that`` the listener and the content run together; the listener is the shortest plain
        noun phrase (at most :data:`MAX_LISTENER_WORDS` words) after which the rest reads as a clause.
        """
        if entry.frame != "tell":
            return i
        rest_end = self.end
        for j in range(i + 1, min(i + MAX_LISTENER_WORDS, rest_end) + 1):
            head = self.items[i:j]
            if not all(it.is_word for it in head) or head[-1].lower in self.lang.function_words:
                continue
            if not (np_like(head, self.lang) or plain_noun_phrase(head, self.lang)):
                continue
            rest = self.items[j:rest_end]
            if rest and self.opens_subject(rest[0]) and clause_like(rest, self.lang):
                return j
        return i

    def opens_subject(self, it: Item) -> bool:
        """Can a clause's subject start at this word: a determiner, a subject pronoun, a dummy or a name."""
        lang = self.lang
        return it.is_word and (
            it.lower in lang.cls("det") | lang.subject_pronouns | lang.cls("expletive") or is_cap(it)
        )
