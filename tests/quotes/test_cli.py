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
    assert "Dr. Elena Varga [varga] (another speaker)" in out
    assert "[in Belgorod region]" in out  # brackets are text, not rich markup
    assert (
        "13 quotes: 9 exact, 1 minor, 1 changed, 2 missing; 2 attributed to another "
        "speaker (0 misattributed); 1 speech quote not borne out by the captions"
    ) in " ".join(out.split())
    assert result.stderr == ""


def test_exit_0_when_every_speech_quote_is_borne_out(captions_en: Path) -> None:
    result = runner.invoke(app, ["quotes", str(ARTICLES / "curly.txt"), str(captions_en)])
    assert result.exit_code == 0
    assert "3 quotes: 3 exact, 0 minor, 0 changed, 0 missing" in " ".join(result.stdout.split())


def test_exit_0_when_only_another_speakers_quotes_are_missing(captions_en: Path) -> None:
    result = runner.invoke(app, ["quotes", str(ARTICLES / "other_speaker.txt"), str(captions_en)])
    assert result.exit_code == 0
    assert "John Moreau [moreau] (another speaker)" in result.stdout


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
        "video_speaker",
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
        "speaker_id": "the-soldiers",
        "other_speaker": False,
        "misattributed": False,
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
    assert (missing["speaker"], missing["speaker_id"]) == ("Dr. Elena Varga", "varga")
    assert data["video_speaker"] is None  # nobody named in the video: the soldiers are
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
    article = tmp_path / "article.html"
    article.write_bytes((ARTICLES / "article.html").read_bytes())
    result = runner.invoke(app, ["quotes", str(article), str(captions_en), "--html", str(article)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "refusing to overwrite" in result.stderr
    assert article.read_bytes() == (ARTICLES / "article.html").read_bytes()


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
    assert "plain text without times is not a caption file" in result.stderr
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


REALWORLD = Path(__file__).resolve().parent / "realworld"


def test_several_articles_give_a_section_each_and_a_summary(tmp_path: Path) -> None:
    wire = REALWORLD / "articles" / "inaugural_wire.txt"
    blog = REALWORLD / "articles" / "inaugural_blog.md"
    captions = REALWORLD / "captions" / "inaugural.en.srt"
    html = tmp_path / "summary.html"
    result = runner.invoke(
        app, ["quotes", str(wire), str(blog), str(captions), "--html", str(html)]
    )
    assert result.exit_code == 1  # the blog misquotes; the wire story does not
    out = result.stdout
    assert f"== {wire}" in out and f"== {blog}" in out
    rows = [line for line in out.splitlines() if "inaugural_" in line and "│" in line]
    cells = [[c.strip() for c in row.split("│")[1:-1]] for row in rows[-2:]]
    assert cells == [
        [str(wire), "7", "5", "1", "0", "1", "0", "ok"],
        [str(blog), "6", "4", "0", "1", "1", "1", "misquotes"],
    ]
    pages = sorted(p.name for p in tmp_path.iterdir())
    assert pages == [
        "summary.1-inaugural_wire.html",
        "summary.2-inaugural_blog.html",
        "summary.html",
    ]
    summary = html.read_text(encoding="utf-8")
    assert '<a href="summary.1-inaugural_wire.html">' in summary
    assert '<tr class="bad"><td><a href="summary.2-inaugural_blog.html">' in summary
    # The two-argument form is unchanged: one report, no summary table.
    single = runner.invoke(app, ["quotes", str(wire), str(captions)])
    assert single.exit_code == 0 and "summary" not in single.stdout


def test_a_folder_of_articles(tmp_path: Path) -> None:
    captions = REALWORLD / "captions" / "gettysburg.en.srt"
    result = runner.invoke(app, ["quotes", str(REALWORLD / "articles"), str(captions), "--json"])
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 12  # every article of the folder, by name
    assert [Path(r["article"]).name for r in data["summary"]][:2] == [
        "gettysburg_blog.md",
        "gettysburg_broadsheet.txt",
    ]
    assert result.exit_code == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["quotes", str(empty), str(captions)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "no article" in result.stderr


def test_video_speaker_inferred_or_given() -> None:
    article = REALWORLD / "articles" / "inaugural_blog.md"
    captions = REALWORLD / "captions" / "inaugural.en.srt"
    inferred = runner.invoke(app, ["quotes", str(article), str(captions)])
    assert (
        "video speaker: John F. Kennedy (inferred: 4 of 4 of their quotes found in the captions)"
        in inferred.stdout
    )
    assert "Dana Ortiz [ortiz] (misattributed: said in the video)" in " ".join(
        inferred.stdout.split()
    )
    # Given with aliases: the same person under two names.
    given = runner.invoke(
        app,
        [
            "quotes",
            str(article),
            str(captions),
            "--speaker",
            "JFK",
            "--speaker",
            "Kennedy",
            "--json",
        ],
    )
    data = json.loads(given.stdout)
    assert data["video_speaker"]["inferred"] is False
    assert data["video_speaker"]["ids"] == ["jfk", "kennedy"]
    assert [q["misattributed"] for q in data["quotes"]] == [False, True, False, False, False, False]
    assert data["summary"]["misattributed"] == 1


def test_a_changed_quote_fails_whoever_the_article_names(tmp_path: Path, captions_en: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        'Analyst Mark Jensen said, "Yesterday, twelve of our comrades were killed by '
        'artillery fire near the zero line."',
        encoding="utf-8",
    )
    # Jensen is the only named person and the captions hold his quote: he is taken
    # for the video's speaker.
    result = runner.invoke(app, ["quotes", str(article), str(captions_en), "--json"])
    data = json.loads(result.stdout)
    assert data["video_speaker"]["ids"] == ["jensen"]
    q = data["quotes"][0]
    assert (q["status"], q["misattributed"], q["counts_as_failure"]) == ("changed", False, True)
    assert result.exit_code == 1
    # Told who speaks, the quote is misattributed, and still a failure.
    result = runner.invoke(
        app, ["quotes", str(article), str(captions_en), "--json", "--speaker", "Ivan Petrov"]
    )
    q = json.loads(result.stdout)["quotes"][0]
    assert (q["status"], q["misattributed"], q["counts_as_failure"]) == ("changed", True, True)
    assert result.exit_code == 1


def test_video_needs_html(tmp_path: Path, sample_article: Path, captions_en: Path) -> None:
    result = runner.invoke(
        app, ["quotes", str(sample_article), str(captions_en), "--video", str(tmp_path / "v.mp4")]
    )
    assert result.exit_code == 2 and "--video needs --html" in result.stderr
    result = runner.invoke(app, ["quotes", str(captions_en)])
    assert result.exit_code == 2 and "ARTICLE... CAPTIONS" in result.stderr


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


def test_several_articles_never_overwrite_one_of_them(tmp_path: Path) -> None:
    first = tmp_path / "first.html"
    first.write_text("<p>" + (REALWORLD / "articles" / "inaugural_wire.txt").read_text("utf-8"))
    second = REALWORLD / "articles" / "inaugural_blog.md"
    captions = REALWORLD / "captions" / "inaugural.en.srt"
    before = first.read_bytes()
    result = runner.invoke(
        app, ["quotes", str(first), str(second), str(captions), "--html", str(first)]
    )
    assert result.exit_code == 2 and "refusing to overwrite it" in result.stderr
    assert first.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.html"]  # no page written
