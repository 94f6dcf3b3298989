"""Speech nouns on the parse: "his claim that …", "the announcement by the ministry that …",
"her remarks about …".

The same data as the surface reader (:mod:`quoteattr.noun_frames`): the ``noun`` rows of
``cues.tsv`` (``Language.cues.nouns``) with the prepositions each noun takes (its fifth column, else
the ``noun_complement`` words of ``function_words.tsv``: :func:`quoteattr.cues.noun_openers`), the
``deed_noun`` and ``light_*`` words, and the ``noun-that``/``noun-about``/``noun-light`` rows of
:data:`quoteattr.frames.FRAMES`.
The parse tells what the surface must guess: a complement clause (``acl``) from a relative clause
(``acl:relcl``: "the report that he wrote"), and where a speech noun in a subject ends ("His claim
that the bridge was safe *drew protests*").
"""

from __future__ import annotations

from collections.abc import Iterator

from .cues import noun_openers
from .frames import FRAME  # the surface rows the parse noun frames share
from .language import Language
from .lexicons import CueEntry
from .noun_frames import person_noun
from .parse_tree import Content, Tree, trim_trailing_time
from .records import CueHit

#: Relations by which a complement clause hangs on its speech noun ("the claim *that it failed*").
COMPLEMENT_CLAUSE_DEPS = ("acl", "ccomp")
#: Relations of a speech noun's prepositional dependents: its owner ("by the ministry"), its topic.
NOUN_PHRASE_DEPS = ("nmod", "obl", "obl:agent", "nmod:agent")
#: Relations of a speech noun's clausal topic ("criticism for *failing* to act": acl, or advcl on the verb).
TOPIC_CLAUSE_DEPS = ("acl", "advcl")
#: Word classes of the head tokens a speech noun may be.
NOUN_UPOS = frozenset({"NOUN"})
#: The fewest words a topic has ("about the budget"; "about it" says nothing), unless its one word is
#: of these classes ("about immigration").
MIN_TOPIC_WORDS = 2
LONE_TOPIC_UPOS = frozenset({"NOUN", "PROPN"})


def find_noun_cues(tree: Tree, lang: Language) -> Iterator[CueHit]:
    """Speech nouns (one word, or two: "press conference"); the noun is the hit's ``last`` token."""
    nouns = lang.cues.nouns
    toks = tree.toks
    for i, tok in enumerate(toks):
        if tok.upos not in NOUN_UPOS:
            continue
        two = nouns.get(f"{toks[i - 1].text} {tok.text}".lower()) if i else None
        if two is not None:
            yield CueHit(i - 1, i, two)
            continue
        entry = nouns.get(tok.text.lower())
        if entry is not None:
            yield CueHit(i, i, entry)


def noun_speaker(tree: Tree, n: int, lang: Language) -> tuple[int | None, str]:
    """Who a speech noun belongs to: a possessive ("Ruiz's claim", "his remarks") or a ``by``-phrase
    ("the announcement by the ministry"); (None, "none") when it names no one."""
    for k in tree.children(n, "nmod:poss"):
        return k, "poss"
    for k in tree.children(n, *NOUN_PHRASE_DEPS):
        if tree.case_of(k) in lang.cls("agent"):
            return k, "by"
    return None, "none"


def complement_clause(tree: Tree, n: int, lang: Language) -> int | None:
    """The clause a complementiser attaches to speech noun ``n`` ("the claim that …"), if any."""
    for k in tree.children(n, *COMPLEMENT_CLAUSE_DEPS):
        if any(tree.toks[m].text.lower() in lang.complementisers for m in tree.children(k, "mark")):
            return k
    return None


def light_verb(tree: Tree, n: int, lang: Language) -> int | None:
    """The light verb whose object speech noun ``n`` is ("voiced *concerns*", "faced *concerns*"): the
    ``light_speaker``/``light_hearer`` words of ``function_words.tsv``, as the surface noun-light frame
    reads them; a ``light_person`` verb only when its subject names someone ("Ruiz raised questions";
    "the findings raise concerns" is no speech); None otherwise."""
    h = tree.head(n)
    if h is None or tree.toks[n].deprel != "obj":
        return None
    word = tree.toks[h].text.lower()
    if word not in lang.cls("light_speaker") | lang.cls("light_hearer"):
        return None
    if word in lang.cls("light_person"):
        subject = tree.children(h, "nsubj")
        if not subject or not names_someone(tree, subject[0], lang):
            return None
    return h


