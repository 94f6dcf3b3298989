"""Parse-aware attribution: read who said what off a dependency parse.

Where the embedded pipeline matches surface patterns, these rules follow the
parse: a *cue* is a reporting verb from the cue lexicon (or ``according to``);
its *speaker* is the verb's subject, found through coordination (``X accused Y
of ... and warned that ...``), control (``went on to say``), participial
adjuncts (``..., adding that``), relative clauses (``the minister who said``)
and passive agents (``it was announced by X``); its *content* is the reported
clause (``ccomp``/``parataxis``), the ``of``-phrase of ``accuse``, the object of
``call for``, or the clause an ``according to X`` phrase hangs on. Quote marks
then decide the kind: content entirely inside marks is *direct*, content with
a quoted part is *mixed*, anything else is *indirect*.

Labels are Universal Dependencies; see :mod:`quoteattr.parsed` for the input
and ``backends/`` for adapters. The rules do not find speakers outside the
cue's sentence (an unattributed quote in its own paragraph stays without a
speaker) and do not resolve pronouns themselves: that is what coreference
chains, when the document carries them, are for.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Sequence

import attrs
import regex

from . import quotemarks
from .coref import resolve
from .lexicons import CueEntry, CueLexicon
from .model import Cue, Entity, Mention, Quote, Result, Sentence
from .parsed import CorefChain, ParsedDoc, ParsedSentence, Token

# --- label groups (UD) -------------------------------------------------------------------------------
#: Dependents that are the reported clause of a cue verb (``it was announced that ...``: csubj:pass).
CLAUSE_DEPS = ("ccomp", "parataxis", "csubj:pass")
#: Links through which a subject-less cue inherits its head's subject, with the rule name each gives.
INHERIT_DEPS = {"conj": "conj", "xcomp": "xcomp", "advcl": "advcl"}
#: Relations by which a word inside quote marks may hang on a cue outside them for the quote to be the
#: cue's: clause-like ones. (``called them "deplorables"`` is an xcomp: a word, not a quotation.)
GOVERNED_QUOTE_DEPS = frozenset({"ccomp", "parataxis", "conj", "advcl", "dep", "csubj", "list"})
#: Dependents of a speaker's head that belong to the speaker's noun phrase (whole subtrees).
#: Appositions and relative clauses are left out on purpose: the speaker is the head name.
NP_DEPS = frozenset(
    {"compound", "flat", "flat:name", "amod", "det", "det:poss", "det:predet", "nmod:poss", "nummod"}
)
#: After an object cue's object, a complement that belongs to the content (``X *for doing Y*``).
COMPLEMENT_DEPS = ("xcomp", "advcl", "obl")
COMPLEMENT_CASES = frozenset({"for", "of", "over", "about", "to"})
#: Relative pronouns: a cue whose subject is one of these speaks for the noun the clause modifies.
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Tokens at the edge of a content span that are trimmed away.
PUNCT_UPOS = frozenset({"PUNCT", "SYM"})
#: Subordinators that may open a reported clause and are ignored when judging direct vs mixed.
CLAUSE_MARKERS = frozenset({"that", "whether", "if"})

#: Confidence of each speaker rule; the content rule does not change it.
SPEAKER_CONFIDENCE = {
    "nsubj": 0.9,
    "agent": 0.85,
    "according": 0.9,
    "conj": 0.8,
    "xcomp": 0.8,
    "relcl": 0.8,
    "advcl": 0.75,
    "none": 0.4,
}
#: A quote attached to a cue in the sentence before it (``X said: <newline> "..."``).
FOLLOWING_QUOTE_CONFIDENCE = 0.6
#: A direct quote no cue governs: reported without a speaker.
UNATTRIBUTED_CONFIDENCE = 0.3
#: Fewer words than this inside marks, with no cue, is a scare quote or a title, not speech.
MIN_UNATTRIBUTED_WORDS = 4

_PARAGRAPH_BREAK = regex.compile(r"\n[^\S\n]*\n")


# --- sentence index ----------------------------------------------------------------------------------
class _Tree:
    """Children lists and subtrees of one sentence (0-based indices)."""

    def __init__(self, sent: ParsedSentence, offset: int) -> None:
        self.toks = sent.tokens
        self.offset = offset  # index of this sentence in the document
        self.kids: list[list[int]] = [[] for _ in self.toks]
        for i, tok in enumerate(self.toks):
            if tok.head:
                self.kids[tok.head - 1].append(i)

    def head(self, i: int) -> int | None:
        h = self.toks[i].head
        return h - 1 if h else None

    def children(self, i: int, *deprels: str) -> list[int]:
        return [k for k in self.kids[i] if not deprels or self.toks[k].deprel in deprels]

    def subtree(self, i: int) -> list[int]:
        seen, todo = [i], [i]
        while todo:
            for k in self.kids[todo.pop()]:
                seen.append(k)
                todo.append(k)
        return sorted(seen)

    def case_of(self, i: int) -> str:
        """The lower-cased ``case``/``mark`` word of a nominal or clause (``of``, ``by``), or ''."""
        for k in self.kids[i]:
            if self.toks[k].deprel in ("case", "mark") and k < i:
                return self.toks[k].text.lower()
        return ""


# --- cue lexicon index -------------------------------------------------------------------------------
@functools.lru_cache(maxsize=8)
def _verb_forms(lexicon: CueLexicon) -> dict[str, CueEntry]:
    """Form → entry over verb and preposition cues only (noun cues share forms such as ``note``)."""
    return {form: e for e in lexicon.entries if e.type in ("verb", "prep") for form in e.forms}


@attrs.frozen
class _CueHit:
    index: int  # the cue's head token
    last: int  # last token of the cue (the particle of "call for")
    entry: CueEntry


def _find_cues(tree: _Tree, forms: dict[str, CueEntry]) -> Iterator[_CueHit]:
    toks = tree.toks
    for i, tok in enumerate(toks):
        if i + 1 < len(toks):
            two = forms.get(f"{tok.text} {toks[i + 1].text}".lower())
            if two is not None and (two.type != "verb" or tok.upos == "VERB"):  # not "the calls for reform"
                yield _CueHit(i, i + 1, two)
                continue
        if tok.upos != "VERB":
            continue
        entry = forms.get(tok.text.lower()) or forms.get(tok.lemma.lower())
        if entry is not None and entry.type == "verb" and " " not in entry.lemma:
            yield _CueHit(i, i, entry)


# --- speakers ----------------------------------------------------------------------------------------
def _speaker(tree: _Tree, cue: int) -> tuple[int | None, str]:
    """The head token of the cue's speaker and the rule that found it."""
    toks = tree.toks
    v, rule = cue, "nsubj"
    for _ in range(6):  # a few conj/xcomp/advcl hops at most
        subj = tree.children(v, "nsubj")
        if subj:
            s = subj[0]
            if toks[s].lemma.lower() in REL_PRONOUNS and toks[v].deprel == "acl:relcl":
                h = tree.head(v)
                return (h, "relcl") if h is not None else (None, "none")
            return s, rule
        if tree.children(v, "nsubj:pass", "aux:pass", "expl"):
            for k in tree.children(v, "obl:agent", "obl"):
                if toks[k].deprel == "obl:agent" or tree.case_of(k) == "by":
                    return k, "agent"
            return None, "none"
        link = INHERIT_DEPS.get(toks[v].deprel)
        h = tree.head(v)
        if link is None or h is None:
            break
        if link == "advcl" and not toks[v].text.lower().endswith("ing"):
            break  # only participial adjuncts (", adding that") share the subject
        v, rule = h, link
    return None, "none"


