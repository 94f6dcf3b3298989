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
from .frames import LISTENER_JOINS_CONTENT
from .language import Language, english
from .lexicons import CueEntry, CueLexicon, content_ends
from .model import Cue, Mention, Result, Sentence
from .parse_combine import combine as combine  # the merge of two results lives there; kept importable here
from .parse_entities import mention_kind
from .parse_nouns import find_noun_cues, light_verb, noun_contents, noun_speaker
from .parse_objects import object_content, said_anaphor, states_verdict
from .parse_tree import Content, Tree, trim_trailing_aside
from .parsed import ParsedDoc, Token
from .quotemarks import QuoteSpan
from .records import MIN_QUOTE_WORDS, RULE, CueHit, Found
from .subject_starts import matrix_kind

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
#: Tokens at the edge of a content span that are trimmed away.
PUNCT_UPOS = frozenset({"PUNCT", "SYM"})
# The words these rules read (relative pronouns, "by", "of", "that", ...) come from the Language.

#: Confidence of each speaker rule (from the one rule table); the content rule does not change it.
SPEAKER_RULES = ("nsubj", "agent", "according", "conj", "xcomp", "relcl", "advcl", "none", "poss", "by")
SPEAKER_CONFIDENCE = {rule: RULE[f"parse-{rule}"].confidence for rule in SPEAKER_RULES}

_PARAGRAPH_BREAK = regex.compile(r"\n[^\S\n]*\n")


# --- cue lexicon index -------------------------------------------------------------------------------
@functools.lru_cache(maxsize=8)
def _verb_forms(lexicon: CueLexicon) -> dict[str, CueEntry]:
    """Form → entry over verb and preposition cues only (noun cues share forms such as ``note``)."""
    return {form: e for e in lexicon.entries if e.type in ("verb", "prep") for form in e.forms}


def _find_cues(tree: Tree, forms: dict[str, CueEntry]) -> Iterator[CueHit]:
    toks = tree.toks
    for i, tok in enumerate(toks):
        if i + 1 < len(toks):
            two = forms.get(f"{tok.text} {toks[i + 1].text}".lower())
            if two is not None and (two.type != "verb" or tok.upos == "VERB"):  # not "the calls for reform"
                yield CueHit(i, i + 1, two)
                continue
        if tok.upos != "VERB":
            continue
        entry = forms.get(tok.text.lower()) or forms.get(tok.lemma.lower())
        if entry is not None and entry.type == "verb" and " " not in entry.lemma:
            yield CueHit(i, i, entry)


# --- speakers ----------------------------------------------------------------------------------------
def _speaker(tree: Tree, cue: int, lang: Language) -> tuple[int | None, str]:
    """The head token of the cue's speaker and the rule that found it."""
    toks = tree.toks
    v, rule = cue, "nsubj"
    for _ in range(6):  # a few conj/xcomp/advcl hops at most
        subj = tree.children(v, "nsubj")
        if subj:
            s = subj[0]
            if toks[s].lemma.lower() in lang.relpro | lang.complementisers and toks[v].deprel == "acl:relcl":
                # The pronoun is the mention (as 'he' is); coreference links it to the antecedent.
                return s, "relcl"
            return s, rule
        if tree.children(v, "nsubj:pass", "aux:pass", "expl"):
            for k in tree.children(v, "obl:agent", "obl"):
                if toks[k].deprel == "obl:agent" or tree.case_of(k) in lang.cls("agent"):
                    return k, "agent"
            return None, "none"
        link = INHERIT_DEPS.get(toks[v].deprel)
        h = tree.head(v)
        if link is None or h is None:
            break
        if link == "advcl" and not toks[v].text.lower().endswith(lang.endings("gerund")):
            break  # only participial adjuncts (", adding that") share the subject
        v, rule = h, link
    return None, "none"


def _np_span(tree: Tree, head: int) -> tuple[int, int]:
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


