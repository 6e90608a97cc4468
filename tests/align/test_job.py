"""``align`` as a job step: before the other steps, which then read the aligned file."""

from __future__ import annotations

from pathlib import Path

from scripts.align_cases import distort
from subtools.io import read_track, write_track
from subtools.usecases.job import run_job
from subtools.usecases.jobspec import load_job

from .conftest import track


def job(tmp_path: Path, video: Path, name: str, extra: str = "") -> Path:
    write_track(distort(track("en"), name).track, tmp_path / "talk.en.srt")
    path = tmp_path / "job.toml"
    path.write_text(
        f'[inputs]\ncaptions = "talk.en.srt"\nvideo = "{video}"\n[align]\n{extra}'
        '[check]\nprofile = "netflix-en"\nfix = true\n[output]\nfolder = "out"\n'
    )
    return path


def test_the_aligned_file_is_what_the_next_steps_read(speech_video: Path, tmp_path: Path) -> None:
    report = run_job(load_job(job(tmp_path, speech_video, "offset700")), jobs=1)
    steps = report.files[0].steps
    assert [s.name for s in steps] == ["read", "align", "check+fix"]
    aligned = tmp_path / "out" / "talk.aligned.en.srt"
    assert steps[1].ok and steps[1].outputs == (str(aligned),)
    assert steps[1].summary.startswith("offset -0.7")
    first = read_track(aligned).track[0].start
    assert abs(first - 800) <= 30
    # check+fix worked on the aligned file: its output keeps the new timing.
    fixed = read_track(tmp_path / "out" / "talk.aligned.fixed.en.srt").track
    assert abs(fixed[0].start - 800) <= 30


def test_weak_evidence_is_a_problem_and_the_original_timing_is_kept(
    music_video: Path, tmp_path: Path
) -> None:
    report = run_job(load_job(job(tmp_path, music_video, "offset700")), jobs=1)
    align = report.files[0].steps[1]
    assert not align.ok and align.outputs == ()
    assert align.summary.endswith(
        "weak evidence: no speech found in the audio (not aligned, original timing kept)"
    )
    assert report.files[0].steps[2].outputs == (str(tmp_path / "out" / "talk.fixed.en.srt"),)
