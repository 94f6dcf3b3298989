"""Speakers for direct quotes that no cue in their own sentence claimed.

News writing attributes a quotation once and lets the reader carry the speaker
over: ``He said:`` then a quoted sentence; ``"A," she said. "B."``; a quoted
paragraph after a paragraph whose quote was attributed; a quote followed by a
bare ``Ruiz said.``. These rules look at the neighbouring units in that order
and record which one fired as the quote's ``evidence``. A tag in verb-first order
(``Said Ellis: "…"``), which no frame reads, is one of them.

Short quoted words inside a sentence with no cue (scare quotes, titles,
nicknames) are not quotations and are dropped here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from .language import Language
from .model import Cue, Mention
from .phrases import is_appositive, is_name, mention_kind, np_like
from .quotemarks import QuoteSpan
from .readings import ContentView
from .records import MIN_QUOTE_WORDS, RULE, Found, Frame
from .units import Item, Unit, UnitReading, item_index

# Possessive runs (issue 6): a word never gives back letters to look for ":" (same matches, no backtracking).
#: A speaker label opening a transcript line inside quotes: "WALLACE: …", "MS. RUIZ: …".
TRANSCRIPT_LABEL = regex.compile(r"\s*+((?:\p{Lu}[\p{Lu}.'’\-]*+)(?:[ ](?:\p{Lu}[\p{Lu}.'’\-]*+)){0,2}+):\s")
#: Outside words a unit may have and still count as "just a quotation" (e.g. "Yes." or a dash).
MAX_FRAME_WORDS = 2


def link_unclaimed(text: str, readings: Sequence[UnitReading], lang: Language) -> list[Found]:
    """Attribute the direct quotes left unclaimed, from their neighbours."""
    out: list[Found] = []
    group_speaker: dict[int, Found] = {}  # multi-paragraph pieces share the speaker of the group
    for u, reading in enumerate(readings):
        for q in reading.unit.quotes:
            if q.outer_start in reading.claimed or q.end <= q.start:
                continue
            n_words = _word_count(text, q)
            standalone = reading.words_outside <= MAX_FRAME_WORDS
            here = _Context(text, readings, u, q, lang)
            if (
                not standalone
                and n_words < 2 * MIN_QUOTE_WORDS
                and _verb_first(here) is None
                and _narration_colon(here) is None
            ):
                continue  # scare quote, title or nickname (a quotation its own tag introduces stays)
            source, frame = _from_context(text, readings, u, q, lang)
            if source is None and q.open in group_speaker:
                source, frame = group_speaker[q.open], RULE["multi-paragraph"]
            found = Found(
                q.start,
                q.end,
                "direct",
                source.cue if source else None,
                source.speaker if source else None,
                frame.evidence,
                frame.confidence,
                quote=q,
            )
            out.append(found)
            if q.continues:
                group_speaker[_next_piece_open(readings, u, q)] = found
    return out


def share_across_pieces(found: Sequence[Found]) -> list[Found]:
    """Pieces of one multi-paragraph quote share a speaker, often given only with a later piece."""
    pieces = sorted((f for f in found if f.quote is not None), key=lambda f: f.start)
    groups: list[list[Found]] = []
    for f in pieces:
        if groups and groups[-1][-1].quote is not None and groups[-1][-1].quote.continues:
            groups[-1].append(f)
        else:
            groups.append([f])
    replace: dict[int, Found] = {}
    for group in groups:
        source = next((f for f in group if f.speaker is not None and f.cue is not None), None)
        if source is None or len(group) == 1:
            continue
        for f in group:
            if f.speaker is None:
                shared = RULE["multi-paragraph-shared"]
                replace[id(f)] = attrs.evolve(
                    f,
                    speaker=source.speaker,
                    cue=source.cue,
                    evidence=shared.evidence,
                    confidence=shared.confidence,
                )
    return [replace.get(id(f), f) for f in found]


_WORD = regex.compile(r"[\p{L}\p{N}]++(?:['’\-.][\p{L}\p{N}]++)*+")


def _word_count(text: str, q: QuoteSpan) -> int:
    return len(_WORD.findall(text, q.start, q.end))  # no match objects: this runs for every quote


def _next_piece_open(readings: Sequence[UnitReading], u: int, q: QuoteSpan) -> int:
    for k in range(u + 1, len(readings)):  # not readings[u + 1 :]: a copy per quote was quadratic (issue 6)
        for other in readings[k].unit.quotes:
            if other.open > q.open:
                return other.open
    return -1


@attrs.frozen
class _Context:
    """Where an unclaimed quote stands: its unit's reading and the ones around it (read-only)."""

    text: str
    readings: Sequence[UnitReading]
    u: int
    q: QuoteSpan
    lang: Language

    @property
    def unit(self) -> Unit:
        return self.readings[self.u].unit

    @property
    def prev(self) -> UnitReading | None:
        return self.readings[self.u - 1] if self.u > 0 else None

    @property
    def next(self) -> UnitReading | None:
        return self.readings[self.u + 1] if self.u + 1 < len(self.readings) else None

    def speaking(self, cue: Cue | None, speaker: Mention) -> Found:
        """A source record that only carries a cue and a speaker for the quote."""
        return Found(self.q.start, self.q.end, "direct", cue, speaker, "", 0.0)


