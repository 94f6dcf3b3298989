"""Where a speaker subject may start, and words before a cue that are no subject at all.

Pure functions of unit items and the :class:`~quoteattr.language.Language`, read by
:class:`~quoteattr.subjects.UnitView`:

- an opener before the real subject ("Overall, the fund predicted", "Based on the figures, X said");
- a preposition that opens a subordinate clause ("…, shortly after Trump said"): the subject starts after it;
- a relative pronoun as subject ("Ruiz, who said …"): the speaker mention is the pronoun, its
  antecedent ("Ruiz") the noun phrase right before it, which coreference links it to;
- a verb that opens a headline-style sentence with no subject ("Keeps saying …");
- a discourse idiom built on a speech verb ("Having said that, …", "That said, …"), which reports nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from .language import Language
from .lexicons import data_lines, has_file, word_list
from .phrases import VERB_SECOND, is_cap, is_name, mention_kind, np_like, plain_noun_phrase
from .units import PHRASE_BREAKS, Item

#: A one-word opener ending like a participle is one only when longer than this ("Ted," is a name).
MIN_INTRO_PARTICIPLE = 5
#: A spaced hyphen or double hyphen stands for a dash ("X -- who …"), splitting a subject's parts.
DASHES = frozenset({"-", "--"})
#: The lexicon of discourse idioms built on speech verbs (one idiom a line, words split by spaces).
IDIOMS_FILE = "discourse_idioms.txt"
#: The most words an antecedent noun phrase may have before its relative pronoun ("the chief of the agency").
MAX_ANTECEDENT_WORDS = 7
#: The most words an antecedent without a determiner may have ("nervous lawmakers who").
MAX_BARE_WORDS = 3
#: How far back a clause-opening preposition looks for a verb of the clause before it, in words.
MAX_CLAUSE_SCAN = 12
#: The most items an opening phrase may span up to its comma ("Chastened by the criticism over costs,").
MAX_OPENER_WORDS = 24
#: The most words a one-word opener's sentence may hold between its comma and the verb for the opener
#: to be read as an adverbial ("Overall, the fund predicted").
MAX_OPENED_SUBJECT = 8


@functools.cache
def _idioms(code: str) -> Mapping[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """Each word of an idiom → the idioms holding it, with the word's place in each."""
    table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    if has_file(IDIOMS_FILE, code):
        for line in word_list(IDIOMS_FILE, code):
            words = tuple(line.split())
            for k, w in enumerate(words):
                table.setdefault(w, []).append((words, k))
    return {w: tuple(rows) for w, rows in table.items()}


def in_idiom(lowers: Sequence[str], i: int, lang: Language) -> bool:
    """Does the word at ``i`` stand inside a discourse idiom ("having said that", "that said")?

    An idiom matches only as a whole phrase of its own: what follows it is a comma, a quotation or the
    end of the unit ("That said, the plan …"; not "that said the plan was …").
    """
    for words, k in _idioms(lang.code).get(lowers[i], ()):
        a = i - k
        b = a + len(words)
        if a < 0 or b > len(lowers) or tuple(lowers[a:b]) != words:
            continue
        if b == len(lowers) or lowers[b] in PHRASE_BREAKS or not lowers[b][:1].isalnum():
            return True
    return False


def intro_word(it: Item, lang: Language) -> bool:
    """A one-word opener that is no subject: a linker ("However") or a participle ("Chastened")."""
    w = it.lower
    participle = len(w) > MIN_INTRO_PARTICIPLE and w.endswith(lang.endings("past") + lang.endings("gerund"))
    return w in lang.cls("linker") or (participle and w not in lang.subject_pronouns)