def _np_span(tree: _Tree, head: int) -> tuple[int, int]:
    """First and last token of the speaker's noun phrase around ``head``."""
    keep = [head]
    for k in tree.kids[head]:
        if tree.toks[k].deprel in NP_DEPS:
            keep.extend(tree.subtree(k))
    # The phrase is the unbroken run of kept tokens around the head (an apposition breaks it).
    members = set(keep)
    lo, hi = head, head
    while lo - 1 in members:
        lo -= 1
    while hi + 1 in members:
        hi += 1
    return lo, hi


def _mention_kind(tok: Token) -> str:
    if tok.upos == "PRON":
        return "pronoun"
    if tok.upos == "PROPN" or tok.ner != "O":
        return "name"
    return "nominal"


# --- content -----------------------------------------------------------------------------------------
@attrs.frozen
class _Content:
    tokens: tuple[int, ...]
    rule: str


def _contents(tree: _Tree, hit: _CueHit, speaker: int | None) -> list[_Content]:
    """Every reported content of one cue (an interrupted quote gives two)."""
    toks, c, frame = tree.toks, hit.index, hit.entry.frame
    out: list[_Content] = []
    if frame == "according":
        return _according(tree, hit)
    excluded = set(range(hit.index, hit.last + 1))
    for k in tree.children(c, *CLAUSE_DEPS):
        out.append(_Content(tuple(tree.subtree(k)), toks[k].deprel))
    if frame == "of":
        objs = tree.children(c, "obj")
        # "of" hangs on the verb (UD) or, in some parsers' output, on the object.
        ofs = [
            k
            for h in [c, *objs]
            for k in tree.children(h, "obl", "advcl", "nmod", "acl")
            if tree.case_of(k) == "of"
        ]
        if ofs:
            first = tree.subtree(objs[0])[0] if objs else tree.subtree(ofs[0])[0]
            last = tree.subtree(ofs[-1])[-1]
            out.append(_Content(tuple(range(first, last + 1)), "of"))
    elif frame == "obj" and not out:
        for k in tree.children(c, "obj", "obl"):
            if toks[k].deprel == "obj" or (hit.last > c and tree.case_of(k) == toks[hit.last].text.lower()):
                span = [j for j in tree.subtree(k) if j not in excluded]
                out.append(_Content(tuple(span + _complement(tree, c, span[-1])), "obj"))
                break
    elif frame in ("tell", "ask") and not out:
        for k in tree.children(c, "xcomp"):
            # "urged Congress to pass the bill": the addressee is part of what was asked.
            objs = [o for o in tree.children(c, "obj", "iobj") if o < k]
            first = tree.subtree(objs[0])[0] if objs else tree.subtree(k)[0]
            out.append(_Content(tuple(range(first, tree.subtree(k)[-1] + 1)), "xcomp"))
    h = tree.head(c)
    if toks[c].deprel == "parataxis" and h is not None:
        # "The plan will fail, she said": the cue hangs off the clause it reports.
        own = set(tree.subtree(c))
        rest = tuple(j for j in tree.subtree(h) if j not in own)
        out.append(_Content(rest, "parataxis-head"))
    if speaker is not None:  # "The deal, the minister said, will fail": the speaker is no content
        lo, hi = _np_span(tree, speaker)
        out = [attrs.evolve(x, tokens=tuple(j for j in x.tokens if not lo <= j <= hi)) for x in out]
    return [x for x in out if any(toks[j].upos not in PUNCT_UPOS for j in x.tokens)]


