"""Frames: how a cue takes its speaker and its content, as a table of pure functions.

Each surface frame is one :class:`~quoteattr.records.Frame` row of :data:`FRAMES`: its name, the
evidence label a quote carries, its confidence, an example sentence it reads, and ``read``, a
module-level function of a :class:`Site` (a cue seen from its unit under the driver's
:class:`~quoteattr.readings.Context`) that returns a :class:`~quoteattr.readings.Reading` or ``None``
when the cue does not stand in that frame. A frame changes nothing: the driver
(:func:`quoteattr.attribution.read_frames`) asks the frames of a cue's kind (``on``) in table order,
takes the first reading, and alone keeps what used to be shared state (the records found, the claimed
quotations, the previous speaker, the floor of a subject search).

A row with ``read=None`` is a label another row's function emits (``interrupted`` by
``preposed-quote``, ``accuse-of`` by ``clause``: the function reading the cue's preposed frame). The
rules that do not read a cue in its unit — the context rules of :mod:`quoteattr.speakers` and the
parse rules of :mod:`quoteattr.parse_rules` — are a separate table, :data:`quoteattr.records.RULES`.
The frames of a whole unit (a dash signature, a headline's colon) are written in
:mod:`quoteattr.unit_frames` and open this one table; the frames of ``according to`` and of speech
nouns are written in :mod:`quoteattr.according_frames` and :mod:`quoteattr.noun_frames`; their rows
close it, in that order. What an object cue says of its object (a predicate, a verdict's reason or
label) is read by :mod:`quoteattr.complements`.
"""

from __future__ import annotations

from .according_frames import ACCORDING_FRAMES
from .after_cue import MAX_CLAUSE_GAP
from .complements import states_verdict, verdict_end
from .cues import is_title_dot
from .model import Mention
from .noun_frames import NOUN_FRAMES
from .phrases import CLAUSE_COMMA, VERB_SECOND, clause_like, is_cap, noun_phrase_end, np_like
from .readings import Content, ContentView, Reading
from .records import CueHit, Found, Frame
from .sites import MAX_LISTENER_SPAN, Site
from .subject_starts import is_relative
from .unit_frames import UNIT_FRAMES, dash_signature
from .verb_second import ends_subordinate, with_continuation

__all__ = ["FRAME", "FRAMES", "Found", "Site", "dash_signature", "frames_on"]

#: Frames whose content opens right after the cue (or its object) with a word of these
#: ``function_words.tsv`` classes, read before any trailer: "asked about …", "pledged to …".
OPEN_RIGHT_AFTER: dict[str, tuple[str, ...]] = {
    "ask": ("question", "infinitive", "ask_topic"),
    "commit": ("infinitive",),
}

#: The ``function_words.tsv`` classes of the word opening a tell cue's content after which the listener
#: belongs to the content: "urged the council to reopen …" asks the council to act (PolNeAR's spans and
#: ours start at the listener: 13 of the 19 required dev spans after a tell/urge/call-on listener do),
#: while "told reporters how …" only names whom it was told. Either way the listener is the quote's
#: addressee (:mod:`quoteattr.addressees` reads it before this marker inside the content).
LISTENER_JOINS_CONTENT: tuple[str, ...] = ("infinitive",)

#: Cue frames whose verb takes an object: "…, told the Herald" is not an inverted speaker.
OBJECT_FRAMES = frozenset({"tell", "of", "obj", "name", "verdict"})

#: The preposed reading of each cue frame not read otherwise, and whether its content starts after
#: the cue's object (``told Y that …``) or right after the cue (``accused Y of …``: Y is content).
PREPOSED_FRAMES: dict[str, tuple[str, bool]] = {
    "of": ("accuse-of", False),
    "ask": ("ask", True),
    "obj": ("obj", False),
    "prop": ("prop", False),
    "verdict": ("obj", False),
    "commit": ("commit", False),
    "name": ("name", False),
}

#: Cue frames read as another: a verdict's object reads like an object cue's (whom it is about is
#: content too: "attacked the agency for …").
READ_AS: dict[str, str] = {"verdict": "obj"}