def is_opener(items: Sequence[Item], part: tuple[int, int], stop: int, lang: Language) -> bool:
    """Is ``part`` an adverbial that opens the clause rather than its subject?

    "Overall, the fund predicted", "Worse, the companies say", "Chastened, Ruiz revised": one capitalised
    word and a comma, then a subject that runs to the verb with no comma closing it (an appositive
    after a name is closed: "Ruiz, the mayor, said"). "Along with the dispute, …", "Based on the figures,
    …": a participle or adverb joined to a preposition.
    """
    a, b = part
    first = items[a]
    if not first.is_word:
        return False
    if b - a >= 2 and items[a + 1].lower in lang.prep and not is_cap(items[a + 1]):
        # "Based on …", "Along with …", "Compared with …": a word that is no name before a preposition
        w = first.lower
        return (
            w in lang.adv
            or w in lang.irregular_past  # "Stung by …"
            or w.endswith(lang.endings("past"))
            or w.endswith(lang.endings("gerund"))
            or (w in lang.cls("opener"))
        )
    if b - a != 1 or not is_cap(first) or b >= stop or items[b].text not in PHRASE_BREAKS:
        return False
    if first.lower in lang.given_names or first.lower in lang.titles:
        return False
    rest = items[b + 1 : min(stop, b + 2 + MAX_OPENED_SUBJECT)]  # bounded: a longer subject is none
    verb = next((k for k, it in enumerate(rest) if k > 0 and _finite_like(it, lang)), len(rest))
    rest = rest[:verb]  # "Worse, the companies kept two sets of books, …": the subject ends at its verb
    if not rest or rest[0].lower in lang.relpro:
        return False  # "Ruiz, who has …": a relative clause follows a name
    opens = rest[0].lower in lang.det or rest[0].lower in lang.subject_pronouns or is_cap(rest[0])
    return opens and len(rest) <= MAX_OPENED_SUBJECT and all(it.is_word or it.text == "." for it in rest)


def _finite_like(it: Item, lang: Language) -> bool:
    """A lower-case word that shows a finite verb ("kept", "revised", "has")."""
    return not is_cap(it) and (it.lower in lang.finite_hints or it.lower.endswith(lang.endings("past")))


def after_opener(items: Sequence[Item], a: int, end: int, lang: Language) -> int:
    """Where the subject starts after an opening phrase of a participle or adverb and a preposition
    ("Chastened by the criticism, Ruiz revised …", "Stung by the defeat, Ruiz said …"); ``a`` if none.
    """
    if a + 1 >= end or items[a + 1].lower not in lang.prep:
        return a
    w = items[a].lower
    if not (w in lang.irregular_past or w.endswith(lang.endings("past")) or w in lang.cls("opener")):
        return a
    start, c = a, a + 2
    while c < min(end, a + MAX_OPENER_WORDS):
        if items[c].text in PHRASE_BREAKS:
            start = c + 1
            if c + 1 < end and items[c + 1].lower in lang.prep | lang.subord:
                c += 2  # "Chastened by X, as well as Y, Trump revised": the phrase goes on
                continue
            return start
        if not items[c].is_word and items[c].text != "'s":
            break
        c += 1
    return a if start == a else start


def bare_subject(items: Sequence[Item], span: tuple[int, int], lang: Language) -> bool:
    """Can the name ``span``, which ends a clause right before a cue, be that cue's subject ("the story
    Ruiz told")? Not after a preposition ("emails combed through by Vox suggest": an agent) and not a
    time ("tweets early Friday saying")."""
    a, b = span
    k = a - 1
    if k > 0 and items[k].lower in lang.det:
        k -= 1  # "by the Ledger"
    if k >= 0 and items[k].lower in lang.prep | lang.time:
        return False
    return not any(it.lower in lang.time for it in items[a:b])


def clause_prep_stop(items: Sequence[Item], k: int, floor: int, lang: Language) -> bool:
    """Does the preposition at ``k`` open a subordinate clause ("shortly after Trump said", "…, before
    officials said"), so a subject never reaches back over it?

    Only after a comma, an adverb ("shortly", "soon") or a clause with a verb of its own ("held a press
    conference Friday after Trump said"); "Ruiz after the vote said" keeps "Ruiz" as its subject.
    """
    if items[k].lower not in lang.cls("clause_prep") or k <= floor:
        return False
    prev = items[k - 1]
    if (
        prev.text in PHRASE_BREAKS
        or prev.lower in lang.adv
        or prev.lower.endswith(lang.endings("manner_adverb"))
    ):
        return True
    j = k - 1
    while j >= max(floor, k - MAX_CLAUSE_SCAN) and items[j].is_word:
        w = items[j]
        if not is_cap(w) and (w.lower in lang.finite_hints or w.lower.endswith(lang.endings("past"))):
            return True
        j -= 1
    return False


