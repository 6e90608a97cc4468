"""Hostile files and options give one ``error:`` line naming the file, never "internal error"."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from subtools.errors import InputError
from subtools.io import read_track, write_track

from .conftest import SAMPLES

runner = CliRunner()


def _run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stderr


def test_a_5000_digit_time_in_json(tmp_path: Path) -> None:
    src = tmp_path / "big.json"
    src.write_text('{"cues": [{"start": ' + "9" * 5000 + ', "end": 2, "text": "a"}]}')
    assert _run("info", src) == (2, f"error: {src}: a number of 5,000 digits: not a time in ms\n")


def test_a_5000_digit_hour_in_srt(tmp_path: Path) -> None:
    src = tmp_path / "big.srt"
    hour = "9" * 5000
    src.write_text(f"1\n{hour}:00:01,000 --> {hour}:00:02,000\nHello\n")
    assert _run("convert", src, tmp_path / "out.vtt") == (
        2,
        f"error: {src}:2: bad timestamp: more than 4 hour digits ('{'9' * 57}...')\n",
    )
    assert not (tmp_path / "out.vtt").exists()


def test_json_nested_100k_deep(tmp_path: Path) -> None:
    src = tmp_path / "deep.json"
    src.write_text("[" * 100_000 + "]" * 100_000)
    assert _run("info", src) == (2, f"error: {src}: JSON nested too deeply to be captions\n")


def test_a_job_file_nested_5000_deep(tmp_path: Path) -> None:
    job = tmp_path / "job.toml"
    job.write_text("[translate]\nto = " + "[" * 5000 + "]" * 5000 + "\n")
    assert _run("run", job) == (
        2,
        f"error: {job}: invalid TOML: nested too deeply for a job file\n",
    )


@pytest.mark.parametrize("command", ["convert", "fix", "shift", "burn"])
def test_a_lone_surrogate_in_json_text(command: str, tmp_path: Path) -> None:
    src = tmp_path / "sur.json"
    src.write_text('{"cues": [{"start": 1000, "end": 2000, "text": "a\\ud800b"}]}')
    out = tmp_path / ("out.mp4" if command == "burn" else "out.srt")
    args: list[str | Path] = {
        "convert": ["convert", src, out],
        "fix": ["fix", src, "-o", out],
        "shift": ["shift", src, "--by", "1s", "-o", out],
        "burn": ["burn", SAMPLES / "article.txt", src, "-o", out],
    }[command]
    code, stderr = _run(*args)
    if command == "burn":  # the captions are read before the video is probed
        assert stderr.startswith("error: ") and "internal error" not in stderr
    else:
        assert (code, stderr) == (
            2,
            f"error: {src}: cue 1 text holds a lone surrogate, not a character ('\\\\ud800')\n",
        )
    assert not out.exists()


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "hex"])
def test_an_encoding_that_is_not_a_text_encoding(codec: str) -> None:
    src = SAMPLES / "captions.en.srt"
    assert _run("info", src, "--encoding", codec) == (
        2,
        f"error: {src}: not a text encoding ('{codec}'); use e.g. utf-8 or cp1251\n",
    )


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 kB tmpfs (a real full disk) when this user may mount one, else a folder
    whose writes fail with errno 28 the way a full disk's do."""
    mount = tmp_path / "disk"
    mount.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
            capture_output=True,
            check=False,
        )
        mounted = done.returncode == 0
    except OSError:  # no mount command here
        mounted = False
    if mounted:
        (mount / "filler").write_bytes(b"\0" * 60_000)
        try:
            yield mount
        finally:
            subprocess.run(["umount", str(mount)], check=False)
        return
    real_write = Path.write_text

    def full(self: Path, *args: object, **kwargs: object) -> int:  # pragma: no cover
        if self.is_relative_to(mount):  # only where mounting is refused
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    patch = pytest.MonkeyPatch()
    patch.setattr(Path, "write_text", full)
    (mount / "filler").write_bytes(b"\0" * 60_000)
    try:
        yield mount
    finally:
        patch.undo()


def test_a_full_disk_names_the_output_and_leaves_nothing(tiny_disk: Path) -> None:
    track = read_track(SAMPLES / "captions.ru.srt").track
    big = track.with_cues(c.shifted(k * 60_000) for k in range(40) for c in track.cues)
    out = tiny_disk / "out.srt"
    with pytest.raises(InputError) as err:
        write_track(big, out)
    assert str(err.value) == f"{out}: cannot write: No space left on device"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]
    src = tiny_disk.parent / "long.srt"
    write_track(big, src)
    target = tiny_disk / "x.vtt"
    assert _run("convert", src, target) == (
        2,
        f"error: {target}: cannot write: No space left on device\n",
    )
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]