def _complement(tree: _Tree, cue: int, after: int) -> list[int]:
    """What an object cue says of its object: ``called on X *to stop*``, ``criticized X *for Y*``."""
    for k in tree.children(cue, *COMPLEMENT_DEPS):
        if k > after and (tree.toks[k].deprel == "xcomp" or tree.case_of(k) in COMPLEMENT_CASES):
            return list(range(after + 1, tree.subtree(k)[-1] + 1))
    return []


def _according(tree: _Tree, hit: _CueHit) -> list[_Content]:
    """``according to X, CLAUSE``: X is the obl the preposition marks; CLAUSE is what X hangs on."""
    speaker = tree.head(hit.index)
    if speaker is None or tree.toks[hit.index].deprel != "case":
        return []
    clause = tree.head(speaker)
    if clause is None:
        return []
    own = set(tree.subtree(speaker))
    return [_Content(tuple(j for j in tree.subtree(clause) if j not in own), "according")]


# --- quote marks -------------------------------------------------------------------------------------
@attrs.frozen
class _QuoteMarks:
    open: int
    close: int | None
    start: int
    end: int
    unbalanced: bool = False

    @property
    def outer_end(self) -> int:
        return self.end if self.close is None else self.close + 1


class _QuoteIndex:
    """Top-level quote spans (from the embedded quote-mark stage) with lookups in log time."""

    def __init__(self, text: str) -> None:
        self.spans = [
            _QuoteMarks(q.open, q.close, q.start, q.end, q.unbalanced)
            for q in quotemarks.top_level(quotemarks.find_quotes(text))
        ]
        self.starts = [q.open for q in self.spans]
        self.reach: list[int] = []  # running maximum of content ends: sorted even if spans overlap
        for q in self.spans:
            self.reach.append(max(q.end, self.reach[-1] if self.reach else 0))

    def inside(self, tok: Token) -> int | None:
        """The quote whose content holds ``tok``."""
        k = bisect.bisect_right(self.starts, tok.start) - 1
        if k >= 0 and self.spans[k].start <= tok.start and tok.end <= self.spans[k].end:
            return k
        return None

    def touching(self, lo: int, hi: int) -> list[int]:
        """Quotes whose content overlaps ``lo..hi``."""
        out = []
        for k in range(bisect.bisect_right(self.reach, lo), len(self.spans)):
            q = self.spans[k]
            if q.start >= hi:
                break
            if lo < q.end:
                out.append(k)
        return out

    def first_from(self, pos: int) -> int | None:
        """The first quote whose opening mark is at or after ``pos``."""
        k = bisect.bisect_left(self.starts, pos)
        return k if k < len(self.spans) else None