def _preposed(site: Site, speaker: Mention, start: int, evidence: str, frame: str = "") -> Reading:
    """Content after the cue, up to the unit's end or a coordinated cue, read in ``evidence``'s frame
    (and the cue's frame, or ``frame`` when the cue reads as another: "called Friday for …")."""
    v, hit = site.view, site.cue_hit
    while start < v.end and v.items[start].text in (":", ","):
        start += 1
    end = v.content_end(start, site.ctx.hits)
    if v.items[0].lower in v.lang.subord or site.opens_unit:
        # "While leaders acknowledged X, the minister made no mention": the clause ends at its comma
        end = next((k for k in range(start, end) if v.items[k].text == ","), end)
    end = _relative_end(v, hit, start, end)
    frame = frame or READ_AS.get(hit.entry.frame, hit.entry.frame)
    read = v.reading(frame, evidence, start, end) if end > start else None
    if read is None:
        return Reading(hit.first, speaker=speaker)
    evidence, start, end = read
    return Reading(end, (Content(start, end, site.cue, speaker, FRAME[evidence]),), speaker)


#: Marks that open a relative clause after its antecedent (", who …", "— who …") and close it again.
RELATIVE_MARKS = (",", "—", "–")


def _relative_end(v: ContentView, hit: CueHit, start: int, end: int) -> int:
    """ "The senator, who called for tax hikes, spoke Monday": a cue whose subject is a relative pronoun
    set off by a comma or a dash reports up to the mark that closes the clause — a dash, or a comma the
    main clause's verb follows — not into the main clause."""
    items, lang = v.items, v.lang
    j = hit.first - 1
    while j > 0 and items[j].lower in lang.adv | lang.aux:
        j -= 1
    if j < 1 or not is_relative(items[j].lower, lang) or items[j - 1].text not in RELATIVE_MARKS:
        return end
    mark = items[j - 1].text
    for k in range(start + 1, end):
        if items[k].text in RELATIVE_MARKS and (mark != "," or items[k].text != mark):
            return k if mark != "," else end  # a dash inside a comma-set clause is its own aside
        verb_after = k + 1 < end and v.finite_like(items[k + 1])
        if items[k].text == mark and (mark != "," or verb_after):
            return k
    return end


#: The most time words or adverbs between a cue and the particle of a longer cue ("called Friday for").
MAX_SPLIT_WORDS = 2


def read_split_particle(site: Site) -> Reading | None:
    """ "The mayor called Friday for releasing the videos", "called again for an inquiry": a one-word
    cue, at most :data:`MAX_SPLIT_WORDS` time words or adverbs, and the particle that makes it a longer
    ``obj`` cue of ``cues.tsv`` ("call for"): the content is read in that cue's frame."""
    v, hit, speaker = site.view, site.cue_hit, site.first
    if speaker is None or hit.last != hit.first or hit.particle is not None:
        return None
    lang, k = v.lang, hit.last + 1
    while k < v.end and k - hit.last <= MAX_SPLIT_WORDS and v.items[k].lower in lang.time | lang.adv:
        k += 1
    if k == hit.last + 1 or k + 1 >= v.end or k - hit.last > MAX_SPLIT_WORDS:
        return None
    longer = lang.cues.lookup(f"{v.items[hit.first].lower} {v.items[k].lower}")
    if longer is None or longer.type != "verb" or longer.frame != "obj":
        return None
    return _preposed(site, speaker, k + 1, "obj", longer.frame)


# -- the verb frames, in the order the driver asks them ----------------------------------------


def read_inverted(site: Site) -> Reading | None:
    """``CONTENT, said SPEAKER (, APPOSITIVE) (trailer).`` and ``"A," said X, "B."``"""
    v, hit, at = site.view, site.cue_hit, site.place
    if not at.inverted or at.shares_subject:
        return None
    j, items = at.j, v.items
    if hit.entry.frame in OBJECT_FRAMES and VERB_SECOND not in v.lang.features:
        return None  # these verbs take an object: "…, told the Herald" is not inverted ("bat er" is)
    a = hit.last + 1
    if a < v.end and items[a].lower in v.lang.cls("reflexive"):
        a += 1  # "empört sich der Alte": the reflexive pronoun belongs to the verb
    trimmed = v.trim_inverted_speaker(a, v.inverted_speaker_end(a, hit.particle))
    if trimmed is None or not v.is_inverted_speaker(a, trimmed[0]):
        return None
    b, rest = trimmed
    if _content_follows(v, rest + (rest == hit.particle)) or _subclause_first(v, j, rest):
        return None
    speaker_span, tail = v.inverted_tail(a, b, rest + (rest == hit.particle))
    after_quote = items[j].is_quote or (j > 0 and items[j].text == "," and items[j - 1].is_quote)
    if tail < v.end and items[tail].text != "," and not after_quote:
        return None  # but a verb right after a quotation attributes it, whatever follows the speaker
    if tail - b > 8 and not items[j].is_quote:
        return None  # a long "trailer" is more likely the reported clause itself
    left = v.left_material(j + 1, site.ctx.found)
    if left is None or (hit.entry.frame == "prop" and not _inverted_prop(v, j, (a, b), left)):
        return None
    if not v.may_report_left(hit.entry.frame, left):
        return None
    speaker = v.mention(*speaker_span)
    left = with_continuation(v, left, v.skip_trailer(rest + (rest == hit.particle)))
    contents = [Content(left[0], left[1], site.cue, speaker, FRAME["inverted"])]
    if items[left[1] - 1].is_quote:
        tail = v.break_ahead(tail)  # "»A«, rief er dann, »B«" / "„A“, sagte sie; „B“"
        if tail < v.end and v.next_is_quote(tail + 1):
            contents.append(Content(tail + 1, v.end, site.cue, speaker, FRAME["interrupted-inverted"]))
    return Reading(v.end, tuple(contents), speaker)


