"""Reported speech: find cues, their speakers and their content, sentence by sentence.

The text is read in *units*: sentences, merged where a quotation runs across a
sentence boundary. Inside a unit each top-level direct quote is one opaque item,
so a reporting verb inside a quotation never attributes anything, and the
patterns see ``Q , Ana Ruiz said in …`` instead of the quote's words.

For each cue (a reporting verb from the lexicon, ``according to``) the unit is
read in one of these frames, chosen from what follows the cue:

- preposed: ``SPEAKER CUE (that) CONTENT`` / ``SPEAKER told Y (that) CONTENT`` /
  ``SPEAKER accused Y of CONTENT`` / ``SPEAKER said: "Q"``;
- postposed: ``CONTENT, SPEAKER CUE (trailer).`` and inverted ``CONTENT, CUE SPEAKER.``;
- ``according to SPEAKER, CONTENT`` and ``CONTENT, according to SPEAKER``.

Content that is exactly one quotation is a direct quote; content that contains
quoted words among others is mixed; otherwise it is indirect. Direct quotes
that no cue claims are linked to a speaker later, from the context
(:mod:`quoteattr.speakers`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from .language import Language
from .lexicons import CueEntry, CueLexicon
from .model import Cue, Mention, Sentence
from .quotemarks import QuoteSpan
from .tokens import is_capitalised, token_matches

#: Punctuation that separates a phrase from the next one.
PHRASE_BREAKS = frozenset({",", "—", "–", "―"})
#: Punctuation that ends what a speaker search may reach over.
HARD_BREAKS = frozenset({":", ";", "?", "!"})
TERMINAL = frozenset({".", "!", "?", "…"})
#: Longest multi-word cue, in words.
MAX_CUE_WORDS = 4
#: How far back a subject may stand from its verb, in tokens.
MAX_SUBJECT_TOKENS = 40
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


class Item(NamedTuple):
    """A token outside quotes, or a whole top-level quotation (``quote`` set).

    ``lower``, ``is_word`` and ``is_quote`` are computed once here: the rules read them constantly.
    Build with :func:`item`.
    """

    start: int
    end: int
    text: str
    lower: str
    is_word: bool
    is_quote: bool
    quote: QuoteSpan | None = None


def item(start: int, end: int, text: str, quote: QuoteSpan | None = None) -> Item:
    if quote is not None:
        return Item(start, end, text, text.lower(), False, True, quote)
    return Item(start, end, text, text.lower(), text[:1].isalnum(), False, None)


@attrs.frozen
class Found:
    """One attribution found in a unit, before coreference."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    speaker: Mention | None
    evidence: str
    confidence: float
    quote: QuoteSpan | None = None  #: the quotation, for direct quotes


@attrs.frozen
class Unit:
    """Sentences merged so that no top-level quotation crosses a unit's edge."""

    start: int
    end: int
    paragraph: int
    quotes: tuple[QuoteSpan, ...]


def build_units(sentences: Sequence[Sentence], quotes: Sequence[QuoteSpan]) -> list[Unit]:
    """Merge sentences that a top-level quotation runs across (in one pass over both lists)."""
    units: list[Unit] = []
    qi = 0
    i = 0
    n = len(sentences)
    while i < n:
        start, end, para = sentences[i].start, sentences[i].end, sentences[i].paragraph
        inside: list[QuoteSpan] = []
        while True:
            while qi < len(quotes) and quotes[qi].outer_start < end:
                q = quotes[qi]
                if q.outer_start >= start:
                    inside.append(q)
                    if q.outer_end > end:
                        end = q.outer_end
                qi += 1
            if i + 1 < n and sentences[i + 1].start < end and sentences[i + 1].paragraph == para:
                i += 1
                end = max(end, sentences[i].end)
                continue
            break
        units.append(Unit(start, end, para, tuple(inside)))
        i += 1
    return units


def _word_items(text: str, start: int, end: int) -> list[Item]:
    """Items for the tokens of ``text[start:end]``, built straight from the matches (the hot path)."""
    out: list[Item] = []
    append = out.append
    for m in token_matches(text, start, end):
        a, b = m.span()
        t = m.group()
        append(Item(a, b, t, t.lower(), t[0].isalnum(), False, None))  # a token is never empty
    return out


