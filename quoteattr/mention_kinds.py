"""The kinds of speaker mention — pronoun, name, nominal — defined once for both engines.

A mention is read as a few :class:`KindWord` records: each word's lower-cased form, whether it is
capitalised, and what a parser said of it when one read it (``evidence``). :func:`classify`
applies :data:`KIND_RULES` in order and the first rule that holds names the kind; a mention no rule
claims is a ``nominal`` (``the spokesman``). The surface reader (:func:`quoteattr.phrases.mention_kind`,
unit items) and the parse reader (:func:`quoteattr.parse_entities.mention_kind`, a parsed head token)
are thin adapters that only build the words, so the two cannot disagree on what a kind is: where a
parser tagged a word its tag is the evidence, where none did capitalisation stands in for it.

>>> from quoteattr.language import english
>>> classify([KindWord("she", False)], english())
'pronoun'
>>> classify([KindWord("the", True), KindWord("spokesman", False)], english())
'nominal'
>>> classify([KindWord("officials", True, evidence=COMMON)], english())  # a parser said: no name
'nominal'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from .language import Language

#: What a parser said of a word (``KindWord.evidence``); ``UNKNOWN`` when no parser read it.
UNKNOWN, PRONOUN, PROPER, COMMON = "", "pronoun", "proper", "common"


class KindWord(NamedTuple):
    """One word of a mention, as far as the kinds need it."""

    lower: str
    capitalised: bool
    evidence: str = UNKNOWN  #: PRONOUN, PROPER (a proper noun or a named entity), COMMON or UNKNOWN


def _is_pronoun(words: Sequence[KindWord], lang: Language) -> bool:
    """One word, a pronoun of the language's list or one a parser tagged as such ("she", "they"), or a
    relative pronoun ("who" in "Ruiz, who said"), which coreference links to its antecedent."""
    return len(words) == 1 and (
        words[0].evidence == PRONOUN or words[0].lower in lang.pronouns or words[0].lower in lang.relpro
    )


def _common_capital(word: KindWord, lang: Language) -> bool:
    """A capitalised word that is still no name: a role noun or a title ("Minister", "Dr.")."""
    return word.lower in lang.nominals or word.lower in lang.titles


def _is_name(words: Sequence[KindWord], lang: Language) -> bool:
    """A proper noun: the parser's word when it tagged one; else a capitalised word that is no title
    or role noun, after the first word or as the first word of the phrase ("the Ruiz family" is a
    name only through "Ruiz"; a sentence-initial "The" is not)."""
    if any(w.evidence != UNKNOWN for w in words):
        return any(w.evidence == PROPER for w in words)
    content = [w for w in words if w.lower not in lang.det]
    if any(w.capitalised and not _common_capital(w, lang) for w in content[1:]):
        return True
    return bool(
        content
        and content[0].capitalised
        and not _common_capital(content[0], lang)
        and (words[0] is content[0] or words[0].lower in lang.cls("definite"))
    )


#: The kinds in the order they are tested; a mention none of them claims is ``FALLBACK``.
KIND_RULES: tuple[tuple[str, Callable[[Sequence[KindWord], Language], bool]], ...] = (
    ("pronoun", _is_pronoun),
    ("name", _is_name),
)
FALLBACK = "nominal"


def classify(words: Sequence[KindWord], lang: Language) -> str:
    """The kind of the mention made of ``words`` (its words only, punctuation left out)."""
    for kind, holds in KIND_RULES:
        if holds(words, lang):
            return kind
    return FALLBACK
