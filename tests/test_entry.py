"""The entry points: ``subtools``/``python -m subtools``, --version, shell completion."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cli import app
from subtools import __version__

from .conftest import ROOT

runner = CliRunner()


def test_python_m_subtools_runs_the_cli(tmp_path: object) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "subtools", "--version"],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"subtools {__version__}\n", "")


@pytest.mark.parametrize("order", [["--version", "--verbose"], ["--verbose", "--version"]])
def test_version_verbose_names_the_backends(order: list[str]) -> None:
    result = runner.invoke(app, order)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"subtools {__version__}"
    names = [line.partition(": ")[0] for line in lines[1:]]
    assert names == [
        "python",
        "argostranslate",
        "ctranslate2",
        "stanza",
        "torch",
        "typer",
        "dask",
        "distributed",
        "ffmpeg",
        "libass",
    ]
    values = dict(line.split(": ", 1) for line in lines[1:])
    from importlib.metadata import version

    assert values["argostranslate"] == version("argostranslate")
    assert values["ctranslate2"] == version("ctranslate2")
    assert values["ffmpeg"].endswith("subtitles filter (libass): yes")


def test_version_verbose_does_not_import_the_backends() -> None:
    code = (
        "import sys, cli\n"
        "try:\n    cli.app(['--version', '--verbose'], prog_name='subtools')\n"
        "except SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('argostranslate', 'torch', 'ctranslate2') if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.splitlines()[-1] == "HEAVY []"


def test_verbose_alone_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--verbose", "info"])
    assert result.exit_code == 2
    assert "--verbose goes with --version" in result.output


def test_no_command_prints_help() -> None:
    result = runner.invoke(app, [])
    assert "Usage: subtools [OPTIONS] COMMAND [ARGS]..." in result.output


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F _subtools_completion subtools"),
        ("zsh", "compdef _subtools_completion subtools"),
        ("fish", "complete --command subtools --no-files"),
    ],
)
def test_completion_script_for_each_shell(shell: str, marker: str) -> None:
    # typer picks the shell of the parent process; this variable lets a test name it.
    done = subprocess.run(
        [sys.executable, "-m", "subtools", "--show-completion", shell],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert marker in done.stdout
    assert "_SUBTOOLS_COMPLETE" in done.stdout


def test_completion_completes_command_names() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "subtools"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "_SUBTOOLS_COMPLETE": "complete_bash",
            "COMP_WORDS": "subtools tra",
            "COMP_CWORD": "1",
        },
    )
    assert done.stdout.split() == ["translate"]