def unit_items(text: str, unit: Unit) -> list[Item]:
    """Tokens of the unit, with each top-level quotation folded into one item."""
    items: list[Item] = []
    pos = unit.start
    for q in unit.quotes:
        items.extend(_word_items(text, pos, q.outer_start))
        end = min(q.outer_end, unit.end)
        items.append(item(q.outer_start, end, text[q.outer_start : end], q))
        pos = end
    items.extend(_word_items(text, pos, unit.end))
    return items


@attrs.frozen
class CueHit:
    """A cue found at items ``[first, last]``."""

    first: int
    last: int
    entry: CueEntry


def is_title_case(items: Sequence[Item]) -> bool:
    """A headline in title case ("Obama Says Museum Will Open"): capitalised words are not names there."""
    words = [it for it in items if it.is_word and len(it.text) > 3]
    return len(words) >= 3 and sum(1 for it in words if it.text[:1].isupper()) >= 0.8 * len(words)


def is_noun_use(items: Sequence[Item], hit: CueHit, lang: Language) -> bool:
    """Is this cue word a noun here ("made no public mention", "the tweet", "with tweets")?"""
    form = items[hit.first].lower
    prev = items[hit.first - 1].lower if hit.first > 0 else ""
    nxt = items[hit.last + 1].lower if hit.last + 1 < len(items) else ""
    if prev in lang.cls("infinitive"):
        return True  # "declined to comment": an infinitive reports nothing
    if prev in lang.prep or prev in lang.cls("definite") or prev.endswith(lang.endings("possessive")):
        return True  # "others with tweets", "the report", "Friday's tweets"
    if form.endswith(lang.endings("plural")) and (prev.endswith(lang.endings("past")) or nxt in lang.aux):
        return True  # "restricted comments", "battleground states could …": plural nouns
    if form != hit.entry.lemma.split()[0]:
        return False
    if prev in lang.cls("sgdet"):
        return True  # "a claim", "his statement"
    # "no public mention", "a new claim" (but not "his aides say": a possessive may own a plural subject)
    return (
        hit.first >= 2 and items[hit.first - 1].is_word and items[hit.first - 2].lower in lang.cls("indefdet")
    )


def find_cues(items: Sequence[Item], lang: Language) -> list[CueHit]:
    """Cue words outside quotations, longest multi-word form first."""
    hits: list[CueHit] = []
    headline = is_title_case(items)
    lexicon = lang.cues
    first_words = lexicon.first_words
    lowers = [it.lower if it.quote is None else "" for it in items]
    n = len(items)
    i = 0
    while i < n:
        if lowers[i] not in first_words:  # cheap test first: most words start no cue
            i += 1
            continue
        found = None
        for k in range(min(MAX_CUE_WORDS, n - i), 0, -1):
            if k > 1 and not all(lowers[i + m][:1].isalnum() for m in range(1, k)):
                continue
            entry = lexicon.lookup(" ".join(lowers[i : i + k]))
            if entry is not None:
                found = CueHit(i, i + k - 1, entry)
                break
        capitalised = (
            items[i].text[:1].isupper() and i > 0 and not items[i - 1].is_quote and items[i - 1].text != ":"
        )
        # "United States" holds no cue; a title-case headline does, with an inflected verb ("Says", "Warned")
        proper = capitalised and not (headline and lowers[i].endswith(lang.endings("headline_verb")))
        if (
            found is not None
            and found.entry.type != "noun"
            and not proper
            and not is_noun_use(items, found, lang)
        ):
            hits.append(found)
            i = found.last + 1
        else:
            i += 1
    return hits