# --- content -----------------------------------------------------------------------------------------
def _contents(tree: Tree, hit: CueHit, speaker: int | None, lang: Language) -> list[Content]:
    """Every reported content of one cue (an interrupted quote gives two)."""
    toks, c, frame = tree.toks, hit.first, hit.entry.frame
    out: list[Content] = []
    if frame == "according":
        return _according(tree, hit)
    excluded = set(range(hit.first, hit.last + 1))
    for k in tree.children(c, *CLAUSE_DEPS):
        clause = trim_trailing_aside(tree, tree.subtree(k), content_ends(lang.code))
        out.append(Content(tuple(clause), toks[k].deprel))
    if frame == "of":
        objs = tree.children(c, "obj")
        # "of" hangs on the verb (UD) or, in some parsers' output, on the object.
        ofs = [
            k
            for h in [c, *objs]
            for k in tree.children(h, "obl", "advcl", "nmod", "acl")
            if tree.case_of(k) in lang.cls("accuse")
        ]
        if ofs:
            first = tree.subtree(objs[0])[0] if objs else tree.subtree(ofs[0])[0]
            last = tree.subtree(ofs[-1])[-1]
            out.append(Content(tuple(range(first, last + 1)), "of"))
    elif frame in ("obj", "prop", "ask", "verdict", "name") and not out:
        found = object_content(tree, hit, excluded, lang)
        if found is not None and frame == "verdict" and not states_verdict(tree, c, lang):
            found = None  # "attacked the convoy": a deed (complements.states_verdict)
        out.extend([found] if found is not None else [])
    elif frame == "clause" and not out and speaker is not None:
        found = said_anaphor(tree, c, lang)
        out.extend([found] if found is not None else [])
    if frame in ("tell", "ask") and not out:
        for k in tree.children(c, "xcomp"):
            # "urged the council to reopen the shelter": before an infinitive a tell cue's listener is
            # the one asked to act and joins the content, as the surface tell-to frame reads it (one
            # table, frames.LISTENER_JOINS_CONTENT); an ask cue's listener stays out.
            sub = tree.subtree(k)
            first = _listener_start(tree, c, sub[0], lang) if frame == "tell" else sub[0]
            out.append(Content(tuple(range(first, sub[-1] + 1)), "xcomp"))
    h = tree.head(c)
    if toks[c].deprel == "parataxis" and h is not None:
        # "The plan will fail, she said": the cue hangs off the clause it reports.
        own = set(tree.subtree(c))
        rest = tuple(j for j in tree.subtree(h) if j not in own)
        out.append(Content(rest, "parataxis-head"))
    if speaker is not None:  # "The deal, the minister said, will fail": the speaker is no content
        lo, hi = _np_span(tree, speaker)
        out = [attrs.evolve(x, tokens=tuple(j for j in x.tokens if not lo <= j <= hi)) for x in out]
    return [x for x in out if any(toks[j].upos not in PUNCT_UPOS for j in x.tokens)]


def _listener_start(tree: Tree, cue: int, start: int, lang: Language) -> int:
    """Where a tell cue's content starts when its complement opens at ``start``: at the listener
    before it when the opening word is of a :data:`~quoteattr.frames.LISTENER_JOINS_CONTENT` class."""
    opener = tree.toks[start].text.lower()
    if not any(opener in lang.cls(name) for name in LISTENER_JOINS_CONTENT):
        return start
    heard = [j for o in tree.children(cue, "obj", "iobj") for j in tree.subtree(o) if cue < j < start]
    return min(heard, default=start)


def _according(tree: Tree, hit: CueHit) -> list[Content]:
    """``according to X, CLAUSE``: X is the obl the preposition marks; CLAUSE is what X hangs on."""
    speaker = tree.head(hit.first)
    if speaker is None or tree.toks[hit.first].deprel != "case":
        return []
    clause = tree.head(speaker)
    if clause is None:
        return []
    own = set(tree.subtree(speaker))
    return [Content(tuple(j for j in tree.subtree(clause) if j not in own), "according")]


# --- quote marks -------------------------------------------------------------------------------------
class _QuoteIndex:
    """Top-level quote spans (from the embedded quote-mark stage) with lookups in log time."""

    def __init__(self, spans: Iterable[QuoteSpan]) -> None:
        self.spans = list(quotemarks.top_level(list(spans)))
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
_CueRead = tuple[Tree, CueHit, int | None, str]  # a cue, its speaker head token and the speaker rule