def _inverted_prop(v: ContentView, j: int, speaker: tuple[int, int], left: tuple[int, int]) -> bool:
    """A propositional cue takes an object, so it is inverted only after a quotation ('"No," admitted
    Ruiz') or after a clause when a name or a person follows it ("…, noted Dr. Ruiz"): "Ana Ruiz, a
    lawyer, had denied Trump's plan" is a subject and its appositive before the cue and its object."""
    items = v.items
    if items[j].is_quote or items[j - 1].is_quote:
        return True
    a, b = speaker
    person = is_cap(items[a]) or v.names_a_person(items[a:b])
    return person and clause_like(items[left[0] : left[1]], v.lang)


def _content_follows(v: ContentView, tail: int) -> bool:
    """In a verb-second language, ", sagte er, dass …" and ", rief er: „…“" are no inverted attribution:
    the content follows the speaker."""
    return (
        VERB_SECOND in v.lang.features
        and tail + 1 < v.end
        and (v.items[tail].text == ":" or v.items[tail + 1].lower in v.lang.complementisers)
    )


def _subclause_first(v: ContentView, j: int, tail: int) -> bool:
    """ "Als sie ankamen, sagte er, er müsse …": a subordinate clause fills the verb-second first place."""
    items, lang = v.items, v.lang
    return (
        VERB_SECOND in lang.features
        and items[0].lower in lang.subord
        and tail + 1 < v.end
        and items[tail].text == ","
        and not any(items[k].text == "," or items[k].is_quote for k in range(1, j))
    )


def _opens_with_adverbial(v: ContentView, hit: CueHit, floor: int) -> bool:
    """Does an adverbial, not a subject, fill the place before the cue in a verb-second clause?

    "Darauf sagte", "Am Abend sagte", "Als sie das hörte, sagte", "…, rief Zwingli:", and a verb
    that opens its sentence ("Sprach der Wolf:").
    """
    c = hit.first
    while c > floor and v.items[c - 1].is_word:
        c -= 1
    while c < hit.first and v.items[c].lower in v.lang.conj:
        c += 1
    lang = v.lang
    if c < hit.first:
        opener = lang.adv | lang.time | lang.prep | lang.subord | lang.cls("linker")
        last = v.items[hit.first - 1].lower
        return v.items[c].lower in opener and last not in lang.subject_pronouns
    if c == 0 or v.items[c - 1].is_quote:
        return True  # "Sprach der Wolf: „…“": the verb opens the sentence
    # "…, rief Zwingli: „…“": the clause before the comma fills the first place
    return v.items[c - 1].text == "," and hit.last + 2 < v.end


def _speaker_after(v: ContentView, a: int) -> tuple[int, int] | None:
    """The subject right after a verb-second cue: a pronoun or a noun phrase, maybe after an object
    pronoun ("fragte ihn der Kaufmann")."""
    lang = v.lang
    if a + 1 < v.end and v.items[a].lower in lang.object_pronouns - lang.subject_pronouns:
        a += 1
    if a >= v.end or not v.items[a].is_word:
        return None
    if v.items[a].lower in lang.subject_pronouns:
        return a, a + 1
    b = noun_phrase_end(v.items, a, v.end, lang)
    return (a, b) if b is not None and b > a and np_like(v.items[a:b], lang) else None


