"""The check, fix, shift, sync and rate commands through typer's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
runner = CliRunner()


@pytest.fixture()
def en(tmp_path: Path) -> Path:
    path = tmp_path / "captions.en.srt"
    shutil.copy(SAMPLES / "captions.en.srt", path)
    return path


def write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def test_check_clean_file_exits_0(en: Path) -> None:
    result = runner.invoke(app, ["check", str(en)])
    assert result.exit_code == 0
    assert result.stdout == f"{en}: 0 errors, 0 warnings (profile netflix-en, 15 cues)\n"


def test_check_with_errors_exits_1_and_prints_a_table(en: Path) -> None:
    result = runner.invoke(app, ["check", str(en), "--profile", "bbc", "--no-language"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["cue", "at", "rule", "severity", "value", "limit", "message"]
    assert lines[1].split()[:6] == ["2", "0:04.300", "line-length", "error", "38", "37"]
    assert lines[-1] == f"{en}: 5 errors, 2 warnings (profile bbc, 15 cues)"


def test_check_json(en: Path) -> None:
    result = runner.invoke(app, ["check", str(en), "--profile", "bbc", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["profile"] == "bbc"
    assert data["findings"][0] == {
        "cue": 2,
        "rule": "line-length",
        "severity": "error",
        "message": "line 1 has 38 characters",
        "value": 38,
        "limit": 37,
    }
    assert data["summary"] == {
        "cues": 15,
        "errors": 5,
        "warnings": 2,
        "by_rule": {"line-length": 2, "reading-speed": 3, "words-per-minute": 2},
        "language": "en",
        "language_checked": True,
    }


def test_check_custom_profile_and_fps(en: Path, tmp_path: Path) -> None:
    prof = write(tmp_path / "tight.toml", 'extends = "netflix-en"\n[limits]\nmin_gap_frames = 3\n')
    # Sample gaps are 100 ms: 2.5 frames at 25 fps (too small for 3), 5 frames at 50 fps.
    assert runner.invoke(app, ["check", str(en), "--profile", str(prof)]).exit_code == 1
    ok = runner.invoke(app, ["check", str(en), "--profile", str(prof), "--fps", "50"])
    assert ok.exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--profile", "nope"],
            "error: unknown profile ('nope'); use one of: bbc, netflix-en, "
            "netflix-ru, or a .toml file",
        ),
        (["--fps", "fast"], "error: not a frame rate ('fast'); use e.g. 25, 23.976 or 30000/1001"),
    ],
)
def test_check_bad_options_exit_2(en: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["check", str(en), *args])
    assert result.exit_code == 2
    assert result.stderr == message + "\n"


def test_check_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "none.srt")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {tmp_path / 'none.srt'}: file not found\n",
    )


def test_fix_writes_output_and_lists_person_work(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed.srt"
    result = runner.invoke(app, ["fix", str(en), "-o", str(out), "--profile", "bbc"])
    assert result.exit_code == 1  # errors remain that need a person
    assert "cue 2: rebreak: re-broke lines" in result.stdout
    assert "needs a person:" in result.stdout
    assert (
        result.stdout.splitlines()[-1] == f"wrote {out}: 6 changes, 2 errors, 1 warning left "
        "(profile bbc)"
    )
    assert "are appealing\nto the defense minister." in out.read_text(encoding="utf-8")
    again = runner.invoke(app, ["check", str(out), "--profile", "bbc", "--json"])
    assert json.loads(again.stdout)["summary"]["errors"] == 2


def test_fix_json_and_options(tmp_path: Path) -> None:
    src = write(
        tmp_path / "in.srt",
        "1\n00:00:00,000 --> 00:00:00,400\nWait.\n\n"
        "2\n00:00:00,500 --> 00:00:02,000\nI'm coming with you.\n",
    )
    out = tmp_path / "out.srt"
    result = runner.invoke(app, ["fix", str(src), "-o", str(out), "--merge-short", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [(c["cue"], c["fix"]) for c in data["changes"]] == [(1, "extend"), (1, "merge")]
    assert data["remaining"] == []
    assert data["summary"]["after"]["cues"] == 1
    assert (
        out.read_text(encoding="utf-8")
        == "1\n00:00:00,000 --> 00:00:02,000\nWait. I'm coming with you.\n\n"
    )


def test_fix_refuses_to_overwrite_its_input(en: Path) -> None:
    before = en.read_bytes()
    result = runner.invoke(app, ["fix", str(en), "-o", str(en)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"error: {en}: output path is the input file; refusing to overwrite it\n"
    )
    assert en.read_bytes() == before


def test_shift(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "shifted.srt"
    ok = runner.invoke(app, ["shift", str(en), "--by", "00:00:01,500", "-o", str(out)])
    assert (ok.exit_code, ok.stdout) == (0, f"wrote {out} (15 cues)\n")
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:02,500 --> 00:00:05,700\n")
    later = runner.invoke(
        app, ["shift", str(en), "--by", "-250ms", "--from-cue", "15", "-o", str(out)]
    )
    assert later.exit_code == 0
    assert "00:00:50,750 --> 00:00:53,750" in out.read_text(encoding="utf-8")


def test_shift_negative_needs_clip(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "early.srt"
    bad = runner.invoke(app, ["shift", str(en), "--by", "-1.5s", "-o", str(out)])
    assert bad.exit_code == 2
    assert (
        bad.stderr == f"error: {en}: cue 1 would start at -0:00.500, before the video starts; "
        "use --clip to drop or trim cues that fall before 0\n"
    )
    assert not out.exists()
    clipped = runner.invoke(app, ["shift", str(en), "--by", "-1.5s", "-o", str(out), "--clip"])
    assert clipped.exit_code == 0
    assert clipped.stderr == "warning: cue 1 trimmed: it would run from -500 ms to 2700 ms\n"
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:00,000 --> 00:00:02,700\n")


def test_shift_clipping_away_every_cue_writes_nothing(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "gone.srt"
    result = runner.invoke(app, ["shift", str(en), "--by", "-100s", "--clip", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {en}: every cue would end before the video starts (the last at -0:46.000): "
        "nothing would be left\n"
    )
    assert not out.exists()


def test_retiming_reports_what_the_reader_repaired(tmp_path: Path) -> None:
    # Like check and fix, a retiming command says when the reader kept an empty cue.
    src = tmp_path / "in.srt"
    src.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nМы здесь.\n\n2\n00:00:03,000 --> 00:00:04,000\n\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.srt"
    for args in (
        ["shift", str(src), "--by", "1s"],
        ["sync", str(src), "--point", "1s=2s"],
        ["rate", str(src), "--from-fps", "25", "--to-fps", "24"],
    ):
        result = runner.invoke(app, [*args, "-o", str(out)])
        assert (result.exit_code, result.stderr) == (0, f"warning: {src}:6: empty cue kept\n")
        as_json = runner.invoke(app, [*args, "-o", str(out), "--json"])
        assert json.loads(as_json.stdout)["warnings"] == [f"{src}:6: empty cue kept"]


def test_shift_refuses_same_path(en: Path) -> None:
    result = runner.invoke(app, ["shift", str(en), "--by", "1s", "-o", str(en)])
    assert result.exit_code == 2


def test_sync(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "synced.vtt"
    result = runner.invoke(
        app,
        [
            "sync",
            str(en),
            "--point",
            "00:00:01,000=00:00:02,000",
            "--point",
            "00:00:51,000=00:00:53,000",
            "-o",
            str(out),
            "--json",
        ],
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "file": str(en),
        "output": str(out),
        "cues": 15,
        "adjustments": [],
        "warnings": [],
    }
    text = out.read_text(encoding="utf-8")
    assert "00:00:02.000 --> 00:00:05.264" in text  # 1.02 s per old second after 1 s
    assert "00:00:53.000 --> 00:00:56.060" in text


def test_sync_bad_point_exits_2(en: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sync", str(en), "--point", "0:05", "-o", str(tmp_path / "x.srt")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: a sync point is OLD=NEW ('0:05')")


def test_rate(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "film.srt"
    result = runner.invoke(
        app, ["rate", str(en), "--from-fps", "25", "--to-fps", "23.976", "-o", str(out)]
    )
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:01,043 --> 00:00:04,379\n")
    bad = runner.invoke(app, ["rate", str(en), "--from-fps", "0", "--to-fps", "25", "-o", str(out)])
    assert bad.exit_code == 2
    assert bad.stderr == "error: frame rate out of range (1-1000) ('0')\n"


def test_every_command_has_help() -> None:
    for command in ("check", "fix", "shift", "sync", "rate"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Usage:" in result.stdout


def test_fps_help_names_the_profiles_frame_rate_as_default() -> None:
    # A profile's own `fps` limit is the default, not a fixed 25.
    result = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "200"})
    assert "Frame rate for the gap rule (e.g. 25, 23.976); default: the profile's (25 for" in (
        result.stdout
    )


def test_shift_from_a_cue_past_the_previous_one_exits_2(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "shifted.srt"
    result = runner.invoke(
        app, ["shift", str(en), "--by", "-4s", "--from-cue", "2", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {en}: cue 2 would start at 0:00.300, before cue 1 (0:01.000): the cues "
        "would be out of order; shift by -3300 ms at most, or from an earlier cue\n"
    )
    assert not out.exists()


def test_sync_duplicated_point_exits_2(en: Path, tmp_path: Path) -> None:
    out = tmp_path / "synced.srt"
    args = ["sync", str(en), "--point", "1s=2s", "--point", "00:00:01,000=00:00:02,000"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: the same sync point is given twice ('00:00:01,000=00:00:02,000')\n"
    )
    assert not out.exists()
