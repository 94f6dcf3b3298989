"""Rule-based coreference for speakers: who "He", "Trump" and "the spokesman" are.

Sieves, applied to each speaker mention in text order (each records its name in
the quote's evidence):

1. names: a name joins the entity whose canonical name it shares or shortens
   (``Trump`` → ``Donald Trump``); titles are left out of canonical names
   (``Foreign Minister X Y`` → ``X Y``); ``A and B`` is one entity named ``A; B``.
2. pronouns: ``he``/``she``/``I`` go to the most recent *speaker* that is a
   singular person, then to the nearest earlier personal name in the text;
   ``they``/``it`` go to the most recent organisation or group.
3. nominals: ``the spokesman`` goes to an earlier entity introduced with that
   role (``ministry spokesman Karl Vos``), else it is an entity of its own.

A pronoun no sieve can link still gets an entity (:func:`complete_entities`), marked
``resolved=False`` and named as written, so every quote with a speaker has an entity.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs
import regex

from .language import Language, english
from .model import Entity, Mention, Quote
from .tokens import is_capitalised, tokenize

_R = TypeVar("_R")

#: How far back (characters) the fallback looks for a personal name to resolve a pronoun.
NAME_LOOKBACK = 600


# Hostile-input safety (issue 6): possessive runs, and a name starts only at a word start, so a long
# capitalised word costs linear time instead of one rescan per capital letter.
@functools.lru_cache(maxsize=16)
def _name_pattern(particles: frozenset[str]) -> regex.Pattern[str]:
    """Capitalised words, with at most one name particle between two of them ("Guillermo del Toro")."""
    alternation = "|".join(sorted(map(regex.escape, particles), key=len, reverse=True)) or "(?!)"
    return regex.compile(
        r"(?<![\p{L}\p{M}'’\-])\p{Lu}[\p{L}\p{M}'’\-]++"
        rf"(?:\s++(?:(?:{alternation})[\-\s])?\p{{Lu}}[\p{{L}}\p{{M}}'’\-]++)+"
    )


_NAME_RE = _name_pattern(english().name_particles)  # English; another language builds its own
# Same splits as r"\s*(?:,\s*and\s+|,\s+|\s+and\s+|\s*&\s*)", which was cubic on a run of spaces: each
# alternative takes its whitespace possessively and a match starts only at the start of a whitespace run (or
# where the previous split ended, \G).
_PARENS = regex.compile(r"\([^()]{0,80}\)")  # "(D-Wis.)" is not part of a name


@functools.lru_cache(maxsize=16)
def _coord_pattern(pair_words: frozenset[str]) -> regex.Pattern[str]:
    """Splits "A, B and C" / "A & B" into speakers; ``pair_words`` are the language's "and"."""
    words = "|".join(sorted(map(regex.escape, pair_words), key=len, reverse=True)) or "(?!)"
    return regex.compile(
        rf"(?:(?<!\s)|\G)(?:\s*+,\s*+(?:{words})\s++|\s*+,\s++|\s++(?:{words})\s++|\s*+&\s*+)"
    )


_COORD_RE = _coord_pattern(english().cls("pair"))
#: How many recent speakers a pronoun weighs when one of them is known to match its gender.
RECENT_SPEAKERS = 3


@attrs.define
class _Cluster:
    id: int
    name: str
    mentions: list[Mention]
    person: bool
    last: int
    roles: set[str]
    gender: str = ""  #: "m"/"f" once a gendered pronoun or honorific was resolved to it, else unknown


#: Most clusters a mention is compared with: those sharing a name word or a role with it, or the most
#: recent speakers for a pronoun. Exact unless more entities than this qualify; bounds the cost on hostile
#: text full of look-alike speakers (issue 6).
MAX_NAME_CANDIDATES = 256


