"""The mention layer: speaker mentions that cannot name anyone are dropped before coreference.

The surface reader takes the words before a cue as its subject, so a sentence that opens with
an adverbial ("In August, several groups said", "Meanwhile, it attacked") or a lone adverb can
hand over a "speaker" that names nobody. A reader never takes "Under" or "In August" for a
person: such a mention opens with a preposition, or is made only of sentence openers (function
words, months, days; ``lexicons/<lang>/name_stoppers.txt``). The quote keeps its span and cue and
loses the speaker, so it is counted as unattributed instead of being given to a non-person.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .language import Language
from .model import Mention
from .records import Found

#: Appended to the evidence of a quote whose speaker mention was dropped.
DROPPED = "+no-speaker"


def names_nobody(m: Mention, lang: Language) -> bool:
    """Is ``m`` a mention no reader would take for a speaker ("Under", "In August", "Meanwhile")?"""
    if m.kind == "pronoun":
        return False
    words = [w.strip(".,;:()'’\"“”") for w in m.text.split()]
    words = [w for w in words if w]
    if not words:
        return True
    first = words[0].lower()
    if first in lang.prep and not (len(words) > 1 and _is_title(words[1], lang)):
        return True  # a subject never opens with a preposition: "In August", "Under the plan"
    return len(words) == 1 and _adverbial(words[0], lang)


def _is_title(word: str, lang: Language) -> bool:
    return word.lower() in lang.titles or word.lower() + "." in lang.titles


def _adverbial(word: str, lang: Language) -> bool:
    """A lone word that can only be an adverbial: "Meanwhile", "Instead", "Although", "egregiously".

    Quantifiers and demonstratives ("all", "some", "dieser", "beide") are left alone: they do stand
    for people.
    """
    lower = word.lower()
    if any(lower in lang.cls(name) for name in ADVERBIAL_CLASSES):
        return True
    return lower.endswith("ly") and word.islower()


#: Function-word classes (function_words.tsv) whose words, alone, are never a speaker.
ADVERBIAL_CLASSES = ("adv", "time", "subord", "conj", "prep", "linker")


def drop_non_speakers(found: Iterable[Found], lang: Language) -> list[Found]:
    """The attributions, with every speaker mention that names nobody removed."""
    out: list[Found] = []
    for f in found:
        if f.speaker is not None and names_nobody(f.speaker, lang):
            f = attrs.evolve(f, speaker=None, speaker_key=None, evidence=f.evidence + DROPPED)
        out.append(f)
    return out
