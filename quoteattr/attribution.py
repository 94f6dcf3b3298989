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

import attrs

from .cues import cue_word_starts, find_cues, find_noun_cues
from .frames import frames_on
from .language import Language
from .model import Mention
from .phrases import opening_subject
from .readings import ContentView, Context, Reading, apply
from .records import CueHit, Found, Frame
from .sites import Site
from .units import Unit, UnitReading, _word_items, unit_items

#: How much of a unit without quotes or cues is read to find the name opening it.
OPENING_CHARS = 120


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
    view = ContentView(text, unit, lang, unit_items(text, unit))
    ctx = read_frames(view)
    found = drop_crossing(ctx.found)
    claimed = frozenset(view.items[i].start for i in ctx.claimed)
    words = sum(1 for it in view.items if it.is_word)
    return UnitReading(unit, tuple(found), claimed, ctx.bare, words)


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
        probe = attrs.evolve(ctx, floor=hits[-2].last + 1, only_postposed=True)
        probe = apply(view, probe, read_cue(view, hits[-1], probe))
        if probe.found:
            return probe
        ctx = attrs.evolve(ctx, claimed=probe.claimed, bare=probe.bare)
    until = 0  # items before this index belong to an earlier attribution's content
    for hit in hits:
        if hit.first < until:
            continue  # a cue inside reported content ("He said officials said ...")
        reading = read_cue(view, hit, ctx)
        ctx = apply(view, ctx, reading)
        until = max(until, reading.until)
    for hit in find_noun_cues(view.items, view.end, view.lang):
        reading = _first_reading(frames_on("noun"), Site(view, hit, ctx))
        if reading is not None:
            ctx = apply(view, ctx, reading)
    return ctx


def read_cue(view: ContentView, hit: CueHit, ctx: Context) -> Reading:
    """The first frame that reads this cue, asked in table order (a passive cue reports nothing)."""
    according = hit.entry.frame == "according"
    if not according and view.is_passive(hit):
        return Reading(hit.first)
    reading = _first_reading(frames_on("according" if according else "verb"), Site(view, hit, ctx))
    return reading if reading is not None else Reading(hit.first)


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
        return (
            reading if reading.speaker is not None or named is None else attrs.evolve(reading, speaker=named)
        )
    return None if named is None else Reading(site.cue_hit.first, speaker=named)


def read_units(text: str, units: Sequence[Unit], lang: Language) -> list[UnitReading]:
    """Every unit's reading, with the opening subject of a plain unit that precedes a quotation.

    The cue words of the whole text are found in one scan; speakers later read ``opening``
    instead of tokenising a unit again.
    """
    cue_starts = cue_word_starts(text, lang.cues)
    readings = [read_unit(text, unit, lang, cue_starts) for unit in units]
    for u in range(len(readings) - 1):
        r = readings[u]
        if readings[u + 1].unit.quotes and not r.found and not r.unit.quotes:
            readings[u] = attrs.evolve(r, opening=unit_subject(text, r.unit, lang))
    return readings


def unit_subject(text: str, unit: Unit, lang: Language) -> Mention | None:
    """The name or he/she opening a unit ("Patrick Doyle was blunt.")."""
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
