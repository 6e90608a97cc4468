"""``subtools run --cluster``: the same job on a Dask LocalCluster of 2 workers.

Real dask.distributed, real worker processes, the real fixture model: the
cluster path must give the outputs and summary of ``--jobs 2``, survive a worker
killed mid-file, and refuse a path its workers cannot use before submitting.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from subtools.errors import DependencyError, InputError
from subtools.resources import fixture_model, samples_dir
from subtools.usecases import cluster
from subtools.usecases.cluster import DaskRunner, unusable_paths
from subtools.usecases.job import FileResult, process_file, run_job
from subtools.usecases.jobspec import JobSpec, load_job

from ..conftest import ROOT

runner = CliRunner()
pytestmark = pytest.mark.slow


def make_job(tmp_path: Path, files: int, out: str = "out") -> Path:
    """``files`` Russian tracks (the sample minus a few cues each, one broken) and a job file."""
    blocks = (samples_dir() / "captions.ru.srt").read_text(encoding="utf-8").strip().split("\n\n")
    tracks = tmp_path / "tracks"
    tracks.mkdir(exist_ok=True)
    for i in range(files):
        kept = [b for n, b in enumerate(blocks) if n % 5 != i % 5]
        text = "\n\n".join(kept) + "\n"
        if i == 7:
            text = text.replace("-->", "->", 1)  # a broken timing line: that file fails
        (tracks / f"t{i:02d}.ru.srt").write_text(text, encoding="utf-8")
    job = tmp_path / f"{out}.toml"
    job.write_text(
        f'[inputs]\ncaptions = "tracks"\narticle = "{samples_dir() / "article.txt"}"\n'
        f'[translate]\nto = "en"\nfrom = "ru"\nmodel = "{fixture_model()}"\n'
        f'[check]\nprofile = "netflix-en"\nfix = true\n[quotes]\nhtml = false\n'
        f'[output]\nfolder = "{out}"\n',
        encoding="utf-8",
    )
    return job


def load_report(summary: Path) -> dict[str, int]:
    counts: dict[str, int] = json.loads(summary.read_text(encoding="utf-8"))["summary"]
    return counts


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "summary.json"
    }


def test_sixty_files_same_outputs_and_summary_as_jobs_2(tmp_path: Path) -> None:
    # --jobs 2 in its own process: its pool forks, and CTranslate2 hangs in a
    # child forked from a process that has used it (as this test process has).
    local_job = make_job(tmp_path, 60, "local")
    done = subprocess.run(
        [sys.executable, "-m", "subtools", "run", str(local_job), "--jobs", "2", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    local = load_report(tmp_path / "local" / "summary.json")
    dask = DaskRunner("local:2")
    remote = run_job(load_job(make_job(tmp_path, 60, "dask")), runner=dask)
    assert remote.counts() == local == {"files": 60, "ok": 0, "problems": 59, "error": 1}
    assert remote.exit_code == 1
    got = json.loads((tmp_path / "dask" / "summary.json").read_text(encoding="utf-8"))
    want = json.loads(
        (tmp_path / "local" / "summary.json").read_text(encoding="utf-8").replace("local", "dask")
    )
    assert got == want
    # Reports name the files they read, below each run's own output folder.
    want_files = {
        k: v.replace(b"/local/", b"/dask/") for k, v in outputs(tmp_path / "local").items()
    }
    assert outputs(tmp_path / "dask") == want_files
    assert len(outputs(tmp_path / "dask")) == 59 * 3  # draft, fixed draft, quotes.json
    # Each worker loaded the translation model once, whatever number of files it ran.
    stats = dask.worker_stats.values()
    assert sorted(s["model_loads"] for s in stats) == [1, 1]
    assert sum(s["files"] for s in stats) == 60


def kill_worker_once(path: Path, spec: JobSpec, folder: Path) -> FileResult:
    """t03 kills its worker process the first time it runs (the marker is on shared disk)."""
    marker = spec.out.parent / "killed-once"
    if path.name == "t03.ru.srt" and not marker.exists():
        marker.write_text(str(os.getpid()), encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
    return process_file(path, spec, folder)


def kill_worker_always(path: Path, spec: JobSpec, folder: Path) -> FileResult:
    if path.name == "t03.ru.srt":
        os.kill(os.getpid(), signal.SIGKILL)
    return process_file(path, spec, folder)


def test_worker_killed_mid_file_loses_no_file(tmp_path: Path) -> None:
    spec = load_job(make_job(tmp_path, 6))
    report = run_job(spec, runner=DaskRunner("local:2", task=kill_worker_once))
    assert (tmp_path / "killed-once").exists()
    assert report.counts() == {"files": 6, "ok": 0, "problems": 6, "error": 0}
    assert sorted(p.name for p in (tmp_path / "out" / "t03.ru").iterdir()) == [
        "quotes.json",
        "t03.fixture-draft.en.srt",
        "t03.fixture-draft.fixed.en.srt",
    ]


def test_worker_dying_twice_fails_that_file_alone(tmp_path: Path) -> None:
    spec = load_job(make_job(tmp_path, 6))
    report = run_job(spec, runner=DaskRunner("local:2", task=kill_worker_always))
    assert report.counts() == {"files": 6, "ok": 0, "problems": 5, "error": 1}
    failed = [(Path(f.file).name, f.error) for f in report.files if f.error]
    assert failed == [("t03.ru.srt", "cluster: its worker died while processing it (KilledWorker)")]
    assert not (tmp_path / "out" / "t03.ru").exists()


def test_unreadable_path_refused_before_submission(tmp_path: Path) -> None:
    spec = load_job(make_job(tmp_path, 3))
    # The job was valid here; the workers cannot open one input (e.g. a share not mounted).
    missing = spec.captions[1]
    missing.unlink()
    submitted: list[Path] = []

    def never(path: Path, spec: JobSpec, folder: Path) -> FileResult:
        submitted.append(path)
        raise AssertionError("no task may run")

    with pytest.raises(InputError) as caught:
        run_job(spec, runner=DaskRunner("local:2", task=never))
    assert str(caught.value) == (
        f"{missing.absolute()}: not usable on 2 of 2 cluster workers: No such file or directory; "
        "inputs and the output folder must be on storage every worker mounts at the same path"
    )
    assert submitted == []
    assert not (tmp_path / "out").exists()


def test_unusable_paths_reports_each_problem(tmp_path: Path) -> None:
    (tmp_path / "ok.srt").write_text("x", encoding="utf-8")
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    reads = [tmp_path / "ok.srt", tmp_path / "gone.srt", tmp_path]
    writes = [tmp_path / "out" / "deeper", tmp_path / "afile" / "out"]
    assert unusable_paths(reads, writes) == [
        (str(tmp_path / "gone.srt"), "No such file or directory"),
        (str(tmp_path), "Is a directory"),
        (str(tmp_path / "afile" / "out"), "cannot create or write this output folder"),
    ]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("somehost:8786", "--cluster takes a scheduler address (tcp://host:8786) or local:N"),
        ("local:0", "--cluster local:N needs a number of workers >= 1"),
        ("local:two", "--cluster local:N needs a number of workers >= 1"),
    ],
)
def test_bad_cluster_address(tmp_path: Path, address: str, message: str) -> None:
    job = make_job(tmp_path, 2)
    result = runner.invoke(app, ["run", str(job), "--cluster", address])
    assert (result.exit_code, result.stderr) == (2, f"error: {message} ({address!r})\n")


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    job = make_job(tmp_path, 2)
    result = runner.invoke(app, ["run", str(job), "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot reach the Dask scheduler: ")
    assert not (tmp_path / "out").exists()


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DependencyError, match=r"pip install 'subtools\[cluster\]'"):
        cluster._import_distributed()


def test_cli_cluster_run_prints_worker_loads(tmp_path: Path) -> None:
    job = make_job(tmp_path, 4)
    result = runner.invoke(app, ["run", str(job), "--cluster", "local:2"])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[-2] == (
        f"4 files: 0 ok, 4 with problems, 0 failed; summary in {tmp_path / 'out' / 'summary.json'}"
    )
    assert lines[-1] == "cluster: 2 workers ran 4 files, 2 translation model loads"


def test_local_run_imports_no_dask(tmp_path: Path) -> None:
    job = make_job(tmp_path, 2)
    code = (
        "import sys, cli\n"
        f"try:\n    cli.app(['run', {str(job)!r}, '--quiet'], prog_name='subtools')\n"
        "except SystemExit:\n    pass\n"
        "print('DASK', sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.splitlines()[-1] == "DASK []"


def slow_file(path: Path, spec: JobSpec, folder: Path) -> FileResult:
    """A file that takes a second: an interrupt finds work outstanding."""
    import time

    time.sleep(1.0)
    return process_file(path, spec, folder)


INTERRUPT = """
import os, signal, sys, threading
from pathlib import Path
from subtools.usecases.cluster import DaskRunner
from subtools.usecases.job import run_job
from subtools.usecases.jobspec import load_job
from tests.usecases.test_cluster import slow_file

