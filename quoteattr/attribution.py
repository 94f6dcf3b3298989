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

import regex

from .cues import cue_word_starts, find_cues, find_noun_cues
from .frames import FRAME, frames_on
from .language import Language
from .lexicons import IMPERSONAL
from .model import Mention
from .phrases import opening_subject
from .readings import Content, ContentView, Context, Reading, apply
from .records import CueHit, Found, Frame
from .sites import Site
from .units import Item, Unit, UnitReading, _word_items, unit_items

#: How much of a unit without quotes or cues is read to find the name opening it.
OPENING_CHARS = 120


#: A word's letters, and the letters of the word after it ("claim that": a speech noun's complement).
_LETTERS = regex.compile(r"\p{L}++")
_NEXT_LETTERS = regex.compile(r"\s*+(,|\p{L}++)")  # "claim that"; "Bemerkung, dass" where "," opens


def _may_attribute(text: str, unit: Unit, cue_starts: Sequence[int], lang: Language) -> bool:
    """Cheap test before the full reading: a quotation, a "Name:" headline, a word that can start a
    verb cue, or a speech noun with a complement or source word after it ("claim that", "claim by",
    "attacks on": any noun's own opener, ``cues.tsv``).

    A speech noun alone ("the report was late") reads nothing; a sixth of the units read for a cue
    word have only such nouns. The complement and source words (``noun_complement``, ``noun_source``)
    are plain words, so the letters after the noun's space decide.
    """
    if unit.quotes or ":" in text[unit.start : min(unit.end, unit.start + 80)]:
        return True
    k = bisect.bisect_left(cue_starts, unit.start)
    if k >= len(cue_starts) or cue_starts[k] >= unit.end:
        return False
    first_words = lang.cues.first_words
    opens = lang.cls("noun_complement") | lang.cls("noun_source") | lang.cues.noun_preps
    while k < len(cue_starts) and cue_starts[k] < unit.end:
        word = _LETTERS.match(text, cue_starts[k])
        assert word is not None  # cue_starts are where such words start
        if word.group().lower() in first_words:
            return True
        nxt = _NEXT_LETTERS.match(text, word.end(), unit.end)
        if nxt is not None and nxt.group(1).lower() in opens:
            return True
        k += 1
    return text.find(":", unit.start, unit.end) >= 0  # a headline's colon further on


def read_unit(
    text: str, unit: Unit, lang: Language, cue_starts: Sequence[int] | None = None, *, opening: bool = False
) -> UnitReading:
    """The attributions of one unit (``cue_starts`` from :func:`cue_word_starts` saves a rescan); with
    ``opening``, also the name opening a unit that attributes nothing, read from the same tokens."""
    if cue_starts is None:
        cue_starts = cue_word_starts(text[: unit.end], lang.cues)
    if not _may_attribute(text, unit, cue_starts, lang):  # most sentences: nothing to read
        return UnitReading(unit, (), frozenset(), (), 0, unit_subject(text, unit, lang) if opening else None)
    items = unit_items(text, unit)
    view = ContentView(text, unit, lang, items)
    ctx = read_frames(view)
    found = drop_crossing(ctx.found)
    claimed = frozenset(view.items[i].start for i in ctx.claimed)
    words = sum(1 for it in view.items if it.is_word)
    subject = unit_subject(text, unit, lang, view.items) if opening and not found else None
    return UnitReading(unit, tuple(found), claimed, ctx.bare, words, subject, items)


