"""Rule-based coreference for speakers: who "He", "Trump" and "the spokesman" are.

Sieves, applied to each speaker mention in text order (each records its name in the quote's
evidence). They read the document's mention layer (:mod:`quoteattr.mentions`: the names and role
descriptions the units hold, with kind, gender and grammatical role), never the raw text:

1. names: a name joins the entity whose canonical name it shares or shortens
   (``Trump`` → ``Donald Trump``; a surname alone takes the full name the layer saw before it);
   titles are left out of canonical names (:mod:`quoteattr.names`); ``A and B`` is one entity
   named ``A; B``.
2. pronouns: by salience (:mod:`quoteattr.salience`): the agreeing entity, speaker or not, that
   recency, grammatical role, the previous quote's speaker and parallelism make most prominent;
   ``it``/``they`` go to organisations and groups. A first-person speaker inside a quotation is
   that quotation's speaker.
3. nominals: ``the spokesman`` goes to an earlier entity with that role (``ministry spokesman
   Karl Vos``, ``Karl Vos, a spokesman for …``) or introduced indefinitely (``a spokesman``),
   else it is an entity of its own.

A pronoun no sieve can link still gets an entity (:func:`complete_entities`), marked
``resolved=False`` and named as written, so every quote with a speaker has an entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs

from . import salience
from .language import Language, english
from .mentions import MentionLayer, Referent, build_layer, gendered_nouns, name_kind, organisation_words
from .model import Entity, Mention, Quote
from .names import (
    _COORD_RE,
    canonical_name,
    description_name,
    gender_of_name,
    head,
    proper_name,
    roles,
    same_person,
)
from .quotemarks import find_quotes
from .segment import split_sentences
from .units import build_units

__all__ = ["_COORD_RE", "canonical_name", "complete_entities", "description_name", "proper_name", "resolve"]

#: How many units back a surname looks for its full name, and a role noun for the person it names.
LOOKBACK_UNITS = 40
#: How many of an entity's latest mentions (and of the latest quotes) a pronoun looks at; older ones are
#: beyond the salience window, and reading them all made a long run of pronoun speakers quadratic (issue 6).
RECENT_QUOTES = 16
#: A pronoun attribution whose winner beat the runner-up by less than this share of its score is a close
#: call: the quote's confidence is capped at :data:`CLOSE_CALL_CONFIDENCE`.
CLOSE_CALL_MARGIN = 0.25
CLOSE_CALL_CONFIDENCE = 0.7


@attrs.define
class _Cluster:
    id: int
    name: str
    mentions: list[Mention]
    kind: str  #: person, org, group or "" (unknown), as in the mention layer
    last: int
    roles: set[str]
    gender: str = (
        ""  #: "m"/"f" from an honorific, a given name or a gendered role noun: agreement filters on it
    )
    described: bool = False  #: a description ("the spokesman"), not a name
    hinted: str = ""  #: "m"/"f" from a pronoun resolved to it: weaker evidence, weighed, never a filter


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


def layer_from_text(text: str, lang: Language, speakers: Iterable[Mention] = ()) -> MentionLayer:
    """The mention layer of a text no pipeline has read (``resolve`` called on its own, the parse engine)."""
    marks = [q for q in find_quotes(text, lang) if q.depth == 0]
    return build_layer(text, build_units(split_sentences(text, lang=lang), marks), speakers, lang)


@attrs.define
class _Doc:
    """What resolving one document's mentions shares: the layer, the clusters, the quotes seen so far."""

    layer: MentionLayer
    lang: Language
    clusters: _Clusters = attrs.Factory(_Clusters)
    spoken: list[tuple[int, int, int, _Cluster]] = attrs.Factory(list)  #: (start, end, paragraph, cluster)


def resolve(
    text: str, quotes: Sequence[Quote], lang: Language | None = None, layer: MentionLayer | None = None
) -> tuple[list[Quote], list[Entity]]:
    """Give each quote's speaker an entity; return the quotes and the entities (``lang``: English if None).

    ``layer`` is the document's mention layer (:func:`quoteattr.mentions.build_layer`); without one it
    is read from ``text`` here.
    """
    lang = lang if lang is not None else english()
    if layer is None:
        layer = layer_from_text(text, lang, [q.speaker for q in quotes if q.speaker is not None])
    doc = _Doc(layer, lang)
    by_mention: dict[tuple[int, int], _Cluster] = {}
    assigned: list[tuple[Quote, _Cluster | None, str, float]] = []
    for q in sorted(quotes, key=lambda q: q.start):
        m = q.speaker
        if m is None:
            assigned.append((q, None, "", q.confidence))
            continue
        key = (m.start, m.end)
        cluster = by_mention.get(key)
        sieve, confidence = "same-mention", q.confidence
        if cluster is None:
            cluster, sieve, margin = _resolve_mention(doc, q, m)
            if margin < CLOSE_CALL_MARGIN:
                confidence = min(confidence, CLOSE_CALL_CONFIDENCE)
            if cluster is not None:
                _join(doc, cluster, m, key)
                by_mention[key] = cluster
        if cluster is not None:
            doc.spoken.append((q.start, q.end, doc.layer.paragraph_of(q.start), cluster))
        assigned.append((q, cluster, sieve, confidence))
    entities = {
        c.id: Entity(c.id, c.name, tuple(sorted(c.mentions, key=lambda x: x.start))) for c in doc.clusters
    }
    final = [
        attrs.evolve(
            q,
            entity=None if c is None else entities[c.id],
            evidence=f"{q.evidence}+{sieve}" if sieve else q.evidence,
            confidence=confidence,
        )
        for q, c, sieve, confidence in assigned
    ]
    return complete_entities(final, list(entities.values()), lang)


