"""The surface frames are one table of pure functions (issue 11): each row's function reads a cue and
returns a record, never changes what it reads, and every row's example reads with its evidence."""

from __future__ import annotations

import inspect

import pytest

from quoteattr import extract
from quoteattr.attribution import read_frames
from quoteattr.cues import find_cues
from quoteattr.frames import FRAME, FRAMES, frames_on
from quoteattr.language import get_language
from quoteattr.quotemarks import find_quotes
from quoteattr.readings import ContentView, Context
from quoteattr.records import RULES
from quoteattr.sites import Site
from quoteattr.units import Unit, unit_items

#: Rows whose example is German (read with ``lang="de"``).
GERMAN = frozenset(
    {
        "verb-second-quote",
        "verb-second-that",
        "verb-second-clause",
        "according-to-bare",
        "according-to-post",
        "bracket",
    }
)


def _view(text: str, lang_code: str = "en") -> ContentView:
    lang = get_language(lang_code)
    quotes = tuple(q for q in find_quotes(text, lang) if q.depth == 0)
    unit = Unit(0, len(text), 0, quotes)
    return ContentView(text, unit, lang, unit_items(text, unit))


def test_names_are_unique_across_both_tables_and_each_reader_is_a_module_function() -> None:
    names = [f.name for f in FRAMES + RULES]
    assert len(set(names)) == len(names)
    assert all(f.read is None for f in RULES)
    for f in FRAMES:
        assert 0 < f.confidence <= 1 and f.evidence, f
        if f.read is not None:
            assert inspect.isfunction(f.read) and f.read.__qualname__ == f.read.__name__, f.name
            assert f.on in {"unit", "verb", "according", "noun"}, f.name
    assert frames_on("verb")[0].name == "inverted"


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f.name)
def test_every_rows_example_reads_with_its_evidence(frame: object) -> None:
    assert isinstance(frame, type(FRAMES[0]))
    lang = "de" if frame.name in GERMAN else "en"
    evidence = [q.evidence.split("+")[0] for q in extract(frame.example, lang=lang).quotes]
    assert frame.evidence in evidence, (frame.name, frame.example, evidence)


@pytest.mark.parametrize(
    "text",
    [
        '"We will win," Ruiz said, adding that the bridge would reopen.',
        "Ruiz told reporters that the bridge would reopen, and aides said it was safe.",
        "The bridge, according to Ruiz, will reopen soon.",
        "Officials called for calm, two aides said.",
    ],
)
def test_frames_are_pure_the_same_site_reads_the_same_and_nothing_changes(text: str) -> None:
    view = _view(text)
    items_before = list(view.items)
    ctx = Context(tuple(find_cues(view.items, view.lang)))
    for hit in ctx.hits:
        for frame in frames_on("according" if hit.entry.frame == "according" else "verb"):
            assert frame.read is not None
            first, second = frame.read(Site(view, hit, ctx)), frame.read(Site(view, hit, ctx))
            assert first == second, frame.name
    assert view.items == items_before and ctx == Context(ctx.hits)
    assert read_frames(view) == read_frames(view)


def test_the_driver_alone_carries_the_previous_speaker_to_a_participle_cue() -> None:
    view = _view('"We will win," Ruiz said, adding that the bridge would reopen.')
    ctx = read_frames(view)
    assert [f.evidence for f in ctx.found] == ["postposed", "that"]
    assert {f.speaker.text for f in ctx.found if f.speaker is not None} == {"Ruiz"}
    assert ctx.last_speaker is not None and ctx.last_speaker.text == "Ruiz"


def test_a_label_row_names_the_row_that_emits_it() -> None:
    assert FRAME["interrupted"].read is None and FRAME["preposed-quote"].read is not None