def names_someone(tree: Tree, k: int, lang: Language) -> bool:
    """Does token ``k`` head a phrase naming someone: a proper noun, a personal pronoun, a role noun
    ("the mayor")? A document ("the report": a speech noun) or a finding names no one."""
    tok = tree.toks[k]
    word = tok.text.lower()
    if tok.upos == "PROPN":
        return True
    if word in lang.cues.nouns:
        return False
    return word in lang.personal_subjects or person_noun(word, lang)


def noun_entry(tree: Tree, n: int, lang: Language) -> CueEntry | None:
    """The ``cues.tsv`` row of speech noun ``n`` (two words, "press conference", or one)."""
    nouns, toks = lang.cues.nouns, tree.toks
    two = nouns.get(f"{toks[n - 1].text} {toks[n].text}".lower()) if n else None
    return two if two is not None else nouns.get(toks[n].text.lower())


def _lone_topic(tree: Tree, k: int, lang: Language) -> bool:
    """May token ``k`` alone be a topic: a plain noun or a name ("her remarks about *immigration*"), no
    pronoun, number or ``stop`` word ("about it", "for nothing"), as the surface reader has it."""
    tok = tree.toks[k]
    return tok.upos in LONE_TOPIC_UPOS and tok.text.lower() not in lang.cls("stop")


def _about_someone(tree: Tree, k: int, lang: Language) -> bool:
    """Is the topic headed by ``k`` about someone: a name, a role noun, or something of someone's
    ("his record", "the mayor's plan")? The parse form of the surface ``deed_noun`` test."""
    tok = tree.toks[k]
    if tok.upos == "PROPN" or tree.children(k, "nmod:poss"):
        return True
    return person_noun(tok.text.lower(), lang)


def noun_contents(tree: Tree, n: int, lang: Language, owned: bool, light: int | None = None) -> list[Content]:
    """The content of speech noun ``n``: its that-clause (``noun-that``), else, when it has an owner,
    its topic ("his remarks about the budget": ``noun-about``, a trailing time adjunct left out).
    After a light verb (:func:`light_verb`) both are ``noun-light``, owned or not, and the topic may
    hang on the verb ("voiced concerns *about the audit*")."""
    entry = noun_entry(tree, n, lang)
    openers = noun_openers(entry, lang) if entry is not None else lang.cls("noun_complement")
    clause = complement_clause(tree, n, lang) if openers & lang.complementisers else None
    if clause is not None:
        row = FRAME["noun-that" if light is None else "noun-light"]
        return [Content(tuple(tree.subtree(clause)), row.name, row.confidence)]
    if not owned and light is None:
        return []  # "the remarks about the budget": a topic with no one speaking
    topics = openers - lang.complementisers
    deed = entry is not None and entry.lemma in lang.cls("deed_noun")
    row = FRAME["noun-about" if light is None else "noun-light"]
    heads = tree.children(n, *NOUN_PHRASE_DEPS, *TOPIC_CLAUSE_DEPS)
    if light is not None:
        heads += [k for k in tree.children(light, "obl", *TOPIC_CLAUSE_DEPS) if k > n]
    for k in heads:
        case = [j for j in tree.children(k, "case", "mark") if j < k]
        if not case or tree.toks[case[0]].text.lower() not in topics:
            continue  # "criticism *for* failing …": a gerund clause's marker is its preposition
        if tree.toks[k].text.lower() in lang.time or (deed and not _about_someone(tree, k, lang)):
            continue  # "his remarks on Saturday"; "an attack on the village" is a deed
        span = trim_trailing_time(tree, [j for j in tree.subtree(k) if j not in case], lang.time)
        words = [j for j in span if tree.toks[j].upos not in ("PUNCT", "SYM")]
        lone = len(words) == 1 and _lone_topic(tree, words[0], lang)
        if len(words) >= MIN_TOPIC_WORDS or lone:
            return [Content(tuple(span), row.name, row.confidence)]
    return []