def relative_subject(items: Sequence[Item], part: tuple[int, int], lang: Language) -> tuple[int, int] | None:
    """The subject of a cue whose subject words ``part`` hold a relative pronoun.

    "Ruiz, who said …", "an architect who in May said …" → the pronoun's antecedent ("Ruiz", "an
    architect"); "…, which he said …", "in which the mayor said …" → the relative clause's own subject;
    "the official who spoke to reporters said" → the antecedent again (its relative clause is closed).
    ``None`` when ``part`` holds no relative pronoun or no antecedent is found.
    """
    found = _read_relative(items, part, lang)
    return None if found is None else found[0]


def relative_speaker(
    items: Sequence[Item], part: tuple[int, int], lang: Language
) -> tuple[tuple[int, int], int] | None:
    """The speaker mention of a cue whose subject words ``part`` hold a relative pronoun, and where the
    subject starts.

    When the relative pronoun is itself the cue's subject ("Ruiz, who said …") the mention is the
    pronoun, as "he" is in "he said": coreference links it to its antecedent (:mod:`quoteattr.coref`),
    and the subject starts at the antecedent. Otherwise ("which he said", "the official who spoke to
    us said") the mention is :func:`relative_subject`'s.
    """
    found = _read_relative(items, part, lang)
    if found is None:
        return None
    subject, pronoun = found
    return ((pronoun, pronoun + 1) if pronoun is not None else subject), subject[0]


def _read_relative(
    items: Sequence[Item], part: tuple[int, int], lang: Language
) -> tuple[tuple[int, int], int | None] | None:
    """:func:`relative_subject`'s span, and the relative pronoun's index when the pronoun is the subject."""
    if VERB_SECOND in lang.features:
        # verb-final relative clauses ("welcher die Papiere ausfertigte, erklärte") read otherwise
        return _verb_final_relative(items, part, lang)
    a, b = part
    r = next((k for k in range(b - 1, a - 1, -1) if is_relative(items[k].lower, lang)), None)
    if r is None:
        return None
    rest = [it for it in items[r + 1 : b] if it.text != "."]  # "which Mr. Clarke says"
    if rest and any(not it.is_word for it in rest):
        return None
    if rest and rest[0].lower not in lang.prep | lang.time | lang.adv:
        if any(it.lower in lang.finite_hints or it.lower.endswith(lang.endings("past")) for it in rest):
            # "the official who spoke to reporters said": a closed relative clause after the subject's own
            # head, which speaks; after a comma the cue stands inside the clause ("image, which was
            # cemented with his comment about …")
            head = antecedent(items, r, lang) if r > a else None
            return (head, None) if head is not None and head[0] == a else None
        if _relative_own_subject(rest, lang):
            return (r + 1, b), None
        if not all(it.lower.endswith(lang.endings("manner_adverb")) or it.lower in lang.adv for it in rest):
            return None  # neither a subject nor adverbs: not read
        # "which together vowed": adverbs only, the relative pronoun is the subject
    if r > a and items[r - 1].lower in lang.prep:
        return None  # "in which … said" with no subject of its own
    found = antecedent(items, r, lang)
    return None if found is None else (found, r)


def _relative_own_subject(rest: Sequence[Item], lang: Language) -> bool:
    """Do the words between a relative pronoun and its cue form the clause's own subject ("which he
    said", "which the mayor said", "which state media claimed"), not an adverb ("which together vowed")?"""
    first = rest[0].lower
    if first in lang.subject_pronouns or first in lang.det or is_cap(rest[0]):
        return np_like(rest, lang) or first in lang.subject_pronouns
    if len(rest) == 1:
        return first in lang.nominals or first in lang.cls("person")
    # "state news media", not "runs the village shop": no determiner inside a bare noun phrase
    return plain_noun_phrase(rest, lang) and not any(it.lower in lang.det for it in rest[1:])


