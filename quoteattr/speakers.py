"""Speakers for direct quotes that no cue in their own sentence claimed.

News writing attributes a quotation once and lets the reader carry the speaker
over: ``He said:`` then a quoted sentence; ``"A," she said. "B."``; a quoted
paragraph after a paragraph whose quote was attributed; a quote followed by a
bare ``Ruiz said.``. These rules look at the neighbouring units in that order
and record which one fired as the quote's ``evidence``.

Short quoted words inside a sentence with no cue (scare quotes, titles,
nicknames) are not quotations and are dropped here.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from .attribution import unit_subject
from .language import Language
from .model import Mention
from .quotemarks import QuoteSpan
from .units import Found, UnitReading

# Possessive runs (issue 6): a word never gives back letters to look for ":" (same matches, no backtracking).
#: A speaker label opening a transcript line inside quotes: "WALLACE: …", "MS. RUIZ: …".
TRANSCRIPT_LABEL = regex.compile(r"\s*+((?:\p{Lu}[\p{Lu}.'’\-]*+)(?:[ ](?:\p{Lu}[\p{Lu}.'’\-]*+)){0,2}+):\s")
#: A quotation with fewer words than this, inside a sentence with other words and no cue, is a scare quote.
MIN_STANDALONE_WORDS = 4
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
            if n_words < MIN_STANDALONE_WORDS and not standalone:
                continue  # scare quote, title or nickname
            if not standalone and n_words < 2 * MIN_STANDALONE_WORDS:
                continue
            source, evidence, conf = _from_context(text, readings, u, q, lang)
            if source is None and q.open in group_speaker:
                source, evidence, conf = group_speaker[q.open], "multi-paragraph", 0.7
            found = Found(
                q.start,
                q.end,
                "direct",
                source.cue if source else None,
                source.speaker if source else None,
                evidence,
                conf if source else 0.4,
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
                replace[id(f)] = attrs.evolve(
                    f, speaker=source.speaker, cue=source.cue, evidence="multi-paragraph", confidence=0.75
                )
    return [replace.get(id(f), f) for f in found]


_WORD = regex.compile(r"[\p{L}\p{N}]++(?:['’\-.][\p{L}\p{N}]++)*+")


def _word_count(text: str, q: QuoteSpan) -> int:
    return sum(1 for _ in _WORD.finditer(text, q.start, q.end))


def _next_piece_open(readings: Sequence[UnitReading], u: int, q: QuoteSpan) -> int:
    for k in range(u + 1, len(readings)):  # not readings[u + 1 :]: a copy per quote was quadratic (issue 6)
        for other in readings[k].unit.quotes:
            if other.open > q.open:
                return other.open
    return -1


def _from_context(  # noqa: C901 (issue 11: still to split)
    text: str, readings: Sequence[UnitReading], u: int, q: QuoteSpan, lang: Language
) -> tuple[Found | None, str, float]:
    unit = readings[u].unit
    # (a quotation signed with a dash was claimed by the dash-signature frame: it never reaches here)
    label = TRANSCRIPT_LABEL.match(text, q.start, q.end)
    if label is not None:  # "WALLACE: Let's start …" — a transcript names its speakers
        name = Mention(label.start(1), label.end(1), label.group(1), kind="name")
        return Found(q.start, q.end, "direct", None, name, "", 0.0), "transcript-label", 0.8
    # "…," Trump said, adding later, "…": the same sentence already named the voice.
    here = [f for f in readings[u].found if f.speaker is not None and f.kind == "direct" and f.end <= q.start]
    if here:
        return here[-1], "same-sentence", 0.85
    prev = readings[u - 1] if u > 0 else None
    nxt = readings[u + 1] if u + 1 < len(readings) else None
    # "He said:" closing the previous unit introduces this quotation.
    if prev is not None and prev.bare and prev.unit.paragraph >= unit.paragraph - 1:
        cue, speaker = prev.bare[-1]
        return Found(q.start, q.end, "direct", cue, speaker, "", 0.0), "colon-before", 0.8
    # A bare "Ruiz said." right after it in the paragraph.
    if nxt is not None and nxt.bare and nxt.unit.paragraph == unit.paragraph:
        cue, speaker = nxt.bare[0]
        return Found(q.start, q.end, "direct", cue, speaker, "", 0.0), "bare-after", 0.85
    # Another quote of the same paragraph, attributed: the same voice goes on.
    for reading in (prev, nxt):
        if reading is not None and reading.unit.paragraph == unit.paragraph:
            attributed = [f for f in reading.found if f.speaker is not None and f.kind in ("direct", "mixed")]
            if attributed:
                f = attributed[-1] if reading is prev else attributed[0]
                return f, "same-paragraph", 0.7
    # "Siobhan Kerr, 47, said she …" right after the quote: the speaker introduced next.
    if nxt is not None and nxt.unit.paragraph == unit.paragraph:
        opening = [f for f in nxt.found if f.speaker is not None and f.speaker.start <= nxt.unit.start + 1]
        if opening and opening[0].speaker is not None and opening[0].speaker.kind == "name":
            return opening[0], "speaker-next", 0.6
    # A quoted paragraph right after a paragraph whose last attribution was a quotation.
    if prev is not None and prev.unit.paragraph == unit.paragraph - 1 and _starts_unit(q, unit.start):
        attributed = [f for f in prev.found if f.speaker is not None]
        if attributed and attributed[-1].kind in ("direct", "mixed"):
            return attributed[-1], "next-paragraph", 0.6
    # "Patrick Doyle was blunt. "…"": the name that opens the previous sentence.
    if (
        prev is not None
        and not prev.found
        and not prev.unit.quotes
        and prev.unit.paragraph >= unit.paragraph - 1
    ):
        subject = unit_subject(text, prev.unit, lang)
        if subject is not None:
            return Found(q.start, q.end, "direct", None, subject, "", 0.0), "subject-before", 0.5
    return None, "unattributed", 0.4


def _starts_unit(q: QuoteSpan, unit_start: int) -> bool:
    return q.open <= unit_start + 1