def read_verb_second(site: Site) -> Reading | None:
    """``ADVERBIAL CUE SPEAKER (trailer) : "Q"`` / ``, dass …`` / ``, CLAUSE``.

    In a verb-second language the subject follows the verb when an adverbial opens the clause
    ("Darauf sagte er: „…“"). When the speaker is found but no content follows in this frame, the
    reading names the speaker and lets the next frames try (``final=False``).
    """
    v, hit, ctx = site.view, site.cue_hit, site.ctx
    if VERB_SECOND not in v.lang.features or site.place.shares_subject or ctx.only_postposed:
        return None
    if not _opens_with_adverbial(v, hit, ctx.floor):
        return None
    found = _speaker_after(v, hit.last + 1)
    if found is None:
        return None
    speaker = v.mention(*found)
    k = v.skip_trailer(v.skip_listener(found[1], hit.entry))
    if hit.particle is not None and hit.particle >= k:
        if hit.particle - k > 4:
            return None
        k = hit.particle + 1
    if k >= v.end or (v.items[k].text == ":" and k + 1 >= v.end):
        # "Mit Ernst sagte er:" and the quotation in the next paragraph
        return Reading(v.end, speaker=speaker, bare=(site.cue, speaker))
    if CLAUSE_COMMA in v.lang.features and v.items[k].is_word:
        gap = v.skip_gap(k, k + MAX_CLAUSE_GAP)  # "Da sagte ihm die Kleine freudig, sie …"
        k = gap if gap < v.end and v.items[gap].text in (",", ":") else k
    nxt = v.items[k]
    if nxt.is_quote or (nxt.text in (":", ",") and v.next_is_quote(k + 1)):
        return _preposed(site, speaker, k if nxt.is_quote else k + 1, "verb-second-quote")
    if nxt.text not in (",", ":") or k + 1 >= v.end:
        return Reading(hit.first, speaker=speaker, final=False)
    if v.items[k + 1].lower in v.lang.complementisers:
        return _preposed(site, speaker, k + 2, "verb-second-that")
    return _preposed(site, speaker, k + 1, "ask" if hit.entry.frame == "ask" else "verb-second-clause")


def read_bracket(site: Site) -> Reading | None:
    """``X hat (gestern) erklärt, …`` / ``Gestern hat X erklärt, …``: in a verb-second language a
    participle cue ends the bracket its auxiliary opens; the subject stands before the auxiliary, or
    after it when an adverbial fills the first place, and the content follows the cue's comma."""
    v, hit, ctx = site.view, site.cue_hit, site.ctx
    if VERB_SECOND not in v.lang.features or CLAUSE_COMMA not in v.lang.features or site.place.shares_subject:
        return None
    k = hit.last + 1
    if k + 1 >= v.end or v.items[k].text != "," or not v.items[k + 1].is_word:
        return None
    m = v.bracket_aux(hit.first)
    if m is None or m == 0:
        return None
    found = _speaker_after(v, m + 1)
    if (
        found is not None
        and found[1] <= hit.first
        and _opens_with_adverbial(v, CueHit(m, m, hit.entry), ctx.floor)
    ):
        speaker = v.mention(*found)  # "Gestern hat der Bürgermeister erklärt"
    else:
        before = v.subject_before(m, ctx.floor)  # "Der Bürgermeister hat gestern erklärt"
        if before is None or before[0] is None:
            return None
        speaker = before[0]
    if v.items[k + 1].lower in v.lang.complementisers:
        return _preposed(site, speaker, k + 2, "that")
    return _preposed(site, speaker, k + 1, "ask" if hit.entry.frame == "ask" else "clause")


def read_closing(site: Site) -> Reading | None:
    """ "X called for Y, sources said.": a closing ", X said." owns everything before it.

    Read only while the driver probes a unit's last cue (``Context.only_postposed``).
    """
    v, hit, speaker = site.view, site.cue_hit, site.speaker
    if not site.ctx.only_postposed or speaker is None:
        return None
    k = v.skip_object(hit.last + 1, hit.entry) if hit.entry.frame in ("tell", "ask") else hit.last + 1
    k_trailer = v.skip_trailer(k)
    left = site.left
    if left is not None and ends_subordinate(v, left):
        left = None  # "…, was er verlangte.": a verb-final cue ends a clause
    if left is not None and (k_trailer >= v.end or v.items[k_trailer].text == ","):
        return Reading(v.end, (Content(left[0], left[1], site.cue, speaker, FRAME["closing"]),), speaker)
    return Reading(hit.first, speaker=speaker)


