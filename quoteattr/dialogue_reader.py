"""What each paragraph of a dialogue says about its speaker: tags, characters, narration, vocatives.

The conversation stage (:mod:`quoteattr.dialogue`) makes one :class:`Reader` per text (or per piece of a
long book, sharing one character table). The reader goes left to right: narration names feed the
character table (recency, gender votes), each quote's tag is read and resolved (he/she by gender and
salience), a turn no tag decides takes the subject of its narration, and
:class:`~quoteattr.dialogue_turns.TurnTaking` fills the rest.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import regex

from .characters import (
    Character,
    CharacterTable,
    gender_words,
    given_names,
    name_parts,
    not_name_words,
    title_gender,
)
from .dialogue_text import (
    ENDEARMENT_RE,
    NAME_RE,
    SENTENCE_START_RE,
    TAG_WINDOW,
    VOCATIVE_RE,
    address_forms,
    clean_tag,
    narration_names,
    role_nouns,
    tag_mention,
    tag_patterns,
    title_words,
    untagged,
)
from .dialogue_turns import (
    CONF_GUESS,
    CONF_NARRATION,
    CONF_PRONOUN,
    CONF_TAG,
    Decision,
    Turn,
    TurnTaking,
)
from .language import english
from .lexicons import data_lines, function_words
from .model import Cue, Entity, Mention, Quote
from .phrases import mention_kind
from .subject_starts import named_antecedent
from .units import Unit, item_index, unit_items

__all__ = ["PRONOUN_GENDER", "Reader"]

#: How many of the latest subjects and speakers a he/she looks at before any mentioned character.
PRONOUN_POOL = 4
#: How far after a name a he/she still counts as a vote for the name's gender.
VOTE_WINDOW = 160

_PRONOUN_SUBJECT_RE = regex.compile(r"(?<![\p{L}])(He|She|I)(?=\s++[\p{Ll}])")
# The he/she after a name votes for its gender ("him"/"her" are too often someone else).
_GENDER_PRONOUN_RE = regex.compile(r"\b(he|she)\b", regex.IGNORECASE)
_ARTICLES = function_words()["bare_article"]
#: Pronoun forms that tell a gender, possessives and reflexives too (``lexicons/en/pronoun_gender.tsv``).
PRONOUN_GENDER = dict(line.split("\t")[:2] for line in data_lines("pronoun_gender.tsv", "en"))


#: A narration paragraph that hands over to the line after it ends with a comma, a colon or a dash.
_INTRODUCES_RE = regex.compile(r"[,:—–-][ \t]*+\s*+\Z")
#: A name that acts: a lower-case word (its verb) follows it.
_ACTS_RE = regex.compile(r"[ \t\n]++(?:[\p{Ll}]++ly[ \t\n]++)?+\p{Ll}")
#: Words that open a description of someone on stage in a tag ("her companion", "a voice").
_DESCRIBERS = function_words()["describer"]
#: Relative pronouns ("Isabella, who exclaimed"): a tag speaker that stands for the name before it.
_RELATIVES = function_words()["relpro"]
#: How much narration before a relative pronoun is read for its antecedent.
ANTECEDENT_WINDOW = 60
#: How many of the latest active characters a turn remembers for guesses made after the text is read.
SALIENT = 4


class Reader(TurnTaking):
    """One pass over a text's dialogue; state is the character table and the turns read so far."""

    def __init__(self, text: str, directs: list[Quote], paragraphs: list[int], table: CharacterTable) -> None:
        self.text = text
        self.directs = directs
        self.paragraphs = paragraphs
        self.table = table
        self.names = narration_names(text, directs)
        self.name_starts = [h.start for h in self.names]
        self.quote_starts = [q.start for q in directs]
        self.next_name = 0
        self.last_mention: dict[int, Mention] = {}
        self.addressed: dict[int, Mention] = {}
        self.cues: dict[int, Cue] = {}  #: the verb of a tag read here, by quote index
        self.fed: set[int] = set()  #: starts of narration names already counted
        self.claimed: set[int] = set()  #: starts of tag names already counted
        self.subject_at: tuple[int, Character] | None = None  #: the latest narration subject: where, who
        self.made: dict[int, Entity] = {}  #: character id → the entity made for it (set when rebuilt)

    # ------------------------------------------------------------------ salience

    def _feed_names(self, upto: int) -> None:
        """Take in every narration name that starts before ``upto``: characters, recency, gender votes."""
        while self.next_name < len(self.names) and self.names[self.next_name].start < upto:
            hit = self.names[self.next_name]
            self.next_name += 1
            if hit.start in self.claimed:
                continue  # a tag's name, counted when its quote was read
            c = self.table.observe(hit.text, hit.start, active=hit.subject) if hit.person else None
            if c is None:
                c = self.table.lookup(hit.text)
                if c is None:
                    continue
                self.table.touch(c, hit.start, active=hit.subject)
            self.fed.add(hit.start)
            self.last_mention[c.id] = Mention(hit.start, hit.end, hit.text, kind="name")
            self._vote(c, hit.end)
            if hit.subject:
                self.subject_at = (hit.start, c)

    def _pronoun(
        self, m: Mention, exclude: Sequence[Character | None], prefer: Character | None
    ) -> Character | None:
        """he/she/I in a tag: the narrator, the subject just before in the paragraph, else by salience."""
        low = m.text.lower()
        if low == "i":
            return self.table.narrator(m.start)
        gender = PRONOUN_GENDER.get(low, "")
        local = self._paragraph_subject(m.start)
        if local is not None and local.gender in ("", gender) and local not in exclude:
            return local  # 'Ann was silent. "…" she said': the subject just before, in the same paragraph
        named = self._paragraph_named(m.start, gender, exclude)
        return named or self.resolve_pronoun(gender, exclude, prefer)

    def _paragraph_named(
        self, pos: int, gender: str, exclude: Sequence[Character | None]
    ) -> Character | None:
        """The one character of ``gender`` the narration of ``pos``'s paragraph names before it.

        'After a while Dorian Gray looked up. "…" he murmured': not a subject by its position, but the
        only man named in the paragraph is who its he is; two of that gender named there: no guess.
        """
        p = bisect.bisect_right(self.paragraphs, pos) - 1
        k = bisect.bisect_left(self.name_starts, self.paragraphs[p])
        found: Character | None = None
        while gender and k < len(self.names) and self.names[k].start < pos:
            hit = self.names[k]
            k += 1
            c = self.table.lookup(hit.text)
            if c is None or c.narrator or c.gender != gender or hit.possessive:
                continue
            if found is not None and c is not found:
                return None
            found = c
        return found if found is not None and found not in exclude else None

    def _paragraph_subject(self, pos: int) -> Character | None:
        """The character of the latest narration subject before ``pos`` in ``pos``'s paragraph, if any.

        A paragraph of pure narration just before counts too (``Ann frowned.`` / ``"…," she said``):
        its subject is who the next line's he/she picks up, whatever the salience of the others.
        """
        if self.subject_at is None:
            return None
        at, c = self.subject_at
        p = bisect.bisect_right(self.paragraphs, pos) - 1
        if self.paragraphs[p] <= at < pos:
            return c
        if p == 0 or not self.paragraphs[p - 1] <= at < self.paragraphs[p]:
            return None
        k = bisect.bisect_left(self.quote_starts, self.paragraphs[p - 1])
        narration_only = k >= len(self.directs) or self.directs[k].start >= self.paragraphs[p]
        first = bisect.bisect_left(self.quote_starts, self.paragraphs[p])
        opens = first < len(self.directs) and self.directs[first].start - self.paragraphs[p] <= 2
        if not narration_only or not opens or self._inside_quote(self.paragraphs[p] - 1):
            return None
        # 'Ann watched him. She had not slept.': a pronoun subject after the name may be someone else
        later = _PRONOUN_SUBJECT_RE.search(self.text, at + 1, self.paragraphs[p])
        return c if later is None or c.gender else None

    def _vote(self, c: Character, after: int) -> None:
        window = self.text[after : after + VOTE_WINDOW]
        cut = window.find("\n\n")
        window = window if cut < 0 else window[:cut]
        for quote_mark in ('"', "“", "”"):  # a pronoun inside a quote refers to someone else
            at = window.find(quote_mark)
            window = window if at < 0 else window[:at]
        m = _GENDER_PRONOUN_RE.search(window)
        if m is None:
            return
        skip = not_name_words()
        for other in NAME_RE.finditer(window, 0, m.start(1)):  # someone else named in between takes it
            if other.group().split()[0].lower().strip(".,") not in skip:
                return
        self.table.vote(c, PRONOUN_GENDER[m.group(1).lower()])

    def resolve_pronoun(
        self, gender: str, exclude: Iterable[Character | None], prefer: Character | None = None
    ) -> Character | None:
        """The most salient character of ``gender`` not in ``exclude``.

        Subjects and speakers count before mere mentions, and a character known to have that gender
        before one whose gender is unknown (Lappin & Leass in miniature).
        """
        banned = {c.id for c in exclude if c is not None}
        if (
            prefer is not None
            and prefer.id not in banned
            and not (gender and prefer.gender not in ("", gender))
        ):
            return prefer  # the person the previous line spoke to answers it
        active = self.table.recent(active=True)[:PRONOUN_POOL]
        fallback: Character | None = None
        for pool, is_active in ((active, True), (self.table.recent(), False)):
            for c in pool:
                if c.narrator or c.id in banned:
                    continue
                if not gender or c.gender == gender:
                    return c
                if not c.gender and fallback is None and (is_active or c.spoke or c.titles):
                    fallback = c  # gender unknown: a subject or a speaker, not a place named in passing
        return fallback

    # ------------------------------------------------------------------ one quote

    def _tag(self, q: Quote) -> tuple[Mention, Cue | None] | None:
        """The speaker mention (and verb) of ``q``'s own tag: from earlier stages, else read here."""
        if not untagged(q, self.text) and q.speaker is not None:
            return clean_tag(self.text, q.speaker), q.cue
        p = bisect.bisect_right(self.paragraphs, q.start) - 1
        p_end = self.paragraphs[p + 1] if p + 1 < len(self.paragraphs) else len(self.text)
        after_inverted, after_plain, before = tag_patterns()
        close = min(q.end + 1, len(self.text))
        window = self.text[close : min(close + TAG_WINDOW, p_end)]
        open_at = max(q.start - 1, self.paragraphs[p])
        head = self.text[max(self.paragraphs[p], open_at - TAG_WINDOW) : open_at]
        found = [(close, after_inverted.match(window)), (close, after_plain.match(window))]
        found.append((open_at - len(head), before.search(head)))
        for base, m in found:
            if m is not None:
                verb = self.text[base + m.start("verb") : base + m.end("verb")]
                cue = Cue(base + m.start("verb"), base + m.end("verb"), verb, lemma=verb.lower())
                return tag_mention(self.text, base + m.start("sp"), base + m.end("sp")), cue
        return None

    def _who(
        self, m: Mention, exclude: Sequence[Character | None], prefer: Character | None = None
    ) -> Character | None:
        """The character a tag mention names (``prefer``: the one the previous line addressed)."""
        low = m.text.lower()
        named = self._antecedent(m) if low in _RELATIVES else None
        if named is not None:  # "her faithful Isabella, who exclaimed": the name before it, no gender guess
            return self._who(named, exclude, prefer)
        if m.kind == "pronoun":
            return self._pronoun(m, exclude, prefer)
        _, words = name_parts(m.text)
        if not words:
            return None
        if any(w[:1].isupper() for w in m.text.split() if w.lower() not in _ARTICLES):
            if words[0] in not_name_words() and len(words) == 1:
                return None
            counted = m.start in self.fed or m.start in self.claimed  # as narration, or as an earlier tag
            known = self.table.lookup(m.text) if counted else None
            if known is None:
                self.claimed.update(range(m.start, m.end))  # "the Captain": the narration hit starts at "C"
                known = self.table.observe(m.text, m.start)
            self.table.touch(known, m.start, active=True)
            known.spoke = True
            return known
        g = gender_words().get(" ".join(words)) or gender_words().get(words[-1])
        owner = low.split()[0] if len(low.split()) > 1 else ""
        if g is not None and g[1] == "noun" and owner in PRONOUN_GENDER:
            # "her mother said": the mother is someone other than the "her" it belongs to
            possessor = self.resolve_pronoun(PRONOUN_GENDER[owner], exclude)
            return self.resolve_pronoun(g[0], [*exclude, possessor])
        if g is not None and g[1] == "noun":  # "the girl said": a description, resolved like "she"
            return self.resolve_pronoun(g[0], exclude, prefer)
        role = words[0] in title_words() or words[0] in role_nouns() or bool(title_gender(words[0]))
        if len(words) == 1 and role:
            return self.table.observe(m.text, m.start)  # "said the duchess": a character called by a role
        known = self.table.lookup(m.text)
        if known is None:  # "the lady from Geneva", "her young companion": a gendered word, read like he/she
            raw = m.text.lower().split()  # name_parts would read "lady" in "the lady from …" as a title
            gender = next((gender_words()[w][0] for w in raw if w in gender_words()), "")
            if gender or raw[0] in _DESCRIBERS:  # "her companion", "a voice": someone on stage, any gender
                return self.resolve_pronoun(gender, exclude, prefer)
        return known

    def _antecedent(self, m: Mention) -> Mention | None:
        """The name a relative-pronoun tag mention stands for: the one right before it ("Mr. Ferris, who"),
        read by the reader coreference uses (:func:`quoteattr.subject_starts.named_antecedent`), so the two
        stages agree on it; a description ("the old captain, who") is left to the other rules."""
        lo = max(0, m.start - ANTECEDENT_WINDOW)
        items = unit_items(self.text, Unit(lo, m.end, 0, ()))
        r = item_index(items, m.start)
        lang = english()
        found = None if r is None else named_antecedent(items, r, lang)
        if found is None or mention_kind(items[found[0] : found[1]], lang) != "name":
            return None
        a, b = items[found[0]].start, items[found[1] - 1].end
        return Mention(a, b, self.text[a:b], kind="name")

    def _addressee(self, q: Quote) -> tuple[Character | None, Mention | None]:
        """A vocative inside ``q``: a known character's name or a form of address, set off by commas."""
        body = q.text
        for vm in VOCATIVE_RE.finditer(body):
            s, e = vm.start("v") + q.start, vm.end("v") + q.start
            words = self.text[s:e]
            if words.endswith(("'s", "’s")):
                continue  # "Aunt Maud's, I think": an owner, not someone spoken to
            lead = ENDEARMENT_RE.match(words)  # "My dear Frederick" addresses Frederick
            if lead is not None and lead.end() < len(words):
                s, words = s + lead.end(), words[lead.end() :]
            title, parts = name_parts(words)
            low = words.lower()
            c = self.table.lookup(words) if parts and parts[-1] not in not_name_words() else None
            if c is None and parts and words[:1].isupper() and (title or parts[0] in given_names()):
                c = self.table.observe(words, s, active=False)  # "Emma, …": named before the narration does
            if c is not None:
                return c, Mention(s, e, words, kind="name")
            if low in address_forms() or low.removeprefix("my ") in address_forms():
                return None, Mention(s, e, words, kind="nominal")
        return None, None

    # ------------------------------------------------------------------ turns

    def run(self) -> dict[int, Decision]:
        """Decide a speaker per direct quote (by index in ``directs``)."""
        return self.decide(self._turns())

    def _turns(self) -> list[Turn]:
        """One turn a paragraph of quotes: its tags, its addressee and, failing a tag, its narration."""
        by_par: dict[int, list[int]] = {}
        for i, q in enumerate(self.directs):
            by_par.setdefault(bisect.bisect_right(self.paragraphs, q.start) - 1, []).append(i)
        turns: list[Turn] = []
        for p in sorted(by_par):
            prev = turns[-1] if turns and turns[-1].paragraph == p - 1 else None
            t = Turn(
                p, by_par[p], starts_with_quote=self.directs[by_par[p][0]].start - self.paragraphs[p] <= 2
            )
            exclude = [prev.speaker] if prev is not None and t.starts_with_quote else []
            prefer = prev.addressee if prev is not None and t.starts_with_quote else None
            if prev is not None and prefer is None and len(turns) > 1 and turns[-2].paragraph == p - 2:
                prefer = turns[-2].speaker  # turn-taking: the voice of two lines back speaks again
            for qi in t.quotes:
                self._read_quote(t, qi, exclude, prefer)
            self._close_turn(t, exclude)
            turns.append(t)
        return turns

    def _read_quote(
        self, t: Turn, qi: int, exclude: Sequence[Character | None], prefer: Character | None
    ) -> None:
        """One quote of a turn: its tag (the turn's speaker if it is the first) and its addressee."""
        q = self.directs[qi]
        self._feed_names(q.start)
        tag = self._tag(q)
        if tag is not None:
            m, cue = tag
            if cue is not None and q.cue is None:
                self.cues[qi] = cue
            c = self._continues(t, m) or self._who(m, exclude, prefer)
            if c is None and not untagged(q, self.text):
                t.locked = True
                t.kept.add(qi)
            elif c is not None:
                conf = CONF_PRONOUN if m.kind != "name" else max(CONF_TAG, q.confidence)
                conf = min(conf, q.confidence) if not untagged(q, self.text) else conf
                evidence = "dialogue-tag" if m.kind == "name" else "dialogue-tag+salience"
                t.own[qi] = (c, m, evidence, conf)
                if t.speaker is None:
                    t.speaker, t.mention, t.confidence, t.evidence = c, m, conf, evidence
        addr, am = self._addressee(q)
        if am is not None:
            self.addressed[qi] = am
        if addr is not None and t.addressee is None:
            t.addressee = addr

    @staticmethod
    def _continues(t: Turn, m: Mention) -> Character | None:
        """``"…," said the Queen. "…," she went on``: a later he/she of a paragraph is its speaker again."""
        if t.speaker is None or m.kind != "pronoun":
            return None
        gender = PRONOUN_GENDER.get(m.text.lower())
        return t.speaker if gender is not None and t.speaker.gender in ("", gender) else None

    def _close_turn(self, t: Turn, exclude: Sequence[Character | None]) -> None:
        """A turn no tag decided takes its narration's subject; its speaker becomes salient."""
        if t.speaker is None and not t.locked:
            self._narration_subject(t, exclude)
        if t.speaker is None and not t.locked and t.starts_with_quote:
            self._introduced(t, exclude)
        t.salient = [c for c in self.table.recent(active=True)[:SALIENT] if not c.narrator] or [
            c for c in self.table.recent()[:SALIENT] if not c.narrator
        ]
        if t.speaker is not None and t.speaker is t.addressee:
            t.speaker = None  # a vocative names the listener, never the speaker
        if t.speaker is not None:
            self.table.touch(t.speaker, self.directs[t.quotes[0]].start, active=True)
            if t.mention is not None and t.mention.kind == "name":
                self.last_mention[t.speaker.id] = t.mention

    def _introduced(self, t: Turn, exclude: Sequence[Character | None]) -> None:
        """``Emma exclaimed,`` / ``Ann stopped to say:`` ends the narration paragraph before the line."""
        p = t.paragraph
        if p == 0 or self._inside_quote(self.paragraphs[p] - 3):
            return
        start, end = self.paragraphs[p - 1], self.paragraphs[p]
        if not _INTRODUCES_RE.search(self.text, start, end):
            return
        k = bisect.bisect_left(self.name_starts, end) - 1
        while k >= 0 and self.names[k].start >= start:
            hit = self.names[k]
            k -= 1
            if hit.possessive or not _ACTS_RE.match(self.text, hit.end):
                continue
            c = self.table.lookup(hit.text)
            if c is not None and c not in exclude and c is not t.addressee:
                t.speaker, t.evidence, t.confidence = c, "dialogue-narration-before", CONF_NARRATION
                t.mention = Mention(hit.start, hit.end, hit.text, kind="name")
            return

    def _narration_subject(self, t: Turn, exclude: Sequence[Character | None]) -> None:
        """``Ann smiled. "…"`` / ``"…" He turned away.``: a subject opening a narration sentence."""
        p = t.paragraph
        start = self.paragraphs[p]
        end = self.paragraphs[p + 1] if p + 1 < len(self.paragraphs) else len(self.text)
        k = bisect.bisect_left(self.name_starts, start)
        while k < len(self.names) and self.names[k].start < end:
            hit = self.names[k]
            k += 1
            if hit.subject:
                c = self.table.lookup(hit.text)
                if c is not None:
                    t.speaker, t.evidence, t.confidence = c, "dialogue-narration", CONF_NARRATION
                    t.mention = Mention(hit.start, hit.end, hit.text, kind="name")
                    return
        for m in _PRONOUN_SUBJECT_RE.finditer(self.text, start, end):
            if self._inside_quote(m.start()) or not SENTENCE_START_RE.search(
                self.text[max(0, m.start() - 40) : m.start()]
            ):
                continue
            mention = Mention(m.start(), m.end(), m.group(), kind="pronoun")
            c = self._who(mention, exclude)
            if c is not None:
                t.speaker, t.mention, t.evidence, t.confidence = (
                    c,
                    mention,
                    "dialogue-narration+salience",
                    CONF_GUESS,
                )
            return

    def _inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and self.directs[k].start <= pos < self.directs[k].end + 1
