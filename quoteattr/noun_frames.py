"""Speech-noun frames: "Ruiz's claim that …", "an announcement by the ministry that …", "his remarks
about …".

A speech noun (a ``noun`` row of ``cues.tsv``, found by :func:`quoteattr.cues.find_noun_cues`) reports
content of its own when a that-clause or a topic follows it, where no verb already reported it. These
rows are the ``noun`` part of the one surface table, :data:`quoteattr.frames.FRAMES`, which lists
:data:`NOUN_FRAMES` last, in this order; they live here so that the verb frames' module stays one
reader's size. The parse reader's speech nouns (:mod:`quoteattr.parse_nouns`) share the same rows.
"""

from __future__ import annotations

from .cues import noun_openers
from .language import Language
from .model import Cue, Mention
from .phrases import CAPITALISED_NOUNS, VERB_SECOND, capitalised_subject, clause_like, is_cap
from .readings import POSSESSIVE_ENDINGS, Content, ContentView, Reading
from .records import Frame
from .sites import Site
from .units import Item

__all__ = ["NOUN_FRAME", "NOUN_FRAMES", "read_light_noun", "read_speech_noun"]

#: The fewest words a topic has, unless its one word is a plain noun ("about the budget", "about taxes";
#: "about it" says nothing).
MIN_TOPIC_WORDS = 2
#: The most words between a light verb and its speech noun ("made *a strong* condemnation of …").
MAX_LIGHT_GAP = 2
#: The most words of the object of a ``light_with`` verb ("peppered *the mayor* with questions").
MAX_LIGHT_OBJECT = 3


def read_light_noun(site: Site) -> Reading | None:
    """ "Ruiz voiced concerns about the audit", "the mayor has faced concerns that the fund was late",
    "she sounded a call for new elections": a speech noun as the object of a light verb, with a topic
    after one of the noun's own openers (:func:`quoteattr.cues.noun_openers`) or a that-clause. After a
    ``light_speaker`` verb its subject speaks; after a ``light_hearer`` verb others spoke to the
    subject, so the quote names no speaker (``function_words.tsv``). A ``light_person`` verb is a
    light verb only when its subject names someone ("Ruiz raised questions about …"; "the findings
    raise questions" is no speech). A ``light_with`` verb reads "V X with N" (:func:`_light_with`)."""
    v, hit, lang = site.view, site.cue_hit, site.view.lang
    i, start = hit.first, hit.last + 2
    if hit.last != i or v.items[start - 1].lower not in noun_openers(hit.entry, lang):
        return None
    light = _light_verb(v, i) or _light_with(v, i)
    if light is None or any(f.start <= v.items[start].start < f.end for f in site.ctx.found):
        return None
    k, speaks = light
    end = v.content_end(start, site.ctx.hits)
    if v.items[start - 1].text == ",":  # "machte den Vorschlag, sie zu holen": a clause set off by a comma
        opened = _after_noun_comma(v, i, start, end)
        if opened is None:
            return None
        start, end = opened, _noun_clause_end(v, opened, end)
    elif v.items[start - 1].lower in lang.complementisers:  # "voiced concern that the plan would fail"
        if not clause_like(v.items[start:end], lang):
            return None
    else:  # "raised concerns about the new toll"
        topic = _topic_end(site, start, end)
        if topic is None:
            return None
        end = topic
    speaker = None
    if speaks:
        speaker = _light_subject(v, k, site.ctx.floor)
        if speaker is None:
            return None
        if v.items[k].lower in lang.cls("light_person") and not _names_someone(speaker, lang):
            return None  # "the report raises questions about …": a finding, no one speaking
    noun = v.items[i]
    cue = Cue(noun.start, noun.end, noun.text, lemma=hit.entry.lemma, type="noun")
    return Reading(end, (Content(start, end, cue, speaker, NOUN_FRAME["noun-light"]),), supersedes=True)


def _light_verb(v: ContentView, i: int) -> tuple[int, bool] | None:
    """The light verb right before speech noun ``i``, maybe over up to :data:`MAX_LIGHT_GAP` words
    of its phrase ("raised new questions", "made a strong condemnation", "faced sharp criticism"), and
    whether its subject speaks (``light_speaker``) or is spoken to (``light_hearer``)."""
    lang = v.lang
    light = lang.cls("light_speaker") | lang.cls("light_hearer")
    k = _before_phrase(v, i, light)
    if k is None:
        return None
    before = v.items[k - 1].lower if k > 0 else ""
    if before in lang.det | lang.cls("article") | lang.cls("possessive"):
        return None  # "the renewed calls for …": a participle in the noun's phrase, no verb
    return k, v.items[k].lower in lang.cls("light_speaker")