class UnitReader:
    """Reads the attributions of one unit."""

    def __init__(self, text: str, unit: Unit, lang: Language) -> None:
        self.text = text
        self.unit = unit
        self.lang = lang
        self.items = unit_items(text, unit)
        self.end = len(self.items)
        while self.end > 0 and self.items[self.end - 1].text in TERMINAL:
            self.end -= 1
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
                    self.found.append(Found(q.start, q.end, "direct", None, signer, "dash-signed", 0.8, q))

    def headline_colon(self) -> int | None:
        """Index of the colon in a unit that opens with "Name:" and goes on for three words or more."""
        for i in range(1, min(6, self.end)):
            if self.items[i].text == ":":
                rest = sum(1 for it in self.items[i + 1 : self.end] if it.is_word or it.is_quote)
                head = self.items[:i]
                plain = i <= 3 and not any(
                    it.lower in self.lang.function_words for it in head
                )  # not "The Latest", "X Over Y"
                return i if is_name(head, self.lang) and plain and rest >= 3 else None
        return None

    # -- helpers over items -------------------------------------------------------------
    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of items ``[a, b)``."""
        return self.items[a].start, self.items[b - 1].end

    def mention(self, a: int, b: int) -> Mention:
        start, end = self.span(a, b)
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
            elif w == ",":
                # a comma continues the trailer only before another adverbial ("on Sunday, in a statement")
                if i + 1 < self.end and (
                    self.items[i + 1].lower in self.lang.prep or self.items[i + 1].lower in self.lang.time
                ):
                    i += 1
                else:
                    break
            else:
                break
        return i

    # -- the frames -----------------------------------------------------------------------
    def read(self) -> list[Found]:
        hits = find_cues(self.items, self.lang)
        self.read_dash_attributions()
        colon = self.headline_colon()
        if colon is not None and not any(h.first < colon for h in hits):
            # "Poll: Voters Abandon Party" / "Ruiz: We will not back down" — a headline's speaker
            self.last_speaker = self.mention(0, colon)
            self.emit_span(colon + 1, self.end, None, self.last_speaker, "headline-colon", 0.6)
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

    def is_passive(self, hit: CueHit) -> bool:
        j = hit.first - 1
        while j >= 0 and self.items[j].lower in self.lang.adv:
            j -= 1
        form = self.items[hit.first].lower
        return (
            j >= 0
            and self.items[j].lower in self.lang.cls("passive")
            and form.endswith(self.lang.endings("participle"))
        )

    def read_verb(self, hit: CueHit, hits: Sequence[CueHit], *, only_postposed: bool = False) -> int:
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
            subj = self.subject_before(j + 1)
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
                self.emit_span(left[0], left[1], cue, speaker, "postposed", 0.9)
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
                first = self.preposed_subject(j + 1)
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
                self.emit_span(left[0], left[1], cue, speaker, "interrupted", 0.95)
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
                self.emit_span(left[0], self.end, cue, speaker, "parenthetical", 0.8)
            else:
                self.emit_span(left[0], left[1], cue, speaker, "postposed", 0.9)
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

    def read_inverted(self, hit: CueHit, cue: Cue, j: int) -> bool:
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
        self.emit_span(left[0], left[1], cue, speaker, "inverted", 0.9)
        if self.items[left[1] - 1].is_quote and tail < self.end and self.next_is_quote(tail + 1):
            self.emit_span(tail + 1, self.end, cue, speaker, "interrupted", 0.9)
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
                self.emit_span(b + 1, self.end, cue, speaker, "according-to", 0.85)
            return self.end
        # CONTENT, according to X [, CONTENT]  → discontinuous content runs first to last fragment
        end = hit.first - 1 if self.items[hit.first - 1].text == "," else hit.first
        if b < self.end - 1:
            self.emit_span(first, self.end, cue, speaker, "according-to", 0.75)
        else:
            self.emit_span(first, end, cue, speaker, "according-to", 0.85)
        return self.end

    def items_start_of_clause(self, i: int) -> int:
        j = 0
        while j < i and (self.items[j].lower in self.lang.conj or self.items[j].lower in self.lang.adv):
            j += 1
        return j

    def next_is_quote(self, i: int) -> bool:
        return i < self.end and self.items[i].is_quote

    def find_that(self, a: int, b: int) -> int | None:
        """``that`` right after the cue or its trailer (the complementiser)."""
        for i in (a, b):
            if i < self.end and self.items[i].lower in self.lang.complementisers:
                return i
        return None

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
        return (
            j
            if j > i
            and (np_like(self.items[i:j], self.lang) or plain_noun_phrase(self.items[i:j], self.lang))
            else i
        )

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

    def subject_parts(self, stop: int) -> tuple[int, list[tuple[int, int]]] | None:
        """Where a subject ending before item ``stop`` may begin, and its comma-separated parts."""
        a = stop
        # "X, who has run it since it opened, said": a comma before the verb closes a parenthesis,
        # so clause words inside it do not end the subject.
        behind_comma = stop > 0 and self.items[stop - 1].text == ","
        while a > self.floor and stop - a < MAX_SUBJECT_TOKENS:
            prev = self.items[a - 1]
            if prev.is_quote or prev.text in HARD_BREAKS:
                break
            if (
                prev.lower in self.lang.subord or prev.lower in self.lang.complementisers
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
            if t in PHRASE_BREAKS and depth == 0:
                if i > s:
                    parts.append((s, i))
                s = i + 1
        if stop > s:
            parts.append((s, stop))
        if not parts:
            return None
        return a, parts

    def preposed_subject(self, stop: int) -> Mention | None:
        """The first noun phrase of the subject: "Sen. X, Democrat of Y, said that …" → "Sen. X"."""
        found = self.subject_parts(stop)
        if found is None:
            return None
        a, parts = found
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
            ):
                idx -= 1
            else:
                break
        p0, p1 = parts[idx]
        while p0 < p1 and self.items[p0].lower in self.lang.conj:
            p0 += 1
        if p0 >= p1 or is_intro(self.items[p0:p1], self.lang):
            return None
        if np_like(self.items[p0:p1], self.lang) or plain_noun_phrase(self.items[p0:p1], self.lang):
            return self.mention(*trim_np(self.items, p0, p1, self.lang))
        tail = self.name_suffix(p0, p1)
        return None if tail is None else self.mention(*tail)

    def subject_before(self, stop: int) -> tuple[Mention | None, int] | None:
        """The speaker noun phrase that ends right before item ``stop``.

        Reads back over appositives and relative clauses ("X, head of Y, who …, said")
        and over an introductory phrase ("On Monday, X said"), and returns the first
        noun-phrase part of the subject and the index where the subject begins.
        """
        found = self.subject_parts(stop)
        if found is None:
            return None
        a, parts = found
        near = parts[-1]
        if self.items[near[0]].lower in self.lang.conj and near[1] - near[0] > 1:
            # "…, and forecasters said …": a new clause with its own subject
            clause_subject = self.items[near[0] + 1 : near[1]]
            if np_like(clause_subject, self.lang) or plain_noun_phrase(clause_subject, self.lang):
                return self.mention(near[0] + 1, near[1]), near[0] + 1
        comma_before_near = near[0] > a and self.items[near[0] - 1].text in PHRASE_BREAKS
        near_ok = np_like(self.items[near[0] : near[1]], self.lang) or (
            comma_before_near
            and stop == near[1]
            and plain_noun_phrase(self.items[near[0] : near[1]], self.lang)
        )
        # Postposed with an appositive: ", Ana Ruiz, the mayor, said" / ", Name, secretary general of X said"
        if comma_before_near and len(parts) >= 2:
            prev_part = parts[-2]
            prev_items = self.items[prev_part[0] : prev_part[1]]
            near_items = self.items[near[0] : near[1]]
            starts_part = prev_part[0] == a or self.items[prev_part[0] - 1].text in PHRASE_BREAKS
            if is_name(prev_items, self.lang) and is_appositive(near_items, self.lang) and starts_part:
                return self.mention(*trim_np(self.items, *prev_part, self.lang)), prev_part[0]
        if (
            comma_before_near
            and near_ok
            and len(parts) >= 2
            and is_name(self.items[near[0] : near[1]], self.lang)
        ):
            # '"…," the union's general secretary, Pat Doyle, told …': a role before the name is not content
            role = parts[-2]
            role_items = self.items[role[0] : role[1]]
            starts_part = role[0] == a or self.items[role[0] - 1].text in PHRASE_BREAKS
            if (
                starts_part
                and role_items[0].lower in self.lang.cls("article")
                and len(role_items) <= 6
                and np_like(role_items, self.lang)
            ):
                # the role must follow the quotation directly: '"…," the role, Name, told'
                k = role[0] - 1
                if k >= 0 and self.items[k].text in PHRASE_BREAKS:
                    k -= 1
                if k >= 0 and self.items[k].is_quote:
                    return self.mention(*trim_np(self.items, *near, self.lang)), role[0]
        if comma_before_near and near_ok:
            # Could be postposed ("…, the spokesman added") — the caller decides with left_material.
            m = self.mention(*trim_np(self.items, *near, self.lang))
            # ... but a preposed subject with an intro phrase reads the same; both give the near part.
            first_np = self.first_np(parts)
            if (
                first_np is not None
                and first_np != near
                and is_name(self.items[first_np[0] : first_np[1]], self.lang)
                and self.is_intro_chain(parts, first_np)
            ):
                return self.mention(*trim_np(self.items, *first_np, self.lang)), a
            return m, near[0]
        first_np = self.first_np(parts)
        if first_np is None:
            return None
        return self.mention(*trim_np(self.items, *first_np, self.lang)), a if first_np[0] == a else first_np[
            0
        ]

    def is_intro_chain(self, parts: list[tuple[int, int]], chosen: tuple[int, int]) -> bool:
        """True when the parts before ``chosen`` are intro phrases and the ones after are appositives."""
        idx = next(k for k, p in enumerate(parts) if p[0] <= chosen[0] < p[1])
        after = parts[idx + 1 :]
        return all(
            is_appositive(self.items[p[0] : p[1]], self.lang) or self.items[p[0]].lower in self.lang.relpro
            for p in after
        )

    def clause_subject(self) -> Mention | None:
        """The subject opening the unit: a name, a pronoun, or a short noun phrase before its verb."""
        a = 0
        while a < self.end and (
            self.items[a].lower in self.lang.conj or self.items[a].lower in self.lang.adv
        ):
            a += 1
        if a >= self.end or not self.items[a].is_word:
            return None
        if self.items[a].lower in self.lang.subject_pronouns:
            return self.mention(a, a + 1)
        b = a
        while (
            b < self.end and b - a < 6 and self.items[b].is_word and is_name(self.items[a : b + 1], self.lang)
        ):
            b += 1
        if b > a and mention_kind(self.items[a:b], self.lang) == "name":
            return self.mention(a, b)
        if self.items[a].lower in self.lang.det:  # "A New York judge has rejected …"
            b = a + 1
            while (
                b < self.end
                and b - a < 6
                and self.items[b].is_word
                and self.items[b].lower not in self.lang.finite_hints
            ):
                b += 1
            if b < self.end and self.items[b].lower in self.lang.finite_hints and b - a >= 2:
                return self.mention(a, b)
        return None

    def name_suffix(self, a: int, b: int) -> tuple[int, int] | None:
        """The proper name or subject pronoun that ends a phrase, if any."""
        if self.items[b - 1].lower in self.lang.subject_pronouns:
            return b - 1, b
        k = b
        while k > a and is_name(self.items[k - 1 : b], self.lang):
            k -= 1
        return (k, b) if k < b else None

    def first_np(self, parts: list[tuple[int, int]]) -> tuple[int, int] | None:
        for p0, p1 in parts:
            while p0 < p1 and (
                self.items[p0].lower in self.lang.conj or self.items[p0].lower in self.lang.cls("linker")
            ):
                p0 += 1
            if p0 >= p1:
                continue
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
            ):
                continue
            if np_like(self.items[p0:p1], self.lang) or (
                (p0, p1) == parts[-1] and plain_noun_phrase(self.items[p0:p1], self.lang)
            ):
                return p0, p1
            return None
        return None

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
        conf = 0.85 if evidence == "that" else 0.75
        self.emit_span(start, end, cue, speaker, evidence, conf)
        return end

    def content_end(self, start: int, hits: Sequence[CueHit]) -> int:
        """Where reported content stops: the unit's end, or before ``, and said …`` / ``, adding …``."""
        # hits are in text order: begin after ``start`` (looping over all of them was quadratic, issue 6)
        for at in range(bisect.bisect_right(hits, start, key=lambda h: h.first), len(hits)):
            h = hits[at]
            if h.first <= start or h.first >= self.end or h.entry.type != "verb":
                continue
            if (
                self.items[h.first].lower == h.entry.lemma.split()[0]
                and self.items[h.first - 1].lower in self.lang.conj
            ):
                continue  # "federal and state law": a base form after "and" is rarely a second reporting verb
            j = h.first - 1
            while j > start and self.items[j].lower in self.lang.adv:
                j -= 1
            if self.items[j].lower in self.lang.conj and j > start:
                end = j - 1 if self.items[j - 1].text == "," else j
                return end
            if self.items[j].text == "," and self.items[h.first].lower.endswith(self.lang.endings("gerund")):
                return j
            # ", though she acknowledged …" / ", but officials said …": a new subject takes over
            k = j
            while (
                k > start
                and j - k < 5
                and self.items[k].is_word
                and self.items[k].lower not in self.lang.conj
                and self.items[k].lower not in self.lang.subord
            ):
                k -= 1
            if (
                start + 1 < k < j
                and self.items[k].lower in self.lang.conj | self.lang.subord
                and self.items[k - 1].text in PHRASE_BREAKS
                and np_like(self.items[k + 1 : j + 1], self.lang)
            ):
                return k - 1
        end = self.end
        while end > start and self.items[end - 1].text in (",", ";", ":", "—", "–"):
            end -= 1
        return end

    def emit_span(
        self, a: int, b: int, cue: Cue | None, speaker: Mention | None, evidence: str, conf: float
    ) -> None:
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
                        evidence,
                        round(min(1.0, conf + 0.05), 3),
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
        self.found.append(Found(start, end, kind, cue, speaker, evidence, conf))