class _Clusters(list[_Cluster]):
    """The clusters (``id`` = position), indexed so that linking one mention never scans them all.

    A name can only join a cluster whose name shares a word with it, a nominal one that has its role or its
    name, and a pronoun looks at the most recent speakers first: comparing every mention with every cluster
    made coreference quadratic in the number of speakers (issue 6). Indexes may hold clusters that no longer
    fit (after a rename), never miss one that does: callers still test each candidate.
    """

    def __init__(self) -> None:
        super().__init__()
        self.by_key: dict[str, list[int]] = {}  # "w:word" / "r:role" / "n:name" → cluster ids, ascending
        self.recency: list[tuple[int, int]] = []  # (last, -id), ascending; stale entries are dropped

    def append(self, c: _Cluster) -> None:
        super().append(c)
        self.note(c)
        self.touch(c)

    def note(self, c: _Cluster) -> None:
        """Index ``c`` under its current name, name words and roles; call again after changing them."""
        name = c.name.lower()
        keys = {"n:" + name} | {"w:" + w for w in name.split() or [""]} | {"r:" + r for r in c.roles}
        for key in keys:
            ids = self.by_key.setdefault(key, [])
            at = bisect.bisect_left(ids, c.id)
            if at == len(ids) or ids[at] != c.id:
                ids.insert(at, c.id)

    def touch(self, c: _Cluster) -> None:
        """Record ``c.last`` after it changed."""
        entry = (c.last, -c.id)
        at = bisect.bisect_left(self.recency, entry)
        if at == len(self.recency) or self.recency[at] != entry:
            self.recency.insert(at, entry)

    def _indexed(self, keys: set[str]) -> list[_Cluster]:
        ids: set[int] = set()
        for key in keys:
            ids.update(self.by_key.get(key, ())[-MAX_NAME_CANDIDATES:])
        return [self[k] for k in sorted(ids, reverse=True)[:MAX_NAME_CANDIDATES]]

    def sharing_a_word(self, words: Sequence[str]) -> list[_Cluster]:
        """Clusters whose name shares a word with ``words``, most recent first."""
        return self._indexed({"w:" + w for w in words or [""]})

    def with_role(self, roles: set[str]) -> list[_Cluster]:
        """Clusters that have one of ``roles``, most recent first."""
        return self._indexed({"r:" + r for r in roles})

    def named(self, name: str) -> list[_Cluster]:
        """Clusters whose lower-cased name is ``name``, most recent first."""
        return self._indexed({"n:" + name})

    def by_recency(self) -> list[_Cluster]:
        """The clusters by ``last``, latest first (ties: lower id first), as ``sorted(..., reverse=True)``."""
        out: list[_Cluster] = []
        k = len(self.recency) - 1
        while k >= 0 and len(out) < MAX_NAME_CANDIDATES:
            last, neg_id = self.recency[k]
            if self[-neg_id].last == last:
                out.append(self[-neg_id])
            else:
                del self.recency[k]  # stale: the cluster was touched again later
            k -= 1
        return out


#: Mention texts up to this length have their canonical name and roles cached (real mentions are far
#: shorter); a longer one (hostile text: a 100 KB capitalised "word") is computed each time. With
#: CACHE_SIZE entries per cache, what the caches keep across documents stays bounded at a few MB
#: (unbounded keys kept about 95 MB after 1,000 such documents, issue 10).
CACHE_KEY_CHARS = 128
CACHE_SIZE = 8192


def _cached_if_short(func: Callable[[str, Language], _R]) -> Callable[[str, Language], _R]:
    """``func`` behind an LRU cache that only short texts enter (see :data:`CACHE_KEY_CHARS`)."""
    cached = functools.lru_cache(maxsize=CACHE_SIZE)(func)

    @functools.wraps(func)
    def lookup(text: str, lang: Language) -> _R:
        return cached(text, lang) if len(text) <= CACHE_KEY_CHARS else func(text, lang)

    lookup.cache_info = cached.cache_info  # type: ignore[attr-defined]
    lookup.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return lookup


def canonical_name(mention_text: str, lang: Language | None = None) -> str:
    """The name without determiners and titles: "Iranian Foreign Minister Ana Ruiz" → "Ana Ruiz".

    >>> canonical_name("US President Donald Trump")
    'Donald Trump'
    >>> canonical_name("the spokesman")
    'the spokesman'
    """
    return _canonical_name(mention_text, lang if lang is not None else english())


