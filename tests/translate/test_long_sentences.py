"""A sentence longer than the model takes (its 512-token limit) is cut before translation."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cli import app
from subtools.model import Cue, Track
from subtools.translate.pipeline import MAX_MODEL_CHARS, split_for_model, translate_cues
from subtools.usecases.translate import translate_file

from .fake import FakeTranslator

runner = CliRunner()

WORDS = [
    "мы",
    "стоим",
    "на",
    "нулевой",
    "линии",
    "без",
    "связи",
    "и",
    "без",
    "еды",
    "уже",
    "третью",
    "неделю",
    "подряд",
]


def _rambling(n: int) -> str:
    return " ".join(WORDS[i % len(WORDS)] for i in range(n))


def test_parts_are_cut_at_clause_marks_else_between_words() -> None:
    text = _rambling(400)
    parts = split_for_model(text)
    assert all(len(p) <= MAX_MODEL_CHARS for p in parts)
    assert " ".join(parts) == text  # no word cut, none lost
    clause = "а" * 150 + ", " + "б" * 150 + " – " + "в" * 150
    assert split_for_model(clause, 320) == ["а" * 150 + ", " + "б" * 150, "– " + "в" * 150]
    assert split_for_model("г" * 900, 400) == ["г" * 400, "г" * 400, "г" * 100]
    assert split_for_model("короткая фраза.") == ["короткая фраза."]


def test_each_part_goes_to_the_backend_and_the_cue_gets_them_all() -> None:
    fake = FakeTranslator()
    track = Track((Cue(0, 60_000, _rambling(400)), Cue(61_000, 62_000, "Всё.")), language="ru")
    result = translate_cues(track, fake, to_lang="en", max_lines=200, max_chars=4000)
    seen = [text for batch in fake.calls for text in batch]
    assert len(seen) == 7 and all(len(t) <= MAX_MODEL_CHARS for t in seen)
    assert result.split_sentences == ((1,),)
    assert result.sentences == 2


def test_a_400_word_cue_without_punctuation_translates_with_the_real_model(
    with_model: Path, tmp_path: Path
) -> None:
    src = tmp_path / "long.srt"
    src.write_text(f"1\n00:00:01,000 --> 00:01:00,000\n{_rambling(400)}\n", encoding="utf-8")
    out = tmp_path / "long.en.srt"
    result = translate_file(src, out, from_lang="ru")
    assert result.split_sentences == ((1,),)
    assert out.exists()
    cli = runner.invoke(app, ["translate", str(src), "--from", "ru", "-o", str(tmp_path / "c.srt")])
    assert cli.exit_code == 0, cli.output
    assert (
        "warning: a sentence too long for the model (cue 1) was translated in parts of at most "
        "400 characters, cut at commas or between words\n"
    ) in cli.stderr
