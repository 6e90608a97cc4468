"""Atomic outputs: permissions like any new file, errors as input errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import atomic_output, atomic_write_text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_output_gets_the_usual_permissions(tmp_path: Path) -> None:
    # mkstemp makes 0600 files: every output was unreadable to other users.
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "new.srt", "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.srt") == 0o644


def test_a_replaced_output_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "old.srt"
    out.write_text("old")
    out.chmod(0o664)
    atomic_write_text(out, "new")
    assert (out.read_text(), _mode(out)) == ("new", 0o664)


def test_an_output_path_that_is_a_folder_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "d.srt").mkdir()
    with pytest.raises(InputError) as err:
        atomic_write_text(tmp_path / "d.srt", "x")
    assert str(err.value) == f"{tmp_path / 'd.srt'}: output path is a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.srt"]


def test_a_failure_inside_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), atomic_output(tmp_path / "a.mp4") as tmp:
        tmp.write_text("half")
        raise RuntimeError("ffmpeg died")
    assert list(tmp_path.iterdir()) == []
