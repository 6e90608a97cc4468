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


# --- special output paths, short temporary names, protected inputs, stale temporaries


def test_a_fifo_output_is_streamed_into_and_stays_a_fifo(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "fifo.srt"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write_text(fifo, "through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo.srt"]


def test_a_character_device_output_is_written_and_stays_a_device() -> None:
    atomic_write_text("/dev/null", "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not [p for p in Path("/dev").iterdir() if p.name.startswith(".subtools-")]


def test_a_symlink_output_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "captions.srt"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.srt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["captions.srt"]


def test_a_dangling_symlink_output_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.srt"
    link.symlink_to(tmp_path / "made.srt")
    atomic_write_text(link, "new")
    assert link.is_symlink() and (tmp_path / "made.srt").read_text() == "new"


def test_a_socket_output_is_refused_before_any_work(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.srt"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        with pytest.raises(InputError) as err:
            atomic_write_text(path, "x")
    finally:
        sock.close()
    assert str(err.value) == f"{path}: output path is not a regular file, a device or a pipe"
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_a_250_byte_output_name_works(tmp_path: Path) -> None:
    out = tmp_path / ("n" * 246 + ".srt")
    atomic_write_text(out, "long name")
    assert out.read_text() == "long name"
    with atomic_output(tmp_path / ("v" * 246 + ".mp4")) as tmp:
        assert len(tmp.name) < 40 and tmp.suffix == ".mp4"
        tmp.write_text("x")


def test_an_output_that_the_command_read_is_refused(tmp_path: Path) -> None:
    from subtools.io import protect_inputs, read_bytes

    glossary = tmp_path / "terms.srt"
    glossary.write_text("keep me")
    with protect_inputs():
        read_bytes(glossary)
        with pytest.raises(InputError) as err:
            atomic_write_text(glossary, "x")
        with pytest.raises(InputError):  # a hard link to it is the same file
            os.link(glossary, tmp_path / "hard.srt")
            atomic_write_text(tmp_path / "hard.srt", "x")
    assert "output path is a file this command reads" in str(err.value)
    assert glossary.read_text() == "keep me"
    atomic_write_text(glossary, "outside the command: a plain output")
    assert glossary.read_text() == "outside the command: a plain output"


def test_temporaries_of_a_killed_run_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = tmp_path / f".subtools-{dead.stdout.strip()}-abcd1234.mp4"
    stale.write_text("70 MB of a killed encode")
    live = tmp_path / f".subtools-{os.getppid()}-abcd1234.mp4"
    live.write_text("another run at work")
    mine = tmp_path / ".captions.srt.abcd.srt"  # not ours: left alone
    mine.write_text("x")
    atomic_write_text(tmp_path / "out.srt", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, mine.name, "out.srt"])