# -- noun-phrase tests -----------------------------------------------------------------------


def _is_cap(it: Item) -> bool:
    return is_capitalised(it.text)


def without_parens(items: Sequence[Item]) -> list[Item]:
    """The items outside parentheses: "Rep. Ana Ruiz (D-Ohio)" reads as "Rep. Ana Ruiz"."""
    out = []
    depth = 0
    for it in items:
        if it.text in ("(", "["):
            depth += 1
        elif it.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(it)
    return out


def is_name(items: Sequence[Item], lang: Language) -> bool:
    """A proper name: capitalised words (particles allowed), at most six, no determiner first."""
    words = [it for it in without_parens(items) if not it.is_quote]
    if not words or len(words) > 6 or not _is_cap(words[0]):
        return False
    return all(
        _is_cap(w)
        or w.lower in lang.name_particles
        or w.text in (".", "&")
        or w.text in lang.endings("possessive")
        for w in words
    )


def is_appositive(items: Sequence[Item], lang: Language) -> bool:
    """A descriptive phrase after a name: "54", "a nurse from Leeds", "head of X", "the mayor"."""
    if not items:
        return False
    first = items[0]
    if first.text[:1].isdigit():
        return True
    if first.lower in lang.cls("apposdet") and len(items) > 1:
        return True
    return (
        first.text[:1].islower() and first.lower not in lang.subject_pronouns and first.lower not in lang.prep
    )


