"""``align_file`` and the ``align`` command on generated speech: each distortion end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from scripts.align_cases import distort, score
from subtools.io import read_track, write_track
from subtools.model import Cue, Track

from .conftest import track

runner = CliRunner()


def given(tmp_path: Path, name: str, language: str = "en") -> tuple[Path, tuple[int, ...]]:
    case = distort(track(language), name)
    path = tmp_path / f"{name}.srt"
    write_track(case.track, path)
    return path, case.truth


def run(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, ["align", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "name", ["none", "offset700", "offset-2300", "offset41000", "drift25+1500", "drift23-2000"]
)
def test_each_distortion_is_undone(speech_video: Path, tmp_path: Path, name: str) -> None:
    captions, truth = given(tmp_path, name)
    out = tmp_path / "out.srt"
    code, stdout, _ = run(speech_video, captions, "-o", out, "--json")
    assert code == 0, stdout
    report = json.loads(stdout)
    assert report["written"] and report["confident"] and report["splits"] == 0
    errors = score([c.start for c in read_track(out).track], truth)
    assert errors["median"] <= 30 and errors["p90"] <= 50
    if name.startswith("drift"):
        expected = 23.976 / 25 if name == "drift25+1500" else 25 / 23.976
        assert report["ratio"] == pytest.approx(expected, abs=1e-5)
    else:
        assert report["ratio"] == 1.0


def test_a_cut_is_split_before_the_moved_half(speech_video: Path, tmp_path: Path) -> None:
    captions, truth = given(tmp_path, "cut6000")
    out = tmp_path / "out.vtt"
    code, stdout, _ = run(speech_video, captions, "-o", out)
    assert code == 0
    assert "split before cue 8 at 0:29.8" in stdout
    assert "(then -5.9" in stdout or "(then -6.0" in stdout
    assert score([c.start for c in read_track(out).track], truth)["p90"] <= 50


def test_english_captions_align_to_russian_speech_under_music(
    russian_music_video: Path, tmp_path: Path
) -> None:
    captions, truth = given(tmp_path, "offset-2300", "en")
    out = tmp_path / "out.srt"
    code, stdout, _ = run(russian_music_video, captions, "-o", out, "--json")
    report = json.loads(stdout)
    assert code == 0 and report["confident"], report
    assert score([c.start for c in read_track(out).track], truth)["p90"] <= 60


def test_music_without_speech_is_refused_and_nothing_written(
    music_video: Path, tmp_path: Path
) -> None:
    captions, _ = given(tmp_path, "none")
    out = tmp_path / "out.srt"
    code, stdout, stderr = run(music_video, captions, "-o", out)
    assert code == 1 and not out.exists()
    # webrtcvad hears the music as speech and finds no fit; Silero hears no speech.
    assert "weak evidence: no speech found in the audio\n" in stderr
    assert stderr.endswith(
        "not written: the alignment is not trustworthy; --force writes it anyway\n"
    )
    assert stdout.startswith("none.srt: offset +0.00 s")


def test_captions_of_another_video_are_refused_unless_forced(
    speech_video: Path, tmp_path: Path
) -> None:
    # Same texts, another rhythm: what a caption file made for another video looks like.
    other = Track(
        tuple(Cue(i * 4100 + 300, i * 4100 + 2900, c.text) for i, c in enumerate(track()))
    )
    captions = tmp_path / "other.srt"
    write_track(other, captions)
    out = tmp_path / "out.srt"
    code, _, stderr = run(speech_video, captions, "-o", out)
    assert code == 1 and not out.exists()
    assert "captions of another video" in stderr
    code, stdout, _ = run(speech_video, captions, "-o", out, "--force")
    assert code == 0 and out.exists() and f"wrote {out}" in stdout


def test_plot_draws_a_png(speech_video: Path, tmp_path: Path) -> None:
    captions, _ = given(tmp_path, "cut6000")
    out, picture = tmp_path / "out.srt", tmp_path / "align.png"
    code, stdout, _ = run(speech_video, captions, "-o", out, "--plot", picture)
    assert code == 0 and f"drew {picture}\n" in stdout
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.mp4", "{c}", "-o", "{o}"], "error: missing.mp4: media file not found\n"),
        (
            ["{v}", "{c}", "-o", "{c}"],
            "error: {c}: output path is the input file; refusing to overwrite it\n",
        ),
        (
            ["{v}", "{c}", "-o", "{o}", "--vad", "x"],
            "error: --vad must be auto, silero or webrtc, not 'x'\n",
        ),
        (
            ["{v}", "{c}", "-o", "{o}", "--max-offset", "0s"],
            "error: --max-offset must be positive, not '0s'\n",
        ),
        (
            ["{v}", "{c}", "-o", "{o}", "--plot", "{t}/p.jpg"],
            "error: {t}/p.jpg: the plot is a PNG picture: name it .png\n",
        ),
        (
            ["{v}", "{c}", "-o", "{t}/out.xyz"],
            "error: {t}/out.xyz: unsupported caption file type ('.xyz'); write one of: ",
        ),
    ],
)
def test_errors_are_one_line_and_exit_2(
    speech_video: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    captions, _ = given(tmp_path, "none")
    names = {"v": speech_video, "c": captions, "o": tmp_path / "out.srt", "t": tmp_path}
    code, _, stderr = run(*(a.format(**names) for a in args))
    assert code == 2 and stderr.startswith(message.format(**names))
    assert stderr.count("\n") == 1
    assert not (tmp_path / "out.srt").exists()


def test_plot_without_matplotlib_says_what_to_install(
    speech_video: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    captions, _ = given(tmp_path, "none")
    code, _, stderr = run(
        speech_video, captions, "-o", tmp_path / "o.srt", "--plot", tmp_path / "p.png"
    )
    assert code == 2
    assert stderr == "error: --plot needs matplotlib; pip install 'subtools[align]'\n"
    assert not (tmp_path / "o.srt").exists()
