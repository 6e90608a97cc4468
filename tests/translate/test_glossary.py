"""Glossary TSV parsing and the term check."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import read_track
from subtools.model import Cue, Track
from subtools.translate.glossary import (
    GlossaryEntry,
    GlossaryMiss,
    load_glossary,
    parse_glossary,
    term_in,
)
from subtools.translate.pipeline import translate_cues

from .conftest import SAMPLE_RU
from .fake import FakeTranslator


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
    assert not term_in("line", "the frontline")
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


@pytest.mark.parametrize(
    "text",
    [
        "мы пошли в песочницу",
        "в песочнице",
        "за песочницей",
        "между песочницами",
        "в песочницах",
        "нет песочниц",
        "две Песочницы",
    ],
)
def test_russian_term_is_found_in_every_case_form(text: str) -> None:
    assert term_in("песочница", text, inflected=True)


def test_inflection_rule_stem_plus_ending_on_both_sides() -> None:
    # Both words must be one stem (3+ letters) plus a Russian case ending.
    assert term_in("нулевая линия", "за нулевыми линиями", inflected=True)
    assert term_in("оружие", "без оружия", inflected=True)
    assert term_in("танк", "много танков", inflected=True)
    assert term_in("военная полиция", "к военной полиции", inflected=True)
    # ё is often written е.
    assert term_in("миномётный обстрел", "под минометным обстрелом", inflected=True)
    # Another word that shares letters is not the term.
    assert not term_in("минута", "минус пять", inflected=True)
    assert not term_in("мина", "пять минут", inflected=True)
    assert not term_in("оборона", "оборонный завод", inflected=True)
    assert not term_in("ус", "усы", inflected=True)


def test_target_term_is_found_in_its_plural() -> None:
    assert term_in("sandbox", "into the sandboxes", inflected=True)
    assert term_in("trench", "the trench's wall", inflected=True)
    assert not term_in("line", "the frontline", inflected=True)


def test_inflected_source_and_plural_target_is_not_a_miss() -> None:
    track = Track(
        (Cue(0, 2000, "Нас гонят в песочницы."), Cue(2100, 4000, "Там песочницей зовут поле."))
    )
    fake = FakeTranslator(
        {
            "Нас гонят в песочницы.": "We are driven into the sandboxes.",
            "Там песочницей зовут поле.": "There they call the field a sandpit.",
        }
    )
    done = translate_cues(
        track, fake, to_lang="en", glossary=parse_glossary("песочница\tsandbox\n")
    )
    assert done.glossary_misses == (
        GlossaryMiss("песочница", "sandbox", (2,), "There they call the field a sandpit."),
    )


def test_bom_comments_and_aligning_tabs(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_bytes(
        "\ufeff# термины\r\nпесочница\t\tsandbox\r\n  # note\r\nминистр обороны\t\t\tdefense minister\r\n".encode()
    )
    assert load_glossary(path) == (
        GlossaryEntry("песочница", "sandbox", 2),
        GlossaryEntry("министр обороны", "defense minister", 4),
    )


def test_three_columns_are_refused() -> None:
    with pytest.raises(InputError) as err:
        parse_glossary("министр\tобороны\tdefense minister\n", "g.tsv")
    assert str(err.value) == (
        "g.tsv:1: glossary line needs: source term<TAB>target term "
        "('министр\\tобороны\\tdefense minister')"
    )


def test_duplicate_entry_is_kept_once_and_a_conflicting_one_is_refused() -> None:
    assert parse_glossary("песочница\tsandbox\nПесочница\tsandbox\n") == (
        GlossaryEntry("песочница", "sandbox", 1),
    )
    with pytest.raises(InputError) as err:
        parse_glossary("песочница\tsandbox\nпесочница\tsandpit\n", "g.tsv")
    assert str(err.value) == (
        "g.tsv:2: 'песочница' is already in the glossary as 'sandbox' (line 1) ('песочница\\tsandpit')"
    )