def np_like(items: Sequence[Item], lang: Language) -> bool:
    """Could these items be a speaker noun phrase? Words only, starting like a noun phrase."""
    items = without_parens(items)
    if not items or len(items) > 25 or any(it.is_quote for it in items):
        return False
    first = items[0]
    w = first.lower
    if not first.is_word:
        return False
    if w in lang.subject_pronouns or w in lang.det or w in lang.nominals or w in lang.titles:
        return not any(
            it.lower in lang.aux and it.lower not in lang.endings("possessive") for it in items[1:]
        )
    if first.text[:1].isupper() or first.text[:1].isdigit():
        if w in lang.prep or w in lang.subord or w in lang.adv or w in lang.conj or w in lang.stop:
            return False
        return not any(
            it.lower in lang.aux and it.lower not in lang.endings("possessive") for it in items[1:]
        )
    return False


def is_intro(items: Sequence[Item], lang: Language, *, before_verb: bool = False) -> bool:
    """An introductory phrase, not a subject: "On Monday", "Speaking at a rally", "Earlier".

    Right before the verb an -ing word is an adjective ("restructuring experts say"), not an intro.
    """
    if not items:
        return True
    w = items[0].lower
    return (
        w in lang.prep
        or w in lang.subord
        or w in lang.time
        or (w in lang.adv and w not in lang.cls("inner_adv"))
        or (not before_verb and w.endswith(lang.endings("gerund")) and len(w) > 4 and w not in lang.nominals)
    )