spec = load_job(Path(sys.argv[1]))
seen = []
def progress(result):
    seen.append(result)
    if len(seen) == 1:
        # One Ctrl-C a moment later, while the client waits on the cluster.
        threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
report = run_job(spec, progress=progress, runner=DaskRunner("local:2", task=slow_file))
print("REPORT", report.interrupted, len(report.files), len(report.not_finished), report.exit_code)
"""


def test_ctrl_c_cancels_outstanding_files_and_writes_the_summary(tmp_path: Path) -> None:
    job = make_job(tmp_path, 30)
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT, str(job)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    interrupted, finished, not_finished, code = done.stdout.split("REPORT ")[1].split()
    assert (interrupted, code) == ("True", "2")
    assert int(finished) + int(not_finished) == 30
    assert 1 <= int(finished) <= 10  # 2 workers at 1 s a file stop within seconds
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["interrupted"] is True
    assert len(summary["files"]) == int(finished)
    assert len(summary["not_finished"]) == int(not_finished)
    # Files cut short keep only whole outputs (atomic writes), and nothing is
    # written after the summary: the cluster's workers are gone by then.
    finished_names = {Path(f["file"]).name.removesuffix(".srt") for f in summary["files"]}
    cut_short = {Path(f).name.removesuffix(".srt") for f in summary["not_finished"]}
    folders = {p.name for p in (tmp_path / "out").iterdir() if p.is_dir()}
    assert finished_names <= folders <= finished_names | cut_short
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert [p.name for p in written if p.name.startswith(".")] == []
    last = (tmp_path / "out" / "summary.json").stat().st_mtime_ns
    assert max(p.stat().st_mtime_ns for p in written) == last