def _verb_final_relative(
    items: Sequence[Item], part: tuple[int, int], lang: Language
) -> tuple[tuple[int, int], int | None] | None:
    """In a verb-second language a relative clause ends with its verb, so a cue right after a comma and
    a relative pronoun, with at most adverbs between ("Anna, die (gestern) sagte, …"), has the pronoun
    as its subject (``relative`` or ``relpro`` words of ``function_words.tsv``); a subject pronoun after
    it is the subject instead ("der Mann, den sie fragte, …")."""
    a, b = part
    if a == 0 or b <= a or items[a - 1].text != ",":
        return None
    if items[a].lower not in lang.relpro | lang.cls("relative"):
        return None
    rest = [k for k in range(a + 1, b) if items[k].lower not in lang.adv | lang.time]
    if not rest:
        return (a, b), a
    if len(rest) == 1 and items[rest[0]].lower in lang.subject_pronouns:
        return (rest[0], rest[0] + 1), None
    return None


def antecedent(items: Sequence[Item], r: int, lang: Language) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``r`` stands for: a name ("Mr. Kamin, who"), or a phrase
    from its determiner ("an architect who", "the study -- which", "some economists who"); a
    prepositional phrase after its head belongs to it ("members of the caucus, who")."""
    e = r
    while e > 0 and not items[e - 1].is_word and not items[e - 1].is_quote:
        e -= 1  # ", who", " -- which"
    found = _np_before(items, e, lang)
    if found is not None and found[0] > 1 and items[found[0] - 1].lower in lang.prep:
        head = _np_before(items, found[0] - 1, lang)
        people = lang.nominals | lang.cls("person")
        if head is not None and items[found[0] - 2].lower in people:
            return head[0], found[1]  # "members of the caucus, who": not "the rise of Trump, who"
    return found


def named_antecedent(items: Sequence[Item], r: int, lang: Language) -> tuple[int, int] | None:
    """:func:`antecedent`, but over an appositive description to the name it describes: for "Paul Nand,
    a farmer, who said" the entity is "Paul Nand" (read by coreference through the mention layer)."""
    found = antecedent(items, r, lang)
    if found is None or found[0] == 0 or items[found[0] - 1].text != ",":
        return found
    if mention_kind(items[found[0] : found[1]], lang) != "nominal":
        return found
    named = antecedent(items, found[0], lang)
    return named if named is not None and mention_kind(items[named[0] : named[1]], lang) == "name" else found


def _np_before(items: Sequence[Item], e: int, lang: Language) -> tuple[int, int] | None:
    """The name, or the determiner-led phrase, that ends right before item ``e``."""
    best = None
    for k in range(e - 1, max(-1, e - 1 - MAX_ANTECEDENT_WORDS), -1):
        if is_cap(items[k]) and items[k].lower not in lang.function_words and is_name(items[k:e], lang):
            best = k
        elif items[k].text != ".":
            break
    if best is not None:
        if best > 0 and items[best - 1].lower in lang.cls("definite"):
            best -= 1  # "the European Union"
        return best, e
    closed = lang.prep | lang.aux | lang.subord | lang.conj | lang.relpro | lang.complementisers
    k = e
    while k > 0 and e - k < MAX_ANTECEDENT_WORDS:
        w = items[k - 1]
        if not w.is_word or w.lower in closed:
            break
        k -= 1
        if w.lower in lang.det or w.lower in lang.cls("possessive"):
            return k, e
    bare = items[k:e]  # "spoke to members of the caucus, who": a short bare noun phrase after a preposition
    if k < e and (k == 0 or items[k - 1].lower in lang.prep):
        return (k, e) if len(bare) <= MAX_BARE_WORDS and plain_noun_phrase(bare, lang) else None
    return None


