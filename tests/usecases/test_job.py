"""``subtools run``: a job over a batch of files, in parallel, one broken file included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from subtools.timecode import format_srt
from subtools.usecases.job import run_job
from subtools.usecases.jobspec import load_job

runner = CliRunner()
LINES = [
    "We appealed to the commandant.",
    "They told us they could not help.",
    "That is why we are recording this video.",
    "We ask you to return us to our base.",
]


def make_track(i: int) -> str:
    cues = []
    for n in range(4):
        start = 1000 + n * 4000
        text = LINES[(i + n) % 4]
        if i % 10 == 3 and n == 1:
            # A line over 42 characters: an error that fix repairs by re-breaking.
            text = "They told us that they could not help us in any way at all."
        if i % 10 == 7 and n == 2:
            start -= 1100  # overlaps the previous cue by 100 ms: fixed by trimming
        cues.append(f"{n + 1}\n{format_srt(start)} --> {format_srt(start + 3000)}\n{text}\n")
    return "\n".join(cues)


def make_batch(tmp_path: Path, fix: bool = True) -> Path:
    folder = tmp_path / "tracks"
    folder.mkdir()
    for i in range(50):
        (folder / f"track{i:02d}.srt").write_text(make_track(i), encoding="utf-8")
    # One broken file: a bad timestamp on line 6.
    (folder / "track25.srt").write_text(make_track(25).replace("00:00:05,000", "00:00:0x,000"))
    job = tmp_path / "job.toml"
    job.write_text(
        f'[inputs]\ncaptions = "tracks"\n[check]\nprofile = "netflix-en"\n'
        f'fix = {str(fix).lower()}\n[output]\nfolder = "out"\n'
    )
    return job


def test_batch_of_50_with_one_broken_file(tmp_path: Path) -> None:
    job = make_batch(tmp_path)
    report = run_job(load_job(job), jobs=2)
    assert report.counts() == {"files": 50, "ok": 49, "problems": 0, "error": 1}
    assert report.exit_code == 1
    broken = [f for f in report.files if f.status == "error"]
    assert [(Path(f.file).name, f.error) for f in broken] == [
        (
            "track25.srt",
            f"read: {tmp_path / 'tracks' / 'track25.srt'}:6: bad timing line "
            "('00:00:0x,000 --> 00:00:08,000')",
        )
    ]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["summary"] == {"files": 50, "ok": 49, "problems": 0, "error": 1}
    assert [Path(f["file"]).name for f in summary["files"]] == [
        f"track{i:02d}.srt" for i in range(50)
    ]
    fixed = {
        Path(f["file"]).name: f["steps"][1]["summary"] for f in summary["files"] if f["steps"][1:]
    }
    assert fixed["track03.srt"] == "netflix-en: 1 error before, 1 fix, 0 errors left for a person"
    assert fixed["track17.srt"] == "netflix-en: 1 error before, 1 fix, 0 errors left for a person"
    assert (
        fixed["track00.srt"] == "netflix-en: 0 errors before, 0 fixes, 0 errors left for a person"
    )
    assert (tmp_path / "out" / "track03" / "track03.fixed.srt").exists()
    # The broken file leaves no (empty) output folder behind.
    assert not (tmp_path / "out" / "track25").exists()


def test_batch_without_fix_reports_problems(tmp_path: Path) -> None:
    job = make_batch(tmp_path, fix=False)
    result = runner.invoke(app, ["run", str(job), "--jobs", "2", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 50, "ok": 39, "problems": 10, "error": 1}
    statuses = {Path(f["file"]).name: f["status"] for f in data["files"]}
    assert sorted(n for n, s in statuses.items() if s == "problems") == sorted(
        f"track{i:02d}.srt" for i in range(50) if i % 10 in (3, 7)
    )


def test_run_human_output_and_single_file(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_text(make_track(0), encoding="utf-8")
    job = tmp_path / "job.toml"
    job.write_text('[inputs]\ncaptions = "a.srt"\n[check]\nfix = false\n')
    result = runner.invoke(app, ["run", str(job)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"ok       {tmp_path / 'a.srt'}",
        "           read: 4 cues, utf-8, language en, 15.0 s",
        "           check: netflix-en: 0 errors, 0 warnings",
        f"1 file: 1 ok, 0 with problems, 0 failed; summary in {tmp_path / 'out' / 'summary.json'}",
    ]


def test_run_bad_job_file(tmp_path: Path) -> None:
    job = tmp_path / "job.toml"
    job.write_text("[inputs]\n")
    result = runner.invoke(app, ["run", str(job)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {job}: [inputs] captions is required\n",
    )


def test_files_with_the_same_stem_get_their_own_output_folders(tmp_path: Path) -> None:
    # one.srt and one.vtt, and a/ru.srt and b/ru.srt, used to share a folder:
    # each file's fixed track overwrote the other's.
    for rel in ("caps/one.srt", "caps/one.vtt", "caps/a/ru.srt", "caps/b/ru.srt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    body = make_track(0)
    (tmp_path / "caps/one.srt").write_text(body, encoding="utf-8")
    (tmp_path / "caps/one.vtt").write_text(
        "WEBVTT\n\n" + body.replace(",", ".").replace("\n1\n", "\n"), encoding="utf-8"
    )
    (tmp_path / "caps/a/ru.srt").write_text(make_track(1), encoding="utf-8")
    (tmp_path / "caps/b/ru.srt").write_text(make_track(2), encoding="utf-8")
    for pattern in ("caps/*.*", "caps/*/ru.srt"):
        job = tmp_path / "job.toml"
        job.write_text(f'[inputs]\ncaptions = "{pattern}"\n[check]\n[output]\nfolder = "out"\n')
        report = run_job(load_job(job), jobs=2)
        assert report.counts()["ok"] == 2
    written = sorted(
        str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.srt")
    )
    assert written == [
        "a/ru/ru.fixed.srt",
        "b/ru/ru.fixed.srt",
        "one-srt/one.fixed.srt",
        "one-vtt/one.fixed.srt",
    ]
    texts = {
        name: (tmp_path / "out" / name).read_text(encoding="utf-8").split("\n")[2]
        for name in written
    }
    assert texts == {
        "a/ru/ru.fixed.srt": LINES[1],
        "b/ru/ru.fixed.srt": LINES[2],
        "one-srt/one.fixed.srt": LINES[0],
        "one-vtt/one.fixed.srt": LINES[0],
    }


def test_an_output_folder_that_cannot_be_made_is_an_error_line(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_text(make_track(0), encoding="utf-8")
    (tmp_path / "taken").write_text("a file, not a folder")
    for folder in ("taken", "taken/sub"):
        job = tmp_path / "job.toml"
        job.write_text(f'[inputs]\ncaptions = "a.srt"\n[output]\nfolder = "{folder}"\n')
        result = runner.invoke(app, ["run", str(job)])
        assert (result.exit_code, result.stderr) == (
            2,
            f"error: {tmp_path / folder}: cannot make the output folder: "
            f"{'File exists' if folder == 'taken' else 'Not a directory'}\n",
        )


def test_a_file_whose_output_folder_cannot_be_made_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "caps").mkdir()
    for name in ("a", "b"):
        (tmp_path / "caps" / f"{name}.srt").write_text(make_track(0), encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a").write_text("a file where a's folder goes")
    job = tmp_path / "job.toml"
    job.write_text('[inputs]\ncaptions = "caps"\n[output]\nfolder = "out"\n')
    for jobs in (1, 2):
        report = run_job(load_job(job), jobs=jobs)
        assert [(Path(f.file).name, f.error) for f in report.files] == [
            (
                "a.srt",
                f"output: {tmp_path / 'out' / 'a'}: cannot make the output folder: File exists",
            ),
            ("b.srt", None),
        ]


def test_a_worker_that_dies_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from subtools.usecases import steps

    real_read = steps.read_step

    def dying_read(path: Path, *args: object) -> object:
        if path.name == "track02.srt":
            os._exit(3)  # the worker process vanishes, as on an out-of-memory kill
        return real_read(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(steps, "read_step", dying_read)  # forked workers inherit it
    report = run_job(load_job(make_batch(tmp_path)), jobs=2)
    crashed = {Path(f.file).name: f.error for f in report.files if f.error}
    assert crashed["track02.srt"].startswith("worker process failed: BrokenProcessPool")
    assert len(report.files) == 50 and report.exit_code == 1


# --- batch collisions, whole-job validation, warnings and notices (issue 15)


def test_output_folders_are_unique_never_an_input_and_the_summary_is_reserved(
    tmp_path: Path,
) -> None:
    caps = tmp_path / "caps"
    caps.mkdir()
    # a.srt and a.vtt keep their extension (a-srt, a-vtt); a-srt.srt then wanted
    # a-srt too; summary.json.srt wanted the summary's own path.
    for name in ("a.srt", "a.vtt", "a-srt.srt", "summary.json.srt"):
        body = make_track(0)
        if name.endswith(".vtt"):
            body = "WEBVTT\n\n" + body.replace(",", ".")
        (caps / name).write_text(body, encoding="utf-8")
    job = tmp_path / "job.toml"
    job.write_text('[inputs]\ncaptions = "caps"\n[check]\n[output]\nfolder = "out"\n')
    result = runner.invoke(app, ["run", str(job), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "a-srt-2/a.fixed.srt",
        "a-srt/a-srt.fixed.srt",
        "a-vtt/a.fixed.srt",
        "summary.json",
        "summary.json-2/summary.json.fixed.srt",
    ]
    assert result.stdout.splitlines()[:2] == [
        f"note: {caps / 'a.srt'}: outputs in {out / 'a-srt-2'} ({out / 'a-srt'} is taken)",
        f"note: {caps / 'summary.json.srt'}: outputs in {out / 'summary.json-2'} "
        f"({out / 'summary.json'} is taken)",
    ]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["summary"]["ok"] == 4 and len(summary["notices"]) == 2


def test_a_summary_that_would_replace_an_input_stops_the_job_before_any_file(
    tmp_path: Path,
) -> None:
    track = tmp_path / "summary.json"
    track.write_text(
        json.dumps({"cues": [{"start": 0, "end": 1000, "text": "Hello."}]}), encoding="utf-8"
    )
    before = track.read_bytes()
    job = tmp_path / "job.toml"
    job.write_text('[inputs]\ncaptions = "summary.json"\n[check]\n[output]\nfolder = "."\n')
    result = runner.invoke(app, ["run", str(job)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {track}: the job's summary would replace an input file named summary.json; "
        "choose another [output] folder or rename that input\n",
    )
    assert track.read_bytes() == before


def test_an_output_never_replaces_a_file_the_job_reads(tmp_path: Path) -> None:
    # The job file is named like the fixed track the job writes beside it.
    (tmp_path / "a.srt").write_text(make_track(3), encoding="utf-8")
    (tmp_path / "out").mkdir()
    job = tmp_path / "out" / "a.fixed.srt"
    job.write_text('[inputs]\ncaptions = "../a.srt"\n[check]\n[output]\nfolder = "."\n')
    before = job.read_bytes()
    result = runner.invoke(app, ["run", str(job)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"error    {tmp_path / 'out' / '..' / 'a.srt'} (check: {job}: output path is a file this command "
        "reads; refusing to overwrite it)"
    )
    assert job.read_bytes() == before


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[check]\nprofile = "bogus"\n', "[check] profile: unknown profile ('bogus'); use one of"),
        ('[translate]\nto = "xx"\n', "[translate] to is not a language code ('xx')"),
        ('[translate]\nto = "en"\nfrom = "english"\n', "[translate] from is not a language"),
        ('[translate]\nglossary = "none.tsv"\n', "[translate] glossary: "),
        ('[check]\nprofile = "mine.toml"\n', "[check] profile: "),
        ('[inputs]\ncaptions = "a.srt"\narticle = "none.txt"\n[quotes]\n', "[inputs] article: "),
    ],
)
def test_job_values_are_checked_before_any_file_runs(
    tmp_path: Path, table: str, message: str
) -> None:
    (tmp_path / "a.srt").write_text(make_track(0), encoding="utf-8")
    (tmp_path / "b.srt").write_text(make_track(1), encoding="utf-8")
    job = tmp_path / "job.toml"
    inputs = "" if table.startswith("[inputs]") else '[inputs]\ncaptions = "*.srt"\n'
    job.write_text(inputs + table)
    result = runner.invoke(app, ["run", str(job)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {job}: {message}"), result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_batch_output_shows_each_files_read_warnings(tmp_path: Path) -> None:
    (tmp_path / "caps").mkdir()
    (tmp_path / "caps" / "a.srt").write_text(make_track(0), encoding="utf-8")
    # No blank line before cue 2: read with a warning that `info` shows too.
    (tmp_path / "caps" / "b.srt").write_text(
        make_track(0).replace("commandant.\n\n2\n", "commandant.\n2\n"), encoding="utf-8"
    )
    job = tmp_path / "job.toml"
    job.write_text('[inputs]\ncaptions = "caps"\n[check]\nfix = false\n')
    result = runner.invoke(app, ["run", str(job)])
    assert result.exit_code == 0, result.output
    b = result.stdout.splitlines().index(f"ok       {tmp_path / 'caps' / 'b.srt'}")
    assert result.stdout.splitlines()[b + 1 : b + 3] == [
        "           read: 4 cues, utf-8, language en, 15.0 s",
        f"             warning: {tmp_path / 'caps' / 'b.srt'}:4: missing blank line before "
        "this cue: split",
    ]
    assert "warning:" not in result.stdout.split(str(tmp_path / "caps" / "b.srt"))[0]


def test_a_clip_of_a_quote_the_article_lacks_is_refused_before_any_file(
    tmp_path: Path, samples: Path
) -> None:
    (tmp_path / "a.srt").write_text(make_track(0), encoding="utf-8")
    (tmp_path / "v.mp4").write_bytes(b"not looked at before the clip step")
    job = tmp_path / "job.toml"
    base = f'[inputs]\ncaptions = "a.srt"\narticle = "{samples / "article.txt"}"\n'
    job.write_text(base + 'video = "v.mp4"\n[clip]\nquote = 14\n')
    result = runner.invoke(app, ["run", str(job)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {job}: [clip] there is no quote 14: the article has 13 "
        f"('{samples / 'article.txt'}')\n",
    )
    job.write_text(base + 'video = "none.mp4"\n[clip]\nquote = 1\n')
    result = runner.invoke(app, ["run", str(job)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {job}: [inputs] video not found ('{tmp_path / 'none.mp4'}')\n",
    )
    assert not (tmp_path / "out").exists()