@_cached_if_short  # pure, and called for the same names again and again
def _canonical_name(mention_text: str, lang: Language) -> str:
    parts = [p for p in _coord_pattern(lang.cls("pair")).split(mention_text.strip()) if p]
    if len(parts) > 1 and all(_has_cap(p) for p in parts):
        return "; ".join(_canonical_name(p, lang) for p in parts)
    words = [t.text for t in tokenize(_PARENS.sub(" ", mention_text)) if t.is_word or t.text in ("-",)]
    run: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if (is_capitalised(w) or lw in lang.name_particles) and (
            lw not in lang.titles and lw + "." not in lang.titles and lw not in lang.det
        ):
            run.append(w)
        else:
            break
    run.reverse()
    if run and _attached(words, len(words) - len(run), lang):
        return description_name(mention_text.strip(), lang)  # "a teacher at Brookfield Primary"
    # "Although Ruiz", "On Oct", "Meanwhile": a sentence opener is not the start of a name
    while run and (not is_capitalised(run[0]) or run[0].lower() in lang.not_name_openers):
        run.pop(0)
    if run:
        return " ".join(run)
    return description_name(mention_text.strip(), lang)


def _attached(words: Sequence[str], at: int, lang: Language) -> bool:
    """Does the capitalised run at ``words[at:]`` hang off a description by a preposition?

    "A farmer near Kilbride", "officials in Dunmore": the place is not the speaker. A title before
    the preposition ("Secretary of State X") keeps the run a name.
    """
    if at < 2 or words[at - 1].lower() not in lang.cls("located"):
        return False  # "a spokeswoman for X", "an analysis by X" are X's: left to the name rules
    first = words[0].lower()
    return first in lang.det or first in lang.not_name_openers or words[at - 2].lower() in lang.nominals


def description_name(text: str, lang: Language) -> str:
    """A description named as a reader would write it mid-sentence: "His aides" → "his aides".

    A determiner or quantifier is capitalised only because it opened the sentence; lowering it makes
    the same description one name wherever it stands, and keeps it from passing for a proper name.
    """
    first, _, rest = text.partition(" ")
    acronym = len(first) > 1 and first.isupper()
    if rest and first[:1].isupper() and not acronym and first.lower() in lang.not_name_openers | lang.det:
        return f"{first.lower()} {rest}"
    return text


def proper_name(text: str, lang: Language) -> str | None:
    """The canonical name of a capitalised run found in the text, or None when it is no name."""
    name = canonical_name(text, lang)
    words = name.split()
    if not words or not is_capitalised(words[0]) or words[0].lower() in lang.not_name_openers:
        return None
    if words[0].lower() in lang.titles or words[0].lower() + "." in lang.titles:
        return None
    return name


def _has_cap(s: str) -> bool:
    return any(t.text[:1].isupper() for t in tokenize(s) if t.is_word)


def _roles(mention_text: str, lang: Language) -> set[str]:
    return set(_role_words(mention_text, lang))


@_cached_if_short
def _role_words(mention_text: str, lang: Language) -> frozenset[str]:
    return frozenset(
        t.lower for t in tokenize(mention_text) if t.lower in lang.nominals or t.lower in lang.titles
    )


def resolve(
    text: str, quotes: Sequence[Quote], lang: Language | None = None
) -> tuple[list[Quote], list[Entity]]:
    """Give each quote's speaker an entity; return the quotes and the entities (``lang``: English if None)."""
    lang = lang if lang is not None else english()
    clusters = _Clusters()  # indexed, so one mention never scans every cluster (issue 6)
    by_mention: dict[tuple[int, int], _Cluster] = {}
    assigned: list[tuple[Quote, _Cluster | None, str]] = []
    for q in sorted(quotes, key=lambda q: q.start):
        m = q.speaker
        if m is None:
            assigned.append((q, None, ""))
            continue
        key = (m.start, m.end)
        cluster = by_mention.get(key)
        sieve = "same-mention"
        if cluster is None:
            cluster, sieve = _resolve_mention(text, m, clusters, lang)
            if cluster is not None:
                # Only a cluster just made for m already holds it (a key seen before is in by_mention), so
                # checking the last mention is enough; scanning them all was quadratic (issue 6).
                last_m = cluster.mentions[-1] if cluster.mentions else None
                if last_m is None or (last_m.start, last_m.end) != key:
                    cluster.mentions.append(m)
                cluster.last = max(cluster.last, m.start)
                cluster.gender = cluster.gender or _gender(m, lang)
                clusters.touch(cluster)
                by_mention[key] = cluster
        assigned.append((q, cluster, sieve))
    entities = {
        c.id: Entity(c.id, c.name, tuple(sorted(c.mentions, key=lambda x: x.start))) for c in clusters
    }
    final = [
        attrs.evolve(
            q,
            entity=None if c is None else entities[c.id],
            evidence=f"{q.evidence}+{sieve}" if sieve else q.evidence,
        )
        for q, c, sieve in assigned
    ]
    return complete_entities(final, list(entities.values()), lang)


