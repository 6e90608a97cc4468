"""``subtools quotes``: one CliRunner test per behaviour, exit codes and the error line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import subtools.usecases.quotes as usecase
from cli import app

from .conftest import ARTICLES, no_model

runner = CliRunner()


def test_human_table_and_exit_1_for_a_changed_speech_quote(
    sample_article: Path, captions_en: Path
) -> None:
    result = runner.invoke(app, ["quotes", str(sample_article), str(captions_en)])
    assert result.exit_code == 1
    out = result.stdout
    assert "artillery -> mortar (word)" in out
    assert "minor: we had -> we'd (contraction)" in out
    assert "Dr. Elena Varga (other speaker: not counted)" in out
    assert "[in Belgorod region]" in out  # brackets are text, not rich markup
    assert (
        "13 quotes: 9 exact, 1 minor, 1 changed, 2 missing; 2 attributed to another "
        "speaker; 1 speech quote(s) not borne out by the captions"
    ) in " ".join(out.split())
    assert result.stderr == ""


def test_exit_0_when_every_speech_quote_is_borne_out(captions_en: Path) -> None:
    result = runner.invoke(app, ["quotes", str(ARTICLES / "curly.txt"), str(captions_en)])
    assert result.exit_code == 0
    assert "3 quotes: 3 exact, 0 minor, 0 changed, 0 missing" in " ".join(result.stdout.split())


def test_exit_0_when_only_another_speakers_quotes_are_missing(captions_en: Path) -> None:
    result = runner.invoke(app, ["quotes", str(ARTICLES / "other_speaker.txt"), str(captions_en)])
    assert result.exit_code == 0
    assert "John Moreau (other speaker: not counted)" in result.stdout


@pytest.mark.parametrize("name", ["fabricated.txt", "negation.txt", "number.txt", "person.txt"])
def test_exit_1_for_fabricated_negated_number_and_person_changes(
    name: str, captions_en: Path
) -> None:
    result = runner.invoke(app, ["quotes", str(ARTICLES / name), str(captions_en), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["failures"] >= 1


def test_json_output(sample_article: Path, captions_en: Path) -> None:
    result = runner.invoke(app, ["quotes", str(sample_article), str(captions_en), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == [
        "article",
        "captions",
        "article_language",
        "captions_language",
        "translated",
        "language_mismatch",
        "quotes",
        "summary",
        "warnings",
        "notice",
    ]
    assert data["warnings"] == []
    assert data["notice"] is None
    first = data["quotes"][1]
    assert first == {
        "id": 2,
        "text": "without weapons and without training",
        "paragraph": 2,
        "paragraphs": [2],
        "kind": "speech",
        "speaker": "A group of mobilized Russian soldiers",
        "other_speaker": False,
        "status": "exact",
        "start": 11.1,
        "end": 14.0,
        "cues": [4],
        "caption_text": "without weapons and without training",
        "differences": [],
        "score": 1.0,
        "counts_as_failure": False,
    }
    missing = data["quotes"][11]
    assert missing["status"] == "missing" and missing["start"] is None
    assert set(missing["candidate"]) == {"start", "end", "cues", "caption_text", "score"}


def test_what_the_reader_repaired_is_reported(sample_article: Path, tmp_path: Path) -> None:
    captions = tmp_path / "captions.srt"
    captions.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nWe have not signed any contracts.\n\n"
        "2\n00:00:04,000 --> 00:00:05,000\n\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["quotes", str(sample_article), str(captions)])
    assert result.exit_code == 1
    assert result.stderr == f"warning: {captions}:6: empty cue kept\n"
    as_json = runner.invoke(app, ["quotes", str(sample_article), str(captions), "--json"])
    assert json.loads(as_json.stdout)["warnings"] == [f"{captions}:6: empty cue kept"]


def test_html_report_is_written(sample_article: Path, captions_en: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(
        app, ["quotes", str(sample_article), str(captions_en), "--html", str(out)]
    )
    assert result.exit_code == 1
    assert f"wrote {out}" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="card ') == 13
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left


def test_html_over_an_input_is_refused(
    sample_article: Path, captions_en: Path, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(sample_article.read_bytes())
    result = runner.invoke(app, ["quotes", str(article), str(captions_en), "--html", str(article)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "refusing to overwrite" in result.stderr
    assert article.read_bytes() == sample_article.read_bytes()


def test_html_into_a_missing_folder_is_an_error(
    sample_article: Path, captions_en: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        [
            "quotes",
            str(sample_article),
            str(captions_en),
            "--html",
            str(tmp_path / "no" / "r.html"),
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "output folder does not exist" in result.stderr


def test_missing_and_unsupported_inputs(
    tmp_path: Path, captions_en: Path, sample_article: Path
) -> None:
    result = runner.invoke(app, ["quotes", str(tmp_path / "none.txt"), str(captions_en)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'none.txt'}: file not found\n"
    result = runner.invoke(app, ["quotes", str(sample_article), str(sample_article)])
    assert result.exit_code == 2
    assert "unsupported caption file type" in result.stderr
    assert "Traceback" not in result.output


def test_language_mismatch_without_translation_exits_2(
    sample_article: Path, captions_ru: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # No translation module importable: the check must say so, not report "missing".
    monkeypatch.setattr(usecase, "_load_translate_track", lambda: no_model)
    page = tmp_path / "r.html"
    result = runner.invoke(
        app, ["quotes", str(sample_article), str(captions_ru), "--json", "--html", str(page)]
    )
    assert result.exit_code == 2
    html = page.read_text(encoding="utf-8")
    assert '<p class="banner err">the captions are in &#x27;ru&#x27;' in html
    assert html.count('data-status="unchecked"') == 2 * 13 + 1  # marks, cards (+1 split quote)
    data = json.loads(result.stdout)
    assert data["language_mismatch"]["captions"] == "ru"
    assert data["language_mismatch"]["article"] == "en"
    assert {q["status"] for q in data["quotes"]} == {"unchecked"}
    assert result.stderr.startswith("error: the captions are in 'ru' and the article in 'en'")
    assert "install an offline ru->en translation model" in result.stderr


def test_help() -> None:
    result = runner.invoke(app, ["quotes", "--help"])
    assert result.exit_code == 0
    assert "--html" in result.stdout and "--json" in result.stdout


def test_a_short_russian_quote_that_drops_a_negation_fails(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Солдаты записали видео\n\n«Мы отказываемся воевать», — утверждает автор поста.\n",
        encoding="utf-8",
    )
    captions = tmp_path / "captions.ru.srt"
    captions.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nМы не отказываемся воевать.\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\nМы просим, чтобы с нами обращались как с людьми.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["quotes", str(article), str(captions), "--json"])
    assert result.exit_code == 1, result.output
    quote = json.loads(result.stdout)["quotes"][0]
    assert (quote["kind"], quote["status"], quote["counts_as_failure"]) == (
        "speech",
        "changed",
        True,
    )
    assert quote["differences"] == [
        {"op": "insert", "article": "", "captions": "не", "severity": "major", "reason": "negation"}
    ]


def test_the_html_report_never_replaces_the_article_it_read(
    tmp_path: Path, captions_en: Path, samples: Path
) -> None:
    article = tmp_path / "article.html"
    article.write_text("<p>" + (samples / "article.txt").read_text("utf-8") + "</p>", "utf-8")
    before = article.read_bytes()
    result = runner.invoke(app, ["quotes", str(article), str(captions_en), "--html", str(article)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {article}: output path is ")
    assert result.stderr.endswith("; refusing to overwrite it\n")
    assert article.read_bytes() == before