# (a quotation signed with a dash was claimed by the dash-signature frame: it never reaches here)
def _transcript_label(c: _Context) -> Found | None:
    """ "WALLACE: Let's start …" — a transcript names its speakers."""
    label = TRANSCRIPT_LABEL.match(c.text, c.q.start, c.q.end)
    if label is None:
        return None
    return c.speaking(None, Mention(label.start(1), label.end(1), label.group(1), kind="name"))


def _same_sentence(c: _Context) -> Found | None:
    """ "…," Trump said, adding later, "…": the same sentence already named the voice."""
    here = [
        f
        for f in c.readings[c.u].found
        if f.speaker is not None and f.kind == "direct" and f.end <= c.q.start
    ]
    return here[-1] if here else None


#: What may stand between a cue and the quotation it introduces: spaces, one comma or colon.
_CUE_GAP = regex.compile(r"\s*+[,:]?\s*+")


def _cue_before(c: _Context) -> Found | None:
    """ "Asked about it, Ruiz said, "…"": the cue right before the quotation introduces it.

    The frame reader gave that cue the clause before it; the quotation after it is the speaker's too.
    """
    for f in c.readings[c.u].found:
        if f.cue is not None and f.speaker is not None and f.cue.end <= c.q.outer_start:
            gap = _CUE_GAP.fullmatch(c.text, f.cue.end, c.q.outer_start)
            if gap is not None and f.speaker.end <= f.cue.start:
                return c.speaking(f.cue, f.speaker)
    return None


#: Cue frames whose verb-first order is no attribution: "Told reporters: …" has lost its subject,
#: "Asked the senator: …" names the one asked.
_NO_VERB_FIRST = frozenset({"tell", "ask"})
#: The most items a verb-first speaker may span ("Added Ana Ruiz, the mayor of Tula:").
MAX_VERB_FIRST_ITEMS = 12


def _verb_first(c: _Context) -> Found | None:
    """ "Said Ellis: “…”" / "Added the senator, a Democrat: "…"": a tag in verb-first order opens the
    sentence and ends in a colon or comma right before the quotation; its subject speaks."""
    items = c.readings[c.u].items
    if not items:
        return None
    at = next((k for k, it in enumerate(items[: MAX_VERB_FIRST_ITEMS + 2]) if it.start == c.q.open), None)
    if at is None or at < 3 or items[at - 1].text not in (":", ","):
        return None
    lang = c.lang
    v = 0
    while v < at and (items[v].lower in lang.conj or items[v].lower in lang.adv):
        v += 1  # "And added Ellis:"
    verb = items[v]
    entry = lang.cues.lookup(verb.lower)
    if (
        entry is None
        or entry.type != "verb"
        or entry.frame in _NO_VERB_FIRST
        or verb.lower.endswith(lang.endings("gerund"))  # "Adding: …" has no subject after it
    ):
        return None
    words = items[v + 1 : at - 1]
    comma = next((k for k, it in enumerate(words) if it.text == ","), len(words))
    subject, rest = words[:comma], words[comma + 1 :]
    if not subject or not np_like(subject, lang) or (rest and not _apposition(rest, lang)):
        return None
    cue = Cue(verb.start, verb.end, verb.text, lemma=entry.lemma, type=entry.type)
    return c.speaking(cue, _mention(c.text, subject, lang))


def _apposition(words: Sequence[Item], lang: Language) -> bool:
    """ "Ana Ruiz, the mayor" / "the mayor, Ana Ruiz": a description or a name after a comma."""
    return is_appositive(words, lang) or is_name(words, lang)


def _mention(text: str, words: Sequence[Item], lang: Language) -> Mention:
    start, end = words[0].start, words[-1].end
    return Mention(start, end, text[start:end], kind=mention_kind(words, lang))


#: Language feature (``features.txt``): a narration clause ending in a colon right before a quotation
#: introduces it, and its subject speaks ("Der Alte wackelte mit dem Kopf: »…«").
NARRATION_COLON = "narration-colon"