def complete_entities(
    quotes: Sequence[Quote], entities: Sequence[Entity], lang: Language | None = None
) -> tuple[list[Quote], list[Entity]]:
    """Give each quote that has a speaker but no entity an entity of its own mention.

    The entity policy: ``q.entity`` is set whenever ``q.speaker`` is, so callers never meet a
    speaker without a name. A mention nothing could be linked to is named as written; it is
    ``resolved=False`` when it is a pronoun ("he" names nobody), else the mention is itself a
    name or a description. Quotes sharing one mention share its entity; new ids follow the
    largest id in ``entities``.
    """
    out_entities = list(entities)
    next_id = max((e.id for e in entities), default=-1) + 1
    made: dict[tuple[int, int], Entity] = {}
    out: list[Quote] = []
    for q in quotes:
        m = q.speaker
        if q.entity is None and m is not None:
            key = (m.start, m.end)
            entity = made.get(key)
            if entity is None:
                name = canonical_name(m.text, lang) if m.kind == "name" else m.text.strip()
                name = description_name(name, lang or english()) if m.kind == "nominal" else name
                entity = Entity(next_id, name or m.text, (m,), resolved=m.kind != "pronoun")
                made[key] = entity
                out_entities.append(entity)
                next_id += 1
            q = attrs.evolve(q, entity=entity)
        out.append(q)
    return out, out_entities


def _resolve_mention(
    text: str, m: Mention, clusters: list[_Cluster], lang: Language
) -> tuple[_Cluster | None, str]:
    lower = m.text.lower()
    if m.kind == "pronoun":
        return _resolve_pronoun(text, m, lower, clusters, lang)
    if m.kind == "nominal":
        roles = _roles(m.text, lang)
        for c in clusters.with_role(roles) if isinstance(clusters, _Clusters) else reversed(clusters):
            if c.last < m.start and roles & c.roles and (c.person or _same_head(c.name, lower, lang)):
                return c, "nominal-role"
        introduced = _introduced(clusters, m, lang)
        if introduced is not None:
            return introduced, "nominal-introduced"
        found = _role_in_text(text, m, roles | {_head(m.text, lang)}, lang)
        if found is not None:
            return _add_name(found, clusters, m, lang, person=True), "nominal-role-text"
        for c in clusters.named(lower.strip()) if isinstance(clusters, _Clusters) else reversed(clusters):
            if c.name.lower() == lower.strip():
                return c, "same-nominal"
        return _new(clusters, description_name(m.text.strip(), lang), m, lang, person=False), "nominal-new"
    name = canonical_name(m.text, lang)
    if " " not in name and ";" not in name:
        longer = _longer_form(text, name, m.start, lang)  # "Pryce" after "Gordon Pryce, a retired engineer"
        if longer is not None:
            return _add_name(longer, clusters, m, lang, person=True), "name-variant"
    return _add_name(name, clusters, m, lang, person=True), "name"


def _longer_form(text: str, surname: str, before: int, lang: Language) -> str | None:
    """The nearest earlier full name ending with ``surname``."""
    names = _name_pattern(lang.name_particles)
    for match in reversed(list(names.finditer(text, max(0, before - 4 * NAME_LOOKBACK), before))):
        name = proper_name(match.group(), lang)
        if name is not None and " " in name and name.split()[-1] == surname:
            return name
    return None