def read_frames(view: ContentView) -> Context:
    """Fold the unit's cues through the frames: the one place that keeps state between them.

    The unit frames first (a dash signature; a headline's colon, which ends the reading); then a
    closing ", X said." probed at the last cue, which owns the whole unit when it reads; then each cue
    in text order, unless it stands inside content already read; then the speech nouns.
    """
    ctx = Context(tuple(find_cues(view.items, view.lang)))
    for frame in frames_on("unit"):
        assert frame.read is not None
        reading = frame.read(Site(view, None, ctx))
        if reading is not None:
            ctx = apply(view, ctx, reading)
            if reading.until >= view.end:
                return ctx
    hits = ctx.hits
    if len(hits) > 1 and hits[-1].entry.frame != "according" and not view.items[hits[-1].first].is_quote:
        # "X called for Y, sources said.": a closing attribution owns everything before it.
        probe = ctx._replace(floor=hits[-2].last + 1, only_postposed=True)
        probe = apply(view, probe, read_cue(view, hits[-1], probe))
        if probe.found:
            return probe
        ctx = ctx._replace(claimed=probe.claimed, bare=probe.bare)
    until = 0  # items before this index belong to an earlier attribution's content
    for hit in hits:
        if hit.first < until and not _in_trailer(view, hit, ctx):
            continue  # a cue inside reported content ("He said officials said ...")
        reading = read_cue(view, hit, ctx)
        ctx = apply(view, ctx, reading)
        until = max(until, reading.until)
    for hit in find_noun_cues(view.items, view.end, view.lang):
        reading = _first_reading(frames_on("noun"), Site(view, hit, ctx))
        if reading is not None:
            ctx = apply(view, ctx, reading)
    return ctx


def _in_trailer(view: ContentView, hit: CueHit, ctx: Context) -> bool:
    """A participle in the trailer of a cue postposed to a quote is no reported content: it reads its
    own ('"…," she said at a rally announcing that …')."""
    site = Site(view, hit, ctx)
    return site.gerund and site.trails_quote_cue


def read_cue(view: ContentView, hit: CueHit, ctx: Context) -> Reading:
    """The first frame that reads this cue, asked in table order (a passive cue reports nothing)."""
    according = hit.entry.frame == "according"
    if not according and view.is_passive(hit):
        return (
            _passive_reading(Site(view, hit, ctx))
            if PASSIVE_REPORT in view.lang.features
            else Reading(hit.first)
        )
    reading = None if according else _comment_reading(Site(view, hit, ctx))
    if reading is None:
        reading = _first_reading(frames_on("according" if according else "verb"), Site(view, hit, ctx))
    if reading is None:
        return Reading(hit.first)
    if hit.entry.frame == IMPERSONAL:  # "es hieß, …": the dummy subject is no speaker
        contents = tuple(c._replace(speaker=None) for c in reading.contents)
        return reading._replace(contents=contents, speaker=None, bare=None)
    return reading


#: The most words between a comment word and its cue ("wie der Berichterstatter der Zeitung meldet").
MAX_COMMENT_WORDS = 6


def _comment_reading(site: Site) -> Reading | None:
    """ "Der Satz bedarf, wie Ruiz bemerkt, der Korrektur", "Ich hatte, wie gesagt, keine Lust": a cue in
    a comment clause opened by a ``comment`` word (``function_words.tsv``) and set off by commas
    reports the clause around it, as one span from its first piece to its last; the comment's subject
    speaks ("wie gesagt", "wie es heißt": nobody named)."""
    v, hit = site.view, site.cue_hit
    comment = v.lang.cls("comment")
    c = hit.first - 1
    while (
        c > 0
        and v.items[c].is_word
        and v.items[c].lower not in comment
        and hit.first - c <= MAX_COMMENT_WORDS
    ):
        c -= 1
    if c < 1 or v.items[c].lower not in comment or v.items[c - 1].text != ",":
        return None
    if c > 1 and v.items[c - 2].lower in v.lang.cls("comparison"):
        return None  # "tanzte so, wie er es gesagt hatte": a comparison, not a comment
    e = hit.last + 1
    while e < v.end and v.items[e].lower in v.lang.aux:
        e += 1  # "wie glaubwürdig mitgeteilt wird"
    if e + 1 >= v.end or v.items[e].text != ",":
        return None
    a = 0
    while a < c and not v.items[a].is_word:
        a += 1
    if a >= c - 1 or sum(1 for it in v.items[e + 1 : v.end] if it.is_word) < 2:
        return None
    s = c + 1
    subject = [k for k in range(s, hit.first) if v.items[k].lower not in v.lang.adv | v.lang.aux]
    named = subject and v.items[subject[0]].lower not in v.lang.cls("expletive")
    speaker = v.mention(subject[0], subject[-1] + 1) if named else None
    return Reading(v.end, (Content(a, v.end, site.cue, speaker, FRAME["parenthetical"]),), speaker)


