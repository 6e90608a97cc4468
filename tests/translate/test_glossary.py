"""Glossary TSV parsing and the term check."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import read_track
from subtools.translate.fake import FakeTranslator
from subtools.translate.glossary import (
    GlossaryEntry,
    GlossaryMiss,
    load_glossary,
    parse_glossary,
    term_in,
)
from subtools.translate.pipeline import translate_cues

from .conftest import SAMPLE_RU


def test_parse_skips_comments_and_blank_lines() -> None:
    text = "# ru\ten\n\nминистр обороны\tdefense minister\nпесочница\tsandbox\n"
    assert parse_glossary(text) == (
        GlossaryEntry("министр обороны", "defense minister", 3),
        GlossaryEntry("песочница", "sandbox", 4),
    )


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("батальон\tbattalion\nкомендант commandant\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(err.value) == (
        f"{path}:2: glossary line needs: source term<TAB>target term ('комендант commandant')"
    )


def test_term_matching_tolerates_russian_endings_only_when_asked() -> None:
    assert term_in("министр обороны", "обращаемся к министру обороны.", inflected=True)
    assert not term_in("министр обороны", "обращаемся к министру обороны.")
    assert term_in("Defense Minister", "to the defense minister.")
    assert not term_in("line", "the front lines")
    assert not term_in("ус", "усы", inflected=True)


def test_check_reports_misses_with_cue_numbers() -> None:
    track = read_track(SAMPLE_RU).track
    glossary = parse_glossary(
        "министр обороны\tdefense minister\nнулевая линия\tzero-line position\n"
    )
    done = translate_cues(
        track,
        FakeTranslator(
            {
                "Вчера двенадцать наших товарищей погибли под миномётным огнём у нулевой линии.": "Yesterday twelve comrades died under mortar fire at the zero line.",
                "Мы, мобилизованные из 57-го батальона, обращаемся к министру обороны.": "We, mobilized from the 57th battalion, appeal to the Defense Minister.",
            }
        ),
        to_lang="en",
        glossary=glossary,
    )
    assert done.glossary_misses == (
        GlossaryMiss(
            "нулевая линия",
            "zero-line position",
            (9, 10),
            "Yesterday twelve comrades died under mortar fire at the zero line.",
        ),
    )
