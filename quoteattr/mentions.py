"""The mention layer: speaker mentions cleaned, and the people and groups a document names.

Two jobs, both before coreference.

**Speaker mentions cleaned** (:func:`clean_speakers`).

The surface reader takes the words before a cue as its subject, so a sentence that opens with
an adverbial ("In August the council said", "Meanwhile the board said") hands over a mention
that starts with words naming nobody, or is made only of them ("Under", "Instead"). A reader
never takes those words for a person:

* a leading adverbial ("Meanwhile", "Although", "Later") is cut off the mention;
* a mention opening with a preposition keeps only a noun phrase after it ("In August the
  council" → "the council"), or names nobody;
* a mention that names nobody is dropped: the quote keeps its span and cue and loses the
  speaker, so it counts as unattributed instead of being given to a non-person.

**The referents of a document** (:func:`build_layer`): every full name, titled name and role
description outside quotations, read once from the tokens of the units the attribution stage
made, each a :class:`Referent` with what a reader knows about it: its kind (person, organisation,
group), gender evidence (an honorific, a known given name, a gendered role noun), its grammatical
role (a subject opening its sentence or governing a verb, an object, or inside a prepositional
phrase), and the role words attached to it ("ministry spokesman Karl Vos", "Karl Vos, a
spokesman for the ministry"). Coreference reads this layer instead of scanning the text again:
a surname's full name, the person a role noun points back to, the candidates a pronoun weighs.
Capitalised runs that are places ("Main Street", "Port Ellis") are not referents. How a unit's
words become referents is :mod:`quoteattr.referents`; this module decides which units are read, and
when.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence

import attrs
import regex

from . import subject_starts
from .language import Language
from .model import Mention
from .phrases import mention_kind
from .records import Found
from .referents import (
    MAX_APPOSITION_WORDS,
    MAX_DESCRIPTION_WORDS,
    ROLES,
    SHOUTED_LETTERS,
    Referent,
    _UnitScan,
    gendered_nouns,
    name_kind,
    organisation_words,
)
from .units import Item, Unit, item_index, unit_items

__all__ = [
    "ADVERBIAL_CLASSES",
    "DROPPED",
    "MAX_APPOSITION_WORDS",
    "MAX_DESCRIPTION_WORDS",
    "ROLES",
    "SHOUTED_LETTERS",
    "MentionLayer",
    "Referent",
    "build_layer",
    "clean_speakers",
    "gendered_nouns",
    "name_kind",
    "organisation_words",
    "trim",
    "trim_tail",
]

#: Appended to the evidence of a quote whose speaker mention was dropped.
DROPPED = "+no-speaker"
#: Function-word classes (function_words.tsv) whose words never start or make up a speaker.
ADVERBIAL_CLASSES = ("adv", "time", "subord", "conj", "prep", "linker", "lone_adverbial")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’.\-]*+")


def clean_speakers(found: Iterable[Found], lang: Language) -> list[Found]:
    """The attributions with each speaker mention trimmed, or dropped when it names nobody."""
    out: list[Found] = []
    for f in found:
        if f.speaker is not None:
            tail = trim_tail(f.speaker, lang)
            if tail != f.speaker:
                f = attrs.evolve(f, speaker=tail)
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


def trim_tail(m: Mention, lang: Language) -> Mention:
    """``m`` without manner adverbs a tag left after it: "Frank stoutly" → "Frank", "she calmly" → "she"."""
    words = list(_WORD.finditer(m.text))
    keep = len(words)
    while keep > 1 and _manner_adverb(words[keep - 1].group(), lang):
        if words[keep - 1].group() in lang.cls("ly_noun") or words[keep - 2].group().lower() in lang.det:
            break  # "the family", "a close ally": the "-ly" word is the noun
        keep -= 1
    if keep == len(words):
        return m
    text = m.text[: words[keep - 1].end()]
    kind = "pronoun" if keep == 1 and text.lower() in lang.pronouns else m.kind
    return Mention(m.start, m.start + len(text), text, kind=kind)


def _manner_adverb(word: str, lang: Language) -> bool:
    """A lower-case "-ly" adverb or a listed adverb ("sharply", "then"): never the end of a speaker."""
    return (
        word.islower()
        and (word.endswith(lang.endings("manner_adverb")) or word in lang.adv)
        and word not in lang.nominals
    )


def _first_kept(words: list[regex.Match[str]], lang: Language) -> int | None:
    """Index of the first word of the speaker inside the mention's words, or None."""
    lower = [w.group().lower().rstrip(".") for w in words]
    if lower[-1] in lang.cls("impersonal"):
        return None  # "It's worth (noting that …)": an impersonal frame, nobody speaks
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