@pytest.mark.parametrize(
    ("text", "content", "evidence"),
    [
        ("Ruiz urged the council to reopen the shelter.", "the council to reopen the shelter", "tell-to"),
        (
            "Ruiz urged the members of the harbour board to resign.",
            "the members of the harbour board to resign",
            "tell-to",
        ),
        ("Ruiz told reporters how the fire started.", "how the fire started", "tell-to"),
        (
            "Traders ignored an announcement by the ministry that taxes would rise.",
            "taxes would rise",
            "noun-by-that",
        ),
        (
            "Nobody checked the claim of Dr. Imre Balog that the well was safe.",
            "the well was safe",
            "noun-by-that",
        ),
    ],
)
def test_frame_data_decides_where_the_content_starts(text: str, content: str, evidence: str) -> None:
    """Exact spans: the listener before an infinitive is content, before a question word it is not;
    a speech noun's source phrase names the speaker and is no content."""
    quotes = extract(text).quotes
    assert [(q.text, q.evidence.split("+")[0]) for q in quotes] == [(content, evidence)]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The coach faced concerns that the squad was too young.", "the squad was too young", None),
        ("The board fielded concerns about the missing invoices.", "the missing invoices", None),
        (
            "Several nurses expressed concern that the shifts were short.",
            "the shifts were short",
            "Several nurses",
        ),
    ],
)
def test_a_light_verb_names_its_subject_as_speaker_only_when_the_subject_speaks(
    text: str, content: str, speaker: str | None
) -> None:
    """ "voiced/expressed concern": the subject speaks; "faced/fielded concerns": others spoke to it."""
    quotes = [q for q in extract(text).quotes if q.evidence.startswith("noun-light")]
    assert [q.text for q in quotes] == [content]
    assert (quotes[0].speaker.text if quotes[0].speaker else None) == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator attacked the toll as a tax on commuters.", "the toll as a tax on commuters"),
        ("Critics attacked the agency for hiding the audit.", "the agency for hiding the audit"),
        ("Soldiers attacked the village at dawn.", None),
        ("A crowd attacked the bus as it left.", None),
    ],
)
def test_a_verdict_cue_reports_only_with_a_reason_or_a_label(text: str, content: str | None) -> None:
    """ "attack" is speech only when it says why or what (``verdict_reason``, ``verdict_label``)."""
    assert [q.text for q in extract(text).quotes] == ([content] if content else [])


# ------------------------------------------------ a listener that opens the content is the addressee


@pytest.mark.parametrize(
    ("text", "content", "listener"),
    [
        (
            "Farm groups urged Parliament to scrap the fuel levy.",
            "Parliament to scrap the fuel levy",
            "Parliament",
        ),
        ("Residents called on the council to fix the pier.", "the council to fix the pier", "the council"),
        (
            "Rep. Ann Holt, the top Democrat on the panel, called on President Lee to punish the cartel.",
            "President Lee to punish the cartel",
            "President Lee",
        ),
        (  # "videos" is a venue noun, but "to release the videos" is an infinitive, no venue phrase
            "The family has called on officials to release the videos.",
            "officials to release the videos",
            "officials",
        ),
        (
            "The mayor, who has called on the state to repay the loan, spoke Monday.",
            "the state to repay the loan",
            "the state",
        ),
        (
            "The head teacher told her pupils never to climb the fence.",
            "her pupils never to climb the fence",
            "her pupils",
        ),
        ("Doctors urged them not to travel.", "them not to travel", "them"),
        (
            "The ferry operator warned the owners of small boats to stay in port.",
            "the owners of small boats to stay in port",
            "the owners of small boats",
        ),
        ("The tenants asked the landlord to delay the rent rise.", "to delay the rent rise", "the landlord"),
    ],
)
def test_listener_inside_the_content_is_the_addressee(text: str, content: str, listener: str) -> None:
    """PolNeAR's spans keep the one asked to act in the content (frames.LISTENER_JOINS_CONTENT); the
    addressee stage still names it."""
    (q,) = extract(text).quotes
    assert q.text == content
    assert q.addressee is not None and text[q.addressee.start : q.addressee.end] == listener


@pytest.mark.parametrize(
    "text",
    [
        "The minister warned the plan to cut taxes would fail.",  # a finite verb after the infinitive
        '"We will rebuild," the mayor said.',
    ],
)
def test_no_addressee_without_a_listener(text: str) -> None:
    for q in extract(text).quotes:
        assert q.addressee is None, q


def test_told_reporters_keeps_the_listener_out_of_the_content() -> None:
    (q,) = extract("Treasurer Mark Ellison told reporters the budget would balance.").quotes
    assert q.text == "the budget would balance"
    assert q.addressee is not None and q.addressee.text == "reporters"