#: Language feature (``features.txt``): a passive cue reports its clause with no speaker ("Es wird berichtet,
#: dass …", "Die Gäste wurden gebeten, Platz zu nehmen"); elsewhere a passive cue reports nothing.
PASSIVE_REPORT = "passive-report"


def _passive_reading(site: Site) -> Reading:
    """The clause after a passive cue's comma (or its complementiser), with no speaker; the agent
    ("von den Ärzten") is not read. Nothing when no reported clause follows ("wurde gesagt.")."""
    v, hit = site.view, site.cue_hit
    start = v.comma_clause_start(site.k, site.k_trailer)
    if start is None or start >= v.end or start <= hit.last + 1:
        return Reading(hit.first)
    end = v.content_end(start, site.ctx.hits)
    frame = "ask" if hit.entry.frame == "ask" else "clause"
    read = v.reading(frame, frame, start, end) if end > start else None
    if read is None:
        return Reading(hit.first)
    evidence, a, b = read
    return Reading(b, (Content(a, b, site.cue, None, FRAME[evidence if evidence in FRAME else "clause"]),))


def _first_reading(frames: Sequence[Frame], site: Site) -> Reading | None:
    """The first final reading; a speaker named on the way (``final=False``) is kept when the final
    reading names none."""
    named = None
    for frame in frames:
        assert frame.read is not None
        reading = frame.read(site)
        if reading is None:
            continue
        if not reading.final:
            named = reading.speaker
            continue
        return reading if reading.speaker is not None or named is None else reading._replace(speaker=named)
    return None if named is None else Reading(site.cue_hit.first, speaker=named)


def read_units(text: str, units: Sequence[Unit], lang: Language) -> list[UnitReading]:
    """Every unit's reading, with the opening subject of a plain unit that precedes a quotation.

    The cue words of the whole text are found in one scan, and each unit is tokenised once; speakers
    later read ``opening`` instead of tokenising a unit again.
    """
    cue_starts = cue_word_starts(text, lang.cues)
    last = len(units) - 1
    return [
        read_unit(
            text, unit, lang, cue_starts, opening=u < last and bool(units[u + 1].quotes) and not unit.quotes
        )
        for u, unit in enumerate(units)
    ]


#: The items :func:`~quoteattr.phrases.opening_subject` reads at most (a name of up to six words).
OPENING_ITEMS = 7
#: How far a token's pattern looks past its end (``\p{Lu}\.(?=\s\p{Lu})``): a token ending this far
#: before a cut is the same token whether the text is cut there or not.
TOKEN_LOOKAHEAD = 3


def unit_subject(
    text: str, unit: Unit, lang: Language, items: Sequence[Item] | None = None
) -> Mention | None:
    """The name or he/she opening a unit ("Patrick Doyle was blunt."), from its first
    :data:`OPENING_CHARS` characters; ``items``, the unit's tokens when already made, are reused when
    the words it reads end well before that cut (they are then the same tokens)."""
    limit = min(unit.end, unit.start + OPENING_CHARS)
    if items is not None:
        head = items[:OPENING_ITEMS]
        if unit.end <= limit or (len(head) == OPENING_ITEMS and head[-1].end <= limit - TOKEN_LOOKAHEAD):
            return opening_subject(text, head, lang)
    return opening_subject(text, _word_items(text, unit.start, limit), lang)


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
