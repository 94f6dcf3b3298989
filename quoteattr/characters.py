"""Characters of a story: names clustered into people, with a gender learned from the text.

Why a module of its own: fiction names one person many ways ("Elizabeth", "Miss Elizabeth Bennet",
"Elizabeth Bennet"), and a title tells people apart who share a surname ("Mr. Bennet" is never
"Mrs. Bennet"). The dialogue stage (:mod:`quoteattr.dialogue`) asks this table who a name, a
pronoun or a description is; it reads only strings and offsets, never the other stages' internals.

Merging rules (conservative: a wrong merge costs more than a missed one):

* a name joins a character whose name words contain its words or are contained in them
  ("Emma" ~ "Emma Wood"), the most recently mentioned first;
* a titled surname ("Mrs. Wood") joins only a character already called with that title, or one
  whose name has more words than the surname (a first name) and no clashing title;
* titles with different genders (or "Miss" against "Mrs.") never merge;
* a user list (``Pipeline(characters=...)``) seeds the table: its aliases map straight to it.

>>> table = CharacterTable()
>>> a = table.observe("Miss Emma Wood", 0)
>>> table.observe("Emma", 30) is a, table.observe("Mr. Wood", 60) is a
(True, False)
>>> a.gender, table.observe("Miss Wood", 90) is a
('f', True)
"""

from __future__ import annotations

import functools
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .lexicons import data_lines, function_words, pronouns, word_list
from .names import _cached_if_short

__all__ = ["Character", "CharacterTable", "address_words", "gender_words", "name_parts"]


@functools.lru_cache(maxsize=1)
def gender_words() -> Mapping[str, tuple[str, str]]:
    """``lexicons/en/gender.tsv``: word → (gender, use); the first row of a word wins for its gender."""
    table: dict[str, tuple[str, str]] = {}
    for line in data_lines("gender.tsv", "en"):  # the dialogue stage is English so far
        word, gender, use = line.split("\t")
        table.setdefault(word, (gender, use))
        if use == "title":  # "sir" is both a title and a form of address: remember the title use
            table[word] = (gender, use)
    return table


@functools.lru_cache(maxsize=1)
def given_names() -> Mapping[str, str]:
    """``lexicons/en/given_names.tsv``: a given name → the gender it tells ("nina" → "f")."""
    return dict(line.split("\t")[:2] for line in data_lines("given_names.tsv", "en"))


@functools.lru_cache(maxsize=1)
def address_words() -> frozenset[str]:
    """Words of ``gender.tsv`` used to address someone ("sir", "Daddy"), whatever their other uses."""
    return frozenset(
        line.split("\t")[0] for line in data_lines("gender.tsv", "en") if line.split("\t")[2] == "address"
    )


@functools.lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    gendered = {w for w, (_, use) in gender_words().items() if use == "title"}
    return frozenset(gendered | set(word_list("titles.txt")))


@functools.lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Lower-cased words that never open a character's name (sentence starters, pronouns, "Chapter")."""
    starters = {w.lower() for w in word_list("sentence_starters.txt")}
    return frozenset(starters | set(function_words_all()) | set(pronouns()) | set(word_list("not_names.txt")))


@functools.lru_cache(maxsize=1)
def function_words_all() -> frozenset[str]:
    return frozenset(w for words in function_words().values() for w in words)


#: Words before a name that are not part of it (``lexicons/en/name_prefixes.tsv``): all of them are
#: dropped to match names, the ``all`` ones also when a name is shown ("the Mouse" → "Mouse").
_PREFIX_ROWS = [line.split("\t") for line in data_lines("name_prefixes.tsv", "en")]
NAME_PREFIXES = frozenset(word for word, _ in _PREFIX_ROWS)
SHOWN_WITHOUT = frozenset(word for word, scope in _PREFIX_ROWS if scope == "all")