class MentionLayer:
    """The referents of one document by unit, and where its units start (to place an offset).

    A unit's tokens are read the first time a rule asks about it, then kept: coreference looks only
    a few units back from a speaker, so units far from any speaker are never tokenised again (the
    attribution stage already skips most of them), and reading each unit at most once keeps the
    layer linear in the text.
    """

    def __init__(
        self,
        text: str,
        units: Sequence[Unit],
        speakers: Iterable[Mention],
        lang: Language,
        tokens: Sequence[Sequence[Item] | None] = (),
    ) -> None:
        self.text, self.units, self.lang = text, tuple(units), lang
        self.tokens = tokens  #: each unit's items where the attribution stage made them (read once)
        self.unit_starts = tuple(u.start for u in self.units)
        self._spans = sorted((m.start, m.end) for m in speakers)
        self._read: dict[int, tuple[Referent, ...]] = {}
        self._folded: dict[int, str] = {}

    def unit_of(self, offset: int) -> int:
        """Index of the unit holding ``offset`` (the last unit starting at or before it)."""
        return max(0, bisect.bisect_right(self.unit_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> int:
        return self.units[self.unit_of(offset)].paragraph if self.units else 0

    def in_unit(self, k: int) -> tuple[Referent, ...]:
        """The referents of unit ``k``, in text order."""
        found = self._read.get(k)
        if found is None:
            unit = self.units[k]
            items = self.tokens[k] if k < len(self.tokens) else None
            if items is None:
                items = unit_items(self.text, unit)
            scan = _UnitScan(self.text, items, k, unit.paragraph, self.lang)
            spans = self._spans
            found = tuple(
                attrs.evolve(r, speaker=True) if _overlaps(spans, r) else r for r in scan.referents()
            )
            self._read[k] = found
        return found

    @property
    def referents(self) -> tuple[Referent, ...]:
        """Every referent of the document (reads every unit)."""
        return tuple(r for k in range(len(self.units)) for r in self.in_unit(k))

    def latest(self, offset: int, units_back: int, spelling: str = "", word: str = "") -> Iterator[Referent]:
        """:meth:`before`'s referents latest first, reading a unit only when the caller gets that far.

        A caller that stops at the first match (the nearest earlier full name, role, description) so
        reads one unit or a few, not all ``units_back``. A unit is not read at all when it cannot hold
        what the caller looks for: with ``spelling``, a name containing that text as written (a unit
        whose text before ``offset`` lacks it); with ``word``, a role or head word, which the scan
        takes lower-cased from the unit's own tokens (a unit whose case-folded text lacks it).
        """
        if not self.units:
            return
        text, units, last = self.text, self.units, self.unit_of(offset)
        folded = word.casefold()
        for k in range(last, max(0, last - units_back) - 1, -1):
            if spelling and text.find(spelling, units[k].start, min(units[k].end, offset)) < 0:
                continue
            if folded and folded not in self._casefolded(k):
                continue
            for r in reversed(self.in_unit(k)):
                if r.end <= offset:
                    yield r

    def _casefolded(self, k: int) -> str:
        """Unit ``k``'s text case-folded (per character, so a lower-cased token of it folds into it)."""
        folded = self._folded.get(k)
        if folded is None:
            folded = self._folded[k] = self.text[self.units[k].start : self.units[k].end].casefold()
        return folded

    def antecedent(self, m: Mention) -> Mention | None:
        """The noun phrase a relative-pronoun speaker stands for ("Ruiz" for the "who" of "Ruiz, who
        said"), read deterministically from its unit's words: the phrase right before the pronoun,
        never a salience guess (:func:`quoteattr.subject_starts.antecedent`). ``None`` when ``m`` is no
        relative pronoun or nothing stands before it."""
        if not self.units or m.text.strip().lower() not in self.lang.relpro | self.lang.cls("relative"):
            return None
        k = self.unit_of(m.start)
        items = self.tokens[k] if k < len(self.tokens) else None
        if items is None:
            items = unit_items(self.text, self.units[k])
        r = item_index(items, m.start)
        found = None if r is None else subject_starts.named_antecedent(items, r, self.lang)
        if found is None:
            return None
        a, b = found
        start, end = items[a].start, items[b - 1].end
        return Mention(start, end, self.text[start:end], kind=mention_kind(items[a:b], self.lang))

    def before(self, offset: int, units_back: int) -> Sequence[Referent]:
        """Referents ending before ``offset``, in its unit or the ``units_back`` units before, latest last."""
        if not self.units:
            return []
        last = self.unit_of(offset)
        out: list[Referent] = []
        units = self.units
        for k in range(max(0, last - units_back), last + 1):
            if units[k].end <= offset:
                out.extend(self.in_unit(k))  # the whole unit ends before offset: no test per referent
            else:
                out.extend(r for r in self.in_unit(k) if r.end <= offset)
        return out


def build_layer(
    text: str,
    units: Sequence[Unit],
    speakers: Iterable[Mention],
    lang: Language,
    tokens: Sequence[Sequence[Item] | None] = (),
) -> MentionLayer:
    """The layer of the units' referents (outside quotations), flagged where they are a speaker mention;
    ``tokens``, the units' items the attribution stage already made, are reused."""
    return MentionLayer(text, units, speakers, lang, tokens)


def _overlaps(spans: Sequence[tuple[int, int]], r: Referent) -> bool:
    at = bisect.bisect_left(spans, (r.end, r.end))
    return at > 0 and spans[at - 1][1] > r.start
