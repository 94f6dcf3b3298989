"""Cues: the reporting verbs (and ``according to``) of a unit, found in its items.

A cue form inside a quotation is never a cue (a quotation is one item); a noun use
("the claim", "declined to comment") and a capitalised word inside a name are not cues.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from .language import Language
from .lexicons import IMPERSONAL, CueEntry, CueLexicon
from .phrases import CAPITALISED_NOUNS, is_cap, is_title_case
from .records import CueHit
from .subject_starts import adjunct_prep, contraction_stem, in_idiom, matrix_before
from .units import Item

#: Longest multi-word cue, in words.
MAX_CUE_WORDS = 4


def is_noun_use(items: Sequence[Item], hit: CueHit, lang: Language) -> bool:
    """Is this cue word a noun here ("made no public mention", "the tweet", "with tweets")?"""
    form = items[hit.first].lower
    prev = items[hit.first - 1].lower if hit.first > 0 else ""
    nxt = items[hit.last + 1].lower if hit.last + 1 < len(items) else ""
    if hit.entry.frame == IMPERSONAL and not (prev in lang.cls("expletive") or nxt in lang.cls("expletive")):
        return True  # "das heißt", "er heißt Peter": an impersonal cue reports only beside its dummy "es"
    if prev in lang.cls("infinitive"):
        # "declined to comment" reports nothing, but "declined to say whether …" and "was quick to add
        # that …" do: the matrix predicate's subject speaks (subject_starts.matrix_before)
        return matrix_before(items, hit.first - 1, lang) is None
    if form.endswith(lang.endings("gerund")) and adjunct_prep(items, hit.first - 1, lang):
        return False  # "He began by saying that …", "aside from saying …": a gerund adjunct reports
    if _verb_by_form(items, hit, prev, lang):
        return False
    if prev in lang.prep or prev in lang.cls("definite") or prev.endswith(lang.endings("possessive")):
        return True  # "others with tweets", "the report", "Friday's tweets"
    if prev in lang.cls("noun_det"):
        return True  # "those states that …", "your state probably offers": a determiner owns a noun
    if form.endswith(lang.endings("plural")) and (prev.endswith(lang.endings("past")) or nxt in lang.aux):
        return True  # "restricted comments", "battleground states could …": plural nouns
    if prev in lang.cls("possessive") and nxt in lang.prep:
        return True  # "his remarks about …", "their comments on …"
    if form != hit.entry.lemma.split()[0]:
        return False
    if modifies_noun(items, hit.first, lang) or modifies_subject(items, hit.first, lang):
        return True  # "federal and state officials said", "Chinese state media reported": a modifier
    if prev in lang.cls("sgdet"):
        return True  # "a claim", "his statement"
    # "no public mention", "a new claim" (but not "his aides say": a possessive may own a plural subject)
    return (
        hit.first >= 2 and items[hit.first - 1].is_word and items[hit.first - 2].lower in lang.cls("indefdet")
    )


def _verb_by_form(items: Sequence[Item], hit: CueHit, prev: str, lang: Language) -> bool:
    """Does the word's form show a verb: a subject pronoun fused with its auxiliary ("He's saying"), or,
    where every noun is capitalised, a lower-case word ("Anna, die sagte, …": a relative pronoun and
    its verb)?"""
    if prev.endswith(lang.endings("possessive")) and contraction_stem(prev, lang) is not None:
        return True
    return CAPITALISED_NOUNS in lang.features and not is_cap(items[hit.first])


def modifies_noun(items: Sequence[Item], i: int, lang: Language) -> bool:
    """Does the word at ``i`` modify a noun after it, coordinated with an adjective ("federal and state
    officials", "local, state and federal officials")? Then it is no verb: a verb's base form there
    would need a subject, and an adjective joined to it by "and" or a comma is none."""
    if i < 2:
        return False
    prev, left = items[i - 1], items[i - 2]
    if not (prev.lower in lang.conj or prev.text == ",") or not _modifier(left, lang):
        return False
    if is_cap(left) and i > 2:
        return False  # "Ruiz and Vos state that …": names are subjects
    k = i + 1
    while (
        k + 1 < len(items)
        and (items[k].lower in lang.conj or items[k].text == ",")
        and _modifier(items[k + 1], lang, any_noun=True)
    ):
        k += 2  # "state and federal officials", "state and county officials"
    if k >= len(items):
        return False
    nxt = items[k]
    noun = nxt.lower in lang.nominals or nxt.lower in lang.cls("person")
    plural = nxt.lower.endswith(lang.endings("plural")) and not nxt.lower.endswith(lang.endings("not_plural"))
    return nxt.is_word and not is_cap(nxt) and nxt.lower not in lang.function_words and (noun or plural)


#: How many content words may stand between a modifying cue form and the reporting verb of its noun.
MAX_MODIFIED_WORDS = 3


def modifies_subject(items: Sequence[Item], i: int, lang: Language) -> bool:
    """Is the base form at ``i`` a modifier in the subject of a finite reporting verb right after
    ("state media said", "state broadcaster CCTV reported")? A verb there would leave the second one
    with no subject, so the first is a noun modifier. Not after a word that could be its own subject
    ("Residents say officials said …")."""
    if i > 0:
        prev = items[i - 1].lower
        subject = prev in lang.subject_pronouns or prev in lang.cls("person")
        if subject or prev.endswith(lang.endings("plural")):
            return False
    for k in range(i + 1, min(len(items), i + 1 + MAX_MODIFIED_WORDS)):
        it = items[k]
        if not it.is_word or it.lower in lang.function_words:
            return False
        entry = lang.cues.lookup(it.lower)
        if entry is not None and entry.type == "verb":
            base = entry.lemma.split()[0]
            return k > i + 1 and it.lower != base and not it.lower.endswith(lang.endings("gerund"))
    return False


def _modifier(it: Item, lang: Language, any_noun: bool = False) -> bool:
    """A word that ends like an adjective ("federal", "local"), or with ``any_noun`` any lower-case
    singular word ("county"), and is no plural noun or function word."""
    w = it.lower
    return (
        it.is_word
        and w not in lang.function_words
        and (w.endswith(lang.endings("modifier")) or (any_noun and not is_cap(it)))
        and not w.endswith(lang.endings("plural"))
    )


#: How far a separated particle may stand from its verb, in items ("warf der Regierung am Montag vor").
MAX_PARTICLE_DISTANCE = 12
#: Items that close the clause a separated particle must end.
CLAUSE_BREAKS = frozenset({",", ":", ";", ".", "!", "?", "…", "—", "–", "(", ")"})


def separated_particle(items: Sequence[Item], lowers: Sequence[str], start: int, particle: str) -> int | None:
    """Index of ``particle`` closing the clause that starts at ``start`` ("fügte sie hinzu,"), if any.

    A separable verb's finite form is a cue only with its particle at the end of its clause:
    "warf ihm vor, …" reports, "warf den Ball" does not.
    """
    n = len(items)
    for j in range(start, min(n, start + MAX_PARTICLE_DISTANCE)):
        if items[j].is_quote or items[j].text in CLAUSE_BREAKS:
            return None
        if lowers[j] == particle:
            closes = j + 1 >= n or items[j + 1].is_quote or items[j + 1].text in CLAUSE_BREAKS
            return j if closes else None
    return None


def find_cues(items: Sequence[Item], lang: Language) -> list[CueHit]:
    """Cue words outside quotations, longest multi-word form first."""
    hits: list[CueHit] = []
    headline: bool | None = None  # read once, and only for a capitalised cue word: most units have none
    lexicon = lang.cues
    first_words = lexicon.first_words
    lowers = [it.lower if it.quote is None else "" for it in items]
    n = len(items)
    i = 0
    while i < n:
        if lowers[i] not in first_words:  # cheap test first: most words start no cue
            i += 1
            continue
        found = None
        for k in range(min(MAX_CUE_WORDS, n - i), 0, -1):
            if k > 1 and not all(lowers[i + m][:1].isalnum() for m in range(1, k)):
                continue
            entry = lexicon.lookup(" ".join(lowers[i : i + k]))
            if entry is not None:
                found = CueHit(i, i + k - 1, entry)
                break
        capitalised = (
            items[i].text[:1].isupper() and i > 0 and not items[i - 1].is_quote and items[i - 1].text != ":"
        )
        # "United States" holds no cue; a title-case headline does, with an inflected verb ("Says", "Warned")
        if capitalised and headline is None:
            headline = is_title_case(items)
        proper = capitalised and not (headline and lowers[i].endswith(lang.endings("headline_verb")))
        found = _with_particle(found, items, lowers)
        if (
            found is not None
            and found.entry.type != "noun"
            and not proper
            and not is_noun_use(items, found, lang)
            and not in_idiom(lowers, found.first, lang)  # "Having said that, …" reports nothing
            and not quotes_as_saying(lowers, found.last, lang)
        ):
            hits.append(found)
            i = found.last + 1
        else:
            i += 1
    return hits


#: The most words the object of a quoting verb may span before its "as" ("quoted an official as saying").
MAX_QUOTED_OBJECT = 8


def quotes_as_saying(lowers: Sequence[str], last: int, lang: Language) -> bool:
    """Is the cue ending at ``last`` a quoting verb whose object speaks through an "as saying" adjunct
    ("State media cited an official as saying that …")? Then the gerund is the cue, not the verb."""
    if lowers[last] not in lang.cls("quoting"):
        return False
    for k in range(last + 1, min(len(lowers) - 1, last + 2 + MAX_QUOTED_OBJECT)):
        if not lowers[k][:1].isalnum():
            return False
        if lowers[k] in lang.cls("adjunct_prep") and lowers[k + 1].endswith(lang.endings("gerund")):
            entry = lang.cues.lookup(lowers[k + 1])
            return entry is not None and entry.type == "verb"
    return False


def _with_particle(hit: CueHit | None, items: Sequence[Item], lowers: Sequence[str]) -> CueHit | None:
    """A separable verb's finite form keeps its cue only with the particle found ("fügte … hinzu");
    its joined forms ("hinzugefügt") and every other cue pass unchanged."""
    if hit is None or not hit.entry.particle or lowers[hit.first].startswith(hit.entry.particle):
        return hit
    at = separated_particle(items, lowers, hit.last + 1, hit.entry.particle)
    return None if at is None else attrs.evolve(hit, particle=at)


_WORD_RE = regex.compile(r"\p{L}++")


def cue_word_starts(text: str, lexicon: CueLexicon) -> list[int]:
    """Offsets of every word that can start a cue, in one pass over the text (sorted)."""
    first_words = lexicon.first_words_any_case  # "said", "Said", "SAID": no lower() per word
    return [m.start() for m in _WORD_RE.finditer(text) if m.group() in first_words]


#: The most items the source of a speech noun may span ("by the ministry of finance").
MAX_NOUN_SOURCE = 6


def find_noun_cues(items: Sequence[Item], end: int, lang: Language) -> list[CueHit]:
    """Speech nouns (``noun`` rows of ``cues.tsv``) before a word that opens their content
    (:func:`noun_openers`: "claim that", "remarks about", "attacks on", "criticism for"), outside
    quotations, among the first ``end`` items.

    A source phrase may stand between ("the announcement by the ministry that …"): the hit then runs
    from the noun to the source's last word, and the complement word follows the hit. A source is
    tried first, so "the claim of the ministry that …" names the ministry while "claims of abuse" (no
    complement after "of abuse") reads "of" as the noun's own preposition.
    """
    sources = lang.cls("noun_source")
    nouns = lang.cues.nouns
    hits = []
    for i in range(end - 2):
        noun = items[i]
        entry = None if noun.is_quote else nouns.get(noun.lower)
        if entry is None:
            continue
        opens = noun_openers(entry, lang)
        nxt = items[i + 1].lower
        last = _source_end(items, i + 2, end, opens, lang) if nxt in sources else None
        if last is not None:
            hits.append(CueHit(i, last, entry))
        elif nxt in opens:
            hits.append(CueHit(i, i, entry))
    return hits


def noun_openers(entry: CueEntry, lang: Language) -> frozenset[str]:
    """The words that open speech noun ``entry``'s content: its own prepositions (the fifth column of
    its ``cues.tsv`` row: "attack" takes "on", "criticism" takes "for"), else the language's
    ``noun_complement`` words ("that", "about")."""
    return frozenset(entry.preps) if entry.preps else lang.cls("noun_complement")


def _source_end(items: Sequence[Item], a: int, end: int, opens: frozenset[str], lang: Language) -> int | None:
    """The last word of a speech noun's source starting at item ``a``, when a complement word (one of
    the noun's ``opens`` that is a ``noun_complement`` word: "by X that …", "by X about …"; "by X on
    Friday" is no complement) follows it within :data:`MAX_NOUN_SOURCE` words of plain words (no verb,
    no cue)."""
    opens = opens & lang.cls("noun_complement")
    stops = lang.finite_hints | lang.cues.first_words
    for k in range(a, min(end - 1, a + MAX_NOUN_SOURCE + 1)):
        it = items[k]
        if it.lower in opens:
            return k - 1 if k > a else None
        if is_title_dot(items, k, lang):
            continue  # "by Mr. Osei that …"
        if not it.is_word or it.lower in stops:
            return None
    return None


def is_title_dot(items: Sequence[Item], k: int, lang: Language) -> bool:
    """Is item ``k`` the full stop of an abbreviated title ("Mr.", "Lt.")?"""
    return items[k].text == "." and k > 0 and items[k - 1].lower + "." in lang.titles