@attrs.define
class _Pass:
    """What one document's pass has found so far; the phases below fill it in order."""

    text: str
    lang: Language
    index: _QuoteIndex
    trees: list[Tree]
    found: list[Found] = attrs.Factory(list)
    used: set[int] = attrs.Factory(set)  #: indices of quotes already reported
    waiting: list[_CueRead] = attrs.Factory(list)  #: cues with a speaker but no content
    cues_at: dict[tuple[int, int], _CueRead] = attrs.Factory(dict)  #: verb cues by (sentence, token)


def attribute(doc: ParsedDoc, lang: Language | CueLexicon | None = None) -> Result:
    """Quotes with cues, speakers and entities for a parsed document: the parse reader alone.

    ``lang`` is the :class:`~quoteattr.language.Language` (English when ``None``; a bare
    :class:`CueLexicon` is read as English with those cues). Offsets are exact into ``doc.text``.
    Every quote's ``evidence`` names the rule that found it: ``parse:<speaker rule>+<content rule>``.
    It runs the stanza backend's ``parse-only`` stages (:mod:`quoteattr.backends.parse_stages`):
    this reader's records, then the same mention, coreference (the document's chains when it has
    them), addressee and dialogue stages as the embedded pipeline.
    """
    from .backends.parse_stages import run_parsed

    return run_parsed(doc, as_language(lang), "parse-only")


def as_language(lang: Language | CueLexicon | None) -> Language:
    """The Language for the parse reader: English when None, English with these cues for a CueLexicon."""
    if isinstance(lang, Language):
        return lang
    return english() if lang is None else english().with_lexicon(lang)


def read(doc: ParsedDoc, lang: Language, spans: Iterable[QuoteSpan] | None = None) -> list[Found]:
    """The parse reader's records for a parsed document, one per quote, in text order.

    ``spans`` are the quotations of the quote-mark stage (found here when not given).
    """
    if spans is None:
        spans = quotemarks.find_quotes(doc.text, lang)
    p = _Pass(doc.text, lang, _QuoteIndex(spans), [Tree(s, n) for n, s in enumerate(doc.sentences)])
    _read_cues(p, _verb_forms(lang.cues))
    _read_governed_quotes(p)
    _read_following_quotes(p)
    _read_unattributed_quotes(p)
    return _dedupe(p.found)


def _read_cues(p: _Pass, forms: dict[str, CueEntry]) -> None:
    """Every cue outside quotes: its speaker and its contents (a cue with none waits for a quote)."""
    for tree in p.trees:
        sentence_found = len(p.found)
        for hit in _find_cues(tree, forms):
            if p.index.inside(tree.toks[hit.first]) is not None:
                continue  # a cue inside a quote is the quoted speaker's, not the article's
            if hit.entry.frame == "according":
                spk, rule = tree.head(hit.first), "according"
            else:
                spk, rule = _speaker(tree, hit.first, p.lang)
            if hit.entry.type == "verb":
                p.cues_at[(tree.offset, hit.first)] = (tree, hit, spk, rule)
            contents = _contents(tree, hit, spk, p.lang)
            refused = _refused(tree, hit.first, p.lang)
            if refused:  # "declined to say whether …" reports its question; "declined to comment" nothing
                contents = [c for c in contents if c.rule == "ccomp"]
            deed = hit.entry.frame == "verdict" and bool(tree.children(hit.first, "obj"))
            if not contents and spk is not None and hit.entry.type == "verb" and not deed and not refused:
                # a verdict cue with an object and no verdict is a deed ("attacked the convoy."): it owns
                # no quote after it, as the surface reads it (frames.read_preposed)
                p.waiting.append((tree, hit, spk, rule))
            for content in contents:
                p.found.extend(_judge(p, tree, hit, spk, rule, content))
        _read_noun_cues(p, tree, len(p.found) - sentence_found)