def _resolve_pronoun(
    text: str, m: Mention, lower: str, clusters: list[_Cluster], lang: Language
) -> tuple[_Cluster | None, str]:
    if lower in lang.singular_persons:
        gender = _gender(m, lang)
        compatible = [
            c
            for c in _by_recency(clusters)
            if c.last < m.start
            and c.person
            and ";" not in c.name
            and not (gender and c.gender and gender != c.gender)
        ]
        newer = _subject_since(text, m.start, compatible[0].last if compatible else 0, lang, gender)
        if newer is not None and not _known_other(clusters, newer, gender):
            # "… Hale said. Mbeki disagreed. '…,' he said": the newer subject
            return _add_name(newer, clusters, None, lang, person=True), "pronoun-subject"
        if compatible:
            # "she" never goes to a speaker known as "he"; among the last few, one known to match is preferred
            known = [c for c in compatible[:RECENT_SPEAKERS] if gender and c.gender == gender]
            return (known[0] if known and not compatible[0].gender else compatible[0]), "pronoun-speaker"
        name = _nearest_name(text, m.start, lang, gender)
        if name is not None:
            return _add_name(name, clusters, None, lang, person=True), "pronoun-name"
        return None, "pronoun-unresolved"
    for c in _by_recency(clusters):
        if c.last < m.start:
            return c, "pronoun-group"
    # no earlier speaker: "Norrland Bank raised its rates. '…,' it said" — the subject organisation
    name = _nearest_name(text, m.start, lang)
    if name is not None:
        return _add_name(name, clusters, None, lang, person=False), "pronoun-org-name"
    return None, "pronoun-unresolved"


def _gender(m: Mention, lang: Language) -> str:
    """ "m" or "f" from a gendered pronoun or honorific in the mention ("She", "Mrs. Ruiz"), else ""."""
    words = m.text.lower().replace(".", " ").split()
    if not words:
        return ""
    if m.kind == "pronoun":
        return lang.pronouns.get(words[0], (0, "", ""))[2] if words[0] in lang.gendered_subjects else ""
    return lang.honorifics.get(words[0], "") or lang.given_names.get(words[0], "")


def _other_gender(name: str, gender: str, lang: Language) -> bool:
    """Is ``name``'s given name known to be of the gender other than ``gender``?"""
    known = lang.given_names.get(name.split()[0].lower(), "") if gender and name else ""
    return bool(known) and known != gender


