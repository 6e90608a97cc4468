"""``burn`` stopped by SIGTERM, SIGHUP or SIGKILL: ffmpeg never outlives subtools,
and no temporary file or folder is left (at once, or swept by the next run)."""

from __future__ import annotations

import re
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

from subtools.usecases.burn import make_test_video

from ..procs_helpers import alive, descendants, start_cli, wait_for
from .conftest import CUES_SRT


@pytest.fixture(scope="module")
def long_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_test_video(tmp_path_factory.mktemp("long") / "long.mp4", 60, "320x240")


def _workdirs(pid: int) -> list[Path]:
    return [p for p in Path(tempfile.gettempdir()).glob(f"subtools-burn-{pid}-*")]


def _start_burn(long_video: Path, tmp_path: Path) -> tuple[subprocess.Popen[str], int]:
    captions = tmp_path / "captions.srt"
    captions.write_text(CUES_SRT, encoding="utf-8")
    out = tmp_path / "out" / "burned.mp4"
    out.parent.mkdir()
    # veryslow: ffmpeg is surely still encoding when the signal comes.
    proc = start_cli(
        ["burn", str(long_video), str(captions), "-o", str(out), "--preset", "veryslow"],
        tmp_path,
    )
    wait_for(lambda: any(p.name.startswith(".subtools-") for p in out.parent.iterdir()))
    wait_for(lambda: bool(descendants(proc.pid)))
    (ffmpeg,) = descendants(proc.pid)
    return proc, ffmpeg


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_cleans_up_like_ctrl_c(long_video: Path, tmp_path: Path, sig: int) -> None:
    proc, ffmpeg = _start_burn(long_video, tmp_path)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert stderr == f"error: interrupted ({signal.Signals(sig).name})\n"
    assert not alive(ffmpeg)
    assert list((tmp_path / "out").iterdir()) == []
    assert _workdirs(proc.pid) == []


def test_ffmpeg_dies_with_a_killed_burn_and_the_next_run_sweeps_its_leftovers(
    long_video: Path, tmp_path: Path
) -> None:
    proc, ffmpeg = _start_burn(long_video, tmp_path)
    proc.kill()
    proc.communicate(timeout=30)
    wait_for(lambda: not alive(ffmpeg), timeout=2)
    out = tmp_path / "out"
    left = [p.name for p in out.iterdir()]
    assert len(left) == 1 and re.fullmatch(rf"\.subtools-{proc.pid}-\w+\.mp4", left[0])
    assert len(_workdirs(proc.pid)) == 1
    # The next run into that folder (a short clip) removes both.
    clip = start_cli(
        [
            "clip",
            str(long_video),
            str(tmp_path / "captions.srt"),
            "-o",
            str(out / "clip.mp4"),
            "--start",
            "1",
            "--end",
            "2",
        ],
        tmp_path,
    )
    _, stderr = clip.communicate(timeout=120)
    assert clip.returncode == 0, stderr
    assert [p.name for p in out.iterdir()] == ["clip.mp4"]
    assert _workdirs(proc.pid) == []