def _light_subject(v: ContentView, k: int, floor: int) -> Mention | None:
    """Who speaks through the light verb at ``k``: the subject pronoun right after it in a verb-second
    clause ("Darauf stellte er die Frage, …"), the clause's subject for a preposition ("lehnte ab mit
    der Begründung, …"), else the subject before it ("Ruiz voiced concerns", "has repeatedly raised")."""
    lang = v.lang
    if VERB_SECOND in lang.features and v.items[k + 1].lower in lang.subject_pronouns:
        return v.mention(k + 1, k + 2)
    if v.items[k].lower in lang.prep:
        return v.clause_subject() or _opening_noun_phrase(v)
    j = k
    while j > 0 and v.items[j - 1].lower in lang.adv | lang.aux:
        j -= 1  # "is raising", "has repeatedly raised"
    found = v.subject_before(j, floor)
    return None if found is None else found[0]


def _opening_noun_phrase(v: ContentView) -> Mention | None:
    """With capitalised nouns, the noun phrase opening the unit up to its lower-case verb ("Der Richter
    lehnte …"), when no finite-verb hint marks the subject's end."""
    found = capitalised_subject(v.items, 0, v.end, v.lang)
    return None if found is None else v.mention(*found)


def _before_phrase(v: ContentView, i: int, words: frozenset[str]) -> int | None:
    """The item of ``words`` right before the phrase of noun ``i``, over up to :data:`MAX_LIGHT_GAP`
    plain words ("a strong"), or None."""
    for k in range(i - 1, max(-1, i - 2 - MAX_LIGHT_GAP), -1):
        it = v.items[k]
        if not it.is_word:
            return None
        if it.lower in words:
            return k
        if it.lower in v.lang.prep or it.lower in v.lang.cues.first_words:
            return None
    return None


def _light_with(v: ContentView, i: int) -> tuple[int, bool] | None:
    """ "She peppered him with attacks on …": a ``light_with`` verb, its object, then "with" and the
    speech noun; its subject speaks. In the passive ("the church was hit with allegations of …") the
    subject is spoken about: no speaker, as after a ``light_hearer`` verb."""
    lang = v.lang
    w = _before_phrase(v, i, lang.cls("instrument"))
    if w is None:
        return None
    for k in range(w - 1, max(-1, w - 2 - MAX_LIGHT_OBJECT), -1):
        it = v.items[k]
        if not it.is_word:
            return None
        if it.lower in lang.cls("light_with"):
            j = k
            while j > 0 and v.items[j - 1].lower in lang.adv:
                j -= 1
            passive = j > 0 and v.items[j - 1].lower in lang.cls("passive")
            if passive and k < w - 1:
                return None  # "was hit by a car with …": a passive takes no object before "with"
            return k, not passive
    return None


def _names_someone(speaker: Mention, lang: Language) -> bool:
    """Does a light verb's subject name someone: a name, a personal pronoun, a role noun ("the
    mayor", "officials")? "The report", "the findings" name no one."""
    words = speaker.text.split()
    if not words:
        return False
    if speaker.kind == "name" and words[-1][:1].isupper():
        return True  # "Ruiz"; not "Ruiz's decision to stay silent", whose head is no name
    head = words[-1].lower()
    if head in lang.cues.nouns:
        return False  # "the report", "the video": a document, though a nominal that may "say"
    return head in lang.personal_subjects or person_noun(head, lang)


