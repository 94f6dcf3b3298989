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
Capitalised runs that are places ("Main Street", "Port Ellis") are not referents.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs
import regex

from . import subject_starts
from .language import Language
from .lexicons import data_lines, has_file
from .model import Mention
from .names import _cached_if_short, description_name, gender_of_name, head, proper_name, without_portfolio
from .phrases import mention_kind
from .records import Found
from .tokens import is_capitalised
from .units import TERMINAL, Item, Unit, unit_items

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


# --------------------------------------------------------------------------- the referent layer

#: Grammatical roles a referent can have, most salient first (see quoteattr.salience.WEIGHTS).
ROLES = ("subject", "object", "oblique")
#: Most words a role description may have from its determiner to its head ("a senior police spokeswoman").
MAX_DESCRIPTION_WORDS = 4
#: The most words read after a name for an appositive role ("Karl Vos, a spokesman for the ministry,").
MAX_APPOSITION_WORDS = 8


@attrs.frozen
class Referent:
    """Someone the text names or describes outside quotations, with what a reader knows about them.

    ``kind`` is ``person``, ``org``, ``group`` (a plural description: "officials") or ``""`` (a name
    of unknown kind); ``gender`` is ``m``/``f`` or ``""``; ``role`` one of :data:`ROLES`; ``unit`` the
    index of its unit; ``roles`` the role words attached to it; ``speaker``: it is the speaker
    mention of an attribution; ``described``: it is a description, not a name.
    """

    start: int
    end: int
    name: str
    kind: str
    gender: str
    role: str
    unit: int
    paragraph: int
    roles: frozenset[str] = frozenset()
    speaker: bool = False
    described: bool = False

    @property
    def plural(self) -> bool:
        return self.kind == "group" or ";" in self.name


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
        r = next((i for i, it in enumerate(items) if it.start == m.start), None)
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


def organisation_words(lang: Language) -> frozenset[str]:
    """Last words of organisation names (``organisations.txt``; empty for a language without it)."""
    return _organisation_words(lang.code)


@functools.cache
def _organisation_words(code: str) -> frozenset[str]:
    if not has_file("organisations.txt", code):
        return frozenset()
    return frozenset(line.strip().lower() for line in data_lines("organisations.txt", code))


def gendered_nouns(lang: Language) -> Mapping[str, str]:
    """Role and kin nouns that tell a gender ("spokeswoman", "chairman"), from ``gender.tsv``."""
    return _gendered_nouns(lang.code)


@functools.cache
def _gendered_nouns(code: str) -> Mapping[str, str]:
    if not has_file("gender.tsv", code):
        return {}
    rows = [line.split("\t") for line in data_lines("gender.tsv", code)]
    return {r[0].strip(): r[1].strip() for r in rows if len(r) > 2 and r[2].strip() in ("noun", "title")}


def name_kind(name: str, lang: Language) -> str:
    """ "org", "group", "place" or "" from a name's words: "Norrland Bank", "Ministry of Health" are
    organisations, "Residents of Pellow Lane" a group, "Main Street" a place."""
    return _kind_of_name(name, lang)


@_cached_if_short  # the mention layer and coreference ask it for the same names again and again
def _kind_of_name(name: str, lang: Language) -> str:
    words = name.lower().split()
    if not words:
        return ""
    of = next((k for k, w in enumerate(words) if k > 0 and w in lang.name_particles), len(words))
    first_part = words[:of]
    orgs = organisation_words(lang)
    if first_part[-1] in orgs or (of < len(words) and first_part[0] in orgs):
        return "org"
    last = first_part[-1]
    if of < len(words) and (
        last in lang.cls("person") or (last.endswith("s") and last[:-1] in lang.nominals)
    ):
        return "group"
    return "place" if last in lang.place_words else ""


#: Between a name and a description in apposition: "Her husband, Mark Petrov," / "Ana Ruiz, the mayor,".
_APPOSITION_GAP = regex.compile(r",[ \t]*+")


#: An all-capitals word this long is shouted (a headline, a label), not an acronym ("NATO", "UN").
SHOUTED_LETTERS = 5


def _shouted(word: str) -> bool:
    return len(word) >= SHOUTED_LETTERS and word.isalpha() and word.isupper()


def _merge_appositions(text: str, refs: list[Referent]) -> list[Referent]:
    """A name and a description in apposition are one referent: the name, in the first one's role."""
    out: list[Referent] = []
    for r in refs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.described != r.described
            and _APPOSITION_GAP.fullmatch(text, prev.end, r.start) is not None
        ):
            name, described = (r, prev) if prev.described else (prev, r)
            out[-1] = attrs.evolve(
                name,
                role=prev.role,
                roles=name.roles | described.roles,
                gender=name.gender or described.gender,
                kind=name.kind or described.kind,
            )
            continue
        out.append(r)
    return out


