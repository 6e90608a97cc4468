"""The foundation commands and the CLI conventions every command follows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

from .conftest import ROOT, SAMPLES

runner = CliRunner()


def test_info_human(samples: Path) -> None:
    result = runner.invoke(app, ["info", str(samples / "captions.ru.srt")])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{samples / 'captions.ru.srt'}\n  format:   srt (by extension)\n  encoding: utf-8\n  cues:     15\n"
        "  span:     0:01.000 - 0:54.000\n  language: ru\n"
    )


def test_info_json(samples: Path) -> None:
    result = runner.invoke(app, ["info", str(samples / "captions.en.srt"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "path": str(samples / "captions.en.srt"),
        "format": "srt",
        "detected_by": "extension",
        "encoding": "utf-8",
        "cues": 15,
        "start": 1.0,
        "end": 54.0,
        "duration": 53.0,
        "language": "en",
        "warnings": [],
    }


def test_info_reports_forced_encoding_and_warnings(tmp_path: Path) -> None:
    p = tmp_path / "ru.srt"
    p.write_bytes(
        "1\n00:00:01,000 --> 00:00:02,000\nТекст\n2\n00:00:03,000 --> 00:00:04,000\nЕщё\n".encode(
            "cp1251"
        )
    )
    result = runner.invoke(app, ["info", str(p), "--encoding", "cp1251"])
    assert result.exit_code == 0
    assert "  encoding: cp1251\n" in result.stdout
    assert result.stderr == f"warning: {p}:4: missing blank line before this cue: split\n"


@pytest.mark.parametrize("ext", ["srt", "vtt", "json"])
def test_convert_round_trips(tmp_path: Path, samples: Path, ext: str) -> None:
    out = tmp_path / f"out.{ext}"
    result = runner.invoke(app, ["convert", str(samples / "captions.ru.srt"), str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out} ({ext}, 15 cues, read as utf-8)\n"
    back = runner.invoke(app, ["info", str(out), "--json"])
    assert json.loads(back.stdout)["cues"] == 15


def test_output_equal_to_input_is_refused(tmp_path: Path, samples: Path) -> None:
    p = tmp_path / "a.srt"
    p.write_bytes((samples / "captions.en.srt").read_bytes())
    before = p.read_bytes()
    result = runner.invoke(app, ["convert", str(p), str(tmp_path / "." / "a.srt")])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: {tmp_path / '.' / 'a.srt'}: output path is the input file; refusing to overwrite it\n"
    )
    assert p.read_bytes() == before


def test_failed_run_leaves_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:0x,000\nA\n")
    out = tmp_path / "out.vtt"
    result = runner.invoke(app, ["convert", str(bad), str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}:2: bad timing line ('00:00:01,000 --> 00:00:0x,000')\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.srt"]


def test_existing_output_is_untouched_when_a_run_fails(tmp_path: Path) -> None:
    out = tmp_path / "out.srt"
    out.write_text("keep me")
    (tmp_path / "empty.srt").write_text("")
    result = runner.invoke(app, ["convert", str(tmp_path / "empty.srt"), str(out)])
    assert (result.exit_code, out.read_text()) == (2, "keep me")
    assert result.stderr == f"error: {tmp_path / 'empty.srt'}: empty file\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [("empty.vtt", "WEBVTT\n\nNOTE no cues yet\n"), ("empty.json", '{"cues": []}')],
)
def test_a_file_without_cues_is_refused_in_every_format(
    tmp_path: Path, name: str, text: str
) -> None:
    # It used to convert into an empty .srt that subtools itself cannot read back.
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.srt"
    result = runner.invoke(app, ["convert", str(src), str(out)])
    assert (result.exit_code, result.stderr) == (2, f"error: {src}: no subtitle cues found\n")
    assert not out.exists()
    info = runner.invoke(app, ["info", str(src)])
    assert (info.exit_code, info.stderr) == (2, f"error: {src}: no subtitle cues found\n")


def test_unknown_output_type_fails_before_reading(tmp_path: Path, samples: Path) -> None:
    result = runner.invoke(
        app, ["convert", str(samples / "captions.en.srt"), str(tmp_path / "x.docx")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {tmp_path / 'x.docx'}: unsupported caption file type ('.docx')"
    )


def test_missing_input_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", str(tmp_path / "nope.srt")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {tmp_path / 'nope.srt'}: file not found\n",
    )


def test_unexpected_exception_becomes_an_error_line(
    monkeypatch: pytest.MonkeyPatch, samples: Path
) -> None:
    import subtools.usecases.convert as uc

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(uc, "describe", boom)
    result = runner.invoke(app, ["info", str(samples / "captions.en.srt")])
    assert result.exit_code == 2
    assert result.stderr == "error: internal error: RuntimeError: kaput; please report it\n"


@pytest.mark.parametrize("command", ["info", "convert", "formats", "demo", "align"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout


@pytest.mark.parametrize(
    ("command", "line"),
    [
        ("translate", "Exit 1: a glossary term is missing from its cues (the output is written)."),
        ("run", "Exit 1: a file has problems or failed; 2: the job file cannot be used."),
        ("align", "Exit 1: the evidence is weak (no speech, captions of another video) and"),
    ],
)
def test_help_states_when_the_exit_code_is_1(command: str, line: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert line in result.stdout


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, cli\n"
        "try:\n    cli.app(['--help'], prog_name='subtools')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('argostranslate', 'torch', 'ctranslate2', 'stanza', 'ffmpeg', 'langdetect',"
        " 'pysubs2', 'ttconv', 'defusedxml', 'onnxruntime', 'matplotlib', 'silero_vad', 'webrtcvad', 'numpy')"
        " if m in sys.modules]\nprint('HEAVY', heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.splitlines()[-1] == "HEAVY []"


@pytest.mark.slow
def test_demo_runs_the_whole_job(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "ok [translator] read: 15 cues, utf-8, language ru, 53.0 s",
        "ok [translator] translate: 15 cues, 12 sentences, ru -> en with "
        "ru_en-subtools-test-fixture (TRANSLATED BY THE SUBTOOLS TEST FIXTURE MODEL, "
        "NOT A REAL TRANSLATION)",
    ]
    assert (
        "!! [editor] quotes: 13 quotes: 9 exact, 1 minor, 1 changed, 2 missing; 1 need attention"
        in lines
    )
    assert (
        "ok [editor] clip: quote 4: 7.0 s clip from 7.5 s, 2 captions burned in (DejaVu Sans)"
        in lines
    )
    assert "NOTE: no real ru->en model is installed" in result.stdout
    assert lines[-1] == f"All outputs are in {out}/"
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "quotes/captions.fixed.en.srt",
        "quotes/quote4.mp4",
        "quotes/quote4.png",
        "quotes/quotes.html",
        "quotes/quotes.json",
        "sample-video.mp4",
        "translation/captions.fixture-draft.en.srt",
        "translation/captions.fixture-draft.fixed.en.srt",
        "translation/captions.fixture-draft.ru-en.srt",
    ]
    draft = (out / "translation" / "captions.fixture-draft.ru-en.srt").read_text(encoding="utf-8")
    assert draft.startswith("1\n00:00:01,000 --> 00:00:04,200\nМы, мобилизованные\n")


def test_samples_exist() -> None:
    assert sorted(p.name for p in SAMPLES.iterdir()) >= [
        "article.txt",
        "captions.en.srt",
        "captions.ru.srt",
    ]


def test_version() -> None:
    from subtools import __version__

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"subtools {__version__}\n")


def test_convert_into_a_fifo_streams_and_keeps_the_fifo(tmp_path: Path, samples: Path) -> None:
    import os
    import stat
    import threading

    fifo = tmp_path / "fifo.srt"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(app, ["convert", str(samples / "captions.en.srt"), str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    plain = tmp_path / "plain.srt"
    assert (
        runner.invoke(app, ["convert", str(samples / "captions.en.srt"), str(plain)]).exit_code == 0
    )
    assert got == [plain.read_bytes()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo.srt", "plain.srt"]


def test_a_json_cue_with_an_srt_timing_line_is_refused_naming_file_and_cue(
    tmp_path: Path,
) -> None:
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "cues": [
                    {"start": 0, "end": 1000, "text": "One."},
                    {"start": 1000, "end": 9000, "text": "Two\n00:00:05,500 --> 00:00:06,000"},
                ]
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.srt"
    result = runner.invoke(app, ["convert", str(source), str(out)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {source}: cue 2: a line of its text reads as an SRT timing line and would "
        "start a new cue ('00:00:05,500 --> 00:00:06,000'); edit that line, or write WebVTT "
        "or JSON, which can hold it\n"
    )
    assert not out.exists()
    assert runner.invoke(app, ["convert", str(source), str(tmp_path / "out.vtt")]).exit_code == 0


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["fix", "in.srt"], "error: missing option '-o' / '--output'; see 'subtools fix --help'\n"),
        (
            ["fix", "in.srt", "-o", "out.srt", "--bogus"],
            "error: no such option: --bogus; see 'subtools fix --help'\n",
        ),
        (
            ["burn", "v.mp4", "c.srt", "-o", "o.mp4", "--size", "abc"],
            "error: invalid value for '--size': Input should be a valid integer, unable to "
            "parse string as an integer; see 'subtools burn --help'\n",
        ),
        (
            ["check", "in.srt", "--fps"],
            "error: option '--fps' requires an argument; see 'subtools check --help'\n",
        ),
        (["bogus"], "error: no such command 'bogus'; see 'subtools --help'\n"),
        (["models", "bogus"], "error: no such command 'bogus'; see 'subtools models --help'\n"),
    ],
)
def test_command_line_mistakes_are_one_error_line_with_a_hint(args: list[str], stderr: str) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_a_command_line_mistake_in_a_real_process_is_one_line() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "convert", "only-one.srt"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert (proc.returncode, proc.stderr) == (
        2,
        "error: missing argument 'OUTPUT'; see 'subtools convert --help'\n",
    )


@pytest.mark.parametrize("command", ["convert", "fix", "burn", "quotes", "run", "translate"])
def test_help_shows_flags_without_a_value_and_arguments_by_their_name(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout
    assert "{path}" not in result.stdout
    usage = result.stdout.split("Usage: ", 1)[1].split("\n", 1)[0]
    names = [w.strip("{}[].") for w in usage.split()[3:]]
    assert names and all(n.isupper() for n in names), usage
    for name in names:  # each argument of the usage line is listed under that name
        assert f" {name} " in result.stdout.split("Usage: ", 1)[1].split("\n", 1)[1]