# --- the document pass -------------------------------------------------------------------------------
@attrs.frozen
class _Found:
    start: int
    end: int
    kind: str
    cue: Cue | None
    speaker: Mention | None
    speaker_key: tuple[int, int] | None  # (sentence, head token) for coref lookup
    confidence: float
    evidence: str
    unbalanced: bool = False


def attribute(doc: ParsedDoc, lexicon: CueLexicon) -> Result:  # noqa: C901 (issue 11: still to split)
    """Quotes with cues, speakers and entities for a parsed document.

    Offsets are exact into ``doc.text``. Every quote's ``evidence`` names the
    rule that found it: ``parse:<speaker rule>+<content rule>``.
    """
    text = doc.text
    forms = _verb_forms(lexicon)
    index = _QuoteIndex(text)
    quotes = index.spans
    trees = [_Tree(s, n) for n, s in enumerate(doc.sentences)]
    found: list[_Found] = []
    used: set[int] = set()  # indices of quotes already reported
    waiting: list[tuple[_Tree, _CueHit, int, str]] = []  # cues with a speaker but no content
    cues_at: dict[tuple[int, int], tuple[_Tree, _CueHit, int | None, str]] = {}

    for tree in trees:
        for hit in _find_cues(tree, forms):
            if index.inside(tree.toks[hit.index]) is not None:
                continue  # a cue inside a quote is the quoted speaker's, not the article's
            if hit.entry.frame == "according":
                spk, rule = tree.head(hit.index), "according"
            else:
                spk, rule = _speaker(tree, hit.index)
            if hit.entry.type == "verb":
                cues_at[(tree.offset, hit.index)] = (tree, hit, spk, rule)
            contents = _contents(tree, hit, spk)
            if not contents and spk is not None and hit.entry.type == "verb":
                waiting.append((tree, hit, spk, rule))
            for content in contents:
                found.extend(_judge(text, tree, hit, spk, rule, content, index, used))

    sentence_starts = [t.toks[0].start if t.toks else 0 for t in trees]
    for n, q in enumerate(quotes):
        if n not in used:
            governed = _governing_cue(trees, sentence_starts, q, cues_at)
            if governed is not None:
                (tree, hit, spk, rule), dep = governed
                used.add(n)
                found.append(
                    _direct(text, tree, hit, spk, f"parse:{rule}+quote-{dep}", q, SPEAKER_CONFIDENCE[rule])
                )

    for tree, hit, spk, rule in waiting:
        nxt = _following_quote(text, index, used, tree)
        if nxt is not None:
            used.add(nxt)
            found.append(
                _direct(
                    text,
                    tree,
                    hit,
                    spk,
                    f"parse:{rule}+following-quote",
                    quotes[nxt],
                    FOLLOWING_QUOTE_CONFIDENCE,
                )
            )

    for n, q in enumerate(quotes):
        if n not in used and _word_count(text[q.start : q.end]) >= MIN_UNATTRIBUTED_WORDS:
            found.append(
                _Found(
                    q.start,
                    q.end,
                    "direct",
                    None,
                    None,
                    None,
                    UNATTRIBUTED_CONFIDENCE,
                    "parse:quote-unattributed",
                    q.unbalanced,
                )
            )

    found = _dedupe(found)
    if not doc.coref:
        # No chains from the parser: the embedded resolver links pronouns and short names.
        plain = [_quote(text, f, None) for f in found]
        resolved, entity_list = resolve(text, plain)
        ordered = sorted(resolved, key=lambda q: (q.start, q.end))
        return Result(text, _sentences(doc), tuple(ordered), tuple(entity_list))
    entities, by_key = _entities(doc, trees, found)
    out = tuple(_quote(text, f, by_key.get(f.speaker_key) if f.speaker_key else None) for f in found)
    return Result(text, _sentences(doc), out, entities)


