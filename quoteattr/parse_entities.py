"""Entities for the parse reader's speakers: from the document's coreference chains, else one per name.

Kept apart from :mod:`quoteattr.parse_rules` (which finds cues, speakers and contents) because it
reads only the records those rules made and the chains a parser brought.
"""

from __future__ import annotations

from collections.abc import Sequence

from .language import Language
from .mention_kinds import COMMON, PRONOUN, PROPER, KindWord, classify
from .model import Entity, Mention
from .parsed import CorefChain, ParsedDoc, Token
from .records import Found
from .tokens import is_capitalised


def mention_kind(tok: Token, lang: Language) -> str:
    """A parsed speaker's kind from its head token: the one definition in :mod:`quoteattr.mention_kinds`,
    with the parser's tag as the evidence (PRON a pronoun; PROPN or a named entity a proper name)."""
    if tok.upos == "PRON":
        evidence = PRONOUN
    elif tok.upos == "PROPN" or tok.ner != "O":
        evidence = PROPER
    else:
        evidence = COMMON
    return classify([KindWord(tok.text.lower(), is_capitalised(tok.text), evidence)], lang)


def entities_for(
    doc: ParsedDoc, trees: Sequence[Sequence[Token]], found: Sequence[Found], lang: Language
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
            continue  # an unresolved pronoun names nobody: complete_entities marks it unresolved
        else:
            group = ("text", f.speaker.text.lower())
        if group not in made:
            if c is not None:
                name, mentions = _chain_entity(doc, trees, doc.coref[c], lang)
            else:
                name, mentions = f.speaker.text, (f.speaker,)
            made[group] = Entity(len(made), name, mentions)
        by_key[f.speaker_key] = made[group]
    return tuple(made.values()), by_key


def _chain_entity(
    doc: ParsedDoc, trees: Sequence[Sequence[Token]], chain: CorefChain, lang: Language
) -> tuple[str, tuple[Mention, ...]]:
    """The chain's name (longest PROPN-headed mention, else its representative) and its mentions."""
    text = doc.text
    mentions: list[Mention] = []
    named: list[Mention] = []
    for s, a, b in chain.mentions:
        toks = trees[s]
        head = _mention_head(toks, a, b)
        m = Mention(
            toks[a].start,
            toks[b - 1].end,
            text[toks[a].start : toks[b - 1].end],
            kind=mention_kind(toks[head], lang),
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
