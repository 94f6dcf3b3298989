"""The conversation stage: who speaks each line of dialogue in fiction.

Runs after coreference, on model objects only (text, quotes, entities): news-style rules name the
speaker of a tagged quote ("…," said Ann), but in a novel a third of the lines have no tag at all and
"she said" must pick the right woman. This stage reads the conversation instead:

1. **Tags.** A quote's own tag (found by earlier stages, or here with the fiction verbs of
   ``lexicons/en/dialogue_verbs.txt``: ``"…," Ann cried``, ``"…" said the Mouse; "…"``).
2. **Characters.** Names in the narration and in tags are clustered into characters
   (:mod:`quoteattr.characters`); he/she in a tag goes to the most recently mentioned character of
   that gender, but not to the one who spoke the previous line (a new paragraph is a new voice).
3. **Paragraphs.** One paragraph is one turn: a line without a tag takes the speaker of another line
   of its paragraph, else the subject that opens a narration sentence of the paragraph
   (``Ann smiled. "…"``).
4. **Turn-taking.** In a run of consecutive dialogue paragraphs, an untagged turn goes to the other
   participant of the previous turn; turns before the first anchored one alternate backwards.
   A paragraph without a quote ends the run.
5. **Vocatives.** A name or form of address inside a quote ("Daddy, what …", "…, Mr. Wood, …") is its
   addressee (``Quote.addressee``), never its speaker, and the likely speaker of the next turn.

The stage changes nothing unless the text reads as fiction (:func:`is_conversation`), so news keeps
the news rules. Cost is linear: one pass over names and quotes, a bounded recency list per lookup.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs
import regex

from .characters import (
    Character,
    CharacterTable,
    gender_words,
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
    dash_line_starts,
    dash_lines,
    is_conversation,
    narration_names,
    paragraph_bounds,
    recovered_lines,
    role_nouns,
    tag_mention,
    tag_patterns,
    title_words,
    untagged,
)
from .lexicons import function_words
from .model import Cue, Entity, Mention, Quote
from .quotemarks import QuoteSpan

__all__ = ["CharacterSource", "converse", "is_conversation"]

#: ``Pipeline(characters=...)``: names, or ``(name, aliases)`` pairs, or a mapping name → aliases.
CharacterSource = Iterable[str | tuple[str, Sequence[str]]] | dict[str, Sequence[str]] | None


# Confidences: a tag read here is as good as a news tag; inferences are well below (issue 13).
CONF_TAG = 0.8
CONF_PARAGRAPH = 0.75  # another line of the paragraph is tagged: right 87% of the time on PDNC dev
CONF_PRONOUN = 0.6  # he/she in a tag, resolved by gender and salience: ~60%
CONF_NARRATION = 0.6  # a named subject of the paragraph's narration: ~80%
CONF_VOCATIVE_NEXT = 0.55  # the person addressed answers: ~70%
CONF_TURN = 0.5  # alternation from an anchored turn: ~57%
CONF_GUESS = 0.35  # a pronoun subject, or the most salient other character: ~30-40%

#: How many of the latest subjects and speakers a he/she looks at before any mentioned character.
PRONOUN_POOL = 4
#: How far after a name a he/she still counts as a vote for the name's gender.
VOTE_WINDOW = 160

_PRONOUN_SUBJECT_RE = regex.compile(r"(?<![\p{L}])(He|She|I)(?=\s++[\p{Ll}])")
# The he/she after a name votes for its gender ("him"/"her" are too often someone else).
_GENDER_PRONOUN_RE = regex.compile(r"\b(he|she)\b", regex.IGNORECASE)
_ARTICLES = function_words()["bare_article"]
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}


def characters_from(source: CharacterSource) -> list[tuple[str, tuple[str, ...]]]:
    """Normalise a user character list: ``["Ann Wood", ("Tom Hale", ["Tommy"])]`` or ``{"Ann": ["Nan"]}``."""
    if source is None:
        return []
    items = source.items() if isinstance(source, dict) else source
    out: list[tuple[str, tuple[str, ...]]] = []
    for item in items:
        if isinstance(item, str):
            out.append((item, ()))
        else:
            name, aliases = item
            if isinstance(aliases, str):
                raise TypeError(f"characters: aliases of {name!r} must be a list of names, got a str")
            out.append((str(name), tuple(str(a) for a in aliases)))
    return out


@attrs.define
class _Turn:
    """One dialogue paragraph: its quotes and what was decided about its speaker."""

    paragraph: int
    quotes: list[int]
    speaker: Character | None = None
    mention: Mention | None = None
    evidence: str = ""
    confidence: float = 0.0
    addressee: Character | None = None
    starts_with_quote: bool = False
    locked: bool = False  #: a tag names someone who is no character ("the announcer")
    own: dict[int, tuple[Character, Mention, str, float]] = attrs.field(factory=dict)  #: quotes with a tag
    kept: set[int] = attrs.field(factory=set)  #: quotes whose tag names no character: left as they are


def converse(
    text: str,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    characters: CharacterSource = None,
    *,
    marks: Sequence[QuoteSpan] = (),
    force: bool = False,
) -> tuple[list[Quote], list[Entity]]:
    """Re-read the speakers of direct quotes as a conversation; return the quotes and the entities.

    Args:
        text: the text the quotes index into.
        quotes: the quotes of earlier stages, with speakers and entities.
        entities: the entities of earlier stages.
        characters: the user's character list (names with aliases), if any.
        marks: the top-level quote-mark spans; in fiction, a dialogue line the news rules dropped as
            a scare quote (``"Not again," groaned Tom``: an unknown verb) is taken back from them.
        force: run even when the text does not read as fiction (a user character list also forces it).
    """
    paragraphs = paragraph_bounds(text)
    user = characters_from(characters)
    dashes = dash_lines(text, quotes)
    if dashes:  # in dash dialogue a line is a paragraph: "— Yes, he said.\n— Out where?"
        paragraphs = sorted({*paragraphs, *dash_line_starts(text)})
    everything = [*quotes, *recovered_lines(text, quotes, marks, paragraphs), *dashes]
    if not (force or user or is_conversation(text, everything, paragraphs)):
        return list(quotes), list(entities)
    quotes = everything
    directs = sorted((q for q in quotes if q.kind == "direct"), key=lambda q: q.start)
    if not directs:
        return list(quotes), list(entities)
    reader = _Reader(text, directs, paragraphs, CharacterTable(user))
    decided = reader.run()
    return _rebuild(quotes, entities, reader, decided)


class _Reader:
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

    def _vote(self, c: Character, after: int) -> None:
        window = self.text[after : after + VOTE_WINDOW]
        cut = window.find("\n\n")
        window = window if cut < 0 else window[:cut]
        for quote_mark in ('"', "“", "”"):  # a pronoun inside a quote refers to someone else
            at = window.find(quote_mark)
            window = window if at < 0 else window[:at]
        m = _GENDER_PRONOUN_RE.search(window)
        if m is not None and not NAME_RE.search(window, 0, m.start(1)):
            self.table.vote(c, _PRONOUN_GENDER[m.group(1).lower()])

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
        if m.kind == "pronoun":
            if low == "i":
                return self.table.narrator(m.start)
            return self.resolve_pronoun(_PRONOUN_GENDER.get(low, ""), exclude, prefer)
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
        if g is not None and g[1] == "noun":  # "the girl said": a description, resolved like "she"
            return self.resolve_pronoun(g[0], exclude, prefer)
        role = words[0] in title_words() or words[0] in role_nouns() or bool(title_gender(words[0]))
        if len(words) == 1 and role:
            return self.table.observe(m.text, m.start)  # "said the duchess": a character called by a role
        known = self.table.lookup(m.text)
        if known is None:  # "the lady from Geneva", "her young companion": a gendered word, read like he/she
            raw = m.text.lower().split()  # name_parts would read "lady" in "the lady from …" as a title
            gender = next((gender_words()[w][0] for w in raw if w in gender_words()), "")
            if gender:
                return self.resolve_pronoun(gender, exclude, prefer)
        return known

    def _addressee(self, q: Quote) -> tuple[Character | None, Mention | None]:
        """A vocative inside ``q``: a known character's name or a form of address, set off by commas."""
        body = q.text
        for vm in VOCATIVE_RE.finditer(body):
            s, e = vm.start("v") + q.start, vm.end("v") + q.start
            words = self.text[s:e]
            lead = ENDEARMENT_RE.match(words)  # "My dear Frederick" addresses Frederick
            if lead is not None and lead.end() < len(words):
                s, words = s + lead.end(), words[lead.end() :]
            _, parts = name_parts(words)
            low = words.lower()
            c = self.table.lookup(words) if parts and parts[-1] not in not_name_words() else None
            if c is not None:
                return c, Mention(s, e, words, kind="name")
            if low in address_forms() or low.removeprefix("my ") in address_forms():
                return None, Mention(s, e, words, kind="nominal")
        return None, None

    # ------------------------------------------------------------------ turns

    def run(self) -> dict[int, tuple[Character, Mention | None, str, float, Mention | None]]:
        """Decide a speaker per direct quote (by index in ``directs``)."""
        turns = self._turns()
        runs: list[list[_Turn]] = []
        for t in turns:
            if runs and runs[-1][-1].paragraph == t.paragraph - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        decided: dict[int, tuple[Character, Mention | None, str, float, Mention | None]] = {}
        for run in runs:
            self._fill(run)
            for t in run:
                for k, qi in enumerate(t.quotes):
                    if qi in t.kept and not (t.own or t.evidence.startswith("dialogue-narration")):
                        continue  # a tag naming no character beats a guess from other turns
                    if qi in t.own:
                        c, m, evidence, conf = t.own[qi]
                        decided[qi] = (c, m, evidence, conf, self.addressed.get(qi))
                    elif t.own:  # another line of the paragraph is tagged: one paragraph, one voice
                        c, m, _, conf = t.own[_nearest_tagged(t, k)]
                        decided[qi] = (
                            c,
                            m,
                            "dialogue-paragraph",
                            min(CONF_PARAGRAPH, conf),
                            self.addressed.get(qi),
                        )
                    elif t.speaker is not None:
                        decided[qi] = (t.speaker, t.mention, t.evidence, t.confidence, self.addressed.get(qi))
        return decided

    def _turns(self) -> list[_Turn]:
        """One turn a paragraph of quotes: its tags, its addressee and, failing a tag, its narration."""
        by_par: dict[int, list[int]] = {}
        for i, q in enumerate(self.directs):
            by_par.setdefault(bisect.bisect_right(self.paragraphs, q.start) - 1, []).append(i)
        turns: list[_Turn] = []
        for p in sorted(by_par):
            prev = turns[-1] if turns and turns[-1].paragraph == p - 1 else None
            t = _Turn(
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
        self, t: _Turn, qi: int, exclude: Sequence[Character | None], prefer: Character | None
    ) -> None:
        """One quote of a turn: its tag (the turn's speaker if it is the first) and its addressee."""
        q = self.directs[qi]
        self._feed_names(q.start)
        tag = self._tag(q)
        if tag is not None:
            m, cue = tag
            if cue is not None and q.cue is None:
                self.cues[qi] = cue
            c = self._who(m, exclude, prefer)
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

    def _close_turn(self, t: _Turn, exclude: Sequence[Character | None]) -> None:
        """A turn no tag decided takes its narration's subject; its speaker becomes salient."""
        if t.speaker is None and not t.locked:
            self._narration_subject(t, exclude)
        if t.speaker is not None and t.speaker is t.addressee:
            t.speaker = None  # a vocative names the listener, never the speaker
        if t.speaker is not None:
            self.table.touch(t.speaker, self.directs[t.quotes[0]].start, active=True)
            if t.mention is not None and t.mention.kind == "name":
                self.last_mention[t.speaker.id] = t.mention

    def _narration_subject(self, t: _Turn, exclude: Sequence[Character | None]) -> None:
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

    def _fill(self, run: list[_Turn]) -> None:
        """Turn-taking: untagged turns alternate between the two current participants.

        A vocative names the speaker of the turns on either side (``"Ann, come"`` is answered by Ann);
        then every turn still open takes its speaker from the nearest anchored turn: the same speaker at
        an even distance, the other participant at an odd one (the previous anchor first).
        """
        if len(run) < 2:
            return
        self._fill_from_vocatives(run)
        anchors = [k for k, t in enumerate(run) if t.speaker is not None]
        if not anchors:
            return
        participants = _participants(run)
        for k, t in enumerate(run):
            if t.speaker is None:
                self._fill_turn(run, k, anchors, participants)

    def _fill_from_vocatives(self, run: list[_Turn]) -> None:
        """The person addressed speaks next (or spoke before), where that turn is still open."""
        for k, t in enumerate(run):
            if t.addressee is None or t.addressee is t.speaker:
                continue
            for j, evidence in ((k + 1, "dialogue-vocative-next"), (k - 1, "dialogue-vocative-prev")):
                if 0 <= j < len(run) and run[j].speaker is None and not run[j].locked:
                    self._set(run[j], t.addressee, evidence, CONF_VOCATIVE_NEXT)

    def _fill_turn(
        self, run: list[_Turn], k: int, anchors: Sequence[int], participants: Sequence[Character]
    ) -> None:
        """Open turn ``k``: the anchor's speaker at an even distance, the other participant at an odd one."""
        t = run[k]
        at = bisect.bisect_left(anchors, k)
        a = anchors[at - 1] if at > 0 else anchors[at]
        anchor = run[a].speaker
        if anchor is None:
            return
        if (k - a) % 2 == 0:
            self._set(t, anchor, "dialogue-turn", CONF_TURN)
            return
        other = _nearest_other(run, k, anchor, t.addressee) or next(
            (c for c in participants if c is not anchor and c is not t.addressee), None
        )
        if other is not None:
            self._set(t, other, "dialogue-turn", CONF_TURN)
        elif not t.locked:  # a mere salience guess never overrides a tag, even one naming no character
            other = self._other(anchor, t.addressee)
            if other is not None:
                self._set(t, other, "dialogue-turn+salience", CONF_GUESS)

    def _other(self, speaker: Character | None, addressee: Character | None) -> Character | None:
        """The most salient character who is neither the other speaker nor this turn's listener."""
        for c in (*self.table.recent(active=True), *self.table.recent()):  # subjects and speakers first
            if c is not speaker and c is not addressee and not c.narrator:
                return c
        return None

    def _set(self, t: _Turn, c: Character, evidence: str, confidence: float) -> None:
        if c is t.addressee:
            return
        t.speaker, t.evidence, t.confidence = c, evidence, confidence
        t.mention = self.last_mention.get(c.id)