def plain_noun_phrase(items: Sequence[Item], lang: Language) -> bool:
    """A short lower-case noun phrase ("opposition supporters"): up to four words, no function words."""
    closed = lang.prep | lang.aux | lang.subord | lang.conj | lang.relpro | lang.adv
    return 0 < len(items) <= 4 and all(it.is_word and it.lower not in closed for it in items)


def trim_np(items: Sequence[Item], a: int, b: int, lang: Language) -> tuple[int, int]:
    """Drop a leading conjunction and a trailing time phrase ("Smith on Monday")."""
    while a < b and items[a].lower in lang.conj:
        a += 1
    for i in range(a + 1, b):
        if items[i].lower in lang.time or (
            items[i].lower in lang.prep and i + 1 < b and items[i + 1].lower in lang.time
        ):
            return a, i
    return a, b


def mention_kind(items: Sequence[Item], lang: Language) -> str:
    words = [it for it in items if it.is_word]
    if len(words) == 1 and words[0].lower in lang.pronouns:
        return "pronoun"
    content = [w for w in words if w.lower not in lang.det]
    if any(
        _is_cap(w) and w.lower not in lang.nominals and w.lower not in lang.titles for w in content[1:]
    ) or (
        content
        and _is_cap(content[0])
        and content[0].lower not in lang.nominals
        and content[0].lower not in lang.titles
        and (words[0] is content[0] or words[0].lower in lang.cls("definite"))
    ):
        return "name"
    return "nominal"


