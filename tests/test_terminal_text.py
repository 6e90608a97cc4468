"""User text reaches the terminal escaped; glossaries that are not text say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from subtools.cli.common import shown
from subtools.errors import InputError
from subtools.translate.glossary import load_glossary

from .conftest import SAMPLES

runner = CliRunner()

TITLE = "\x1b]0;pwned\x07"  # sets a terminal's window title
CLEAR = "\x1b[2J"  # clears the screen


def test_control_characters_are_shown_escaped() -> None:
    assert shown(f"a{TITLE}b{CLEAR}\u202ec\x9bd\te\nf") == (
        "a\\x1b]0;pwned\\x07b\\x1b[2J\\u202ec\\x9bd\te\nf"
    )
    assert shown("Мы, мобилизованные — «57-й»") == "Мы, мобилизованные — «57-й»"


def test_fix_and_check_print_caption_text_escaped(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    text = f"We were sent {TITLE}to the front line without training, weapons or any {CLEAR}food."
    src.write_text(f"1\n00:00:01,000 --> 00:00:02,000\n{text}\n", encoding="utf-8")
    fixed = runner.invoke(app, ["fix", str(src), "-o", str(tmp_path / "out.srt"), "--no-language"])
    checked = runner.invoke(app, ["check", str(src), "--no-language"])
    assert (fixed.exit_code, checked.exit_code) == (0, 1)
    for result in (fixed, checked):
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;pwned\\x07to the front" in fixed.stdout
    # The caption file itself keeps the text as it was: only the terminal view escapes.
    assert TITLE in (tmp_path / "out.srt").read_text(encoding="utf-8")


def test_quotes_table_shows_article_text_escaped(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Soldiers speak\n\nOne soldier said: “Three weeks ago we were sent to the front "
        f"line{TITLE} without training.”\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["quotes", str(article), str(SAMPLES / "captions.en.srt")])
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "line\\x1b]0;pwned\\x07" in result.stdout


def test_a_glossary_with_a_nul_byte_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_bytes("песочница\tsandbox\nко\x00мендант\tcommandant\n".encode())
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(err.value) == f"{path}:2: a NUL byte in the text: not a clean glossary"


def test_a_binary_glossary_is_not_called_a_subtitle_file(tmp_path: Path) -> None:
    path = tmp_path / "terms.tsv"
    path.write_bytes(bytes(range(256)) * 8)
    result = runner.invoke(
        app,
        [
            "translate",
            str(SAMPLES / "captions.ru.srt"),
            "--to",
            "en",
            "--glossary",
            str(path),
            "-o",
            str(tmp_path / "o.srt"),
        ],
    )
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {path}: binary data, not a glossary ('2048 bytes')\n",
    )