def _read_noun_cues(p: _Pass, tree: Tree, made: int) -> None:
    """Speech nouns outside quotes and outside what this sentence's verbs reported
    ("said his claim that …" is the verb's): their owner and their content (:mod:`parse_nouns`)."""
    toks = tree.toks
    reported = [(f.start, f.end) for f in p.found[len(p.found) - made :]] if made else []
    for hit in find_noun_cues(tree, p.lang):
        n = hit.last
        if p.index.inside(toks[n]) is not None or any(a <= toks[n].start < b for a, b in reported):
            continue
        spk, rule = noun_speaker(tree, n, p.lang)
        light = light_verb(tree, n, p.lang) if hit.first == n else None
        # "Ruiz voiced (her) concerns about …": the light verb's subject speaks; "faced concerns that …":
        # others spoke to the subject, so no one is named (the surface noun-light frame).
        if light is not None and tree.toks[light].text.lower() in p.lang.cls("light_speaker"):
            subject = _speaker(tree, light, p.lang)
            spk, rule = subject if subject[0] is not None else (spk, rule)
            light = light if subject[0] is not None else None
        elif light is not None:
            spk, rule = None, "none"
        h = tree.head(n)
        if spk is None and hit.entry.frame == "venue" and h is not None and (tree.offset, h) in p.cues_at:
            # "said in a statement that …": the venue's clause is the verb's; "rejected the claim that …"
            # is not (the claim is someone else's).
            _, _, spk, rule = p.cues_at[(tree.offset, h)]
        for content in noun_contents(tree, n, p.lang, spk is not None, light):
            p.found.extend(_judge(p, tree, hit, spk, rule, content))


def _read_governed_quotes(p: _Pass) -> None:
    """A quote a cue outside it governs through the parse (``"A," she said, "and B."``)."""
    sentence_starts = [t.toks[0].start if t.toks else 0 for t in p.trees]
    for n, q in enumerate(p.index.spans):
        if n in p.used:
            continue
        governed = _governing_cue(p.trees, sentence_starts, q, p.cues_at)
        if governed is not None:
            (tree, hit, spk, rule), dep = governed
            p.used.add(n)
            evidence = f"parse:{rule}+quote-{dep}"
            p.found.append(_direct(p, tree, hit, spk, evidence, q, SPEAKER_CONFIDENCE[rule]))


def _read_following_quotes(p: _Pass) -> None:
    """A cue with a speaker and no content owns the quote right after its sentence (``X said:``)."""
    confidence = RULE["parse-following-quote"].confidence
    for tree, hit, spk, rule in p.waiting:
        nxt = _following_quote(p.text, p.index, p.used, tree)
        if nxt is not None:
            p.used.add(nxt)
            evidence = f"parse:{rule}+following-quote"
            p.found.append(_direct(p, tree, hit, spk, evidence, p.index.spans[nxt], confidence))


def _read_unattributed_quotes(p: _Pass) -> None:
    """A quote no cue claimed, long enough to be speech (not a scare quote or a title)."""
    unattributed = RULE["parse-unattributed"]
    for n, q in enumerate(p.index.spans):
        if n not in p.used and _word_count(p.text[q.start : q.end]) >= MIN_QUOTE_WORDS:
            p.found.append(
                Found(q.start, q.end, "direct", None, None, unattributed.evidence, unattributed.confidence, q)
            )


def _refused(tree: Tree, cue: int, lang: Language) -> bool:
    """Is the cue the infinitive of a refusal ("declined to say", ``refusal`` rows of the surface
    reader's matrix predicates), which reports only a clause?"""
    h = tree.head(cue)
    if h is None or tree.toks[cue].deprel != "xcomp":
        return False
    head = tree.toks[h]
    return "refusal" in (matrix_kind(head.text.lower(), lang), matrix_kind(head.lemma.lower(), lang))