def _nearest_tagged(t: _Turn, k: int) -> int:
    """The tagged quote of turn ``t`` nearest before its ``k``-th quote, else the first after it."""
    before = [qi for qi in t.quotes[:k] if qi in t.own]
    return before[-1] if before else next(qi for qi in t.quotes[k:] if qi in t.own)


#: How many turns either side of an open turn are searched for the other participant.
NEAR_TURNS = 8


def _nearest_other(
    run: Sequence[_Turn], k: int, anchor: Character, addressee: Character | None
) -> Character | None:
    """The speaker (else the person addressed) nearest to turn ``k`` who is not ``anchor``."""
    for d in range(1, NEAR_TURNS + 1):
        for j in (k - d, k + d):
            if 0 <= j < len(run):
                c = run[j].speaker
                if c is not None and c is not anchor and c is not addressee:
                    return c
    for d in range(0, NEAR_TURNS + 1):
        for j in (k - d, k + d):
            if 0 <= j < len(run):
                c = run[j].addressee
                if c is not None and c is not anchor and c is not addressee:
                    return c
    return None


def _participants(run: Sequence[_Turn]) -> list[Character]:
    """The people of a run: its speakers and the characters addressed in it, in order of appearance."""
    out: list[Character] = []
    for t in run:
        for c in (t.speaker, t.addressee):
            if c is not None and c not in out:
                out.append(c)
    return out