def _topic_end(site: Site, start: int, end: int) -> int | None:
    """Where a speech noun's topic starting at item ``start`` ends ("his remarks on *the new toll*"), or
    None when it is no topic: under :data:`MIN_TOPIC_WORDS` words, a time ("his remarks on Saturday"),
    or, for a speech noun that also names a deed (``deed_noun``: "attack"), a phrase that names no one
    and nothing of anyone's ("attacks on *the judge*", "on *his record*"; "an attack on the village" is
    a deed). A topic is a noun phrase: it stops at a comma ("claims about the test, experts say …")
    unless a relative clause opens there; a gerund opens a clause, which runs on."""
    v = site.view
    if not v.items[start].lower.endswith(v.lang.endings("gerund")):
        end = v.object_end(start, end)  # a gerund opens a clause ("for failing to address …"): it runs on
    comma = next((k for k in range(start + 1, end) if v.items[k].text == ","), None)
    if comma is not None and (comma + 1 >= end or v.items[comma + 1].lower not in v.lang.relpro):
        end = comma  # "questions about their health, particularly after …"; a ", which …" clause stays
    words = [it for it in v.items[start:end] if it.is_word]
    if not words or words[0].lower in v.lang.time:
        return None
    if len(words) < MIN_TOPIC_WORDS and not _lone_topic(words[0], v.lang):
        return None
    if site.cue_hit.entry.lemma in v.lang.cls("deed_noun") and not _about_someone(v, start, end):
        return None
    return end


def _lone_topic(word: Item, lang: Language) -> bool:
    """May one word be a whole topic? A plain noun or a name ("his attacks on *moderators*", "her
    remarks about *immigration*"), not a pronoun, a determiner or a ``stop`` word ("about it", "for
    nothing" say nothing)."""
    w = word.lower
    closed = lang.det | lang.cls("article") | lang.relpro | lang.cls("stop")  # "praise for nothing"
    return not (w in lang.pronouns or w in closed or w.isdigit())


def _about_someone(v: ContentView, start: int, end: int) -> bool:
    """Does the phrase at ``[start, end)`` name someone or something of someone's: a possessive
    ("his record", "the mayor's plan"), a name ("Ruiz"), a role or person noun ("the judge",
    "moderators")?"""
    lang = v.lang
    first = v.items[start]
    if first.lower in lang.cls("possessive") or first.text.endswith(POSSESSIVE_ENDINGS):
        return True
    stop = next((k for k in range(start + 1, end) if v.items[k].lower in lang.prep), end)
    phrase = [it for it in v.items[start:stop] if it.is_word]
    if not phrase:
        return False
    return person_noun(phrase[-1].lower, lang) or is_cap(phrase[-1])


def person_noun(word: str, lang: Language) -> bool:
    """Is lower-case ``word`` a noun for people: a role noun (``nominals.txt``), a title, a ``person``
    word, or the plural of one ("judges")?"""
    people = lang.nominals | lang.titles | lang.cls("person")
    return word in people or any(
        word.endswith(e) and word[: -len(e)] in people for e in lang.endings("plural")
    )


def _phrase_start(v: ContentView, i: int) -> int:
    """Where the noun phrase of speech noun ``i`` starts: at its owner when one opens it ("Voters
    recalled *Osei's* comments", "*his* remarks"), else where :meth:`owner_start` reads back to (a verb
    that is no cue is a word like any other there)."""
    a = v.owner_start(i)
    for j in range(i - 1, a - 1, -1):
        it = v.items[j]
        if it.lower in v.lang.cls("possessive"):
            return j
        if it.text.endswith(POSSESSIVE_ENDINGS):
            return max(a, v.possessor_start(j))
    return a


def _owner_over_modifiers(v: ContentView, i: int) -> Mention | None:
    """ "his infamous comment about …", "her repeated warnings that …": a possessive that opens the speech
    noun's phrase, with modifiers between it and the noun."""
    a = v.owner_start(i)
    if a < i - 1 and v.items[a].lower in v.lang.cls("possessive"):
        return v.mention(a, a + 1)
    return None


def _after_noun_comma(v: ContentView, i: int, start: int, end: int) -> int | None:
    """Where the content of a speech noun starts after its comma, in a language that sets a noun's
    clause off by one ("die Bemerkung, dass …", "die Frage, wer …", "mit der Bitte, es zu behalten",
    "der Vorwurf, er habe gelogen"), or None: a lower-case noun is none ("bitte, …"), and a relative
    clause ("die Nachricht, die er brachte") or a clause in no reported mood is no content of it."""
    if CAPITALISED_NOUNS in v.lang.features and not is_cap(v.items[i]):
        return None
    if start >= end:
        return None
    first, nxt = v.items[start].lower, v.items[start + 1] if start + 1 < end else None
    if first in v.lang.complementisers:
        return start + 1 if start + 1 < end else None
    article = first in v.lang.det and nxt is not None and is_cap(nxt)  # "die Nachricht, der König sei tot"
    relative = first in v.lang.det | v.lang.relpro | v.lang.cls("relative_owner") and not article
    if relative or not v.reported_mood(start, end):
        return None
    return start


