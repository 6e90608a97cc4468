"""Benchmark: `subtools run --cluster local:2` vs `--jobs 2` vs `--jobs 1`, whole process.

200 short Russian tracks (15 cues each, the sample's sentences so the fixture
model translates real input), a job that translates them with the fixture
model and checks + fixes the drafts. Each variant is one `subtools run`
process, startup included; the cluster variant starts its LocalCluster of 2
worker processes inside that time. Then, in this process, the per-file costs
the scale plan (docs/scale.md) builds on: loading the model once vs
translating one track with it loaded.

Run: .venv/bin/python benchmarks/bench_cluster.py [--files 200] [--repeat 2]
Targets: cluster within 1.2x of --jobs 2; the model loaded once per worker.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from subtools.resources import fixture_model, samples_dir  # noqa: E402

JOB = """[inputs]
captions = "tracks"
[translate]
to = "en"
from = "ru"
model = "{model}"
[check]
profile = "netflix-en"
fix = true
[output]
folder = "{out}"
"""


def make_tracks(folder: Path, files: int) -> None:
    folder.mkdir(parents=True)
    sample = (samples_dir() / "captions.ru.srt").read_bytes()
    for i in range(files):
        (folder / f"track{i:03d}.ru.srt").write_bytes(sample)


def run(work: Path, out: str, extra: list[str]) -> tuple[float, str]:
    job = work / f"{out}.toml"
    job.write_text(JOB.format(model=fixture_model(), out=out), encoding="utf-8")
    cmd = [sys.executable, "-m", "subtools", "run", str(job), "--quiet", *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    # exit 1: the fixture drafts keep a few findings for a person; 2 would be a failure
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}\n{done.stderr}")
    shutil.rmtree(work / out)
    return took, done.stdout


def per_file_costs(work: Path) -> tuple[float, float]:
    """(first translation incl. model load, next translation) in this process."""
    from subtools.usecases.translate import translate_file

    src = work / "tracks" / "track000.ru.srt"
    times = []
    for n in range(4):
        start = time.perf_counter()
        translate_file(
            src, work / f"t{n}.en.srt", to_lang="en", from_lang="ru", model=fixture_model()
        )
        times.append(time.perf_counter() - start)
    return times[0], min(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2, help="runs per variant; best is kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        work = Path(tmp)
        make_tracks(work / "tracks", args.files)
        variants = {
            "--jobs 1": ["--jobs", "1"],
            "--jobs 2": ["--jobs", "2"],
            "--cluster local:2": ["--cluster", "local:2"],
        }
        best: dict[str, float] = {}
        loads = ""
        for _ in range(args.repeat):
            for name, extra in variants.items():
                took, stdout = run(work, "out", extra)
                best[name] = min(best.get(name, took), took)
                found = re.search(r"^cluster: .*$", stdout, flags=re.MULTILINE)
                if found:
                    loads = found.group()
        first, next_ = per_file_costs(work)
    print(
        f"{args.files} tracks of 15 cues, translate (fixture model) + check + fix, whole process:"
    )
    for name, took in best.items():
        print(f"  {name:18} {took:7.2f} s  {took / args.files * 1000:6.1f} ms/file")
    ratio = best["--cluster local:2"] / best["--jobs 2"]
    print(f"  cluster / --jobs 2: {ratio:.2f}x (target <= 1.2x)")
    print(f"  --jobs 1 / --jobs 2: {best['--jobs 1'] / best['--jobs 2']:.2f}x")
    print(f"  {loads}")
    print(
        f"in-process: first translation {first * 1000:.0f} ms (model load included), "
        f"next {next_ * 1000:.0f} ms: model load ~{(first - next_) * 1000:.0f} ms, once per worker"
    )
    if ratio > 1.2:
        raise SystemExit("cluster path slower than 1.2x --jobs 2")


if __name__ == "__main__":
    main()
