"""The conversation stage: who speaks each line of dialogue in fiction.

Runs after coreference, on model objects only (text, quotes, entities): news-style rules name the
speaker of a tagged quote ("…," said Ann), but in a novel a third of the lines have no tag at all and
"she said" must pick the right woman. This stage reads the conversation instead:

1. **Tags.** A quote's own tag (found by earlier stages, or here with the fiction verbs of
   ``lexicons/en/dialogue_verbs.txt``: ``"…," Ann cried``, ``"…" said the Mouse; "…"``).
2. **Characters.** Names in the narration and in tags are clustered into characters
   (:mod:`quoteattr.characters`); he/she in a tag goes to the most recently mentioned character of
   that gender, but not to the one who spoke the previous line (a new paragraph is a new voice).
3. **Paragraphs.** One paragraph is one turn: a line without a tag takes the speaker of another line
   of its paragraph, else the subject that opens a narration sentence of the paragraph
   (``Ann smiled. "…"``).
4. **Turn-taking.** In a run of consecutive dialogue paragraphs, an untagged turn goes to the other
   participant of the previous turn; turns before the first anchored one alternate backwards.
   A paragraph without a quote ends the run.
5. **Vocatives.** A name or form of address inside a quote ("Daddy, what …", "…, Mr. Wood, …") is its
   addressee (``Quote.addressee``), never its speaker, and the likely speaker of the next turn.

The stage changes nothing unless the text reads as fiction (:func:`is_conversation`), so news keeps
the news rules. Cost is linear: one pass over names and quotes, a bounded recency list per lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from .characters import Character, CharacterTable
from .dialogue_book import current_book
from .dialogue_reader import Reader
from .dialogue_text import dash_line_starts, dash_lines, is_conversation, paragraph_bounds, recovered_lines
from .dialogue_turns import CONF_PRONOUN, Decision
from .dialogue_turns_only import alternate
from .lexicons import has_file
from .model import Entity, Mention, Quote
from .quotemarks import QuoteSpan

__all__ = ["CharacterSource", "converse", "is_conversation"]

#: The word list a language needs for characters (gender, titles, forms of address); without it, turns only.
CHARACTER_LEXICON = "gender.tsv"

#: ``Pipeline(characters=...)``: names, or ``(name, aliases)`` pairs, or a mapping name → aliases.
CharacterSource = Iterable[str | tuple[str, Sequence[str]]] | dict[str, Sequence[str]] | None


def characters_from(source: CharacterSource) -> list[tuple[str, tuple[str, ...]]]:
    """Normalise a user character list: ``["Ann Wood", ("Tom Hale", ["Tommy"])]`` or ``{"Ann": ["Nan"]}``."""
    if source is None:
        return []
    items = source.items() if isinstance(source, dict) else source
    out: list[tuple[str, tuple[str, ...]]] = []
    for item in items:
        if isinstance(item, str):
            out.append((item, ()))
        else:
            name, aliases = item
            if isinstance(aliases, str):
                raise TypeError(f"characters: aliases of {name!r} must be a list of names, got a str")
            out.append((str(name), tuple(str(a) for a in aliases)))
    return out


def converse(
    text: str,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    characters: CharacterSource = None,
    *,
    marks: Sequence[QuoteSpan] = (),
    force: bool = False,
    lang: str = "en",
) -> tuple[list[Quote], list[Entity]]:
    """Re-read the speakers of direct quotes as a conversation; return the quotes and the entities.

    Args:
        text: the text the quotes index into.
        quotes: the quotes of earlier stages, with speakers and entities.
        entities: the entities of earlier stages.
        characters: the user's character list (names with aliases), if any.
        marks: the top-level quote-mark spans; in fiction, a dialogue line the news rules dropped as
            a scare quote (``"Not again," groaned Tom``: an unknown verb) is taken back from them.
        force: run even when the text does not read as fiction (a user character list also forces it).
        lang: the language code; one without character lexicons (``gender.tsv``) gets turn-taking only
            (:mod:`quoteattr.dialogue_turns_only`).
    """
    paragraphs = paragraph_bounds(text)
    if not has_file(CHARACTER_LEXICON, lang):
        return alternate(text, quotes, paragraphs), list(entities)
    user = characters_from(characters)
    book = current_book()  # a piece of a long text: start from the characters of the pieces before
    force = force or (book is not None and book.fiction)
    dashes = dash_lines(text, quotes)
    if dashes:  # in dash dialogue a line is a paragraph: "— Yes, he said.\n— Out where?"
        paragraphs = sorted({*paragraphs, *dash_line_starts(text)})
    everything = [*quotes, *recovered_lines(text, quotes, marks, paragraphs), *dashes]
    if not (force or user or is_conversation(text, everything, paragraphs)):
        return list(quotes), list(entities)
    quotes = everything
    directs = sorted((q for q in quotes if q.kind == "direct"), key=lambda q: q.start)
    if not directs:
        return list(quotes), list(entities)
    if book is None:
        table = CharacterTable(user)
    else:
        book.fiction = True
        table = book.table = book.table or CharacterTable(user)
        table.base = book.offset
    reader = Reader(text, directs, paragraphs, table)
    decided = reader.run()
    quotes, entities = _rebuild(quotes, entities, reader, decided)
    if book is not None:
        for cid, entity in reader.made.items():
            book.link(entity, cid)
    return quotes, entities


def _rebuild(
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    reader: Reader,
    decided: dict[int, Decision],
) -> tuple[list[Quote], list[Entity]]:
    """New quotes with character entities; entities of earlier stages kept while a quote still uses them."""
    directs, table = reader.directs, reader.table
    base = max((e.id for e in entities), default=-1) + 1
    chars: dict[int, list[Mention]] = {}
    replaced: dict[tuple[int, int], Quote] = {}
    for qi, (c, mention, evidence, confidence, addressee) in decided.items():
        q = directs[qi]
        speaker = mention if mention is not None else _kept_speaker(q.speaker, c, table)
        if speaker is not None:
            chars.setdefault(c.id, []).append(speaker)
        else:
            chars.setdefault(c.id, [])
        replaced[(q.start, q.end)] = attrs.evolve(
            q,
            speaker=speaker,
            entity=None,
            cue=q.cue or reader.cues.get(qi),
            evidence=evidence,
            confidence=min(confidence, 1.0),
            addressee=addressee,
        )
    made = reader.made = {
        cid: Entity(base + k, table.characters[cid].name, tuple(sorted(set(ms), key=lambda m: m.start)))
        for k, (cid, ms) in enumerate(sorted(chars.items()))
    }
    index = {(d.start, d.end): k for k, d in enumerate(directs)}
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        key = (q.start, q.end)
        at = index.get(key) if q.kind == "direct" else None
        if at is not None and key in replaced:
            out.append(_with_entity(replaced[key], made[decided[at][0].id]))
        elif at is not None:  # a line no rule here decided: keep it, but a pronoun or a description
            # the characters do not explain is as weak as any resolved pronoun
            weak = q.speaker is not None and q.speaker.kind != "name"
            out.append(
                attrs.evolve(
                    q,
                    addressee=reader.addressed.get(at),
                    confidence=min(q.confidence, CONF_PRONOUN) if weak else q.confidence,
                )
            )
        else:
            out.append(q)
    made_ids = {e.id for e in made.values()}
    used = {q.entity.id for q in out if q.entity is not None and q.entity.id not in made_ids}
    kept = [e for e in entities if e.id in used]
    return out, kept + list(made.values())


def _kept_speaker(speaker: Mention | None, c: Character, table: CharacterTable) -> Mention | None:
    """An earlier stage's speaker mention, kept only when it names the character now decided on:
    a turn given to Tom must not keep the "Anna" a news rule guessed."""
    if speaker is None or speaker.kind == "pronoun":
        return speaker
    other = table.lookup(speaker.text)
    return speaker if other is None or other is c else None


def _with_entity(q: Quote, entity: Entity) -> Quote:
    """The quote with its character's entity and a mention of it: its own, else the character's nearest
    mention before it (after it, if none is before). A character known only from turn-taking has no
    mention at all: the quote then has the entity and no speaker mention (an implicit speaker)."""
    if q.speaker is not None:
        return attrs.evolve(q, entity=entity)
    before = [m for m in entity.mentions if m.end <= q.start]
    nearest = before[-1] if before else (entity.mentions[0] if entity.mentions else None)
    if nearest is None:
        return attrs.evolve(q, entity=entity)
    return attrs.evolve(q, speaker=nearest, entity=entity)
