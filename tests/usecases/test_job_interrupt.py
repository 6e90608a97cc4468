"""``run --jobs N`` stopped by Ctrl-C, SIGTERM or a killed parent: every worker
ends within a second or two, the summary lists what finished, exit 2, no traceback."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from ..procs_helpers import alive, descendants, start_cli, wait_for
from .test_job import make_track

FILES = 300


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "tracks"
    folder.mkdir()
    for i in range(FILES):
        (folder / f"t{i:03d}.srt").write_text(make_track(i), encoding="utf-8")
    job = tmp_path / "job.toml"
    job.write_text('[inputs]\ncaptions = "tracks"\n[check]\n[output]\nfolder = "out"\n')
    return job


def _started(tmp_path: Path) -> bool:
    out = tmp_path / "out"
    return out.is_dir() and len(list(out.iterdir())) >= 3


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm", "sighup"])
def test_an_interrupted_batch_stops_its_workers_and_writes_what_finished(
    tmp_path: Path, how: str
) -> None:
    job = _batch(tmp_path)
    proc = start_cli(["run", str(job), "--jobs", "2"], tmp_path)
    wait_for(lambda: _started(tmp_path) or proc.poll() is not None)
    workers = descendants(proc.pid)
    assert len(workers) == 2
    sent = time.monotonic()
    if how == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)  # the terminal signals the whole group
    else:
        proc.send_signal(signal.SIGTERM if how == "sigterm" else signal.SIGHUP)
    stdout, stderr = proc.communicate(timeout=30)
    assert time.monotonic() - sent < 2.5
    assert proc.returncode == 2
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    done = summary["summary"]["files"]
    assert 0 < done < FILES and summary["interrupted"] is True
    assert summary["summary"]["not_finished"] == len(summary["not_finished"]) == FILES - done
    assert stderr == (
        f"error: interrupted: {done} of {FILES} files finished, {FILES - done} not; "
        "summary in " + str(tmp_path / "out" / "summary.json") + "\n"
    )
    assert "Traceback" not in stdout
    wait_for(lambda: not any(alive(w) for w in workers), timeout=2)
    # An interrupted file leaves neither a temporary file nor an empty folder.
    out = tmp_path / "out"
    assert not list(out.rglob(".subtools-*"))
    assert all(any(d.iterdir()) for d in out.iterdir() if d.is_dir())


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    job = _batch(tmp_path)
    proc = start_cli(["run", str(job), "--jobs", "2"], tmp_path)
    wait_for(lambda: _started(tmp_path) or proc.poll() is not None)
    workers = descendants(proc.pid)
    assert len(workers) == 2
    proc.kill()
    proc.communicate(timeout=10)
    wait_for(lambda: not any(alive(w) for w in workers), timeout=2)