def _judge(p: _Pass, tree: Tree, hit: CueHit, spk: int | None, rule: str, content: Content) -> list[Found]:
    """Classify one content as direct, mixed or indirect, and build its quote(s)."""
    text, index, used, lang = p.text, p.index, p.used, p.lang
    toks = tree.toks
    evidence = f"parse:{rule}+{content.rule}"
    confidence = SPEAKER_CONFIDENCE[rule] if content.confidence is None else content.confidence
    words = _without_complementiser([j for j in content.tokens if toks[j].upos not in PUNCT_UPOS], tree, lang)
    lo, hi = toks[words[0]].start, toks[words[-1]].end
    quotes = index.spans
    touched = index.touching(lo, hi)
    outside = [
        j
        for j in words
        if not any(quotes[n].start <= toks[j].start and toks[j].end <= quotes[n].end for n in touched)
    ]
    if outside and toks[outside[0]].text.lower() in lang.cls("clause_open") and outside[0] == words[0]:
        outside = outside[1:]  # 'said that "..."' is still a direct quote
    if touched and not outside:
        used.update(touched)
        return [_direct(p, tree, hit, spk, evidence, quotes[n], confidence) for n in touched]
    kind = "indirect"
    if touched:
        kind = "mixed"
        used.update(touched)
        lo = min([lo] + [quotes[n].open for n in touched if quotes[n].open < lo])
        hi = max([hi] + [quotes[n].outer_end for n in touched if quotes[n].outer_end > hi])
    speaker, key = _speaker_mention(text, tree, spk, lang)
    return [Found(lo, hi, kind, _cue(text, tree, hit), speaker, evidence, confidence, speaker_key=key)]


def _without_complementiser(words: list[int], tree: Tree, lang: Language) -> list[int]:
    """The content words without a leading "that" (the surface "that" frame's boundary): content is
    what was said. A "that" a comma follows stays ("said that, if elected, …", as the surface keeps it)."""
    if len(words) < 2:
        return words
    first = tree.toks[words[0]]
    after = tree.toks[words[0] + 1] if words[0] + 1 < len(tree.toks) else None
    if (
        first.deprel == "mark"
        and first.text.lower() in lang.complementisers
        and (after is None or after.text != ",")
    ):
        return words[1:]
    return words


def _direct(
    p: _Pass, tree: Tree, hit: CueHit, spk: int | None, evidence: str, q: QuoteSpan, confidence: float
) -> Found:
    text = p.text
    speaker, key = _speaker_mention(text, tree, spk, p.lang)
    return Found(q.start, q.end, "direct", _cue(text, tree, hit), speaker, evidence, confidence, q, key)


def _governing_cue(
    trees: Sequence[Tree],
    starts: Sequence[int],
    q: QuoteSpan,
    cues_at: dict[tuple[int, int], _CueRead],
) -> tuple[_CueRead, str] | None:
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


def _following_quote(text: str, index: _QuoteIndex, used: set[int], tree: Tree) -> int | None:
    """The unused quote opening right after this sentence (only whitespace between)."""
    end = tree.toks[-1].end
    n = index.first_from(end)
    if n is None or n in used or text[end : index.spans[n].open].strip():
        return None
    return n


def _cue(text: str, tree: Tree, hit: CueHit) -> Cue:
    a, b = tree.toks[hit.first].start, tree.toks[hit.last].end
    return Cue(a, b, text[a:b], lemma=hit.entry.lemma, type=hit.entry.type)


def _speaker_mention(
    text: str, tree: Tree, spk: int | None, lang: Language
) -> tuple[Mention | None, tuple[int, int] | None]:
    if spk is None:
        return None, None
    lo, hi = _np_span(tree, spk)
    a, b = tree.toks[lo].start, tree.toks[hi].end
    return Mention(a, b, text[a:b], kind=mention_kind(tree.toks[spk], lang)), (tree.offset, spk)


def _word_count(s: str) -> int:
    return len(s.split())


def _dedupe(found: Iterable[Found]) -> list[Found]:
    """One quote per span: the most confident attribution wins; ordered by position."""
    best: dict[tuple[int, int], Found] = {}
    for f in found:
        key = (f.start, f.end)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end))


def sentences_of(doc: ParsedDoc) -> tuple[Sentence, ...]:
    """The parsed sentences as model sentences (exact offsets; paragraphs from blank lines)."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(doc.text)]
    return tuple(
        Sentence(s.start, s.end, doc.text[s.start : s.end], paragraph=bisect.bisect_left(breaks, s.start))
        for s in doc.sentences
    )
