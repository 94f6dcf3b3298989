"""Noun-phrase and clause tests over unit items: is this a name, an appositive, a clause?

Pure functions of the items and the :class:`~quoteattr.language.Language`; the frames call them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .language import Language
from .mention_kinds import KindWord, classify
from .model import Mention
from .tokens import is_capitalised
from .units import Item

#: Language features (``lexicons/<code>/features.txt``) that switch on word-order rules:
#: the subject may follow the finite verb when an adverbial opens the clause ("Darauf sagte er: …").
VERB_SECOND = "verb-second"
#: every noun is capitalised, so a lower-case word after a capitalised head ends its noun phrase.
CAPITALISED_NOUNS = "capitalised-nouns"
#: Feature: the infinitive marker stands right before the clause-final verb ("das Gesetz zu blockieren"),
#: so an infinitive clause ends in marker + verb and can be reported content ("warf ihm vor, … zu …").
INFINITIVE_LAST = "infinitive-last"
#: Feature: a speech verb takes a bare dative pronoun as its listener ("sagte ihm, dass …", "erklärte sie
#: ihm: „…“"), so the pronoun is neither speaker nor content.
DATIVE_LISTENER = "dative-listener"
#: Feature: a reported clause without a complementiser is set off from its cue by a comma ("Er sagte, die
#: Stadt werde …"), so words right after the cue are no such clause ("Er sagte es leise").
CLAUSE_COMMA = "clause-comma"


def is_cap(it: Item) -> bool:
    """Is the item a capitalised word (hyphenated name parts count: "el-Sayed")?"""
    return is_capitalised(it.text)


def noun_phrase_end(items: Sequence[Item], a: int, end: int, lang: Language) -> int | None:
    """Where a capitalised noun phrase starting at ``a`` ends, when a lower-case word follows its head.

    "Laut einem Bericht der Zeitung hat …" → before "hat": words before the first capitalised one are
    its determiners and adjectives, and a genitive article after it continues the phrase only before
    another capitalised word ("der Zeitung"). ``None`` when no capitalised head is found.
    """
    j = a
    head = None
    run = 0  # capitals in a row: after a name ("Miriam Kohl") an article opens an object, not a genitive
    genitive = lang.cls("genitive")
    joiners = lang.name_particles | lang.cls("affil") | genitive
    while j < end and j - a < 12:
        it = items[j]
        if it.text == "." and j > a and items[j - 1].lower + "." in lang.titles:
            j += 1  # "Dr. Felix Brandt"
            continue
        if not it.is_word:
            break
        if is_cap(it):
            head = j
            run += 1
        elif head is not None:
            if not (it.lower in joiners and j + 1 < end and is_cap(items[j + 1])):
                break
            if it.lower in genitive and it.lower not in lang.name_particles and run > 1:
                break
            run = 0
        j += 1
    return j if head is not None and j - a < 12 else None


def capitalised_subject(items: Sequence[Item], a: int, end: int, lang: Language) -> tuple[int, int] | None:
    """Where every noun is capitalised, the article-led noun phrase opening at ``a`` up to the lower-case
    verb after its head ("Die Alte sah …", "Der Richter lehnte …"): no verb list is needed to end it."""
    if CAPITALISED_NOUNS not in lang.features or a >= end or items[a].lower not in lang.det:
        return None
    b = noun_phrase_end(items, a, end, lang)
    return (a, b) if b is not None and b < end and b - a >= 2 and np_like(items[a:b], lang) else None


def past_object_pronoun(items: Sequence[Item], k: int, end: int, lang: Language) -> int:
    """``k``, or the item after an object pronoun there that a subject follows ("begegnete ihm die Frau")."""
    pronoun = items[k].lower in lang.object_pronouns - lang.subject_pronouns
    return k + 1 if pronoun and k + 2 < end else k


#: The most words a dative listener phrase may have before its comma ("einem jungen Mädchen").
MAX_DATIVE_WORDS = 5


def dative_listener_end(items: Sequence[Item], i: int, end: int, lang: Language) -> int:
    """``i``, or past a dative listener there (feature ``dative-listener``) when a comma, a colon, a
    quotation or a complementiser follows it: an object pronoun ("sagte ihm, dass …") or a phrase opened
    by a ``dative`` determiner of ``function_words.tsv`` ("meldete dem Hauptmann, wie …"). A pronoun
    that can also be a subject ("sie") is left alone: after an inverted cue it is the speaker."""
    if DATIVE_LISTENER not in lang.features or i + 1 >= end:
        return i
    b = i + 1
    if items[i].lower in lang.cls("dative"):
        while (
            b < end
            and b - i <= MAX_DATIVE_WORDS
            and items[b].is_word
            and items[b].lower not in lang.complementisers
        ):
            b += 1
    elif items[i].lower not in lang.object_pronouns - lang.subject_pronouns:
        return i
    if b >= end:
        return i
    nxt = items[b]
    return b if nxt.text in (",", ":") or nxt.is_quote or nxt.lower in lang.complementisers else i


def without_parens(items: Sequence[Item]) -> list[Item]:
    """The items outside parentheses: "Rep. Ana Ruiz (D-Ohio)" reads as "Rep. Ana Ruiz"."""
    out = []
    depth = 0
    for it in items:
        if it.text in ("(", "["):
            depth += 1
        elif it.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(it)
    return out


def is_name(items: Sequence[Item], lang: Language) -> bool:
    """A proper name: capitalised words (particles allowed), at most six, no determiner first."""
    words = [it for it in without_parens(items) if not it.is_quote]
    if not words or len(words) > 6 or not is_cap(words[0]):
        return False
    return all(
        is_cap(w)
        or w.lower in lang.name_particles
        or w.text in (".", "&")
        or w.text in lang.endings("possessive")
        for w in words
    )


#: The fewest letters of an abbreviated role before a headline's colon ("Präs.:", "Angekl.:"; not "X.").
MIN_ROLE_ABBREVIATION = 3


def names_a_speaker(head: Sequence[Item], lang: Language) -> bool:
    """Can the words before a headline's colon name who speaks? Where every noun is capitalised
    ("Roggen:", "Gesucht:", "Sektion Adria:") only a title or role word, a given name or an
    abbreviated role ("Präs.:") does; elsewhere a name-like head is enough."""
    if CAPITALISED_NOUNS not in lang.features:
        return True
    for k, it in enumerate(head):
        w = it.lower
        if w in lang.titles or w in lang.nominals or w in lang.honorifics or w in lang.given_names:
            return True
        if len(w) >= MIN_ROLE_ABBREVIATION and k + 1 < len(head) and head[k + 1].text == ".":
            return True
    return False


def is_appositive(items: Sequence[Item], lang: Language) -> bool:
    """A descriptive phrase after a name: "54", "a nurse from Leeds", "head of X", "the mayor"."""
    if not items:
        return False
    first = items[0]
    if first.text[:1].isdigit():
        return True
    if first.lower in lang.cls("apposdet") and len(items) > 1:
        return True
    return (
        first.text[:1].islower() and first.lower not in lang.subject_pronouns and first.lower not in lang.prep
    )


def np_like(items: Sequence[Item], lang: Language) -> bool:
    """Could these items be a speaker noun phrase? Words only, starting like a noun phrase."""
    items = without_parens(items)
    if not items or len(items) > 25 or any(it.is_quote for it in items):
        return False
    first = items[0]
    w = first.lower
    if not first.is_word:
        return False
    if w in lang.subject_pronouns or w in lang.det or w in lang.nominals or w in lang.titles:
        return not any(
            it.lower in lang.aux and it.lower not in lang.endings("possessive") for it in items[1:]
        )
    if first.text[:1].isupper() or first.text[:1].isdigit():
        if w in lang.prep or w in lang.subord or w in lang.adv or w in lang.conj or w in lang.stop:
            return False
        return not any(
            it.lower in lang.aux and it.lower not in lang.endings("possessive") for it in items[1:]
        )
    return False


def is_intro(items: Sequence[Item], lang: Language, *, before_verb: bool = False) -> bool:
    """An introductory phrase, not a subject: "On Monday", "Speaking at a rally", "Earlier".

    Right before the verb an -ing word is an adjective ("restructuring experts say"), not an intro.
    """
    if not items:
        return True
    w = items[0].lower
    return (
        w in lang.prep
        or w in lang.subord
        or w in lang.time
        or (w in lang.adv and w not in lang.cls("inner_adv"))
        or (not before_verb and w.endswith(lang.endings("gerund")) and len(w) > 4 and w not in lang.nominals)
    )


def plain_noun_phrase(items: Sequence[Item], lang: Language) -> bool:
    """A short lower-case noun phrase ("opposition supporters"): up to four words, no function words."""
    closed = lang.prep | lang.aux | lang.subord | lang.conj | lang.relpro | lang.adv
    return 0 < len(items) <= 4 and all(it.is_word and it.lower not in closed for it in items)


def trim_np(items: Sequence[Item], a: int, b: int, lang: Language) -> tuple[int, int]:
    """Drop a leading conjunction, a trailing time phrase ("Smith on Monday") and a verb phrase after
    the noun phrase ("Members of the caucus held a press conference" → "Members of the caucus")."""
    while a < b and items[a].lower in lang.conj:
        a += 1
    for i in range(a + 1, b):
        if items[i].lower in lang.time or (
            items[i].lower in lang.prep and i + 1 < b and items[i + 1].lower in lang.time
        ):
            return a, i
        if VERB_SECOND not in lang.features and _verb_after_head(items, i, lang):
            return a, i
    return a, b


def _verb_after_head(items: Sequence[Item], i: int, lang: Language) -> bool:
    """Is the lower-case word at ``i`` a past verb after a noun ("the caucus held", "experts polled by"),
    not a modifier after a determiner or an adverb ("the embattled mayor", "a newly elected judge")?"""
    it, prev = items[i], items[i - 1]
    w = it.lower
    if is_cap(it) or not it.is_word or not prev.is_word:
        return False
    if not (w in lang.irregular_past or (w.endswith(lang.endings("past")) and len(w) > 4)):
        return False
    modifier = lang.det | lang.cls("article") | lang.cls("possessive") | lang.adv | lang.prep | lang.conj
    return prev.lower not in modifier and not prev.lower.endswith(lang.endings("manner_adverb"))


def mention_kind(items: Sequence[Item], lang: Language) -> str:
    """The kind of a speaker phrase: the one definition in :mod:`quoteattr.mention_kinds`, on its words."""
    return classify([KindWord(it.lower, is_cap(it)) for it in items if it.is_word], lang)


def ends_infinitive(words: Sequence[Item], lang: Language) -> bool:
    """Do these words end in an infinitive with its marker: the marker before the last word ("das Gesetz
    zu blockieren"), or inside it after a separable particle ("das Buch aufzubewahren": a
    ``zu_infinitive`` start and an ``infinitive_ending`` of ``word_forms.tsv``)? Nouns never: "zu Hause"."""
    if not words or is_cap(words[-1]):
        return False
    if len(words) >= 2 and words[-2].lower in lang.cls("infinitive"):
        return True
    last = words[-1].lower
    return last.endswith(lang.endings("infinitive_ending")) and any(
        last.startswith(p) and len(last) > len(p) + 2 for p in lang.endings("zu_infinitive")
    )


def clause_like(items: Sequence[Item], lang: Language) -> bool:
    """Does reported content without ``that`` look like a clause ("the plan was dead"), not an object?"""
    words = [it for it in items if it.is_word]
    decided = _infinitive_decides(words, lang)
    if decided is not None:
        return decided
    if len(words) < 3:
        return False
    plural = lang.endings("plural")
    if words[0].lower in lang.stop and not any(w.lower in lang.finite_hints for w in words[1:6]):
        return False  # "said nothing", but "said more was on the way", "said no decision had been made"
    first = words[0].lower
    if _clause_by_word_order(items, words, lang):
        return True
    if (
        first in lang.personal_subjects
        or first in lang.cls("expletive")
        or first.endswith(lang.endings("contracted_aux"))
    ):
        return True  # "said he cannot …", "say it's too early": a subject opens a clause
    for k, w in enumerate(words[1:20], 1):
        lw = w.lower
        if lw in lang.finite_hints or lw.endswith(lang.endings("negation")):
            return True
        if k >= 2 and words[k - 1].lower in lang.adv and lw not in lang.stop and not is_cap(w):
            return True  # "parents still want …"
        prev = words[k - 1].lower
        if (
            k <= 8
            and lw.endswith(plural)
            and not lw.endswith(lang.endings("not_plural"))
            and not is_cap(w)
            and prev.isalpha()
            and not is_cap(words[k - 1])
            and prev not in lang.det | lang.prep | lang.conj | lang.adv
            and not prev.endswith(lang.endings("modifier"))
        ):
            return True  # "the advantage obscures …": a verb after a singular noun
        if lw.endswith(lang.endings("past")) and words[k - 1].lower not in lang.cls("article"):
            return True
        if (
            lw.endswith(plural)
            and not is_cap(w)
            and (words[k - 1].lower in lang.subject_pronouns or words[k - 1].lower in lang.adv)
        ):
            return True
    return False


def _infinitive_decides(words: Sequence[Item], lang: Language) -> bool | None:
    """Whether a short or purpose infinitive, or a relative clause, is a reported clause; ``None`` when
    the other tests decide."""
    if CLAUSE_COMMA in lang.features and opens_relative(words, lang):
        return False  # "…, welcher im Treffen gefallen war", "…, der den Drachen tödte": a relative clause
    if words and words[0].lower in lang.cls("purpose"):
        return False  # "sprach, um zu helfen", "rief, ohne zu zögern, …": why or how, not what was said
    if len(words) == 2 and INFINITIVE_LAST in lang.features and ends_infinitive(words, lang):
        return True  # "sich hinzulegen", "bald wiederzukommen": a short infinitive clause
    return None


def opens_relative(words: Sequence[Item], lang: Language) -> bool:
    """Do these words open a relative clause: a relative pronoun ("welcher", "deren") not before a
    noun, maybe after a preposition ("auf welche"), or an article word used as one, before a
    determiner, a pronoun, a preposition or an adverb rather than its noun ("der den Drachen tödte")?"""
    k = 1 if len(words) > 2 and words[0].lower in lang.prep else 0
    if len(words) < k + 2:
        return False
    first, nxt = words[k].lower, words[k + 1].lower
    if first in lang.cls("relative_owner") or (first in lang.relpro and not is_cap(words[k + 1])):
        return True  # but "welche Bücher sie las": a question word before its noun
    return first in lang.cls("relative") and (nxt in lang.det | lang.prep | lang.adv or nxt in lang.pronouns)


def _clause_by_word_order(items: Sequence[Item], words: Sequence[Item], lang: Language) -> bool:
    """The clause signs a language's word-order features give (``features.txt``)."""
    if INFINITIVE_LAST in lang.features and ends_infinitive(words, lang):
        return True  # "das Gesetz zu blockieren", "ihn morgen anzurufen": an infinitive clause
    if CAPITALISED_NOUNS in lang.features and _verb_after_noun(words[:6], lang):
        return True  # "das Geld reiche nicht": a lower-case word after a noun is its verb
    # "wenn es regne, bleibe er zu Hause": the main clause follows its subordinate clause
    opens_subclause = VERB_SECOND in lang.features and words[0].lower in lang.subord
    return opens_subclause and _main_after_subclause(items, lang)


