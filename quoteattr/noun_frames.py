"""Speech-noun frames: "Ruiz's claim that …", "an announcement by the ministry that …", "his remarks
about …".

A speech noun (a ``noun`` row of ``cues.tsv``, found by :func:`quoteattr.cues.find_noun_cues`) reports
content of its own when a that-clause or a topic follows it, where no verb already reported it. These
rows are the ``noun`` part of the one surface table, :data:`quoteattr.frames.FRAMES`, which lists
:data:`NOUN_FRAMES` last, in this order; they live here so that the verb frames' module stays one
reader's size. The parse reader's speech nouns (:mod:`quoteattr.parse_nouns`) share the same rows.
"""

from __future__ import annotations

from .model import Cue
from .phrases import clause_like
from .readings import Content, Reading
from .records import Frame
from .sites import Site

__all__ = ["NOUN_FRAME", "NOUN_FRAMES", "read_speech_noun"]


def read_speech_noun(site: Site) -> Reading | None:
    """ "Ruiz's claim that …", "a Herald report that …", "his remarks about …": a speech noun (a
    ``noun`` row of ``cues.tsv``, found by :func:`quoteattr.cues.find_noun_cues`) and its complement,
    where no verb already reported it. Its content replaces the readings of the cues inside it."""
    v, hit = site.view, site.cue_hit
    i, start = hit.first, hit.last + 2
    if v.owner_start(i) <= v.items_start_of_clause(i):
        return None  # a subject ("Ruiz's claim that … drew protests"): where would its content end?
    if any(f.start <= v.items[start].start < f.end for f in site.ctx.found):
        return None  # already content of a verb: "said his remarks about …"
    end = v.content_end(start, site.ctx.hits)
    content = v.items[start:end]
    if not content:
        return None
    # "the announcement by the ministry that …": the source phrase names the speaker
    speaker = v.mention(i + 2, hit.last + 1) if hit.last > i else v.noun_speaker(i)
    if v.items[start - 1].lower in v.lang.complementisers:
        # "the claim that taxes would rise"; not a relative clause "the report that he wrote"
        if not (any(it.is_quote for it in content) or clause_like(content, v.lang)):
            return None
        verb = next((it for it in content if it.lower not in v.lang.adv), content[0])
        if verb.lower in v.lang.finite_hints | v.lang.cues.first_words or verb.lower.endswith(
            v.lang.endings("past")
        ):
            return None  # "a statement that said …": a relative clause, its verb right after "that"
        row = NOUN_FRAME["noun-that" if hit.last == i else "noun-by-that"]
    else:
        end = v.object_end(start, end)
        if sum(1 for it in v.items[start:end] if it.is_word) < 2 or speaker is None:
            return None  # a topic needs two words and an owner ("his remarks about the budget")
        row = NOUN_FRAME["noun-about"]
    noun = v.items[i]
    cue = Cue(noun.start, noun.end, noun.text, lemma=hit.entry.lemma, type="noun")
    return Reading(end, (Content(start, end, cue, speaker, row),), supersedes=True)


#: The speech-noun frames, in the order the driver asks them (after every verb and according frame).
NOUN_FRAMES: tuple[Frame, ...] = (
    Frame(
        "noun-that",
        "noun-that",
        0.7,
        "Protesters cited Ruiz's claim that the bridge was safe.",
        read_speech_noun,
        "noun",
    ),
    Frame(
        "noun-by-that",
        "noun-by-that",
        0.7,
        "Traders shrugged off an announcement by the ministry that taxes would rise.",
    ),
    Frame("noun-about", "noun-about", 0.65, "Voters were angry after his remarks about the bridge budget."),
)
#: The speech-noun frames by name.
NOUN_FRAME: dict[str, Frame] = {f.name: f for f in NOUN_FRAMES}