def opening_verb(items: Sequence[Item], a: int, stop: int, lang: Language) -> bool:
    """Does the clause open with a capitalised verb and no subject (a headline-style list: "Keeps saying
    she opposed it", "Preys on the weak, calls people …")?

    The first word ends like a third-person verb and is no known name; the cue follows it as a bare
    gerund, or a phrase from a lower-case preposition and a comma stand between.
    """
    if a >= stop or not is_cap(items[a]) or not items[a].is_word:
        return False
    w = items[a].lower
    plural = lang.endings("plural")
    if not w.endswith(plural) or w.endswith(lang.endings("not_plural")) or w in lang.given_names:
        return False
    if w in lang.function_words or len(w) < 4:
        return False
    cue = items[stop].lower if stop < len(items) else ""
    if stop == a + 1:
        return cue.endswith(lang.endings("gerund"))  # "Keeps saying": a bare gerund has no subject of its own
    nxt = items[a + 1]
    return nxt.lower in lang.prep and not is_cap(nxt) and items[stop - 1].text == "," and cue.endswith(plural)


def title_before(items: Sequence[Item], k: int, a: int, lang: Language) -> int:
    """Where a name starting at item ``k`` begins with its abbreviated title ("Ms. Okafor", not "Okafor").

    A name found by walking back over capitalised words stops at the title's dot; the title belongs
    to the speaker mention (lexicons ``titles.txt``, ``honorifics.tsv``).
    """
    if k - 2 >= a and items[k - 1].text == "." and items[k - 2].is_word:
        w = items[k - 2].lower
        if w + "." in lang.titles or w in lang.honorifics:
            return k - 2
    return k


#: The lexicon of predicates that pass their subject to a reporting verb's infinitive ("declined to say").
MATRIX_FILE = "matrix_predicates.tsv"
#: The shortest a manner adverb inside a verb group must be ("has consistently said"; not "ally", "holy").
MIN_LY_ADVERB = 5


@functools.cache
def _matrix(code: str) -> Mapping[str, str]:
    """Form → kind ("verb" or "adj") of the predicates of :data:`MATRIX_FILE`."""
    if not has_file(MATRIX_FILE, code):
        return {}
    return dict(line.split("\t")[:2] for line in data_lines(MATRIX_FILE, code))


def matrix_kind(word: str, lang: Language) -> str | None:
    """The kind of matrix predicate ``word`` is ("verb", "refusal", "adj"), or ``None``."""
    return _matrix(lang.code).get(word)


def contraction_stem(word: str, lang: Language) -> int | None:
    """The length of the subject pronoun fused with an auxiliary in ``word`` ("he's" → 2, "they're"
    → 4, "who's" → 3), or ``None``: "He's saying that …" and "Ruiz, who's called for …" have their
    subject and auxiliary in one token. "It's said that …" is a passive with a dummy subject (an
    ``impersonal_subject`` word), which speaks for no one."""
    for ending in lang.endings("contracted_aux"):
        stem = word[: -len(ending)]
        if (
            word.endswith(ending)
            and (stem in lang.subject_pronouns or stem in lang.relpro)
            and stem not in lang.cls("impersonal_subject")
        ):
            return len(word) - len(ending)
    return None


def is_relative(word: str, lang: Language) -> bool:
    """A relative pronoun, alone or fused with an auxiliary ("who", "who's", "who've")."""
    if word in lang.relpro:
        return True
    stem = contraction_stem(word, lang)
    return stem is not None and word[:stem] in lang.relpro


def ly_adverb(items: Sequence[Item], j: int, lang: Language) -> bool:
    """A lower-case manner adverb inside a verb group ("has consistently said"), not a noun in -ly
    ("the family said", "the daily reported": no determiner before it, no ``ly_noun`` word)."""
    it = items[j]
    w = it.lower
    return (
        it.is_word
        and not is_cap(it)
        and len(w) >= MIN_LY_ADVERB
        and w.endswith(lang.endings("manner_adverb"))
        and w not in lang.cls("ly_noun")
        and not (j > 0 and items[j - 1].lower in lang.det | lang.cls("article"))
    )