def _main_after_subclause(items: Sequence[Item], lang: Language) -> bool:
    """After an opening subordinate clause and its comma, does a verb-first main clause follow ("…, bleibe
    er", "…, so solle die Stadt …")? Its finite verb comes first (after a ``resumptive`` "so" or "dann"),
    then a subject: a pronoun, an article or a capitalised noun."""
    comma = next((k for k, it in enumerate(items) if it.text == ","), None)
    if comma is None:
        return False
    rest = [it for it in items[comma + 1 :] if it.is_word]
    while rest and rest[0].lower in lang.cls("resumptive"):
        rest = rest[1:]
    if len(rest) < 2 or is_cap(rest[0]) or rest[0].lower in lang.function_words:
        return False
    subject = rest[1]
    return subject.lower in lang.subject_pronouns or subject.lower in lang.det or is_cap(subject)


def _verb_after_noun(words: Sequence[Item], lang: Language) -> bool:
    """With capitalised nouns, a lower-case word that is no function word right after a noun is a verb."""
    return any(
        is_cap(prev) and not is_cap(w) and w.lower not in lang.function_words and w.lower not in lang.det
        for prev, w in itertools.pairwise(words)
    )


def opening_subject(text: str, items: Sequence[Item], lang: Language) -> Mention | None:
    """The proper name (or he/she) that opens a unit, if any."""
    if not items or not items[0].is_word:
        return None
    if items[0].lower in lang.gendered_subjects:
        return Mention(items[0].start, items[0].end, items[0].text, kind="pronoun")
    b = 0
    while b < len(items) and b < 6 and (items[b].is_word and is_name(items[: b + 1], lang)):
        b += 1
    if b >= 2 and mention_kind(items[:b], lang) == "name":  # one capitalised word is too often not a name
        start, end = items[0].start, items[b - 1].end
        return Mention(start, end, text[start:end], kind="name")
    return None


def is_title_case(items: Sequence[Item]) -> bool:
    """A headline in title case ("Obama Says Museum Will Open"): capitalised words are not names there."""
    words = [it for it in items if it.is_word and len(it.text) > 3]
    return len(words) >= 3 and sum(1 for it in words if it.text[:1].isupper()) >= 0.8 * len(words)
