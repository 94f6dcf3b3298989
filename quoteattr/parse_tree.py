"""One parsed sentence as a tree, and the content spans the parse reader's frames find in it.

Shared by :mod:`quoteattr.parse_rules` (verb and ``according to`` cues) and
:mod:`quoteattr.parse_nouns` (speech nouns), so both read the same tree the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from .parsed import ParsedSentence


# --- a sentence's tree ----------------------------------------------------------------------------------
class Tree:
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


@attrs.frozen
class Content:
    """Token indices of one reported content and the rule that found it (``ccomp``, ``noun-that``);
    ``confidence`` is the content frame's own (a noun frame), else None: the speaker rule's stands."""

    tokens: tuple[int, ...]
    rule: str
    confidence: float | None = None


#: Relations of an adjunct that may say when, not what ("on Monday", "yesterday").
TIME_DEPS = frozenset({"obl", "obl:tmod", "nmod", "nmod:tmod", "advmod", "obl:npmod"})


def trim_trailing_time(tree: Tree, tokens: list[int], times: frozenset[str]) -> list[int]:
    """``tokens`` without a trailing time adjunct inside them ("about the budget *on Monday*"): a
    dependent whose head word is a time word (``Language.time``) and whose phrase ends the content.
    The same boundary the surface reader draws after an object (readings.MAX_TIME_ADJUNCT)."""
    inside = set(tokens)
    words = [j for j in tokens if tree.toks[j].upos not in ("PUNCT", "SYM")]
    if len(words) < 3:
        return tokens
    for j in tokens:
        h = tree.head(j)
        if h is None or h not in inside or tree.toks[j].deprel not in TIME_DEPS:
            continue
        if tree.toks[j].text.lower() not in times:
            continue
        own = set(tree.subtree(j))
        if words[-1] in own and words[0] not in own:
            return [k for k in tokens if k not in own and k < min(own)]
    return tokens


#: Relations of a phrase the writer adds after a comma at a content's end (the surface reader's
#: ``relative`` and ``appositive`` rows of ``content_ends.tsv``): "…, who is 70", "…, the captain".
ASIDE_DEPS = frozenset({"acl:relcl", "appos"})


def trim_trailing_aside(tree: Tree, tokens: list[int], ends: Mapping[tuple[str, ...], str]) -> list[int]:
    """``tokens`` without a trailing non-restrictive relative clause or appositive: a dependent in
    :data:`ASIDE_DEPS` whose phrase follows a comma and ends the content, and whose first word is a
    ``relative`` or ``appositive`` row of ``ends`` (``content_ends.tsv``); an appositive only after a
    verb and with no conjunction in it (a list goes on). The same boundary as
    :meth:`~quoteattr.clauses.ClauseView.adjunct_end` draws on the surface."""
    words = [j for j in tokens if tree.toks[j].upos != "PUNCT"]
    if len(words) < 3:
        return tokens
    inside = set(tokens)
    for j in tokens:
        h = tree.head(j)
        if h is None or h not in inside or tree.toks[j].deprel not in ASIDE_DEPS:
            continue
        own = tree.subtree(j)
        first = next(k for k in own if tree.toks[k].upos != "PUNCT")  # the comma may hang on the phrase
        if words[-1] not in own or words[0] in own or first - 1 not in inside:
            continue
        if tree.toks[first - 1].text != ",":
            continue
        where = ends.get((tree.toks[first].text.lower(),))
        if where == "appositive":
            before = [k for k in tokens if k < first]
            if any(tree.toks[k].upos == "CCONJ" for k in own) or not any(
                tree.toks[k].upos in ("VERB", "AUX") for k in before
            ):
                continue
        elif where != "relative":
            continue
        return [k for k in tokens if k < first - 1]
    return tokens
