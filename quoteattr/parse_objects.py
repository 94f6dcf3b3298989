"""Object frames on the parse: what a cue's object reports ("called for *new elections*", "denied *any
role in it*", "attacked *the plan as a tax*", "called *the plan unworkable*", "said *as much*") and when
it reports nothing.

Each reads the surface frame's data, not a copy: ``prop`` objects follow
:meth:`quoteattr.readings.ContentReader.is_object_content`; a verdict cue (``frames.READ_AS``) needs the
reason or label of :func:`quoteattr.complements.states_verdict`; a name cue's predicate
:func:`quoteattr.complements.object_predicate`; an anaphoric object the ``anaphor_*`` classes of
``function_words.tsv`` that ``frames.read_said_anaphor`` reads. Used by :mod:`quoteattr.parse_rules`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .complements import counts_occasion, predicate_word
from .frames import FRAME, MAX_SPLIT_WORDS, READ_AS
from .language import Language
from .parse_nouns import complement_clause
from .parse_tree import Content, Tree, trim_trailing_time
from .records import CueHit

#: After an object cue's object, a complement that belongs to the content (``X *for doing Y*``).
COMPLEMENT_DEPS = ("xcomp", "advcl", "obl")


def object_content(tree: Tree, hit: CueHit, excluded: set[int], lang: Language) -> Content | None:
    """An object cue's content ("called for new elections", "denied any role in it") or a question's topic
    ("asked about the cost"); None when the object is no content (:func:`_object_is_content`)."""
    toks, c = tree.toks, hit.first
    frame = READ_AS.get(hit.entry.frame, hit.entry.frame)  # a verdict's object reads as an object cue's
    if frame == "ask":
        for k in tree.children(c, "obl"):
            if tree.case_of(k) in lang.cls("ask_topic"):  # "asked about the cost"
                case = set(tree.children(k, "case"))
                return Content(tuple(j for j in tree.subtree(k) if j not in excluded | case), "ask")
        return None
    if frame == "name":
        return _named(tree, c, excluded, lang) or _split_particle(tree, hit, excluded, lang)
    for k in tree.children(c, "obj", "obl"):
        if toks[k].deprel == "obj" or (hit.last > c and tree.case_of(k) == toks[hit.last].text.lower()):
            span = [j for j in tree.subtree(k) if j not in excluded]
            if frame == "prop" and not _object_is_content(tree, k, span, lang, c):
                return None  # "denied the claim", "questioned the driver" (frames.is_object_content)
            if counts_occasion([tree.toks[j].text.lower() for j in span], lang):
                return None  # "called for the first time" (complements.counts_occasion)
            complement = _complement(tree, c, span[-1], lang, hit.entry.frame)
            if not complement:  # "called for new elections on Sunday": the time is the call's
                span = trim_trailing_time(tree, span, lang.time)
            return Content(tuple(span + complement), "obj")
    return None


def _object_is_content(tree: Tree, head: int, span: Sequence[int], lang: Language, cue: int) -> bool:
    """The surface rule for propositional objects, on the parse: content is at least two words whose
    head is no person (a pronoun, a name, a role noun) and no bare speech noun ("the claim"); a person
    the cue judges with a reason or a label is content (``readings.judges_person``: "praised the mayor
    for acting fast", "blamed the company for the outage")."""
    toks = tree.toks
    word = toks[head].text.lower()
    if len(span) < 2 or toks[head].upos in ("PRON", "PROPN"):
        return False
    if lang.cues.noun_frame(word) is not None and complement_clause(tree, head, lang) is not None:
        return False  # "rejected the claim that …": the claim's clause is read as the noun's content
    if word in lang.nominals | lang.titles | lang.cls("person"):
        return states_verdict(tree, cue, lang) or _definite_reason(tree, cue, lang)
    bare = all(toks[j].text.lower() in lang.det | lang.cls("article") for j in span if j != head)
    return not (bare and lang.cues.noun_frame(word) == "content")


def _definite_reason(tree: Tree, cue: int, lang: Language) -> bool:
    """A ``verdict_reason`` phrase a definite article or a possessive opens ("for the outage"), as
    ``readings.judges_person`` reads it; "for an hour", "for two hours" say how long."""
    definite = lang.cls("article") - lang.cls("indefdet")
    for k in tree.children(cue, *COMPLEMENT_DEPS):
        if tree.case_of(k) in lang.cls("verdict_reason"):
            dets = [tree.toks[j].text.lower() for j in tree.children(k, "det", "det:poss", "nmod:poss")]
            if any(w in definite for w in dets):
                return True
    return False


def _named(tree: Tree, cue: int, excluded: set[int], lang: Language) -> Content | None:
    """ "called the charges unsubstantiated", "called the plan a ploy": a name cue's object and the
    predicate (``xcomp``) after it, when the predicate is a label (an indefinite ``label`` article) or
    a predicate adjective (:func:`quoteattr.complements.predicate_word`), the surface name frame's
    rule; "called the police", "called him on Tuesday" have none."""
    toks = tree.toks
    for k in tree.children(cue, "obj"):
        span = [j for j in tree.subtree(k) if j not in excluded]
        if k < cue or not span:
            continue
        for p in tree.children(cue, "xcomp"):
            dets = {toks[j].text.lower() for j in tree.children(p, "det")}
            word = toks[p].text.lower()
            if p > span[-1] and (dets & lang.cls("label") or (not dets and predicate_word(word, lang))):
                return Content(tuple(range(span[0], tree.subtree(p)[-1] + 1)), "name")
    return None


def _split_particle(tree: Tree, hit: CueHit, excluded: set[int], lang: Language) -> Content | None:
    """ "called Friday for stricter limits": the surface ``obj-split`` frame (``frames.read_split_particle``)
    on the parse — an ``obl``/``advcl`` of a one-word cue whose case word makes it a longer ``obj`` cue,
    after only :data:`~quoteattr.frames.MAX_SPLIT_WORDS` time words or adverbs; its phrase, without the
    case word, is the content when it is at least two words and no name or pronoun."""
    toks, c = tree.toks, hit.first
    if hit.last != c:
        return None
    for k in tree.children(c, "obl", "advcl"):
        cases = [j for j in tree.kids[k] if toks[j].deprel in ("case", "mark") and j < k]
        if k < c or not cases:
            continue
        longer = lang.cues.lookup(f"{toks[c].text.lower()} {toks[cases[0]].text.lower()}")
        between = [toks[j].text.lower() for j in range(c + 1, cases[0])]
        if longer is None or longer.type != "verb" or longer.frame != "obj":
            continue
        if not 0 < len(between) <= MAX_SPLIT_WORDS or any(w not in lang.time | lang.adv for w in between):
            continue
        span = [j for j in tree.subtree(k) if j not in excluded and j != cases[0]]
        if len(span) >= 2 and toks[k].upos not in ("PRON", "PROPN"):
            return Content(tuple(span), "obj")
    return None


def _complement(tree: Tree, cue: int, after: int, lang: Language, frame: str = "obj") -> list[int]:
    """What an object cue says of its object: ``called on X *to stop*``, ``criticized X *for Y*``; a
    verdict cue's reason or label too (``attacked X *as a fraud*``)."""
    cases = lang.cls("complement_case")
    if frame == "verdict":
        cases = cases | lang.cls("verdict_reason") | lang.cls("verdict_label")
    for k in tree.children(cue, *COMPLEMENT_DEPS):
        if k > after and (tree.toks[k].deprel == "xcomp" or tree.case_of(k) in cases):
            return list(range(after + 1, tree.subtree(k)[-1] + 1))
    return []


def states_verdict(tree: Tree, cue: int, lang: Language) -> bool:
    """The surface verdict rule on the parse: a verdict cue reports speech only with a reason
    (``verdict_reason`` before a gerund or a possessive: "attacked X for hiding it", "for their votes")
    or a label (``verdict_label`` before an indefinite article: "attacked X as a fraud") among its
    dependents; "attacked the convoy (for the second time)" is a deed."""
    toks = tree.toks
    for k in tree.children(cue, *COMPLEMENT_DEPS):
        case = tree.case_of(k)
        below = [toks[j].text.lower() for j in tree.children(k, "det", "det:poss", "nmod:poss")]
        if case in lang.cls("verdict_reason") and (
            toks[k].text.lower().endswith(lang.endings("gerund"))
            or any(w in lang.cls("possessive") for w in below)
        ):
            return True
        word = toks[k].text.lower()
        label = any(w in lang.cls("label") for w in below) or predicate_word(word, lang)
        if case in lang.cls("verdict_label") and (label or word.endswith(lang.endings("gerund"))):
            return True  # "as a fraud", "as fake", "as being …"
    return False


def said_anaphor(tree: Tree, cue: int, lang: Language) -> Content | None:
    """The surface said-anaphor frame on the parse: a ``clause`` cue's object (or adverb) that stands for
    what was said before ("said as much", "the same thing", "his piece", "the same of X"). Its head or
    a modifier of an ``anaphor_tail`` head is an ``anaphor_head`` word; words before it are at most two
    ``anaphor_lead`` words, determiners or possessives; after it only a topic an ``anaphor_tail``
    preposition opens, on the object or on the verb (``function_words.tsv``)."""
    toks = tree.toks
    heads, tail = lang.cls("anaphor_head"), lang.cls("anaphor_tail")
    leads = lang.cls("anaphor_lead") | lang.det | lang.cls("possessive")
    for k in tree.children(cue, "obj", "advmod"):
        if k < cue:
            continue
        head: int | None = k
        if toks[k].text.lower() not in heads:
            mods = [j for j in tree.children(k, "amod", "advmod") if toks[j].text.lower() in heads]
            head = mods[0] if mods and toks[k].text.lower() in tail - lang.prep else None
        if head is None:
            continue
        topics = [d for d in tree.children(k) if d > k and tree.case_of(d) in tail & lang.prep]
        topics += [d for d in tree.children(cue, "obl") if d > k and tree.case_of(d) in tail & lang.prep]
        in_topic = {j for d in topics for j in tree.subtree(d)}
        # a lead the parser hung on the verb ("said *as* much" with advmod(said, as)) is the object's
        own_leads = {
            j
            for j in tree.children(cue)
            if cue < j < k and not tree.kids[j] and toks[j].text.lower() in leads
        }
        span = sorted(set(tree.subtree(k)) | in_topic | own_leads)
        before = [j for j in span if j < head]
        if len(before) > 2 or any(toks[j].text.lower() not in leads for j in before):
            return None
        if any(j > head and j != k and j not in in_topic for j in span):
            return None  # "said the same prayer": a thing said, not what was said before
        if span != list(range(span[0], span[-1] + 1)):
            return None
        return Content(tuple(span), "said-anaphor", FRAME["said-anaphor"].confidence)
    return None
