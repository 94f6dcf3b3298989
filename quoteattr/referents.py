"""How one unit's words become referents: the single pass the mention layer runs on a unit.

Why a module of its own: :mod:`quoteattr.mentions` decides *which* units are read and when (lazily,
a few units back from a speaker, each at most once) and answers coreference's questions; this module
holds *how* a unit is read, the reader's rules that grow with every new kind of name or description
(a capitalised run is a name unless it is a place, a headline or a lone sentence opener; "det … role
noun" is a description; a name and a description in apposition are one referent). Keeping the rules
apart keeps both modules under the size limit and lets each change without reading the other.

:class:`Referent` is what a unit yields; :func:`name_kind`, :func:`organisation_words` and
:func:`gendered_nouns` are the word lists and tests coreference shares with the scan. All are
re-exported by :mod:`quoteattr.mentions`, their public home.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs
import regex

from .language import Language
from .lexicons import data_lines, has_file
from .names import _cached_if_short, description_name, gender_of_name, head, proper_name, without_portfolio
from .tokens import is_capitalised
from .units import TERMINAL, Item

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
