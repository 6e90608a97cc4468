"""The burn, clip and doctor commands through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

runner = CliRunner()
FAST = ["--preset", "ultrafast", "--crf", "12"]


def test_burn_prints_what_it_wrote(video: Path, captions: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.mp4"
    result = runner.invoke(app, ["burn", str(video), str(captions), "-o", str(out), *FAST])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out} (0:06.000, 2 captions, font DejaVu Sans, ")
    assert result.stdout.rstrip().endswith("x real time)")
    assert out.stat().st_size > 10_000


def test_burn_json(video: Path, captions: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.mkv"
    result = runner.invoke(
        app,
        [
            "burn",
            str(video),
            str(captions),
            "-o",
            str(out),
            "--json",
            "--box",
            "--position",
            "top",
            "--size",
            "20",
            *FAST,
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(data) == [
        "captions",
        "cues",
        "duration",
        "end",
        "ffmpeg",
        "font",
        "font_face",
        "output",
        "seconds",
        "start",
        "video",
        "warnings",
    ]
    assert (data["output"], data["cues"], data["font"], data["warnings"]) == (
        str(out),
        2,
        "DejaVu Sans",
        [],
    )
    assert 6.0 <= data["duration"] <= 6.05  # Matroska counts the copied AAC's last frame


def test_burn_errors_are_one_line_and_exit_2(video: Path, captions: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["burn", str(tmp_path / "no.mp4"), str(captions), "-o", str(tmp_path / "o.mp4")]
    )
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'no.mp4'}: file not found\n"
    same = runner.invoke(app, ["burn", str(video), str(captions), "-o", str(video)])
    assert same.exit_code == 2
    assert same.stderr == (
        f"error: {video}: output path is the input file; refusing to overwrite it\n"
    )
    bad = runner.invoke(
        app,
        ["burn", str(video), str(captions), "-o", str(tmp_path / "o.mp4"), "--position", "left"],
    )
    assert (bad.exit_code, bad.stderr) == (2, "error: position must be bottom or top ('left')\n")
    font = runner.invoke(
        app,
        [
            "burn",
            str(video),
            str(captions),
            "-o",
            str(tmp_path / "o.mp4"),
            "--font",
            "No Such Font",
        ],
    )
    assert font.exit_code == 2
    assert font.stderr.startswith(
        "error: font not found ('No Such Font'); fonts that have these letters: DejaVu Sans"
    )
    assert not (tmp_path / "o.mp4").exists()


def test_burn_warns_on_stderr(silent_video: Path, captions: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["burn", str(silent_video), str(captions), "-o", str(tmp_path / "o.mp4"), *FAST]
    )
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {silent_video}: the video has no audio stream; the output is silent\n"
        "warning: captions run to 0:04.500 but the video ends at 0:03.000: "
        "1 cue will not be shown\n"
    )


def test_burn_verbose_shows_ffmpeg_log(video: Path, captions: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["burn", str(video), str(captions), "-o", str(tmp_path / "o.mp4"), "--verbose", *FAST]
    )
    assert result.exit_code == 0
    assert "fontselect: (DejaVu Sans, 400, 0)" in result.stderr
    quiet = runner.invoke(
        app, ["burn", str(video), str(captions), "-o", str(tmp_path / "q.mp4"), *FAST]
    )
    assert quiet.stderr == ""


def test_clip_with_start_and_end(video: Path, captions: Path, tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    result = runner.invoke(
        app,
        [
            "clip",
            str(video),
            str(captions),
            "-o",
            str(out),
            "--start",
            "00:00:02,600",
            "--end",
            "5s",
            "--pad",
            "0ms",
            *FAST,
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: 0:02.600 - 0:05.000 of {video} (2.4")
    assert result.stdout.rstrip().endswith("s, 1 caption burned, font DejaVu Sans)")


def test_clip_soft_json(video: Path, captions: Path, tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    result = runner.invoke(
        app,
        [
            "clip",
            str(video),
            str(captions),
            "-o",
            str(out),
            "--start",
            "1",
            "--end",
            "2.5",
            "--soft",
            "--json",
            *FAST,
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # explicit --start/--end are exact: no padding unless --pad is given
    assert (data["start"], data["end"], data["cues"], data["font"]) == (1.0, 2.5, 1, None)


NO_SPAN = "give --start and --end, or --quote N --article ARTICLE, or --all-quotes"
UNKNOWN_ASPECT = "error: unknown aspect ('3:4'); use 16:9, 9:16, 1:1, 4:5\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], f"error: {NO_SPAN}\n"),
        (["--start", "1"], f"error: {NO_SPAN}\n"),
        (
            ["--start", "1", "--end", "2", "--quote", "1"],
            "error: give only one of --start/--end, --quote\n",
        ),
        (
            ["--quote", "1", "--all-quotes", "--article", "a.txt"],
            "error: give only one of --quote, --all-quotes\n",
        ),
        (["--all-quotes"], "error: --all-quotes needs --article ARTICLE\n"),
        (["--start", "1", "--end", "2", "--aspect", "3:4"], UNKNOWN_ASPECT),
        (
            ["--start", "1", "--end", "2", "--fill", "smear"],
            "error: fill must be blur, pad or crop ('smear')\n",
        ),
        (
            ["--start", "1", "--end", "2", "--height", "641"],
            "error: height must be an even number from 64 to 4320 (641)\n",
        ),
        (["--quote", "1"], "error: --quote needs --article ARTICLE\n"),
        (
            ["--start", "soon", "--end", "2"],
            "error: not a time: use seconds (1.5s, -250ms) or a timecode (00:01:02,500) ('soon')\n",
        ),
        (
            ["--start", "4", "--end", "2"],
            "error: {video}: clip end 0:02.000 must be after its start 0:04.000\n",
        ),
    ],
)
def test_clip_option_errors(
    video: Path, captions: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(
        app, ["clip", str(video), str(captions), "-o", str(tmp_path / "c.mp4"), *args]
    )
    assert (result.exit_code, result.stderr) == (2, message.replace("{video}", str(video)))
    assert not (tmp_path / "c.mp4").exists()


def test_doctor_reports_binary_libass_and_cyrillic_fonts() -> None:
    result = runner.invoke(app, ["doctor", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["libass"] is True
    assert data["ok"] is True
    assert data["problems"] == []
    assert data["default_font"] == "DejaVu Sans"
    assert {"DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif"} <= set(data["cyrillic_fonts"])
    assert data["origin"] in ("SUBTOOLS_FFMPEG", "PATH", "imageio-ffmpeg")
    text = runner.invoke(app, ["doctor"])
    assert text.exit_code == 0
    assert "libass:         yes\n" in text.stdout
    assert f"ffmpeg:         {data['ffmpeg']} ({data['origin']}, version {data['version']})" in (
        text.stdout
    )


def test_doctor_without_any_ffmpeg_is_a_problem(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUBTOOLS_FFMPEG", str(tmp_path / "missing-ffmpeg"))
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"problem: SUBTOOLS_FFMPEG is not an executable ffmpeg ('{tmp_path / 'missing-ffmpeg'}')\n"
    )
    assert result.stdout.startswith("ffmpeg:         not found\n")


def test_doctor_with_a_missing_fonts_dir_is_an_error(tmp_path: Path) -> None:
    # As for burn: a --fonts-dir that is not there must not pass for "fonts OK".
    result = runner.invoke(app, ["doctor", "--fonts-dir", str(tmp_path / "nope")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {tmp_path / 'nope'}: fonts folder not found\n",
    )


def test_every_command_has_help() -> None:
    for command in ("burn", "clip", "doctor"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Usage: " in result.stdout


def test_clip_a_quote_of_the_sample_article(video: Path, samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "quote3.mp4"
    article, captions = samples / "article.txt", samples / "captions.en.srt"
    result = runner.invoke(app, ["clip", str(video), str(captions), "-o", str(out), "--quote",
                                 "3", "--article", str(article), "--json", *FAST])  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["start"], data["end"], data["cues"]) == (0.5, 6.0, 2)
    missing = runner.invoke(app, ["clip", str(video), str(captions), "-o", str(out), "--quote",
                                  "12", "--article", str(article)])  # fmt: skip
    assert missing.exit_code == 2
    assert missing.stderr == (
        f"error: {article}: quote 12 was not found in the captions (status: missing); "
        "there is nothing to clip; run `subtools quotes` to see what was found\n"
    )


def test_clip_a_quote_of_untranslatable_captions_says_why(
    video: Path, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from subtools.usecases import quotes as usecase

    from ..quotes.conftest import no_model

    monkeypatch.setattr(usecase, "_load_translate_track", lambda: no_model)
    article, captions = samples / "article.txt", samples / "captions.ru.srt"
    out = tmp_path / "quote3.mp4"
    result = runner.invoke(app, ["clip", str(video), str(captions), "-o", str(out), "--quote",
                                 "3", "--article", str(article)])  # fmt: skip
    # Not "quote 3 was not found": nothing was compared at all.
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: the captions are in 'ru' and the article in 'en': no ru->en translation model "
        "is installed; quote 3 cannot be placed; install an offline ru->en translation model"
    )
    assert not out.exists()


def test_clip_a_quote_missed_through_a_translation_with_a_notice_says_so(
    video: Path, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from subtools.model import Track
    from subtools.usecases import quotes as usecase

    def unreal(track: Track, to_lang: str, from_lang: str | None = None) -> Track:
        done = track.map_text(lambda _text: "Nothing of the kind.").with_language(to_lang)
        return replace(done, meta=(("notice", "translated by a test double, not real"),))

    monkeypatch.setattr(usecase, "_load_translate_track", lambda: unreal)
    article, captions = samples / "article.txt", samples / "captions.ru.srt"
    out = tmp_path / "quote3.mp4"
    result = runner.invoke(app, ["clip", str(video), str(captions), "-o", str(out), "--quote",
                                 "3", "--article", str(article)])  # fmt: skip
    # The quote was looked for in a translation known not to be real: say so.
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {article}: quote 3 was not found in the captions (status: missing; "
        "matched on a ru->en translation: translated by a test double, not real); "
        "there is nothing to clip; run `subtools quotes` to see what was found\n"
    )
    assert not out.exists()


def test_burn_refuses_a_cue_whose_text_would_inject_a_caption(video: Path, tmp_path: Path) -> None:
    captions = tmp_path / "c.vtt"
    captions.write_text(
        "WEBVTT\n\n00:01.000 --> 00:04.000\nHello\n00:00:02,000 --&gt; 00:00:03,000\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.mp4"
    result = runner.invoke(app, ["burn", str(video), str(captions), "-o", str(out), *FAST])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {captions}: cue 1: a line of its text reads as an SRT timing line and would "
        "start a new cue ('00:00:02,000 --> 00:00:03,000'); edit that line, or write WebVTT "
        "or JSON, which can hold it\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.vtt"]