def read_tell_to(site: Site) -> Reading | None:
    """ "urged officials to boost security" / "told reporters how surprised he was".

    Before an infinitive (:data:`LISTENER_JOINS_CONTENT`) the listener is the one asked to act, and the
    content runs from it ("urged ⟦the council to reopen the shelter⟧"); before a question word it is
    only whom the speaker told ("told reporters ⟦how surprised he was⟧").
    """
    v, speaker, k = site.view, site.speaker, site.k
    if speaker is None or site.cue_hit.entry.frame != "tell":
        return None
    opens = v.lang.cls("tell_open")
    if not (site.after < k < v.end and v.items[k].lower in opens):
        longer = _open_after_listener(v, site.after)  # "urged the members of the trust board to act"
        if longer is None:
            return None
        k = longer
    joins = any(v.items[k].lower in v.lang.cls(name) for name in LISTENER_JOINS_CONTENT)
    return _preposed(site, speaker, site.after if joins else k, "tell-to")


def _open_after_listener(v: ContentView, a: int) -> int | None:
    """The ``tell_open`` word ("to", "how") after a longer listener ("the members of the trust board"),
    with only words that are no verb, cue or subject pronoun between (at most :data:`MAX_LISTENER_SPAN`
    items), and a word that opens no noun phrase after it ("to act", not "to the court")."""
    lang = v.lang
    stops = lang.finite_hints | lang.cues.first_words | lang.subject_pronouns
    for k in range(a + 1, min(a + MAX_LISTENER_SPAN, v.end - 1) + 1):
        it = v.items[k]
        if it.lower in lang.cls("tell_open"):
            nxt = v.items[k + 1]
            opens_np = nxt.lower in lang.det or nxt.lower in lang.pronouns or is_cap(nxt)
            return k if nxt.is_word and not opens_np else None
        if is_title_dot(v.items, k, lang):
            continue  # "urged Ms. Varga to withdraw"
        noun_use = v.items[k - 1].lower in lang.det  # "the state senate": a cue word after a determiner
        if not it.is_word or (it.lower in stops and not noun_use) or it.lower in lang.complementisers:
            return None
    return None


def read_right_after(site: Site) -> Reading | None:
    """ "asked about the cost", "asked the council to vote", "pledged to rebuild": no trailer between."""
    v, speaker, k = site.view, site.speaker, site.k
    frame = site.cue_hit.entry.frame
    if speaker is None or k >= v.end:
        return None
    if any(v.items[k].lower in v.lang.cls(name) for name in OPEN_RIGHT_AFTER.get(frame, ())):
        return _preposed(site, speaker, k, frame)
    return None


def read_that(site: Site) -> Reading | None:
    """ "Ruiz said that …", "told a meeting of leaders that …"."""
    v, speaker, that_at = site.view, site.first, site.that_at
    if speaker is None or that_at is None:
        return None
    # "said that, if elected, …": the gold spans keep a "that" a comma follows (readings.apply)
    comma_after = that_at + 1 < v.end and v.items[that_at + 1].text == ","
    return _preposed(site, speaker, that_at if comma_after else that_at + 1, "that")


def read_preposed_quote(site: Site) -> Reading | None:
    """'Ruiz said: "…"' and the interrupted '"A," Ruiz said, "B."'."""
    v, speaker, k_trailer = site.view, site.first, site.k_trailer
    if speaker is None or k_trailer >= v.end:
        return None
    nxt = v.items[k_trailer]
    if not (nxt.is_quote or (nxt.text in (":", ",") and v.next_is_quote(k_trailer + 1))):
        return None
    left = site.left
    before: tuple[Content, ...] = ()
    if left is not None and v.items[left[1] - 1].is_quote:
        before = (Content(left[0], left[1], site.cue, speaker, FRAME["interrupted"]),)
    reading = _preposed(site, speaker, k_trailer if nxt.is_quote else k_trailer + 1, "preposed-quote")
    return reading._replace(contents=(*before, *reading.contents))