@functools.lru_cache(maxsize=16)
def _role_heads(lang: Language) -> frozenset[str]:
    """Nouns that head a description: role, person and gendered nouns, and organisations ("the bank")."""
    return lang.nominals | lang.cls("person") | frozenset(gendered_nouns(lang)) | organisation_words(lang)


class _UnitScan:
    """One pass over a unit's items: capitalised runs become names, "det … role noun" descriptions."""

    def __init__(self, text: str, items: Sequence[Item], unit: int, paragraph: int, lang: Language) -> None:
        self.text, self.items, self.unit, self.paragraph, self.lang = text, items, unit, paragraph, lang
        # read once per item: the scan asks again and again (the hot path of this stage)
        self.caps = [
            it.is_word and (it.text[0].isupper() or ("-" in it.text and is_capitalised(it.text)))
            for it in items
        ]

    def referents(self) -> list[Referent]:
        out: list[Referent] = []
        items, caps, i = self.items, self.caps, 0
        heads = _role_heads(self.lang)
        while i < len(items):
            if caps[i]:
                last = self._run_end(i)
                r = self._name(i, last)
                if r is not None:
                    out.append(r)
                i = last + 1
                continue
            if items[i].lower in heads:
                r = self._description(i)
                if r is not None:
                    out.append(r)
            i += 1
        return _merge_appositions(self.text, out)

    def _capital(self, k: int) -> bool:
        return self.caps[k]

    def _run_end(self, i: int) -> int:
        """Index of the last item of the capitalised run starting at ``i`` (``i - 1`` if none starts)."""
        items = self.items
        if not self._capital(i):
            return i - 1
        last, j = i, i + 1
        while j < len(items) and items[j].start - items[j - 1].end <= 1:
            if self._capital(j):
                last, j = j, j + 1
            elif items[j].text == "." and self._abbreviated_title(items[j - 1].lower) and j + 1 < len(items):
                j += 1  # "Mrs. Okafor", "Sen. Ruiz": the dot of a title
            elif items[j].lower in self.lang.name_particles and j + 1 < len(items) and self._capital(j + 1):
                j += 1
            else:
                break
        return last

    def _name(self, i: int, last: int) -> Referent | None:
        lang, items = self.lang, self.items
        if i == last and items[i].lower in lang.not_name_openers:
            return None  # "But", "He" opening a sentence: proper_name rejects a lone opener; skip its lookups
        # Each test below only rejects, so the cheap ones go first (the outcome does not depend on order).
        if i > 0 and items[i - 1].lower in lang.cls("located"):
            return None  # "on Main Street", "in Port Ellis": a place
        run = items[i : last + 1]
        if any(_shouted(it.text) for it in run):
            return None  # "HE BORROWING Back when …": a headline or a transcript label, not a name
        run_text = self.text[items[i].start : items[last].end]
        name = without_portfolio(proper_name(run_text, lang), items, i, lang)
        if name is None:
            return None
        words = [it.lower.rstrip(".") for it in run]
        titles, honorifics = lang.titles, lang.honorifics
        titled = any(w in titles or w + "." in titles or w in honorifics for w in words)
        if " " not in name and not titled and not self._lone_name(i, name):
            return None  # a lone capitalised word opening a sentence may be any word: "Later", "Police"
        kind = self._name_kind(name)
        if kind == "place":
            return None  # "Main Street": a place
        roles = {w for w in words if w in lang.titles or w in lang.nominals} | self._roles_before(i)
        roles |= self._apposition(i, last)
        nouns = gendered_nouns(lang)
        gender = (gender_of_name(run_text, lang) if titled else "") or gender_of_name(name, lang)
        gender = gender or next((nouns[r] for r in sorted(roles) if r in nouns), "")
        if not kind and (gender or titled or roles):
            kind = "person"
        return Referent(
            items[i].start, items[last].end, name, kind, gender, self._role(i, last), self.unit,
            self.paragraph, frozenset(roles),
        )  # fmt: skip

    def _lone_name(self, i: int, name: str) -> bool:
        """A one-word name counts inside a sentence ("At last Charles spoke"), or as a known given name."""
        lang, lower = self.lang, name.lower()
        if lower in lang.given_names:
            return True
        if (
            name.isupper()
            or lower in lang.function_words
            or lower in lang.nominals
            or lower in lang.cls("person")
        ):
            return False
        if not self._opens_sentence(i):
            return True
        # "Winterbourne was embarrassed": a sentence opener followed by its verb is a subject
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        return (
            nxt is not None and nxt.is_word and self._finite(nxt.lower) and name not in lang.sentence_starters
        )

    def _abbreviated_title(self, lower: str) -> bool:
        return lower + "." in self.lang.titles or lower in self.lang.honorifics

    def _name_kind(self, name: str) -> str:
        """See :func:`name_kind`."""
        return name_kind(name, self.lang)

    def _roles_before(self, i: int) -> set[str]:
        """A role noun right before a name: "ministry spokesman Karl Vos" → {"spokesman"}."""
        prev = self.items[i - 1] if i > 0 else None
        if prev is not None and prev.is_word and prev.text.islower() and prev.lower in self.lang.nominals:
            return {prev.lower}
        return set()

    def _apposition(self, i: int, last: int) -> set[str]:
        """Role nouns in "Name, a/an/the … role …," after the name; none after a place or a preposition."""
        items, lang = self.items, self.lang
        if last + 2 >= len(items) or items[last + 1].text != "," or items[last + 2].lower not in lang.det:
            return set()
        if i > 0 and items[i - 1].lower in lang.prep:
            return set()  # "in Dunmore, a spokesman said": a place or an organisation, not the speaker
        out: set[str] = set()
        words: list[str] = []
        for it in items[last + 3 : last + 3 + MAX_APPOSITION_WORDS]:
            if not it.is_word:
                break
            words.append(it.lower)
            if it.lower in lang.nominals:
                out.add(it.lower)
        if words:
            out.add(head(" ".join(words), lang))  # "an engineer for the county": the engineer
        return out

    def _role_noun(self, lower: str) -> bool:
        return lower in _role_heads(self.lang)

    def _description(self, head: int) -> Referent | None:
        """A determiner, a few lower-case words, a role noun: "a police spokeswoman", "the mayor"."""
        items, lang = self.items, self.lang
        k = head - 1
        while k >= 0 and head - k <= MAX_DESCRIPTION_WORDS and items[k].is_word and items[k].text.islower():
            if items[k].lower in lang.det:
                break
            k -= 1
        if k < 0 or items[k].lower not in lang.det or not items[k].is_word:
            return None
        if head + 1 < len(items) and items[head + 1].is_word and self._role_noun(items[head + 1].lower):
            return None  # "the police spokeswoman": the head comes later
        lower = items[head].lower
        plural = lower not in lang.nominals or (lower.endswith("s") and lower[:-1] in lang.nominals)
        plural = plural and lower not in gendered_nouns(lang)
        kind = "org" if lower in organisation_words(lang) else ("group" if plural else "person")
        s, e = items[k].start, items[head].end
        return Referent(
            s, e, description_name(self.text[s:e], lang), kind,
            gendered_nouns(lang).get(lower, ""), self._role(k, head), self.unit, self.paragraph,
            frozenset({lower}), described=True,
        )  # fmt: skip

    def _role(self, i: int, last: int) -> str:
        """Subject if it opens its sentence or a verb follows; oblique after a preposition; else object."""
        items, lang = self.items, self.lang
        prev = items[i - 1] if i > 0 else None
        if prev is not None and prev.lower in lang.prep:
            return "oblique"
        if self._opens_sentence(i):
            return "subject"
        nxt = items[last + 1] if last + 1 < len(items) else None
        if nxt is not None and nxt.is_word and self._finite(nxt.lower):
            return "subject"
        return "object"

    def _opens_sentence(self, i: int) -> bool:
        """Only modifiers stand between the sentence start and item ``i`` ("Ministry spokesman Karl Vos")."""
        k = i - 1
        while k >= 0 and i - k <= MAX_DESCRIPTION_WORDS and self._modifier(self.items[k]):
            k -= 1
        return k < 0 or self.items[k].text in TERMINAL or self.items[k].is_quote

    def _modifier(self, it: Item) -> bool:
        """A word that may stand in a subject before its head: a capitalised word or a role noun."""
        lang = self.lang
        if not it.is_word or it.lower in lang.det or it.lower in lang.prep:
            return False
        return is_capitalised(it.text) or it.lower in lang.nominals or it.lower in lang.cls("person")

    def _finite(self, lower: str) -> bool:
        """A verb after a noun phrase makes it the subject: an auxiliary, a past form, a cue ("said")."""
        lang = self.lang
        return (
            lower in lang.finite_hints
            or lang.cues.lookup(lower) is not None
            or any(lower.endswith(e) for e in lang.endings("past"))
        )