#: Marital titles (``lexicons/en/marital_titles.txt``): "Miss Wood" and "Mrs. Wood" are two women, never one.
_MARITAL = word_list("marital_titles.txt")


@_cached_if_short  # runs for every tag, vocative and narration name (~20,000 times a pdnc pass) on few names
def name_parts(surface: str) -> tuple[str, tuple[str, ...]]:
    """``(title, words)`` of a name, lower-cased, no article: "the Mrs. Ann Wood" → ("mrs", ("ann", "wood")).

    >>> name_parts("Mr. Darcy"), name_parts("the Mouse"), name_parts("Lady Ann Wood")
    (('mr', ('darcy',)), ('', ('mouse',)), ('lady', ('ann', 'wood')))
    """
    words = [w.strip(".,;:!?'’\"“”") for w in surface.split()]
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in words if w]  # "Ann's" is Ann
    while words and words[0] in NAME_PREFIXES:
        words.pop(0)
    title = ""
    titles = _title_words()
    while len(words) > 1 and (words[0] in titles or words[0] + "." in titles):
        title = title or words[0].rstrip(".")
        words.pop(0)
    return title, tuple(words)


def title_gender(title: str) -> str:
    """``m``/``f`` for a gendered title, else ``""``."""
    g = gender_words().get(title) or gender_words().get(title + ".")
    return g[0] if g else ""