def _postposed_left(site: Site) -> tuple[tuple[int, int], bool] | None:
    """The content before a postposed cue, and whether it ends in a short quotation; ``None`` when
    what follows the cue is neither the unit's end nor a comma."""
    v, left, k_trailer = site.view, site.left, site.k_trailer
    if site.first is None or left is None:
        return None
    quote_before = (
        v.items[left[1] - 1].is_quote
        and not site.place.participle
        and sum(1 for it in v.items[left[0] : left[1]] if it.is_word) <= 3  # not "On X's show "Y," Z said"
    )
    if not (k_trailer >= v.end or v.items[k_trailer].text == "," or quote_before):
        return None
    if ends_subordinate(v, left):
        return None  # "…, die der Jäger verkaufte": after a comma, a verb-final cue ends a relative clause
    return left, quote_before


def read_parenthetical(site: Site) -> Reading | None:
    """ "But to prevent problems, he said, officials should be vigilant": discontinuous content."""
    v, found, speaker = site.view, _postposed_left(site), site.first
    if found is None or speaker is None:
        return None
    (a, _), quote_before = found
    rest = site.k_trailer + 1
    if quote_before or rest >= v.end or v.items[rest].is_quote:
        return None
    return Reading(v.end, (Content(a, v.end, site.cue, speaker, FRAME["parenthetical"]),), speaker)


def read_postposed(site: Site) -> Reading | None:
    """ "…, X said." (a later cue may still speak: '"…," X said, adding later, "…"')."""
    found, speaker = _postposed_left(site), site.first
    if found is None or speaker is None:
        return None
    (a, b), _ = found
    return Reading(site.k_trailer, (Content(a, b, site.cue, speaker, FRAME["postposed"]),), speaker)


def read_said_anaphor(site: Site) -> Reading | None:
    """ "said as much", "has said the same (thing)", "said the same of the rival", "said his piece": a
    ``clause`` cue whose object stands for what was said before (its head an ``anaphor_head`` word of
    ``function_words.tsv``, after at most two ``anaphor_lead`` words, determiners or possessives; only
    an ``anaphor_tail`` word may follow it). The phrase itself is the content: "said the piece was
    stolen" is a clause, read by the next frame."""
    v, hit, speaker, k = site.view, site.cue_hit, site.first, site.k
    if speaker is None or hit.entry.frame != "clause" or k >= v.end:
        return None
    lang = v.lang
    leads = lang.cls("anaphor_lead") | lang.det | lang.cls("possessive")
    head = k
    while head < min(k + 2, v.end) and v.items[head].lower in leads:
        head += 1
    if head >= v.end or v.items[head].lower not in lang.cls("anaphor_head"):
        return None
    end = v.object_end(k, v.content_end(k, site.ctx.hits))
    j, tail = head + 1, lang.cls("anaphor_tail")
    if j < end and v.items[j].lower in tail - lang.prep:
        j += 1  # "the same thing"
    if j < end and v.items[j].lower in tail & lang.prep:
        j = end  # "the same of the rival", "much about how it works": the topic runs on
    elif j < end and v.items[j].is_word:
        return None  # "said the piece was stolen": a clause
    end = j
    content = Content(k, end, site.cue, speaker, FRAME["said-anaphor"])
    return Reading(end, (content,), speaker)


def read_preposed(site: Site) -> Reading | None:
    """The preposed frame of the cue's frame (``X said …``, ``X accused Y of …``, ``X denied …``), or
    a bare cue ("Ruiz said." / "He said:"), which may own a quotation nearby."""
    v, hit, speaker, k_trailer = site.view, site.cue_hit, site.first, site.k_trailer
    if speaker is None:
        return None
    if k_trailer >= v.end or (v.items[k_trailer].text == ":" and k_trailer + 1 >= v.end):
        return Reading(v.end, speaker=speaker, bare=(site.cue, speaker))
    evidence, start_after_object = PREPOSED_FRAMES.get(hit.entry.frame, ("clause", True))
    start = site.k if start_after_object else _past_time(site)
    if evidence in ("clause", "ask") and CLAUSE_COMMA in v.lang.features:
        at = v.comma_clause_start(start, k_trailer)
        if at is None:
            return None
        start = at
    reading = _preposed(site, speaker, start, evidence)
    if hit.entry.frame == "verdict" and not any(states_verdict(v, c.a, c.b) for c in reading.contents):
        return Reading(hit.first, speaker=speaker)
    if hit.entry.frame in ("verdict", "prop") and reading.contents:
        bounded = tuple(c._replace(b=verdict_end(v, c.a, c.b)) for c in reading.contents)
        return reading._replace(contents=bounded, until=bounded[-1].b)
    return reading