def combine(primary: Result, secondary: Result, *, chains: Result | None = None) -> Result:
    """``primary``'s quotes, completed by ``secondary`` where ``primary`` found nothing.

    A ``primary`` quote without a speaker takes the ``secondary`` attribution
    of the quote overlapping it most; a ``secondary`` quote with a speaker
    that overlaps no ``primary`` quote is added. Entities are then resolved again over all
    quotes, unless ``chains`` (a parse-aware result built from coreference
    chains) is given: then each speaker joins the chain entity with a mention
    overlapping it, if any.
    """
    text = primary.text
    quotes: list[Quote] = []
    for q in primary.quotes:
        if q.speaker is None:
            alt = max(
                (s for s in secondary.quotes if s.speaker is not None and _overlap(q, s)),
                key=lambda s: _overlap(q, s),
                default=None,
            )
            q = alt if alt is not None else q
        quotes.append(q)
    # Only attributed quotes are added: a bare quote the primary rules left out is a title or a scare quote.
    quotes += [
        s
        for s in secondary.quotes
        if s.speaker is not None and not any(_overlap(s, q) for q in primary.quotes)
    ]
    if chains is not None:
        linked = [attrs.evolve(q, entity=_entity_for(q, chains)) for q in quotes]
        used = {q.entity.id: q.entity for q in linked if q.entity is not None}
        return Result(
            text,
            primary.sentences,
            tuple(sorted(linked, key=lambda q: (q.start, q.end))),
            tuple(used[k] for k in sorted(used)),
        )
    resolved, entities = resolve(text, [attrs.evolve(q, entity=None) for q in quotes])
    return Result(
        text, primary.sentences, tuple(sorted(resolved, key=lambda q: (q.start, q.end))), tuple(entities)
    )