def _join(doc: _Doc, cluster: _Cluster, m: Mention, key: tuple[int, int]) -> None:
    # Only a cluster just made for m already holds it (a key seen before is in by_mention), so checking
    # the last mention is enough; scanning them all was quadratic (issue 6).
    last_m = cluster.mentions[-1] if cluster.mentions else None
    if last_m is None or (last_m.start, last_m.end) != key:
        cluster.mentions.append(m)
    cluster.last = max(cluster.last, m.start)
    if m.kind == "pronoun":
        hint = _gender(m, doc.lang)
        cluster.hinted = cluster.hinted or hint
        if hint and cluster.kind == "":
            cluster.kind = "person"  # "she" was resolved to it: a person
    else:
        cluster.gender = cluster.gender or _gender(m, doc.lang)
    doc.clusters.touch(cluster)


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


def _resolve_mention(doc: _Doc, q: Quote, m: Mention) -> tuple[_Cluster | None, str, float]:
    """The cluster ``m`` belongs to, the deciding sieve, and the salience margin (1.0 outside pronouns)."""
    lang = doc.lang
    if m.text.strip().lower() in lang.relpro | lang.cls("relative"):  # "who", "which", "that"
        return _resolve_relative(doc, q, m)
    if m.kind == "pronoun":
        return _resolve_pronoun(doc, q, m)
    if m.kind == "nominal":
        cluster, sieve = _resolve_nominal(doc, m)
        return cluster, sieve, 1.0
    name = canonical_name(m.text, lang)
    if " " not in name and ";" not in name:
        longer = _longer_form(doc.layer, name, m.start)  # "Pryce" after "Gordon Pryce, a retired engineer"
        if longer is not None:
            return _add_name(doc, longer.name, m, longer.kind), "name-variant", 1.0
    return _add_name(doc, name, m, _name_kind(doc, name, m)), "name", 1.0


def _resolve_relative(doc: _Doc, q: Quote, m: Mention) -> tuple[_Cluster | None, str, float]:
    """A relative pronoun ("who" in "Ruiz, who said") is its antecedent's entity: the noun phrase right
    before it, resolved as that phrase would be as a speaker (a name, a description), never by salience."""
    found = doc.layer.antecedent(m)
    if found is None or found.text.strip().lower() in doc.lang.relpro:
        return None, "relative-unresolved", 1.0
    cluster, sieve, margin = _resolve_mention(doc, q, found)
    if cluster is not None:
        _join(doc, cluster, found, (found.start, found.end))
    return cluster, f"relative-{sieve}", margin


def _name_kind(doc: _Doc, name: str, m: Mention) -> str:
    """The kind of a speaker's name: the layer's reading of it, else from its words."""
    for r in doc.layer.before(m.end, 0):
        if r.start < m.end and m.start < r.end and not r.described:
            return r.kind
    if ";" in name:
        return "group"
    kind = name_kind(name, doc.lang)
    if kind in ("org", "group"):
        return kind
    return "person" if gender_of_name(m.text, doc.lang) or roles(m.text, doc.lang) else ""


def _resolve_nominal(doc: _Doc, m: Mention) -> tuple[_Cluster | None, str]:
    lang, lower = doc.lang, m.text.lower()
    wanted = roles(m.text, lang)
    for c in doc.clusters.with_role(wanted):
        if c.last < m.start and wanted & c.roles and (not c.described or _same_head(c.name, lower, lang)):
            return c, "nominal-role"
    introduced = _introduced(doc.clusters, m, lang)
    if introduced is not None:
        return introduced, "nominal-introduced"
    found = _role_in_layer(doc.layer, m, wanted | {head(m.text, lang)}, lang)
    if found is not None:
        return _add_name(doc, found.name, None, "person"), "nominal-role-text"
    described = _introduced_in_layer(doc.layer, m, lang)
    if described is not None:  # "A hospital spokeswoman arrived. … the spokeswoman said"
        cluster = _new(doc, described.name, None, described.kind, described=True)
        cluster.roles |= set(described.roles)
        cluster.gender = described.gender
        return cluster, "nominal-introduced-text"
    for c in doc.clusters.named(lower.strip()):
        if c.name.lower() == lower.strip():
            return c, "same-nominal"
    kind = _description_kind(m.text, lang)
    return _new(doc, description_name(m.text.strip(), lang), m, kind, described=True), "nominal-new"