def _noun_clause_end(v: ContentView, start: int, end: int) -> int:
    """Where a noun's clause set off by commas ends: at a comma followed by a lower-case word that can
    only be the verb of the sentence going on ("Auf die Frage, wer komme, schwieg er")."""
    lang = v.lang
    opens = (
        lang.personal_subjects
        | lang.det
        | lang.complementisers
        | lang.cls("question")
        | lang.conj
        | lang.subord
        | lang.relpro
        | lang.cls("relative_owner")
        | lang.cls("infinitive")
        | lang.adv
    )
    for k in range(start + 1, end - 1):
        nxt = v.items[k + 1]
        if v.items[k].text == "," and nxt.is_word and not is_cap(nxt) and nxt.lower not in opens:
            return k
    return end


def read_speech_noun(site: Site) -> Reading | None:
    """ "Ruiz's claim that …", "a Herald report that …", "his remarks about …": a speech noun (a
    ``noun`` row of ``cues.tsv``, found by :func:`quoteattr.cues.find_noun_cues`) and its complement,
    where no verb already reported it. Its content replaces the readings of the cues inside it."""
    v, hit = site.view, site.cue_hit
    i, start = hit.first, hit.last + 2
    if _phrase_start(v, i) <= v.items_start_of_clause(i):
        return None  # a subject ("Ruiz's claim that … drew protests"): where would its content end?
    if any(
        f.start <= v.items[k].start < f.end for f in site.ctx.found for k in (start, start + 1) if k < v.end
    ):
        return None  # already content of a verb: "said his remarks about …", "wiederholte sie, dass …"
    end = v.content_end(start, site.ctx.hits)
    content = v.items[start:end]
    if not content:
        return None
    # "the announcement by the ministry that …": the source phrase names the speaker
    speaker = (
        v.mention(i + 2, hit.last + 1) if hit.last > i else v.noun_speaker(i) or _owner_over_modifiers(v, i)
    )
    if v.items[start - 1].text == ",":
        opened = _after_noun_comma(v, i, start, end)
        if opened is None:
            return None
        start = opened
        end = _noun_clause_end(v, start, end)
        content = v.items[start:end]
    if v.items[start - 1].text == "," or v.items[start - 1].lower in v.lang.complementisers:
        # "the claim that taxes would rise"; not a relative clause "the report that he wrote"
        if not (any(it.is_quote for it in content) or clause_like(content, v.lang)):
            return None
        verb = next((it for it in content if it.lower not in v.lang.adv), content[0])
        if verb.lower in v.lang.finite_hints | v.lang.cues.first_words or verb.lower.endswith(
            v.lang.endings("past")
        ):
            return None  # "a statement that said …": a relative clause, its verb right after "that"
        row = NOUN_FRAME["noun-that" if hit.last == i else "noun-by-that"]
    else:
        topic = _topic_end(site, start, end) if speaker is not None else None
        if topic is None:
            return None  # a topic needs two words and an owner ("his remarks about the budget")
        end = topic
        row = NOUN_FRAME["noun-about"]
    noun = v.items[i]
    cue = Cue(noun.start, noun.end, noun.text, lemma=hit.entry.lemma, type="noun")
    return Reading(end, (Content(start, end, cue, speaker, row),), supersedes=True)


#: The speech-noun frames, in the order the driver asks them (after every verb and according frame).
NOUN_FRAMES: tuple[Frame, ...] = (
    Frame(
        "noun-light",
        "noun-light",
        0.6,
        "The mayor has voiced concerns about the harbour contract.",
        read_light_noun,
        "noun",
    ),
    Frame(
        "noun-that",
        "noun-that",
        0.7,
        "Protesters cited Ruiz's claim that the bridge was safe.",
        read_speech_noun,
        "noun",
    ),
    Frame(
        "noun-by-that",
        "noun-by-that",
        0.7,
        "Traders shrugged off an announcement by the ministry that taxes would rise.",
    ),
    Frame("noun-about", "noun-about", 0.65, "Voters were angry after his remarks about the bridge budget."),
)
#: The speech-noun frames by name.
NOUN_FRAME: dict[str, Frame] = {f.name: f for f in NOUN_FRAMES}
