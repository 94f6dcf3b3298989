"""Addressees of news quotes: the listener a "tell" verb names ("told the Herald", "told reporters").

The listener is read from the words the cue and the quote leave between them, or after the cue
when the quote comes first, or, when the content opens right after the cue with the one asked to act
("urged ⟦Congress to leave the law alone⟧", as PolNeAR's spans read it), from the content's words
before its infinitive; the content boundary is the attribution stage's business and is not
changed here. The fiction conversation stage sets addressees from vocatives; a quote that already
has one keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from .frames import LISTENER_JOINS_CONTENT
from .language import Language
from .model import Mention, Quote

#: Cue frames that name a listener: "told reporters …", "asked the board …".
LISTENER_FRAMES = frozenset({"tell", "ask"})
#: Cues of other frames that name whom they address before an infinitive: "called on the mayor to …".
ADDRESSING_CUES = frozenset({"call on"})
#: The most words an addressee may have ("told a meeting of island leaders").
MAX_WORDS = 6
#: Where a listener after a postposed cue ends: punctuation, a quote mark or a line break.
_END = regex.compile(r"[.,;:!?\n\"“”‘’«»]")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.\-]*+")


def tell_addressees(text: str, quotes: Iterable[Quote], lang: Language) -> list[Quote]:
    """The quotes, each "tell" quote given the listener its cue names, if it has none yet."""
    out: list[Quote] = []
    for q in quotes:
        if q.addressee is None and q.cue is not None and _tells(q.cue.text, lang):
            listener = _listener(text, q, lang)
            if listener is not None:
                q = attrs.evolve(q, addressee=listener)
        out.append(q)
    return out


def _tells(cue: str, lang: Language) -> bool:
    """Does the cue name whom it addresses (a tell or ask verb, or one of :data:`ADDRESSING_CUES`)?"""
    entry = lang.cues.lookup(" ".join(cue.split()))
    return entry is not None and (entry.frame in LISTENER_FRAMES or entry.lemma in ADDRESSING_CUES)


def _listener(text: str, q: Quote, lang: Language) -> Mention | None:
    """The noun phrase right after the cue, up to the content, punctuation or a preposition."""
    assert q.cue is not None
    start = q.cue.end
    if q.start >= start and not text[start : q.start].strip():
        end = _before_infinitive(text, q, lang)  # "urged ⟦Congress to leave …⟧"
        if end is None:
            return None
        start = q.start
    elif q.start >= start:
        end = q.start
    elif q.end <= q.cue.start:
        stop = _END.search(text, start, min(len(text), start + 200))
        end = stop.start() if stop else min(len(text), start + 200)
    else:
        return None
    words = list(_WORD.finditer(text, start, end))[: MAX_WORDS + 1]
    kept: list[regex.Match[str]] = []
    for k, w in enumerate(words):
        lower = w.group().lower()
        if _of_phrase(words, k, kept, lang):
            kept.append(w)  # "members of the council": "of" ties the listener's head to its group
            continue
        if lower in lang.complementisers or lower in lang.prep or lower in lang.time:
            break
        kept.append(w)
    if not kept or len(kept) > MAX_WORDS or not _opens_listener(kept[0].group(), lang):
        return None
    s, e = kept[0].start(), kept[-1].end()
    first = kept[0].group().lower()
    named = any(w.group()[:1].isupper() for w in kept)
    kind = "pronoun" if first in lang.object_pronouns else ("name" if named else "nominal")
    return Mention(s, e, text[s:e], kind=kind)


def _before_infinitive(text: str, q: Quote, lang: Language) -> int | None:
    """Where a listener that opens the content ends: before the infinitive's marker
    (:data:`~quoteattr.frames.LISTENER_JOINS_CONTENT`, "to") and any adverb before it ("never to").

    ``None`` when no marker follows within :data:`MAX_WORDS` words, or when a finite auxiliary follows
    the infinitive: "warned the plan to cut taxes would fail" names no listener.
    """
    words = list(_WORD.finditer(text, q.start, q.end))
    lowers = [w.group().lower() for w in words]

    def marks(word: str) -> bool:
        return any(word in lang.cls(name) for name in LISTENER_JOINS_CONTENT)

    # the listener's words, then the adverbs a marker may follow ("never to")
    marker = next((k for k, w in enumerate(lowers[: 2 * MAX_WORDS]) if marks(w)), None)
    if marker is None or marker == 0 or marker + 1 >= len(words):
        return None
    if any(w in lang.aux and not marks(lowers[k - 1]) for k, w in enumerate(lowers) if k > marker):
        return None
    k = marker
    while k > 0 and lowers[k - 1] in lang.cls("adv"):
        k -= 1
    return words[k].start() if k > 0 else None


def _of_phrase(words: list[regex.Match[str]], k: int, kept: list[regex.Match[str]], lang: Language) -> bool:
    """Is ``words[k]`` an "of" that continues the listener ("members of the council", "a meeting of leaders")?

    Only after a head word and before a noun phrase: "told reporters of …" with nothing after stays out.
    """
    if not kept or words[k].group().lower() not in lang.cls("affil") or k + 1 >= len(words):
        return False
    after = words[k + 1].group()
    return not (
        after.lower() in lang.complementisers or after.lower() in lang.prep or after.lower() in lang.time
    )


def _opens_listener(word: str, lang: Language) -> bool:
    """A listener starts with a determiner, a name, an object pronoun or a plural role ("reporters")."""
    lower = word.lower()
    return (
        lower in lang.det
        or word[:1].isupper()
        or lower in lang.object_pronouns
        or lower in lang.nominals
        or lower in lang.cls("person")
    )
