"""The cue lexicon: the shipped file loads, every form finds its entry, and users can extend it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quoteattr import ConfigError, Pipeline
from quoteattr.lexicons import CUE_FRAMES, CUE_TYPES, CueEntry, CueLexicon, load_cues, shipped_cues

# A reporting verb the shipped lexicon does not know (checked below, so the test cannot go stale).
NEW_VERB = ("harrumph", "verb", "clause", "harrumph|harrumphs|harrumphed|harrumphing")
NEW_VERB_TEXT = "Councillor Mara Lindqvist harrumphed that the budget was a joke."
NEW_VERB_TSV = "\t".join(NEW_VERB) + "\n"


def test_shipped_lexicon_loads_with_the_core_cues() -> None:
    lex = load_cues()
    assert lex is shipped_cues()
    assert len(lex.entries) > 50
    for form, lemma, type_ in [
        ("said", "say", "verb"),
        ("told", "tell", "verb"),
        ("according to", "according to", "prep"),
        ("statement", "statement", "noun"),
    ]:
        entry = lex.lookup(form)
        assert entry is not None, form
        assert (entry.lemma, entry.type) == (lemma, type_)
    assert lex.lookup("SAID") is lex.lookup("said"), "lookup ignores case"
    assert lex.lookup("banana") is None


def test_shipped_entries_are_well_formed() -> None:
    for entry in shipped_cues().entries:
        assert entry.type in CUE_TYPES and entry.frame in CUE_FRAMES, entry
        assert entry.forms and all(f == f.lower().strip() and f for f in entry.forms), entry


def test_every_form_maps_back_to_its_entry() -> None:
    """A form resolves to its own entry, unless a verb with the same form wins over a noun."""
    lex = shipped_cues()
    for entry in lex.entries:
        for form in entry.forms:
            found = lex.lookup(form)
            assert found is not None, form
            assert form in found.forms
            if found is not entry:
                assert entry.type == "noun" and found.type == "verb", (form, entry, found)


def test_multiword_forms_are_longest_first() -> None:
    forms = shipped_cues().multiword_forms
    assert "according to" in forms and "point out" in forms
    assert all(" " in f for f in forms)
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)


@pytest.mark.parametrize("form", ["tweets", "notes", "posts", "remarks"])
def test_verbs_win_over_nouns_for_shared_forms(form: str) -> None:
    entry = shipped_cues().lookup(form)
    assert entry is not None and entry.type == "verb"


@pytest.mark.parametrize("noun_first", [True, False])
def test_verbs_win_over_nouns_whatever_the_order(noun_first: bool) -> None:
    verb = CueEntry("blurt", "verb", "clause", ("blurt", "blurts"))
    noun = CueEntry("blurts", "noun", "venue", ("blurts",))
    lex = CueLexicon.build([noun, verb] if noun_first else [verb, noun])
    assert lex.lookup("blurts") is verb


def test_user_extras_as_rows_extend_the_lexicon() -> None:
    assert shipped_cues().lookup("harrumphed") is None
    lex = load_cues([NEW_VERB])
    entry = lex.lookup("harrumphed")
    assert entry is not None and (entry.lemma, entry.type, entry.frame) == ("harrumph", "verb", "clause")
    assert lex.lookup("said") is shipped_cues().lookup("said"), "shipped cues are kept"
    assert shipped_cues().lookup("harrumphed") is None, "the shipped lexicon is not changed"


def test_user_extras_from_a_tsv_path(tmp_path: Path) -> None:
    path = tmp_path / "my_cues.tsv"
    path.write_text("# my newsroom's verbs\n\n" + NEW_VERB_TSV, encoding="utf-8")
    for source in (path, str(path)):
        lex = load_cues(source)
        entry = lex.lookup("harrumphing")
        assert entry is not None and entry.lemma == "harrumph"


def test_user_extras_override_a_shipped_verb() -> None:
    lex = load_cues([("say", "verb", "tell", "say|says|said")])
    entry = lex.lookup("said")
    assert entry is not None and entry.frame == "tell"


def test_user_noun_does_not_hide_a_shipped_verb() -> None:
    lex = load_cues([("said", "noun", "venue", "said")])
    entry = lex.lookup("said")
    assert entry is not None and entry.type == "verb"


def test_pipeline_with_a_new_verb_finds_a_quote_the_default_misses(tmp_path: Path) -> None:
    assert Pipeline().process(NEW_VERB_TEXT).quotes == ()
    path = tmp_path / "extra.tsv"
    path.write_text(NEW_VERB_TSV, encoding="utf-8")
    for cues in ([NEW_VERB], path):
        [q] = Pipeline(cues=cues).process(NEW_VERB_TEXT).quotes
        assert q.kind == "indirect"
        assert q.text == "the budget was a joke"
        assert q.cue is not None and q.cue.text == "harrumphed"
        assert q.entity is not None and q.entity.name == "Mara Lindqvist"


def test_malformed_tsv_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text("# comment\n" + NEW_VERB_TSV + "sniff\tverb\tclause\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.tsv:3\b.*4 tab-separated columns"):
        load_cues(path)
    with pytest.raises(ValueError, match=r"broken\.tsv:3\b"):
        Pipeline(cues=path)


@pytest.mark.parametrize("row", ["sniff\tadverb\tclause\tsniffed", "sniff\tverb\tclausal\tsniffed"])
def test_bad_type_or_frame_in_tsv_names_file_and_line(tmp_path: Path, row: str) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text(NEW_VERB_TSV + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.tsv:2\b"):
        load_cues(path)


@pytest.mark.parametrize(("row", "field"), [
    (("sniff", "adverb", "clause", "sniffed"), "type"),
    (("sniff", "verb", "clausal", "sniffed"), "frame"),
])  # fmt: skip
def test_bad_rows_are_rejected_naming_the_field(row: tuple[str, str, str, str], field: str) -> None:
    with pytest.raises(ValueError, match=f"'{field}'"):
        load_cues([row])


def test_missing_tsv_file_raises() -> None:
    with pytest.raises(FileNotFoundError):
        load_cues(Path("/nonexistent/cues.tsv"))


# --------------------------------------------------------------------------- ConfigError for bad cues

BAD_CUE_ROWS: list[tuple[Any, str]] = [
    (("sniff", "adverb", "clause", "sniffed"), r"'type' must be one of .*'adverb'"),
    (("sniff", "verb", "clausal", "sniffed"), r"'frame' must be one of .*'clausal'"),
    (("sniff", "verb", "clause"), r"expected \(lemma, type, frame, forms\[, particle\]\)"),
    (
        ("sniff", "verb", "clause", "sniffed", "", "extra"),
        r"expected \(lemma, type, frame, forms\[, particle\]\)",
    ),
    ("sniff\tverb\tclause\tsniffed", r"expected \(lemma, type, frame, forms\[, particle\]\)"),
    (5, r"expected \(lemma, type, frame, forms\[, particle\]\), got 5"),
    (("sniff", "verb", "clause", "sniffed", 7), r"'particle' must be a str, got int"),
    (("sniff", 3, "clause", "sniffed"), r"'type' must be a str, got int"),
    (("", "verb", "clause", "sniffed"), r"'lemma' is empty"),
]


@pytest.mark.parametrize(("row", "problem"), BAD_CUE_ROWS)
def test_a_bad_cue_row_raises_config_error_naming_the_row_and_the_problem(row: Any, problem: str) -> None:
    rows = [NEW_VERB, row]
    for build in (load_cues, lambda rows: Pipeline(cues=rows)):
        with pytest.raises(ConfigError, match=problem) as info:
            build(rows)
        assert "cue row 2" in str(info.value), "the message says which row"
        assert isinstance(info.value, ValueError), "ConfigError is still a ValueError"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("sniff\tverb\tclause", "expected 4 tab-separated columns .*got 3"),
        ("sniff\tadverb\tclause\tsniffed", "'type' must be one of"),
        ("sniff\tverb\tclausal\tsniffed", "'frame' must be one of"),
    ],
)
def test_a_bad_tsv_line_raises_config_error_naming_file_and_line(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text(NEW_VERB_TSV + line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"broken\.tsv:2: {problem}"):
        Pipeline(cues=path)


def test_an_unreadable_tsv_file_raises_config_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes("grogn\tverb\tclause\tgrogn\xe9\n".encode("latin-1"))
    with pytest.raises(ConfigError, match=r"latin1\.tsv.*UTF-8"):
        Pipeline(cues=path)