def _overlap(a: Quote | Mention, b: Quote | Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _entity_for(q: Quote, parsed: Result) -> Entity | None:
    if q.speaker is None:
        return None
    for e in parsed.entities:
        if any(_overlap(m, q.speaker) for m in e.mentions):
            return e
    return None


def _quote(text: str, f: _Found, entity: Entity | None) -> Quote:
    return Quote(
        f.start,
        f.end,
        text[f.start : f.end],
        kind=f.kind,
        confidence=f.confidence,
        cue=f.cue,
        speaker=f.speaker,
        entity=entity,
        evidence=f.evidence,
        unbalanced=f.unbalanced,
    )


def _judge(
    text: str,
    tree: _Tree,
    hit: _CueHit,
    spk: int | None,
    rule: str,
    content: _Content,
    index: _QuoteIndex,
    used: set[int],
) -> list[_Found]:
    """Classify one content as direct, mixed or indirect, and build its quote(s)."""
    toks = tree.toks
    evidence = f"parse:{rule}+{content.rule}"
    words = [j for j in content.tokens if toks[j].upos not in PUNCT_UPOS]
    lo, hi = toks[words[0]].start, toks[words[-1]].end
    quotes = index.spans
    touched = index.touching(lo, hi)
    outside = [
        j
        for j in words
        if not any(quotes[n].start <= toks[j].start and toks[j].end <= quotes[n].end for n in touched)
    ]
    if outside and toks[outside[0]].text.lower() in CLAUSE_MARKERS and outside[0] == words[0]:
        outside = outside[1:]  # 'said that "..."' is still a direct quote
    if touched and not outside:
        used.update(touched)
        return [_direct(text, tree, hit, spk, evidence, quotes[n], SPEAKER_CONFIDENCE[rule]) for n in touched]
    kind = "indirect"
    if touched:
        kind = "mixed"
        used.update(touched)
        lo = min([lo] + [quotes[n].open for n in touched if quotes[n].open < lo])
        hi = max([hi] + [quotes[n].outer_end for n in touched if quotes[n].outer_end > hi])
    return [
        _Found(
            lo,
            hi,
            kind,
            _cue(text, tree, hit),
            *_speaker_mention(text, tree, spk),
            SPEAKER_CONFIDENCE[rule],
            evidence,
        )
    ]


def _direct(
    text: str, tree: _Tree, hit: _CueHit, spk: int | None, evidence: str, q: _QuoteMarks, confidence: float
) -> _Found:
    return _Found(
        q.start,
        q.end,
        "direct",
        _cue(text, tree, hit),
        *_speaker_mention(text, tree, spk),
        confidence,
        evidence,
        q.unbalanced,
    )


def _governing_cue(
    trees: Sequence[_Tree],
    starts: Sequence[int],
    q: _QuoteMarks,
    cues_at: dict[tuple[int, int], tuple[_Tree, _CueHit, int | None, str]],
) -> tuple[tuple[_Tree, _CueHit, int | None, str], str] | None:
    """A cue outside the quote that a word inside it depends on (``"A," she said, "and B."``)."""
    first = max(0, bisect.bisect_right(starts, q.start) - 1)
    for tree in trees[first:]:
        if tree.toks and tree.toks[0].start >= q.outer_end:
            break
        for tok in tree.toks:
            if tok.head and tok.deprel in GOVERNED_QUOTE_DEPS and q.start <= tok.start and tok.end <= q.end:
                h = tok.head - 1
                head = tree.toks[h]
                if not (q.start <= head.start and head.end <= q.end) and (tree.offset, h) in cues_at:
                    return cues_at[(tree.offset, h)], tok.deprel
    return None


def _following_quote(text: str, index: _QuoteIndex, used: set[int], tree: _Tree) -> int | None:
    """The unused quote opening right after this sentence (only whitespace between)."""
    end = tree.toks[-1].end
    n = index.first_from(end)
    if n is None or n in used or text[end : index.spans[n].open].strip():
        return None
    return n


def _cue(text: str, tree: _Tree, hit: _CueHit) -> Cue:
    a, b = tree.toks[hit.index].start, tree.toks[hit.last].end
    return Cue(a, b, text[a:b], lemma=hit.entry.lemma, type=hit.entry.type)


def _speaker_mention(
    text: str, tree: _Tree, spk: int | None
) -> tuple[Mention | None, tuple[int, int] | None]:
    if spk is None:
        return None, None
    lo, hi = _np_span(tree, spk)
    a, b = tree.toks[lo].start, tree.toks[hi].end
    return Mention(a, b, text[a:b], kind=_mention_kind(tree.toks[spk])), (tree.offset, spk)


def _word_count(s: str) -> int:
    return len(s.split())


def _dedupe(found: Iterable[_Found]) -> list[_Found]:
    """One quote per span: the most confident attribution wins; ordered by position."""
    best: dict[tuple[int, int], _Found] = {}
    for f in found:
        key = (f.start, f.end)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end))