def _description_kind(text: str, lang: Language) -> str:
    """ "the ministry" is an organisation, "officials" a group, "the spokesman" a person."""
    word = head(text, lang)
    if word in organisation_words(lang):
        return "org"
    if word.endswith("s") and (word[:-1] in lang.nominals or word in lang.cls("person")):
        return "group"
    people = lang.nominals | lang.cls("person")
    return "person" if word in people or word in gendered_nouns(lang) else ""


def _longer_form(layer: MentionLayer, surname: str, before: int) -> Referent | None:
    """The nearest earlier full name in the layer ending with ``surname``."""
    # a name's words are text it spans: a unit without the surname written in it holds no such name
    for r in layer.latest(before, LOOKBACK_UNITS, spelling=surname):
        if not r.described and " " in r.name and ";" not in r.name and r.name.split()[-1] == surname:
            return r
    return None


def _role_in_layer(layer: MentionLayer, m: Mention, wanted: set[str], lang: Language) -> Referent | None:
    """The latest earlier name the layer saw with this role: "spokesman Karl Vos" for "the spokesman"."""
    words = m.text.lower().split()
    if not wanted or not words:
        return None  # a mention of no word ("according to \x1c,", found by the property test) has no role
    word = words[-1]
    for r in layer.latest(m.start, LOOKBACK_UNITS, word=word):
        if not r.described and r.kind != "org" and word in r.roles:
            return r
    return None


def _introduced_in_layer(layer: MentionLayer, m: Mention, lang: Language) -> Referent | None:
    """The latest earlier indefinite description in the layer with the head of the definite ``m``."""
    word = head(m.text, lang)
    for r in layer.latest(m.start, LOOKBACK_UNITS, word=word):
        first = r.name.split()[0].lower()
        if r.described and first in lang.cls("indefdet") and head(r.name, lang) == word:
            return r
    return None


def _resolve_pronoun(doc: _Doc, q: Quote, m: Mention) -> tuple[_Cluster | None, str, float]:
    lang, lower = doc.lang, m.text.lower()
    person = lang.pronouns.get(lower, (3, "", ""))[0]
    if person == 1:
        recent = doc.spoken[-RECENT_QUOTES:]  # the quote around m started just before it: no full scan
        inside = [c for s, e, _, c in recent if s <= m.start and m.end <= e]
        if inside:  # "I" inside a quotation is the one speaking it, not the speaker of the frame around it
            return inside[-1], "pronoun-quoted-self", 1.0
    unit = doc.layer.unit_of(m.start)
    earlier = [c for c in doc.clusters.by_recency() if c.last < m.start]
    candidates = _candidates(doc, q, m, earlier[:RECENT_QUOTES])
    choice = salience.rank(lower, unit, candidates.values(), lang)
    if choice is None:  # nobody recent agrees: the latest agreeing speaker further back, as a last resort
        older = [_as_candidate(c, []) for c in earlier[RECENT_QUOTES:]]
        choice = salience.rank(lower, unit, (c for c in older if salience.agrees(lower, c, lang)), lang)
    if choice is None:
        return None, "pronoun-unresolved", 1.0
    margin = salience.margin_ratio(choice)
    picked = choice.candidate.key
    if isinstance(picked, _Cluster):
        group = lower not in lang.singular_persons
        return picked, "pronoun-group" if group else "pronoun-speaker", margin
    r = picked
    assert isinstance(r, Referent)
    if r.described:
        cluster = _new(doc, r.name, None, r.kind, described=True)
        cluster.roles |= set(r.roles)
        cluster.gender = r.gender
        return cluster, "pronoun-description", margin
    cluster = _add_name(doc, r.name, None, r.kind or ("person" if lower in lang.gendered_subjects else ""))
    cluster.gender = cluster.gender or r.gender
    if lower not in lang.singular_persons:
        return cluster, "pronoun-org-name", margin
    return cluster, "pronoun-subject" if r.role == "subject" else "pronoun-name", margin


def _as_candidate(
    c: _Cluster, occurrences: list[salience.Occurrence], previous: bool = False
) -> salience.Candidate:
    return salience.Candidate(c, c.name, c.kind, c.gender, tuple(occurrences), c.last, previous, c.hinted)