def _rebuild(
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    reader: _Reader,
    decided: dict[int, tuple[Character, Mention | None, str, float, Mention | None]],
) -> tuple[list[Quote], list[Entity]]:
    """New quotes with character entities; entities of earlier stages kept while a quote still uses them."""
    directs, table = reader.directs, reader.table
    base = max((e.id for e in entities), default=-1) + 1
    chars: dict[int, list[Mention]] = {}
    replaced: dict[tuple[int, int], Quote] = {}
    for qi, (c, mention, evidence, confidence, addressee) in decided.items():
        q = directs[qi]
        speaker = mention if mention is not None else q.speaker
        if speaker is not None:
            chars.setdefault(c.id, []).append(speaker)
        else:
            chars.setdefault(c.id, [])
        replaced[(q.start, q.end)] = attrs.evolve(
            q,
            speaker=speaker,
            entity=None,
            cue=q.cue or reader.cues.get(qi),
            evidence=evidence,
            confidence=min(confidence, 1.0),
            addressee=addressee,
        )
    made = {
        cid: Entity(base + k, table.characters[cid].name, tuple(sorted(set(ms), key=lambda m: m.start)))
        for k, (cid, ms) in enumerate(sorted(chars.items()))
    }
    index = {(d.start, d.end): k for k, d in enumerate(directs)}
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        key = (q.start, q.end)
        at = index.get(key) if q.kind == "direct" else None
        if at is not None and key in replaced:
            out.append(attrs.evolve(replaced[key], entity=made[decided[at][0].id]))
        elif at is not None:  # a line no rule here decided: keep it, but a pronoun or a description
            # the characters do not explain is as weak as any resolved pronoun
            weak = q.speaker is not None and q.speaker.kind != "name"
            out.append(
                attrs.evolve(
                    q,
                    addressee=reader.addressed.get(at),
                    confidence=min(q.confidence, CONF_PRONOUN) if weak else q.confidence,
                )
            )
        else:
            out.append(q)
    made_ids = {e.id for e in made.values()}
    used = {q.entity.id for q in out if q.entity is not None and q.entity.id not in made_ids}
    kept = [e for e in entities if e.id in used]
    return out, kept + list(made.values())