def _past_time(site: Site) -> int:
    """Where an object cue's content starts: after a time adjunct between cue and object ("announced
    on Friday the arrest of a suspect"), else right after the cue."""
    v, a, b = site.view, site.after, site.k_trailer
    if a < b < v.end and v.items[b].is_word and any(it.lower in v.lang.time for it in v.items[a:b]):
        return b
    return a


# -- the frames of a unit: unit_frames; according to: according_frames; speech nouns: noun_frames --


#: Every surface frame, stated once, in the order the driver asks them (``on``: what the frame reads —
#: the whole ``unit``, a ``verb`` cue, an ``according`` cue, a speech ``noun``).
FRAMES: tuple[Frame, ...] = (
    *UNIT_FRAMES,
    Frame("inverted", "inverted", 0.9, '"We will win," said Ruiz.', read_inverted, "verb"),
    Frame("interrupted-inverted", "interrupted", 0.9, '"We will," said Ruiz, "win."'),
    # verb-second languages (features.txt): an adverbial before the cue puts the speaker after it
    Frame(
        "verb-second-quote",
        "verb-second-quote",
        0.75,
        "Darauf sagte er: „Wir bleiben.“",
        read_verb_second,
        "verb",
    ),
    Frame("verb-second-that", "verb-second-that", 0.85, "Am Abend erklärte sie, dass die Brücke hält."),
    Frame("verb-second-clause", "verb-second-clause", 0.75, "Dann sagte er, die Brücke halte."),
    Frame(
        "bracket",
        "clause",
        0.7,
        "Gestern hat der Bürgermeister erklärt, die Brücke halte.",
        read_bracket,
        "verb",
    ),
    Frame("closing", "postposed", 0.9, "Officials called for calm, two aides said.", read_closing, "verb"),
    Frame(
        "obj-split", "obj", 0.75, "The mayor called Friday for new elections.", read_split_particle, "verb"
    ),
    Frame("tell-to", "tell-to", 0.75, "Ruiz warned officials to boost security.", read_tell_to, "verb"),
    Frame(
        "ask-about", "ask-about", 0.7, "Ruiz asked about the cost of the bridge.", read_right_after, "verb"
    ),
    Frame("ask-to", "ask-to", 0.75, "Ruiz asked the council to vote again."),
    Frame("ask", "ask", 0.75, "Ruiz asked whether the vote was valid."),
    Frame("commit-to", "commit-to", 0.7, "The mayor pledged to rebuild the bridge."),
    Frame("that", "that", 0.85, "Ruiz said that the bridge would reopen.", read_that, "verb"),
    Frame("preposed-quote", "preposed-quote", 0.75, 'Ruiz said: "We will win."', read_preposed_quote, "verb"),
    Frame("interrupted", "interrupted", 0.95, '"We will," Ruiz said, "win."'),
    Frame(
        "parenthetical",
        "parenthetical",
        0.8,
        "Officials should wait, she said, until the bridge is checked.",
        read_parenthetical,
        "verb",
    ),
    Frame("postposed", "postposed", 0.9, '"We will win," Ruiz said.', read_postposed, "verb"),
    Frame("said-anaphor", "said-anaphor", 0.6, "Her deputy has said as much.", read_said_anaphor, "verb"),
    Frame("clause", "clause", 0.75, "Ruiz said the bridge would reopen.", read_preposed, "verb"),
    Frame("accuse-of", "accuse-of", 0.75, "The union accused the board of ignoring staff."),
    Frame("obj", "obj", 0.75, "Protesters called for new elections."),
    Frame("prop-obj", "prop-obj", 0.7, "The minister denied any role in the deal."),
    Frame("name", "name", 0.75, 'Ruiz called the plan "a mistake".'),
    *ACCORDING_FRAMES,
    *NOUN_FRAMES,
)
#: Surface frames by name.
FRAME: dict[str, Frame] = {f.name: f for f in FRAMES}


def frames_on(kind: str) -> tuple[Frame, ...]:
    """The frames that read ``kind`` (``unit``, ``verb``, ``according``, ``noun``), in the driver's order."""
    return _FRAMES_ON.get(kind, ())


_FRAMES_ON: dict[str, tuple[Frame, ...]] = {
    kind: tuple(f for f in FRAMES if f.read is not None and f.on == kind) for kind in {f.on for f in FRAMES}
}
