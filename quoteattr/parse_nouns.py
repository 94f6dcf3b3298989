"""Speech nouns on the parse: "his claim that …", "the announcement by the ministry that …",
"her remarks about …".

The same data as the surface reader (:meth:`quoteattr.readings.ContentReader.read_speech_nouns`):
the ``noun`` rows of ``cues.tsv`` (``Language.cues.nouns``), the ``noun_complement`` words of
``function_words.tsv`` and the ``noun-that``/``noun-about`` rows of :data:`quoteattr.frames.FRAMES`.
The parse tells what the surface must guess: a complement clause (``acl``) from a relative clause
(``acl:relcl``: "the report that he wrote"), and where a speech noun in a subject ends ("His claim
that the bridge was safe *drew protests*").
"""

from __future__ import annotations

from collections.abc import Iterator

from .frames import FRAME  # the surface rows the parse noun frames share
from .language import Language
from .parse_tree import Content, Tree, trim_trailing_time
from .records import CueHit

#: Relations by which a complement clause hangs on its speech noun ("the claim *that it failed*").
COMPLEMENT_CLAUSE_DEPS = ("acl", "ccomp")
#: Relations of a speech noun's prepositional dependents: its owner ("by the ministry"), its topic.
NOUN_PHRASE_DEPS = ("nmod", "obl", "obl:agent", "nmod:agent")
#: Word classes of the head tokens a speech noun may be.
NOUN_UPOS = frozenset({"NOUN"})
#: The fewest words a topic has ("about the budget"; "about it" says nothing).
MIN_TOPIC_WORDS = 2


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
    reads them; None otherwise ("the findings raise concerns": "raise" is no light verb)."""
    h = tree.head(n)
    if h is None or tree.toks[n].deprel != "obj":
        return None
    light = lang.cls("light_speaker") | lang.cls("light_hearer")
    return h if tree.toks[h].text.lower() in light else None


def noun_contents(tree: Tree, n: int, lang: Language, owned: bool, light: int | None = None) -> list[Content]:
    """The content of speech noun ``n``: its that-clause (``noun-that``), else, when it has an owner,
    its topic ("his remarks about the budget": ``noun-about``, a trailing time adjunct left out).
    After a light verb (:func:`light_verb`) both are ``noun-light``, owned or not, and the topic may
    hang on the verb ("voiced concerns *about the audit*")."""
    clause = complement_clause(tree, n, lang)
    if clause is not None:
        row = FRAME["noun-that" if light is None else "noun-light"]
        return [Content(tuple(tree.subtree(clause)), row.name, row.confidence)]
    if not owned and light is None:
        return []  # "the remarks about the budget": a topic with no one speaking
    topics = lang.cls("noun_complement") - lang.complementisers
    row = FRAME["noun-about" if light is None else "noun-light"]
    heads = tree.children(n, *NOUN_PHRASE_DEPS)
    if light is not None:
        heads += [k for k in tree.children(light, "obl") if k > n]
    for k in heads:
        if tree.case_of(k) in topics:
            case = set(tree.children(k, "case"))
            span = trim_trailing_time(tree, [j for j in tree.subtree(k) if j not in case], lang.time)
            if sum(1 for j in span if tree.toks[j].upos not in ("PUNCT", "SYM")) >= MIN_TOPIC_WORDS:
                return [Content(tuple(span), row.name, row.confidence)]
    return []