def clause_like(items: Sequence[Item], lang: Language) -> bool:
    """Does reported content without ``that`` look like a clause ("the plan was dead"), not an object?"""
    words = [it for it in items if it.is_word]
    if len(words) < 3:
        return False
    plural = lang.endings("plural")
    if words[0].lower in lang.stop and not any(w.lower in lang.finite_hints for w in words[1:6]):
        return False  # "said nothing", but "said more was on the way", "said no decision had been made"
    first = words[0].lower
    if (
        first in lang.personal_subjects
        or first in lang.cls("expletive")
        or first.endswith(lang.endings("contracted_aux"))
    ):
        return True  # "said he cannot …", "say it's too early": a subject opens a clause
    for k, w in enumerate(words[1:20], 1):
        lw = w.lower
        if lw in lang.finite_hints or lw.endswith(lang.endings("negation")):
            return True
        if k >= 2 and words[k - 1].lower in lang.adv and lw not in lang.stop and not _is_cap(w):
            return True  # "parents still want …"
        prev = words[k - 1].lower
        if (
            k <= 8
            and lw.endswith(plural)
            and not lw.endswith(lang.endings("not_plural"))
            and not _is_cap(w)
            and prev.isalpha()
            and not _is_cap(words[k - 1])
            and prev not in lang.det | lang.prep | lang.conj | lang.adv
            and not prev.endswith(lang.endings("modifier"))
        ):
            return True  # "the advantage obscures …": a verb after a singular noun
        if lw.endswith(lang.endings("past")) and words[k - 1].lower not in lang.cls("article"):
            return True
        if (
            lw.endswith(plural)
            and not _is_cap(w)
            and (words[k - 1].lower in lang.subject_pronouns or words[k - 1].lower in lang.adv)
        ):
            return True
    return False