def _candidates(
    doc: _Doc, q: Quote, m: Mention, clusters: Sequence[_Cluster]
) -> dict[object, salience.Candidate]:
    """The entities a pronoun weighs: the latest speakers, and the layer's names and roles in the window."""
    layer = doc.layer
    previous = _previous_speaker(doc, q)
    occurrences: dict[int, list[salience.Occurrence]] = {}
    for c in clusters:
        occurrences[c.id] = [
            salience.Occurrence(layer.unit_of(x.start), "subject", True, c.described)
            for x in c.mentions[-RECENT_QUOTES:]  # older mentions are out of the window: bounded cost
            if x.start < m.start
        ]
    virtual: dict[str, tuple[Referent, list[salience.Occurrence]]] = {}
    for r in layer.before(m.start, salience.WINDOW_UNITS):
        if r.speaker:
            continue  # a speaker mention: its cluster holds it
        occ = salience.Occurrence(r.unit, r.role, False, r.described)
        owner = _owner(clusters, r)
        if owner is not None:
            occurrences[owner.id].append(occ)
            owner.gender = owner.gender or r.gender  # "Mrs. Ruiz" in the text tells what "Ruiz said" did not
            continue
        key = r.name.lower()
        seen = virtual[key][1] if key in virtual else []
        virtual[key] = (r, [*seen, occ])  # the latest mention stands for the entity
    out: dict[object, salience.Candidate] = {}
    for c in clusters:
        out[id(c)] = _as_candidate(c, occurrences[c.id], previous is c)
    for r, seen in virtual.values():
        out[r.name.lower()] = salience.Candidate(r, r.name, r.kind, r.gender, tuple(seen), r.start)
    return out


def _owner(clusters: Sequence[_Cluster], r: Referent) -> _Cluster | None:
    """The speaker entity a layer referent names, if any (same name, or a shorter or longer form)."""
    for c in clusters:
        if r.described:
            if c.described and c.name.lower() == r.name.lower():
                return c
        elif not c.described and ";" not in c.name and same_person(r.name, c.name):
            return c
    return None


def _previous_speaker(doc: _Doc, q: Quote) -> _Cluster | None:
    """The entity of the latest quote before ``q`` in the same paragraph."""
    paragraph = doc.layer.paragraph_of(q.start)
    for start, _end, para, cluster in reversed(doc.spoken):
        if start < q.start:
            return cluster if para == paragraph else None
    return None


def _gender(m: Mention, lang: Language) -> str:
    """ "m" or "f" from a gendered pronoun or honorific in the mention ("She", "Mrs. Ruiz"), else ""."""
    words = m.text.lower().replace(".", " ").split()
    if not words:
        return ""
    if m.kind == "pronoun":
        return lang.pronouns.get(words[0], (0, "", ""))[2] if words[0] in lang.gendered_subjects else ""
    return gender_of_name(m.text, lang)


def _same_head(description: str, nominal: str, lang: Language) -> bool:
    """ "a police spokeswoman" and "the spokeswoman": an indefinite introduction, then the same role."""
    return head(description, lang) == head(nominal, lang)


def _introduced(clusters: _Clusters, m: Mention, lang: Language) -> _Cluster | None:
    """An earlier indefinite description with the same head as the definite ``m`` ("an organiser")."""
    word = head(m.text, lang)
    for c in clusters.sharing_a_word([word]):
        first = c.name.split()[0].lower() if c.name else ""
        if c.last < m.start and c.described and first in lang.cls("indefdet") and head(c.name, lang) == word:
            return c
    return None


def _gender_of(name: str, m: Mention | None, lang: Language, described: bool) -> str:
    """A name's gender from its honorific or given name; a description's from its head ("the young girl")."""
    if described:
        return gendered_nouns(lang).get(head(name, lang), "")
    return gender_of_name(m.text, lang) if m is not None else ""


def _new(doc: _Doc, name: str, m: Mention | None, kind: str, *, described: bool = False) -> _Cluster:
    clusters = doc.clusters
    c = _Cluster(
        len(clusters),
        name,
        [m] if m else [],
        kind,
        m.start if m else 0,
        roles(m.text, doc.lang) if m else set(),
        _gender_of(name, m, doc.lang, described),
        described,
    )
    clusters.append(c)
    return c


def _add_name(doc: _Doc, name: str, m: Mention | None, kind: str) -> _Cluster:
    """Join an entity with the same or a longer/shorter form of this name, or start one."""
    clusters = doc.clusters
    toks = name.lower().split()
    # Every rule below needs a shared word, so only clusters sharing one are candidates (issue 6).
    for c in clusters.sharing_a_word(toks):
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
        return _new(doc, name, m, kind)
    if m is not None:
        c.roles |= roles(m.text, doc.lang)
    c.kind = c.kind or kind
    c.gender = c.gender or gender_of_name(name, doc.lang)
    clusters.note(c)  # it may have been renamed, or gained roles
    return c
