"""What the commands say: counts in words, the file an error is about, names users type."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from subtools.check import load_profile, run_checks
from subtools.errors import InputError
from subtools.lang import language_code
from subtools.model import Cue, Track
from subtools.quotes.html import STATUS_LABELS
from subtools.wording import numbered, plural

from .conftest import SAMPLES

runner = CliRunner()


def test_counts_are_singular_for_one() -> None:
    assert [plural(n, "cue") for n in (0, 1, 2)] == ["0 cues", "1 cue", "2 cues"]
    assert plural(1, "speech quote") == "1 speech quote"
    assert numbered("cue", [3]) == "cue 3"
    assert numbered("cue", [3, 5]) == "cues 3, 5"


def test_a_one_cue_file_is_one_cue(tmp_path: Path) -> None:
    src = tmp_path / "one.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(src), str(tmp_path / "one.vtt")])
    assert result.exit_code == 0
    assert "(vtt, 1 cue, read as" in result.stdout
    result = runner.invoke(app, ["check", str(src), "--no-language"])
    assert result.stdout.endswith("(profile netflix-en, 1 cue)\n")


def test_info_on_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {tmp_path}: is a folder, not a caption file\n",
    )


@pytest.mark.parametrize(
    ("given", "code"),
    [("English", "en"), ("russian", "ru"), (" RU ", "ru"), ("русский", "ru"), ("pt-br", "pt-br")],
)
def test_language_names_become_codes(given: str, code: str) -> None:
    assert language_code(given) == code


def test_a_language_that_is_neither_a_code_nor_a_known_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        language_code("klingonese")
    result = runner.invoke(
        app,
        [
            "translate",
            str(SAMPLES / "captions.ru.srt"),
            "--to",
            "klingonese",
            "-o",
            str(tmp_path / "x.srt"),
        ],
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "error: not a language code ('klingonese'); use a code such as en, ru or uk (ISO 639-1)\n",
    )


def test_an_html_report_into_a_txt_file_is_refused_before_the_work(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    result = runner.invoke(
        app,
        [
            "quotes",
            str(SAMPLES / "article.txt"),
            str(SAMPLES / "captions.en.srt"),
            "--html",
            str(target),
        ],
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {target}: the HTML report needs a .html or .htm file name ('.txt')\n"
    )
    assert not target.exists()


def test_the_html_report_says_missing_as_the_terminal_does() -> None:
    assert STATUS_LABELS["missing"] == "missing"


def test_a_russian_cue_naming_an_english_button_is_not_untranslated() -> None:
    texts = [
        "Нажимаем кнопку - Create new Sprite.",
        "Теперь открываем вкладку Costumes и рисуем.",
        "Мы с вами сделали первую игру за десять минут.",
    ]
    track = Track(
        tuple(Cue(i * 3000, i * 3000 + 2500, t) for i, t in enumerate(texts)), language="ru"
    )
    found = run_checks(track, load_profile("netflix-ru"), only=("untranslated",))
    assert found == ()
    # A cue wholly in English in a Russian track still is.
    english = Track(
        (*track.cues, Cue(10_000, 13_000, "We were sent to the front line without training.")),
        language="ru",
    )
    (finding,) = run_checks(english, load_profile("netflix-ru"), only=("untranslated",))
    assert (finding.cue, finding.value) == (4, "en")
