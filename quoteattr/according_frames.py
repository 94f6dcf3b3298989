"""The frames of "according to" and its kin: a source phrase, not a verb's subject, names the speaker.

``According to X, CONTENT``, ``CONTENT, according to X``, German ``Laut X …`` and ``X zufolge …``
(a ``prep``/``postp`` row of ``cues.tsv``). These rows are the ``according`` part of the one surface
table, :data:`quoteattr.frames.FRAMES`, which lists :data:`ACCORDING_FRAMES` after the verb frames and
before the speech-noun frames, in this order.
"""

from __future__ import annotations

from .phrases import CAPITALISED_NOUNS, clause_like, is_cap, noun_phrase_end
from .readings import Content, ContentView, Reading
from .records import Frame
from .sites import Site
from .units import PHRASE_BREAKS

__all__ = ["ACCORDING_FRAME", "ACCORDING_FRAMES"]


def read_postposition(site: Site) -> Reading | None:
    """``X zufolge CONTENT``: the source stands before the cue, the content after it."""
    v, hit = site.view, site.cue_hit
    if hit.entry.type != "postp":
        return None
    s = hit.first
    while s > 0 and hit.first - s < 8 and v.items[s - 1].is_word:
        s -= 1
    if s == hit.first:
        return Reading(hit.first)
    speaker = v.mention(s, hit.first)
    first = v.items_start_of_clause(hit.first)
    start = hit.last + 1 if s <= first else first
    return Reading(
        v.end, (Content(start, v.end, site.cue, speaker, ACCORDING_FRAME["according-to-post"]),), speaker
    )


def _source_end(site: Site) -> int:
    """Where the source after ``according to`` ends: at a phrase break or a quotation."""
    v = site.view
    b = site.cue_hit.last + 1
    while b < v.end and v.items[b].text not in PHRASE_BREAKS and not v.items[b].is_quote:
        b += 1
    return b


def _no_source(site: Site) -> bool:
    """Where nouns are capitalised, a source opens with a noun or a determiner ("laut Polizei", "laut
    dem Bericht", "laut amtlichen Angaben"); "gähnte laut und …", "rief laut," use the word as an adverb."""
    v, hit = site.view, site.cue_hit
    if CAPITALISED_NOUNS not in v.lang.features or hit.entry.type != "prep":
        return False
    a = hit.last + 1
    if a >= v.end or not v.items[a].is_word:
        return True
    first = v.items[a]
    if is_cap(first) or first.lower in v.lang.det | v.lang.cls("article"):
        return False
    nxt = v.items[a + 1] if a + 1 < v.end else None
    modifier = first.lower not in v.lang.function_words and first.lower not in v.lang.stop
    return not (modifier and nxt is not None and nxt.is_word and is_cap(nxt))


def read_according_bare(site: Site) -> Reading | None:
    """ "Laut Polizei wurde …": a source without a comma, its noun phrase ended by the verb."""
    v, hit = site.view, site.cue_hit
    if _no_source(site):
        return Reading(hit.first)  # an adverb: no source, nothing reported
    if _source_end(site) < v.end or v.items_start_of_clause(hit.first) != hit.first:
        return None
    head_end = noun_phrase_end(v.items, hit.last + 1, v.end, v.lang)
    if head_end is None or head_end >= v.end:
        return None
    speaker = v.mention(hit.last + 1, head_end)
    return Reading(
        v.end, (Content(head_end, v.end, site.cue, speaker, ACCORDING_FRAME["according-to-bare"]),), speaker
    )


def read_according(site: Site) -> Reading | None:
    """``According to X, CONTENT`` and ``CONTENT, according to X (, CONTENT)``."""
    v, hit = site.view, site.cue_hit
    a, b = hit.last + 1, _source_end(site)
    if b == a or b - a > 12:
        return Reading(hit.first)
    speaker = v.mention(a, b)
    first = v.items_start_of_clause(hit.first)
    if first == hit.first or (hit.first - first <= 1):  # According to X, CONTENT
        if b < v.end and v.items[b].text == ",":
            return Reading(
                v.end, (Content(b + 1, v.end, site.cue, speaker, ACCORDING_FRAME["according-to"]),), speaker
            )
        return Reading(v.end, speaker=speaker)
    # CONTENT, according to X [, CONTENT]  → discontinuous content runs first to last fragment, unless
    # the words before the cue are a whole clause and what follows the source opens no conjunct: then
    # it describes the source or the figure (", according to Ana Ruiz, a former aide, …", ", more than …")
    if b < v.end - 1 and not _closed_before(v, first, hit.first, b + 1):
        content = Content(first, v.end, site.cue, speaker, ACCORDING_FRAME["according-to-inside"])
    else:
        end = hit.first - 1 if v.items[hit.first - 1].text == "," else hit.first
        content = Content(first, end, site.cue, speaker, ACCORDING_FRAME["according-to"])
    return Reading(v.end, (content,), speaker)


def _closed_before(v: ContentView, first: int, cue: int, rest: int) -> bool:
    """Is ``[first, cue)`` a whole clause and the word at ``rest`` (after the source) no conjunction?"""
    return v.items[rest].lower not in v.lang.conj and clause_like(v.items[first:cue], v.lang)


#: The frames of an ``according`` cue, in the order the driver asks them.
ACCORDING_FRAMES: tuple[Frame, ...] = (
    Frame(
        "according-to-post",
        "according-to",
        0.8,
        "Dem Sprecher zufolge ist der Schaden gering.",
        read_postposition,
        "according",
    ),
    Frame(
        "according-to-bare",
        "according-to",
        0.8,
        "Laut Polizei wurde niemand verletzt.",
        read_according_bare,
        "according",
    ),
    Frame(
        "according-to",
        "according-to",
        0.85,
        "According to Ruiz, the bridge will reopen.",
        read_according,
        "according",
    ),
    Frame("according-to-inside", "according-to", 0.75, "The bridge, according to Ruiz, will reopen soon."),
)
#: The according frames by name.
ACCORDING_FRAME: dict[str, Frame] = {f.name: f for f in ACCORDING_FRAMES}