def _narration_colon(c: _Context) -> Found | None:
    """ "Da wurde der Alte zornig: »…«": with feature ``narration-colon``, the subject of the clause that
    opens the quotation's unit and ends in a colon right before it (no quotation before it)."""
    if NARRATION_COLON not in c.lang.features:
        return None
    reading = c.readings[c.u]
    items = list(reading.items or ())
    at = item_index(items, c.q.open)
    if at is None or at < 3 or items[at - 1].text != ":" or any(it.is_quote for it in items[:at]):
        return None
    view = ContentView(c.text, reading.unit, c.lang, items)
    subject = view.clause_subject()
    if _adverb_first(items, c.lang):
        subject = view.subject_after_verb(
            1
        )  # "Ungläubig wackelte der Greis …": an adverb fills the first place
    first = subject.text.split()[0].lower() if subject is not None else ""
    if subject is None or subject.end > items[at - 1].start or first in c.lang.prep | c.lang.subord:
        return None
    return c.speaking(None, subject)


def _adverb_first(items: Sequence[Item], lang: Language) -> bool:
    """Does an unknown capitalised word fill the verb-second first place, before a lower-case verb and an
    article or a subject pronoun ("Ungläubig wackelte der Greis")? It is an adverb, not the subject."""
    if len(items) < 4 or not items[0].is_word or not items[1].is_word:
        return False
    w, verb = items[0].lower, items[1]
    known = lang.function_words | lang.subject_pronouns | lang.det | lang.nominals | lang.titles
    return (
        w not in known
        and w not in lang.given_names
        and not verb.text[:1].isupper()
        and items[2].lower in lang.det | lang.subject_pronouns
    )


def _colon_before(c: _Context) -> Found | None:
    """ "He said:" closing the previous unit introduces this quotation."""
    prev = c.prev
    if prev is not None and prev.bare and prev.unit.paragraph >= c.unit.paragraph - 1:
        return c.speaking(*prev.bare[-1])
    return None


def _bare_after(c: _Context) -> Found | None:
    """A bare "Ruiz said." right after it in the paragraph."""
    nxt = c.next
    if nxt is not None and nxt.bare and nxt.unit.paragraph == c.unit.paragraph:
        return c.speaking(*nxt.bare[0])
    return None


def _same_paragraph(c: _Context) -> Found | None:
    """Another quote of the same paragraph, attributed: the same voice goes on."""
    for reading, last in ((c.prev, True), (c.next, False)):
        if reading is not None and reading.unit.paragraph == c.unit.paragraph:
            attributed = [f for f in reading.found if f.speaker is not None and f.kind in ("direct", "mixed")]
            if attributed:
                return attributed[-1] if last else attributed[0]
    return None


def _speaker_next(c: _Context) -> Found | None:
    """ "Siobhan Kerr, 47, said she …" right after the quote: the speaker introduced next."""
    nxt = c.next
    if nxt is None or nxt.unit.paragraph != c.unit.paragraph:
        return None
    opening = [f for f in nxt.found if f.speaker is not None and f.speaker.start <= nxt.unit.start + 1]
    if opening and opening[0].speaker is not None and opening[0].speaker.kind == "name":
        return opening[0]
    return None


def _next_paragraph(c: _Context) -> Found | None:
    """A quoted paragraph right after a paragraph whose last attribution was a quotation."""
    prev = c.prev
    if prev is None or prev.unit.paragraph != c.unit.paragraph - 1 or not _starts_unit(c.q, c.unit.start):
        return None
    attributed = [f for f in prev.found if f.speaker is not None]
    return attributed[-1] if attributed and attributed[-1].kind in ("direct", "mixed") else None


def _subject_before(c: _Context) -> Found | None:
    """ "Patrick Doyle was blunt. "…"": the name that opens the previous sentence."""
    prev = c.prev
    if prev is None or prev.found or prev.unit.quotes or prev.unit.paragraph < c.unit.paragraph - 1:
        return None
    return c.speaking(None, prev.opening) if prev.opening is not None else None


#: The context rules, in the order they are tried; each names its row of :data:`~quoteattr.records.RULES`.
CONTEXT_RULES: tuple[tuple[str, Callable[[_Context], Found | None]], ...] = (
    ("transcript-label", _transcript_label),
    ("same-sentence", _same_sentence),
    ("cue-before", _cue_before),
    ("verb-first", _verb_first),
    ("narration-colon", _narration_colon),
    ("colon-before", _colon_before),
    ("bare-after", _bare_after),
    ("same-paragraph", _same_paragraph),
    ("speaker-next", _speaker_next),
    ("next-paragraph", _next_paragraph),
    ("subject-before", _subject_before),
)


def _from_context(
    text: str, readings: Sequence[UnitReading], u: int, q: QuoteSpan, lang: Language
) -> tuple[Found | None, Frame]:
    """The first context rule that finds a source for the quote, and its frame."""
    context = _Context(text, readings, u, q, lang)
    for name, rule in CONTEXT_RULES:
        source = rule(context)
        if source is not None:
            return source, RULE[name]
    return None, RULE["unattributed"]


def _starts_unit(q: QuoteSpan, unit_start: int) -> bool:
    return q.open <= unit_start + 1