@attrs.frozen
class UnitReading:
    """What one unit says: its attributions, the quotes they claimed, and bare cues."""

    unit: Unit
    found: tuple[Found, ...]
    claimed: frozenset[int]  #: outer-start offsets of the quotations attributed here
    bare: tuple[tuple[Cue, Mention], ...]
    words_outside: int  #: word tokens outside quotations


def opening_subject(text: str, items: Sequence[Item], lang: Language) -> Mention | None:
    """The proper name (or he/she) that opens a unit, if any."""
    if not items or not items[0].is_word:
        return None
    if items[0].lower in lang.gendered_subjects:
        return Mention(items[0].start, items[0].end, items[0].text, kind="pronoun")
    b = 0
    while b < len(items) and b < 6 and (items[b].is_word and is_name(items[: b + 1], lang)):
        b += 1
    if b >= 2 and mention_kind(items[:b], lang) == "name":  # one capitalised word is too often not a name
        start, end = items[0].start, items[b - 1].end
        return Mention(start, end, text[start:end], kind="name")
    return None


_WORD_RE = regex.compile(r"\p{L}++")
#: How much of a unit without quotes or cues is read to find the name opening it.
OPENING_CHARS = 120


def cue_word_starts(text: str, lexicon: CueLexicon) -> list[int]:
    """Offsets of every word that can start a cue, in one pass over the text (sorted)."""
    first_words = lexicon.first_words_any_case  # "said", "Said", "SAID": no lower() per word
    return [m.start() for m in _WORD_RE.finditer(text) if m.group() in first_words]


def _may_attribute(text: str, unit: Unit, cue_starts: Sequence[int]) -> bool:
    """Cheap test before the full reading: a quotation, a cue word, or a "Name:" headline."""
    if unit.quotes or ":" in text[unit.start : min(unit.end, unit.start + 80)]:
        return True
    k = bisect.bisect_left(cue_starts, unit.start)
    return k < len(cue_starts) and cue_starts[k] < unit.end


def read_unit(text: str, unit: Unit, lang: Language, cue_starts: Sequence[int] | None = None) -> UnitReading:
    """The attributions of one unit (``cue_starts`` from :func:`cue_word_starts` saves a rescan)."""
    if cue_starts is None:
        cue_starts = cue_word_starts(text[: unit.end], lang.cues)
    if not _may_attribute(text, unit, cue_starts):  # most sentences: nothing to read
        return UnitReading(unit, (), frozenset(), (), 0)
    reader = UnitReader(text, unit, lang)
    found = drop_crossing(reader.read())
    claimed = frozenset(reader.items[i].start for i in reader.claimed)
    words = sum(1 for it in reader.items if it.is_word)
    return UnitReading(unit, tuple(found), claimed, tuple(reader.bare), words)


def unit_subject(text: str, unit: Unit, lang: Language) -> Mention | None:
    """The name or he/she opening a unit ("Patrick Doyle was blunt."); read only when a quote needs it."""
    return opening_subject(
        text, _word_items(text, unit.start, min(unit.end, unit.start + OPENING_CHARS)), lang
    )


def drop_crossing(found: Sequence[Found]) -> list[Found]:
    """Drop a span that crosses one found before it: quotations nest or stay apart (issue 6, fuzzing).

    Two rules can read one unit with different stretches as content (a postposed attribution and a
    preposed one around the same cue words); contents that cross cannot both be right, and a crossing
    pair breaks every consumer that nests spans. The one found first, by the rule that ran first, stays.
    One sort and one sweep, so a unit with thousands of attributions costs n log n.
    """
    if len(found) < 2:
        return list(found)
    dropped: set[int] = set()
    enclosing: list[int] = []  # kept spans that contain the current start, innermost last
    for k in sorted(range(len(found)), key=lambda k: (found[k].start, -found[k].end, k)):
        f = found[k]
        while enclosing and found[enclosing[-1]].end <= f.start:
            enclosing.pop()
        while enclosing and found[enclosing[-1]].end < f.end:  # f starts inside it and ends outside: crossing
            if enclosing[-1] < k:
                dropped.add(k)
                break
            dropped.add(enclosing.pop())
        else:
            enclosing.append(k)
    return [f for k, f in enumerate(found) if k not in dropped]