@attrs.define(eq=False)
class Character:
    """One person of the story: every surface form seen, name words, titles, gender votes."""

    id: int
    forms: Counter[str] = attrs.field(factory=Counter)
    words: set[str] = attrs.field(factory=set)
    titles: set[str] = attrs.field(factory=set)
    votes: Counter[str] = attrs.field(factory=Counter)
    fixed_name: str = ""  #: the user's canonical name, when the list came from the user
    narrator: bool = False
    spoke: bool = False  #: named in a speech tag: surely a person
    given: str = ""  #: the gender its given name tells ("Nina": "f"), if the name is one of given_names.tsv

    @property
    def gender(self) -> str:
        """``m``/``f`` from titles first, then the given name, then the he/she votes; ``""`` when unknown."""
        for t in self.titles:
            g = title_gender(t)
            if g:
                return g
        if self.given:
            return self.given
        m, f = self.votes["m"], self.votes["f"]
        return "m" if m > f else "f" if f > m else ""

    @property
    def name(self) -> str:
        """The user's name, else the form used most often (ties: the longest) — the one a reader knows."""
        if self.fixed_name:
            return self.fixed_name
        if not self.forms:
            return ""
        return max(self.forms.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


#: How many recently mentioned characters a pronoun or a name lookup weighs (keeps cost linear).
RECENT = 24


class CharacterTable:
    """The characters of one text, indexed by name word, with a recency order for salience."""

    def __init__(self, user: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self.characters: list[Character] = []
        self.by_word: dict[str, list[Character]] = {}
        self.by_alias: dict[str, Character] = {}
        self.recency: OrderedDict[int, int] = OrderedDict()  # character id → last position, latest last
        self.active: OrderedDict[int, int] = OrderedDict()  # the same, for subjects and speakers only
        self.by_title: dict[str, list[Character]] = {}
        self.base = 0  #: where this piece starts in a whole book (positions stay ordered)
        for name, aliases in user:
            c = self._new()
            c.fixed_name = name
            c.spoke = True
            for alias in (name, *aliases):
                self.by_alias[alias.strip().lower()] = c
                self._absorb(c, alias, count=False)

    def _new(self) -> Character:
        c = Character(len(self.characters))
        self.characters.append(c)
        return c

    def _absorb(self, c: Character, surface: str, *, count: bool = True) -> None:
        title, words = name_parts(surface)
        if count:
            c.forms[_display(surface)] += 1
        if len(words) > 1 or not title:  # "Mr. Rose" is a surname; "Rose" or "Rose Hill" may be given
            c.given = c.given or given_names().get(words[0], "") if words else c.given
        if title and title not in c.titles:
            c.titles.add(title)
            self.by_title.setdefault(title, []).append(c)
        for w in words:
            if w not in c.words:
                c.words.add(w)
                self.by_word.setdefault(w, []).append(c)

    def touch(self, c: Character, pos: int, *, active: bool = False) -> None:
        """``c`` was mentioned at ``pos`` (``active``: as subject or speaker): now the most salient."""
        self.recency[c.id] = self.base + pos
        self.recency.move_to_end(c.id)
        if active:
            self.active[c.id] = self.base + pos
            self.active.move_to_end(c.id)

    def recent(self, *, active: bool = False) -> list[Character]:
        """The most recently mentioned (or active) characters, latest first (at most :data:`RECENT`)."""
        out = []
        for cid in reversed(self.active if active else self.recency):
            out.append(self.characters[cid])
            if len(out) >= RECENT:
                break
        return out

    def lookup(self, surface: str) -> Character | None:
        """The character ``surface`` names, if one is known (nothing is added)."""
        alias = self.by_alias.get(_display(surface).lower())
        if alias is not None:
            return alias
        title, words = name_parts(surface)
        if not words:
            return None
        if len(words) == 1 and not title and (words[0] in _title_words() or words[0] + "." in _title_words()):
            titled = self.by_title.get(words[0].rstrip("."), [])  # "the Countess" → "Countess Olenska"
            if titled and not self.by_word.get(words[0]):
                return max(titled, key=lambda c: self.recency.get(c.id, -1))
        candidates = {id(c): c for w in words for c in self.by_word.get(w, ())}.values()
        fitting = [c for c in candidates if _fits(title, words, c)]
        if not fitting:
            return None
        order = {cid: k for k, cid in enumerate(reversed(self.recency))}
        return min(fitting, key=lambda c: (order.get(c.id, len(order)), -len(c.words & set(words))))

    def observe(self, surface: str, pos: int, *, active: bool = True) -> Character:
        """The character ``surface`` names, made if new; it becomes the most salient."""
        c = self.lookup(surface)
        if c is None:
            c = self._new()
        self._absorb(c, surface)
        self.touch(c, pos, active=active)
        return c

    def vote(self, c: Character, gender: str) -> None:
        """A he/she that refers back to ``c``: one vote for its gender."""
        if gender in ("m", "f"):
            c.votes[gender] += 1

    def narrator(self, pos: int) -> Character:
        """The first-person narrator ("I said"), one character for the whole text."""
        for c in self.characters:
            if c.narrator:
                self.touch(c, pos, active=True)
                return c
        c = self._new()
        c.narrator = True
        c.forms["I"] += 1
        self.touch(c, pos, active=True)
        return c


def _display(surface: str) -> str:
    """The surface form without a leading article or edge punctuation: "the Mouse," → "Mouse"."""
    words = surface.strip(" ,;:!?\"“”'’").removesuffix("'s").removesuffix("’s").split()
    while words and words[0].lower() in SHOWN_WITHOUT:
        words.pop(0)
    return " ".join(words)


def _fits(title: str, words: tuple[str, ...], c: Character) -> bool:
    """Whether a name with ``title`` and ``words`` can be character ``c`` (the rules in the module doc)."""
    ws = set(words)
    if not (ws <= c.words or c.words <= ws):
        return False
    gender = title_gender(title)
    if gender and c.gender and gender != c.gender:
        return False
    if title in _MARITAL and c.titles & _MARITAL and title not in c.titles:
        return False
    if title and len(words) == 1 and title not in c.titles:
        # "Mr. Wood" joins only someone called "Mr. ..." before, or someone with a first name and no title
        return not c.titles and len(c.words) > 1 and bool(gender) and c.gender == gender
    if c.titles and not title and len(words) == 1 and c.words == ws:
        return True  # "Darcy" after "Mr. Darcy"
    return True
