"""README's command examples name files that exist: run from the repository root
(after ``make demo`` for its video), each example runs as printed."""

from __future__ import annotations

import itertools
import re
import shlex
import shutil
from pathlib import Path

import pytest

from subtools.usecases.demo import DEMO_VIDEO

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
OUTPUT_OPTIONS = {"-o", "--out", "--html", "--plot"}


def readme_commands() -> list[list[str]]:
    lines = re.findall(r"^\$ subtools (.+)$", README.read_text("utf-8"), re.M)
    return [shlex.split(line, comments=True) for line in lines]


def test_every_file_a_readme_example_reads_exists() -> None:
    made: set[str] = {
        f"demo-output/{DEMO_VIDEO}",  # written by `make demo`
        "demo-output/align/interview.mp4",  # written by scripts/align_picture.py
        "demo-output/align/interview.en.srt",
    }
    for args in readme_commands():
        outputs = {v for k, v in itertools.pairwise(args) if k in OUTPUT_OPTIONS}
        inputs = [a for a in args if not a.startswith("-") and a not in outputs and Path(a).suffix]
        for name in inputs:
            assert name in made or (ROOT / name).is_file(), (args, name)
        made |= outputs


def test_the_readme_glossary_is_shipped_and_reads() -> None:
    from subtools.translate.glossary import load_glossary

    assert [(e.source, e.target) for e in load_glossary(ROOT / "samples" / "terms.tsv")] == [
        ("министр обороны", "defense minister"),
        ("штурмовой отряд", "assault unit"),
        ("батальон", "battalion"),
    ]


def test_the_readme_job_example_runs_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from cli import app

    readme = README.read_text("utf-8")
    block = readme.split("$ subtools run samples/job.toml\n", 1)[1].split("```", 1)[0]
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["run", "samples/job.toml"])
    assert result.exit_code == 1  # the sample article misquotes the video
    assert result.stdout.splitlines() == block.splitlines()
    assert sorted(p.name for p in (tmp_path / "job-output").iterdir()) == [
        "captions.fixed.en.srt",
        "quotes.html",
        "quotes.json",
        "summary.json",
    ]