def matrix_before(items: Sequence[Item], t: int, lang: Language) -> int | None:
    """When item ``t`` is the infinitive marker after a matrix predicate ("declined to", "was quick
    to"), the item before that predicate, where its verb group goes on; else ``None``.

    A ``verb`` row stands right before "to", and so does a ``refusal`` row when a complementiser or a
    question word follows the cue ("declined to say whether …"; "declined to comment" reports
    nothing); a two-word ``verb`` row ("went on") the same; an ``adj`` row after a form of "be" and
    adverbs ("was not quick to"), or after a subject pronoun fused with "be" ("He's careful to …": then the
    pronoun's index, the subject itself).
    """
    if t < 1 or items[t].lower not in lang.cls("infinitive"):
        return None
    table = _matrix(lang.code)
    if t >= 2 and table.get(f"{items[t - 2].lower} {items[t - 1].lower}") == "verb":
        return t - 3  # "went on to explain": a two-word matrix verb
    kind = table.get(items[t - 1].lower)
    if t >= 2 and items[t - 1].lower.endswith(lang.endings("gerund")) and items[t - 2].lower in lang.prep:
        return None  # "aware of the uselessness of trying to explain": a gerund after a preposition
    if kind == "refusal":
        # "declined to say whether …", "refused to say why …": a refusal reports only its question
        nxt = items[t + 2].lower if t + 2 < len(items) else ""
        return t - 2 if nxt in lang.complementisers | lang.question_words else None
    if kind == "verb":
        return t - 2
    if kind == "copula":  # "His answer was to say …": only an owner's plan or answer speaks
        return t - 2 if copula_owner(items, t - 2, lang) is not None else None
    if kind != "adj":
        return None
    k = t - 2
    while k >= 0 and items[k].lower in lang.adv:
        k -= 1  # "was always careful to"
    if k < 0:
        return None
    w = items[k].lower
    if w in lang.cls("passive") & lang.aux:
        return k - 1
    return k if contraction_stem(w, lang) is not None else None


#: The most words between a possessive and the copula of "His best answer was to say …".
MAX_OWNED_WORDS = 3


def copula_owner(items: Sequence[Item], k: int, lang: Language) -> int | None:
    """The possessive that opens the subject ending at item ``k`` ("His best response" → "His"), when
    the subject is a short lower-case noun phrase; ``None`` otherwise ("The plan was to say …")."""
    j = k
    while (
        j >= 0
        and k - j < MAX_OWNED_WORDS
        and items[j].is_word
        and items[j].lower not in lang.cls("possessive")
    ):
        if is_cap(items[j]) or items[j].lower in lang.prep | lang.aux | lang.conj | lang.subord | lang.relpro:
            return None  # "the plan of his rival was to say …": no owned noun phrase
        j -= 1
    if j < 0 or j == k or items[j].lower not in lang.cls("possessive"):
        return None
    return j if j == 0 or not items[j - 1].is_word or items[j - 1].lower in lang.conj else None


def copula_speaker(items: Sequence[Item], first: int, lang: Language) -> int | None:
    """The owner who speaks through a copula before the cue at ``first`` ("His reply was to say …")."""
    j = first - 1
    while j >= 0 and items[j].lower in lang.adv:
        j -= 1
    if (
        j < 2
        or items[j].lower not in lang.cls("infinitive")
        or matrix_kind(items[j - 1].lower, lang) != "copula"
    ):
        return None
    return copula_owner(items, j - 2, lang)


def verb_group_start(items: Sequence[Item], first: int, lang: Language) -> int:
    """The item right before the verb group a cue at ``first`` ends, -1 at the unit start.

    Skips adverbs and auxiliaries ("has long said", "has consistently said") and a matrix predicate
    with its infinitive marker ("declined to say", "was quick to add"), so the subject stands at the
    answer.
    """
    j = first - 1
    while j >= 0:
        w = items[j].lower
        if w in lang.adv or w in lang.aux or ly_adverb(items, j, lang):
            j -= 1
            continue
        before = matrix_before(items, j, lang)
        if before is None or before >= j:
            break
        j = before
    return j


def adjunct_prep(items: Sequence[Item], k: int, lang: Language) -> bool:
    """Is item ``k`` a preposition that opens an adjunct of manner or time whose gerund shares the main
    clause's subject ("began by saying", "in saying", "aside from saying")?"""
    if k < 0:
        return False
    w = items[k].lower
    if w in lang.cls("adjunct_prep"):
        return True
    return w in lang.prep and k > 0 and items[k - 1].lower in lang.cls("adjunct_lead")