def _by_recency(clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters by their latest mention, latest first (indexed for a :class:`_Clusters`, issue 6)."""
    if isinstance(clusters, _Clusters):
        return clusters.by_recency()
    return sorted(clusters, key=lambda c: c.last, reverse=True)


def _known_other(clusters: list[_Cluster], name: str, gender: str) -> bool:
    """Is ``name`` an entity already known to be of the gender other than ``gender``?"""
    found = clusters.named(name.lower()) if isinstance(clusters, _Clusters) else clusters
    return any(c.name == name and gender and c.gender and c.gender != gender for c in found)


def _subject_since(text: str, before: int, after: int, lang: Language, gender: str) -> str | None:
    """A full name opening a sentence after the last speaker's mention and before the pronoun, if any.

    Lappin & Leass in miniature: a subject more recent than the last speaker is more salient than it.
    Only a name at a sentence start counts (a subject), and only after a known speaker (``after`` > 0).
    """
    if after <= 0:
        return None
    end = text.find(".", after)
    if end < 0 or end >= before:
        return None  # the speaker's own sentence runs up to the pronoun
    name = _nearest_name(text, before, lang, gender, start=end, subject_only=True)
    return name


def _nearest_name(
    text: str, before: int, lang: Language, gender: str = "", *, start: int = 0, subject_only: bool = False
) -> str | None:
    window_start = max(0, before - NAME_LOOKBACK, start)
    pattern = _name_pattern(lang.name_particles)
    names: list[tuple[int, str]] = []
    for m in pattern.finditer(text, window_start, before):
        name = proper_name(m.group(), lang)
        if name is not None and " " in name and not _other_gender(name, gender, lang):
            names.append((m.start(), name))
    # A name that opens a sentence is a subject, and subjects are what pronouns pick up.
    for start, name in reversed(names):
        head = text[max(0, start - 3) : start]
        if start == 0 or regex.search(r"(?:[.!?]\s+|\n)$", head):
            return name
    return names[-1][1] if names and not subject_only else None


def _role_in_text(text: str, m: Mention, roles: set[str], lang: Language) -> str | None:
    """An earlier "role Name" in the text: "ministry spokesman Karl Vos" for "the spokesman"."""
    if not roles:
        return None
    head = m.text.lower().split()[-1]
    window_start = max(0, m.start - 4 * NAME_LOOKBACK)
    window = text[window_start : m.start]
    if head not in window.lower():
        return None  # neither rule can match without the role word: skip the scans
    # "Karl Vos, a spokesman for the ministry" — a name with the role in apposition
    appositive = None
    for match in _name_pattern(lang.name_particles).finditer(window):
        after = window[match.end() : match.end() + 60].lower()
        if after.startswith((", a ", ", an ", ", the ")) and head in after.split(",")[1].split():
            appositive = _person_name(window, match, lang) or appositive
    if appositive is not None:
        return appositive
    tokens = tokenize(text, window_start, m.start)
    best = None
    for i, t in enumerate(tokens[:-1]):
        if t.lower in roles and m.text.lower().split()[-1] == t.lower:
            j = i + 1
            while j < len(tokens) and tokens[j].is_capitalized and tokens[j].is_word:
                j += 1
            if j - (i + 1) >= 2:
                best = canonical_name(text[tokens[i + 1].start : tokens[j - 1].end], lang)
    return best


def _same_head(description: str, nominal: str, lang: Language) -> bool:
    """ "a police spokeswoman" and "the spokeswoman": an indefinite introduction, then the same role."""
    return _head(description, lang) == _head(nominal, lang)


def _head(description: str, lang: Language) -> str:
    """The head noun of a description: its last word before any preposition ("a doctor at the clinic")."""
    words = description.lower().split()
    for i, w in enumerate(words):
        if i > 0 and w in lang.prep:
            return words[i - 1]
    return words[-1] if words else ""


def _introduced(clusters: list[_Cluster], m: Mention, lang: Language) -> _Cluster | None:
    """An earlier indefinite description with the same head as the definite ``m`` ("an organiser")."""
    head = _head(m.text, lang)
    candidates = clusters.sharing_a_word([head]) if isinstance(clusters, _Clusters) else reversed(clusters)
    for c in candidates:
        first = c.name.split()[0].lower() if c.name else ""
        if (
            c.last < m.start
            and not c.person
            and first in lang.cls("indefdet")
            and _head(c.name, lang) == head
        ):
            return c
    return None


def _person_name(window: str, match: regex.Match[str], lang: Language) -> str | None:
    """The name ``match`` found, unless it names a place ("on Main Street", "in Port Ellis") or is no name."""
    name = proper_name(match.group(), lang)
    if name is None or name.lower().split()[-1] in lang.place_words:
        return None
    before = window[max(0, match.start() - 12) : match.start()].lower().split()
    if before and before[-1] in lang.prep:
        return None  # "in Dunmore, a spokesman said": a place or an organisation, not the speaker
    return name


def _new(clusters: list[_Cluster], name: str, m: Mention | None, lang: Language, *, person: bool) -> _Cluster:
    c = _Cluster(
        len(clusters),
        name,
        [m] if m else [],
        person,
        m.start if m else 0,
        _roles(m.text, lang) if m else set(),
    )
    clusters.append(c)
    return c


def _add_name(
    name: str, clusters: list[_Cluster], m: Mention | None, lang: Language, *, person: bool
) -> _Cluster:
    """Join an entity with the same or a longer/shorter form of this name, or start one."""
    toks = name.lower().split()
    # Every rule below needs a shared word, so only clusters sharing one are candidates (issue 6).
    for c in clusters.sharing_a_word(toks) if isinstance(clusters, _Clusters) else reversed(clusters):
        if not c.name[:1].isupper():
            continue  # a description ("the relationship ... after Trump") is no name to join
        ctoks = c.name.lower().split()
        if ctoks == toks:
            break
        if len(toks) == 1 and toks[0] in ctoks:
            break
        if len(ctoks) == 1 and ctoks[0] in toks:
            c.name = name  # the longer form becomes canonical
            break
        if len(toks) > 1 and len(ctoks) > 1 and toks[-1] == ctoks[-1] and (toks[0] == ctoks[0]):
            if len(toks) > len(ctoks):
                c.name = name
            break
    else:
        return _new(clusters, name, m, lang, person=person)
    if m is not None:
        c.roles |= _roles(m.text, lang)
    if isinstance(clusters, _Clusters):
        clusters.note(c)  # it may have been renamed, or gained roles
    return c