# --- entities ----------------------------------------------------------------------------------------
def _entities(
    doc: ParsedDoc, trees: Sequence[_Tree], found: Sequence[_Found]
) -> tuple[tuple[Entity, ...], dict[tuple[int, int], Entity]]:
    """Entities for the speakers: from coreference chains, else one per distinct name or nominal."""
    chain_of: dict[tuple[int, int], int] = {}
    for n, chain in enumerate(doc.coref):
        for s, a, b in chain.mentions:
            for t in range(a, b):
                chain_of.setdefault((s, t), n)
    made: dict[object, Entity] = {}
    by_key: dict[tuple[int, int], Entity] = {}
    for f in found:
        if f.speaker_key is None or f.speaker is None:
            continue
        c = chain_of.get(f.speaker_key)
        group: object
        if c is not None:
            group = ("chain", c)
        elif f.speaker.kind == "pronoun":
            continue  # an unresolved pronoun names nobody
        else:
            group = ("text", f.speaker.text.lower())
        if group not in made:
            if c is not None:
                name, mentions = _chain_entity(doc, trees, doc.coref[c])
            else:
                name, mentions = f.speaker.text, (f.speaker,)
            made[group] = Entity(len(made), name, mentions)
        by_key[f.speaker_key] = made[group]
    return tuple(made.values()), by_key


def _chain_entity(
    doc: ParsedDoc, trees: Sequence[_Tree], chain: CorefChain
) -> tuple[str, tuple[Mention, ...]]:
    """The chain's name (longest PROPN-headed mention, else its representative) and its mentions."""
    text = doc.text
    mentions: list[Mention] = []
    named: list[Mention] = []
    for s, a, b in chain.mentions:
        toks = trees[s].toks
        head = _mention_head(toks, a, b)
        m = Mention(
            toks[a].start,
            toks[b - 1].end,
            text[toks[a].start : toks[b - 1].end],
            kind=_mention_kind(toks[head]),
        )
        mentions.append(m)
        if toks[head].upos == "PROPN":
            named.append(m)
    if named:
        name = max(named, key=len).text
    elif chain.representative is not None:
        name = mentions[chain.representative].text
    else:
        name = max(mentions, key=len).text
    return name, tuple(sorted(set(mentions), key=lambda m: (m.start, m.end)))


def _mention_head(toks: Sequence[Token], a: int, b: int) -> int:
    """The token of ``toks[a:b]`` whose head lies outside the mention."""
    for t in range(a, b):
        h = toks[t].head - 1
        if not a <= h < b:
            return t
    return a


def _sentences(doc: ParsedDoc) -> tuple[Sentence, ...]:
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(doc.text)]
    return tuple(
        Sentence(s.start, s.end, doc.text[s.start : s.end], paragraph=bisect.bisect_left(breaks, s.start))
        for s in doc.sentences
    )
