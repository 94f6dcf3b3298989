"""Languages as data: the Language seam, its loader, and the options that reach every stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import Pipeline, extract
from quoteattr.errors import ConfigError
from quoteattr.language import REQUIRED_FILES, Language, get_language, supported_languages
from quoteattr.lexicons import language_dir

HARRUMPH = ("harrumph", "verb", "clause", "harrumph|harrumphs|harrumphed|harrumphing")


def test_english_is_shipped_and_complete() -> None:
    assert "en" in supported_languages()
    assert all((language_dir("en") / name).is_file() for name in REQUIRED_FILES)
    en = get_language("en")
    assert en.code == "en" and isinstance(en, Language)
    assert get_language("en") is en  # loaded once


@pytest.mark.parametrize("code", ["xx", "EN", "", "../en"])
def test_unknown_language_names_the_supported_ones(code: str) -> None:
    with pytest.raises(ConfigError, match=r"unknown language .*supported: .*\ben\b"):
        Pipeline(lang=code)
    with pytest.raises(ConfigError, match="supported"):
        extract("Ana said so.", lang=code)


def test_user_cue_reaches_the_sentence_splitter() -> None:
    text = '"Why now?" Ana Smith harrumphed. She left.'
    plain = [s.text for s in Pipeline().process(text).sentences]
    extended = Pipeline(cues=[HARRUMPH]).process(text)
    assert plain[0] == '"Why now?"'  # the shipped lexicon does not know the verb ...
    assert [s.text for s in extended.sentences] == ['"Why now?" Ana Smith harrumphed.', "She left."]
    assert [q.speaker.text for q in extended.quotes if q.speaker] == ["Ana Smith"]  # ... the user's does


def test_user_extras_do_not_change_the_shipped_language() -> None:
    en = get_language("en")
    extended = get_language("en", cues=[HARRUMPH], abbreviations=["Hldgs."])
    assert "harrumphed" in extended.splitter_verbs and "harrumphed" not in en.splitter_verbs
    assert "Hldgs." in extended.abbreviations and "Hldgs." not in en.abbreviations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Guillermo del Toro said the studio would open a new stage in May.", "Guillermo del Toro"),
        ("Ludwig van Dorn said the orchestra had found a new hall.", "Ludwig van Dorn"),
        ("Rosa de la Vega said the school would reopen.", "Rosa de la Vega"),
    ],
)
def test_name_particles_keep_a_name_whole(text: str, name: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.speaker is not None and quote.speaker.text == name
    assert quote.entity is not None and quote.entity.name == name


def test_pronoun_forms_may_have_several_rows() -> None:
    en = get_language("en")
    assert en.pronoun_rows["it"][0].cases == frozenset({"nom", "acc"})
    assert {"he", "she"} == set(en.gendered_subjects)
    assert {"he", "she", "i"} == set(en.singular_persons)
    assert "you" not in en.personal_subjects and "they" in en.personal_subjects


def test_stanza_backend_refuses_an_option_it_cannot_honour() -> None:
    with pytest.raises(ConfigError, match="abbreviations"):
        Pipeline("stanza", abbreviations=["Gov."])


def test_noun_cues_are_spelled_right() -> None:
    forms = {
        form for entry in get_language("en").cues.entries if entry.type == "noun" for form in entry.forms
    }
    assert {"speeches", "testimonies", "addresses"} <= forms
    assert not {"speechs", "testimonys", "documentarys"} & forms


def test_no_word_list_left_in_the_rule_modules() -> None:
    """The rule modules hold no list of English words: they read them from the Language."""
    root = Path(__file__).resolve().parents[1] / "quoteattr"
    for name in ("attribution.py", "coref.py", "speakers.py", "segment.py", "quotemarks.py"):
        source = (root / name).read_text(encoding="utf-8")
        for needle in ('"he", "she"', '"whether", "if"', '"is", "was"', '"al", "bin"', "said says asked"):
            assert needle not in source, (name, needle)


def test_every_frame_is_stated_once_and_its_example_reads_with_its_evidence() -> None:
    from quoteattr.frames import FRAME, FRAMES
    from quoteattr.records import RULES

    names = [f.name for f in FRAMES + RULES]
    assert len(set(names)) == len(names)
    for name in ("postposed", "inverted", "that", "clause", "according-to", "accuse-of", "ask", "tell-to"):
        frame = FRAME[name]
        evidence = [q.evidence.split("+")[0] for q in extract(frame.example).quotes]
        assert frame.evidence in evidence, (name, frame.example, evidence)


def test_both_engines_share_one_record_type_and_one_rule_table() -> None:
    from quoteattr import cues, frames, parse_rules, records, speakers, units

    assert parse_rules.Found is records.Found is frames.Found and units.Found is records.Found
    assert parse_rules.CueHit is records.CueHit is cues.CueHit
    assert all(name in records.RULE for name, _ in speakers.CONTEXT_RULES)
    assert all(f"parse-{rule}" in records.RULE for rule in parse_rules.SPEAKER_RULES)
    assert parse_rules.SPEAKER_CONFIDENCE["nsubj"] == records.RULE["parse-nsubj"].confidence


def test_stages_declare_what_they_read_and_add_and_a_broken_order_is_refused_whole() -> None:
    from quoteattr.backends.embedded import STAGES
    from quoteattr.stages import check, stage

    assert [s.name for s in STAGES] == [
        "segment",
        "quotemarks",
        "units",
        "attribution",
        "speakers",
        "mentions",
        "coref",
        "addressees",
        "dialogue",
    ]
    swapped = (STAGES[0], STAGES[4], STAGES[3], STAGES[1])  # speakers before attribution, units missing
    with pytest.raises(ConfigError) as err:
        check(swapped)
    message = str(err.value)
    assert "speakers reads readings" in message and "attribution reads units" in message
    with pytest.raises(ValueError, match="unknown work field"):
        stage("x", "txt", "sentences", lambda w: w)


def test_a_folder_with_the_required_files_is_a_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seam a second language uses: a folder of data files, no code."""
    from quoteattr import lexicons

    shipped = lexicons.language_dir("en")
    for code in ("en", "qq"):
        (tmp_path / code).mkdir()
        for name in REQUIRED_FILES:
            (tmp_path / code / name).write_text(
                (shipped / name).read_text(encoding="utf-8"), encoding="utf-8"
            )
    (tmp_path / "half").mkdir()  # incomplete: not offered
    (tmp_path / "half" / "cues.tsv").write_text("", encoding="utf-8")
    monkeypatch.setattr(lexicons, "language_dir", lambda lang="en": tmp_path / lang)
    assert supported_languages() == ("en", "qq")
    result = Pipeline(lang="qq").process('"We will win," Ana Ruiz said.')
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in result.quotes] == [
        ("direct", "Ana Ruiz")
    ]
