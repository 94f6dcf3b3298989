"""Convert a spaCy ``Doc`` to the neutral parsed view, so the parse-aware rules run on spaCy parses.

spaCy's English models label dependencies in the ClearNLP style (``nsubjpass``,
``dobj``, ``prep`` + ``pobj``). The rules speak Universal Dependencies, so this
adapter maps the labels and re-hangs prepositional phrases the UD way: the
noun becomes the ``obl``/``nmod`` of what the preposition attached to, and the
preposition its ``case`` (``according to X``: *to* becomes ``fixed``). Only the
attributes of the ``Doc`` are read; spaCy itself is never imported, so this
module costs nothing to import and needs no model. Use it as
``attribute(from_spacy(nlp(text)), load_cues())``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..parsed import ParsedDoc, ParsedSentence, Token

#: spaCy English label → UD label. Labels not listed are kept as they are.
LABEL_MAP = {
    "ROOT": "root",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "dobj": "obj",
    "dative": "iobj",
    "poss": "nmod:poss",
    "relcl": "acl:relcl",
    "prt": "compound:prt",
    "neg": "advmod",
    "npadvmod": "obl:npmod",
    "acomp": "xcomp",
    "oprd": "xcomp",
    "quantmod": "advmod",
    "preconj": "cc:preconj",
    "predet": "det:predet",
    "intj": "discourse",
    "meta": "dep",
}
#: spaCy's preposition labels; their objects are re-hung below.
PREP_LABELS = frozenset({"prep", "agent"})
#: Labels of a preposition's object: a noun phrase or a clause.
PREP_OBJECTS = frozenset({"pobj", "pcomp"})
#: Heads after which a prepositional phrase is an ``obl`` (else it modifies a noun: ``nmod``).
CLAUSAL_UPOS = frozenset({"VERB", "AUX", "ADJ", "ADV"})


def from_spacy(doc: Any) -> ParsedDoc:
    """The neutral view of a parsed spaCy ``Doc`` (needs a parser or senter for sentences).

    Whitespace tokens are dropped; a token attached to one is attached to its head instead.
    """
    tokens = list(doc)
    heads = [t.head.i for t in tokens]
    deps = [t.dep_ for t in tokens]
    upos = [t.pos_ for t in tokens]
    _rehang_prepositions(heads, deps, upos)
    sentences = []
    for sent in doc.sents:
        keep = [t.i for t in sent if not t.is_space]
        if not keep:
            continue
        local = {i: n for n, i in enumerate(keep, 1)}
        toks = []
        for i in keep:
            t = tokens[i]
            h = heads[i]
            while h != i and h not in local and heads[h] != h:
                h = heads[h]  # skip over dropped whitespace tokens
            head = 0 if h == i or h not in local else local[h]
            dep = "root" if head == 0 else LABEL_MAP.get(deps[i], deps[i])
            ner = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O"
            toks.append(Token(t.idx, t.idx + len(t.text), t.text, t.lemma_, upos[i], head, dep, ner))
        sentences.append(ParsedSentence(tuple(toks), toks[0].start, toks[-1].end))
    return ParsedDoc(doc.text, tuple(sentences)).check()


def _rehang_prepositions(heads: list[int], deps: list[str], upos: Sequence[str]) -> None:
    """Turn ``head -prep-> P -pobj-> N`` into ``head -obl-> N -case-> P`` (in place, document indices)."""
    kids: list[list[int]] = [[] for _ in heads]
    for i, h in enumerate(heads):
        if h != i:
            kids[h].append(i)
    for p in range(len(heads)):
        if deps[p] not in PREP_LABELS:
            continue
        chain, cur = [p], p
        # Multi-word prepositions (according to, because of): P's only object is another preposition.
        while not any(deps[k] in PREP_OBJECTS for k in kids[cur]):
            nxt = [k for k in kids[cur] if deps[k] == "prep" and k == cur + 1]
            if not nxt:
                break
            cur = nxt[0]
            chain.append(cur)
        objects = [k for k in kids[cur] if deps[k] in PREP_OBJECTS]
        if not objects:
            deps[p] = "advmod"
            continue
        obj, head = objects[0], heads[p]
        clause = deps[obj] == "pcomp" and upos[obj] in ("VERB", "AUX")
        if deps[p] == "agent":
            rel = "obl:agent"
        elif clause:
            rel = "advcl"
        elif head == p or upos[head] in CLAUSAL_UPOS:
            rel = "obl"
        else:
            rel = "nmod"
        heads[obj], deps[obj] = (obj if head == p else head), ("ROOT" if head == p else rel)
        heads[p], deps[p] = obj, ("mark" if clause else "case")
        for q in chain[1:]:
            heads[q], deps[q] = p, "fixed"
