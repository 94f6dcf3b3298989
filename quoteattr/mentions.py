"""The mention layer: speaker mentions cleaned before coreference.

The surface reader takes the words before a cue as its subject, so a sentence that opens with
an adverbial ("In August the council said", "Meanwhile the board said") hands over a mention
that starts with words naming nobody, or is made only of them ("Under", "Instead"). A reader
never takes those words for a person:

* a leading adverbial ("Meanwhile", "Although", "Later") is cut off the mention;
* a mention opening with a preposition keeps only a noun phrase after it ("In August the
  council" → "the council"), or names nobody;
* a mention that names nobody is dropped: the quote keeps its span and cue and loses the
  speaker, so it counts as unattributed instead of being given to a non-person.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from .language import Language
from .model import Mention
from .records import Found

#: Appended to the evidence of a quote whose speaker mention was dropped.
DROPPED = "+no-speaker"
#: Function-word classes (function_words.tsv) whose words never start or make up a speaker.
ADVERBIAL_CLASSES = ("adv", "time", "subord", "conj", "prep", "linker", "lone_adverbial")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’.\-]*+")


def clean_speakers(found: Iterable[Found], lang: Language) -> list[Found]:
    """The attributions with each speaker mention trimmed, or dropped when it names nobody."""
    out: list[Found] = []
    for f in found:
        if f.speaker is not None and f.speaker.kind != "pronoun":
            m = trim(f.speaker, lang)
            if m is None:
                f = attrs.evolve(f, speaker=None, speaker_key=None, evidence=f.evidence + DROPPED)
            elif m != f.speaker:
                f = attrs.evolve(f, speaker=m)
        out.append(f)
    return out


def trim(m: Mention, lang: Language) -> Mention | None:
    """``m`` without its leading adverbials; None when nothing in it can name a speaker."""
    words = list(_WORD.finditer(m.text))
    if not words:
        return m  # "18" (of them): not this layer's to judge
    keep = _first_kept(words, lang)
    if keep is None:
        return None
    if keep == 0:
        return m
    start = m.start + words[keep].start()
    return Mention(start, m.end, m.text[words[keep].start() :], kind=m.kind)


def _first_kept(words: list[regex.Match[str]], lang: Language) -> int | None:
    """Index of the first word of the speaker inside the mention's words, or None."""
    lower = [w.group().lower().rstrip(".") for w in words]
    if lower[0] in lang.prep:
        if len(lower) > 1 and _is_title(lower[1], lang):
            return 0  # "Under Secretary X"
        later = [i for i in range(2, len(lower)) if lower[i] in lang.det]
        return later[-1] if later else None  # "In August the council" → "the council"
    i = 0
    while i < len(lower) and _adverbial(words[i].group(), lang):
        i += 1
    if i == len(lower):
        return None  # "Instead", "Meanwhile", "egregiously"
    return i


def _is_title(word: str, lang: Language) -> bool:
    return word in lang.titles or word + "." in lang.titles


def _adverbial(word: str, lang: Language) -> bool:
    """A word that only opens a clause: "Meanwhile", "Instead", "Although", "Later", "egregiously".

    Quantifiers and demonstratives ("all", "some", "dieser", "beide") are not: they stand for people.
    """
    lower = word.lower()
    if any(lower in lang.cls(name) for name in ADVERBIAL_CLASSES):
        return True
    return lower.endswith("ly") and word.islower()
