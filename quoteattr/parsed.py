"""A parser-neutral view of a dependency-parsed document.

Backends (stanza, spaCy, a CoNLL-U file) convert their own objects into these
small frozen classes, so the parse-aware rules in :mod:`quoteattr.parse_rules`
are written once and run on any parser's output. Labels are Universal
Dependencies (``nsubj``, ``nsubj:pass``, ``ccomp``, ``obl:agent`` ...); an
adapter for a parser with another label set maps its labels to UD.

Offsets are character offsets into :attr:`ParsedDoc.text`, the original text,
so everything derived from a token keeps exact spans. No validators run here
(documents hold many tokens); :meth:`ParsedDoc.check` validates once, at the
adapter boundary.
"""

from __future__ import annotations

import attrs

from .errors import InputError

#: A coreference mention: (sentence index, first token index, token index one past the last), 0-based.
MentionRef = tuple[int, int, int]


@attrs.frozen
class Token:
    """One syntactic word. ``head`` is 0 for the root, else the 1-based index of the head in its sentence."""

    start: int
    end: int
    text: str
    lemma: str
    upos: str
    head: int
    deprel: str
    ner: str = "O"  #: BIOES/BIO entity tag (``B-PERSON``) or ``O``


@attrs.frozen
class ParsedSentence:
    """A sentence's tokens, in order, and its character extent."""

    tokens: tuple[Token, ...]
    start: int
    end: int


@attrs.frozen
class CorefChain:
    """Mentions of one entity; ``representative`` indexes ``mentions`` (None when unknown)."""

    mentions: tuple[MentionRef, ...]
    representative: int | None = None


@attrs.frozen
class ParsedDoc:
    """The original text, its parsed sentences and any coreference chains."""

    text: str = attrs.field(repr=False)
    sentences: tuple[ParsedSentence, ...] = ()
    coref: tuple[CorefChain, ...] = ()

    def check(self) -> ParsedDoc:
        """Raise :class:`InputError` when a token's offsets or head do not fit; return self.

        Adapters call this once, so a bad conversion fails loudly instead of
        producing spans that point at the wrong text.
        """
        n = len(self.text)
        for si, sent in enumerate(self.sentences):
            size = len(sent.tokens)
            for ti, tok in enumerate(sent.tokens):
                if not 0 <= tok.start <= tok.end <= n:
                    raise InputError(
                        f"sentence {si} token {ti}: offsets {tok.start}..{tok.end} outside the text"
                    )
                if not 0 <= tok.head <= size:
                    raise InputError(f"sentence {si} token {ti}: head {tok.head} outside the sentence")
        for chain in self.coref:
            for s, a, b in chain.mentions:
                if not (0 <= s < len(self.sentences) and 0 <= a < b <= len(self.sentences[s].tokens)):
                    raise InputError(f"coref mention {(s, a, b)} does not fit the sentences")
        return self
