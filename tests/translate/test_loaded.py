"""Models loaded once per process: reuse, a replaced file reloaded, forks start empty."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from subtools.resources import fixture_model
from subtools.translate import loaded

# A sentence the fixture model memorised (samples/captions.ru.srt, cues 1-2).
RU = "Мы, мобилизованные из 57-го батальона, обращаемся к министру обороны."
EN = "We, the mobilized men of the 57th Battalion, are appealing to the defense minister."


@pytest.fixture
def keeping(monkeypatch: pytest.MonkeyPatch) -> object:
    """This process as a batch worker, for one test (kept models must not outlive it:
    a later fork of the test process could not use CTranslate2)."""
    monkeypatch.setattr(loaded, "_keep", True)
    yield
    loaded._loaded.clear()


def test_main_process_keeps_nothing(tmp_path: Path) -> None:
    model = tmp_path / "m.argosmodel"
    shutil.copyfile(fixture_model(), model)
    assert loaded.model_translator(model) is not loaded.model_translator(model)


def test_same_file_is_loaded_once(tmp_path: Path, keeping: object) -> None:
    model = tmp_path / "m.argosmodel"
    shutil.copyfile(fixture_model(), model)
    before = loaded.model_loads()
    first = loaded.model_translator(model)
    assert loaded.model_translator(model) is first
    assert loaded.model_loads() == before + 1
    assert first.info.path == str(model)  # named by the file, not the unpacked folder
    assert first.translate([RU]) == [EN]


def test_replaced_file_is_loaded_again(tmp_path: Path, keeping: object) -> None:
    model = tmp_path / "m.argosmodel"
    shutil.copyfile(fixture_model(), model)
    first = loaded.model_translator(model)
    os.utime(model, ns=(1, 1))
    assert loaded.model_translator(model) is not first


def test_unpacked_once_per_machine(tmp_path: Path) -> None:
    model = tmp_path / "m.argosmodel"
    shutil.copyfile(fixture_model(), model)
    st = model.stat()
    key = (str(model.resolve()), st.st_mtime_ns, st.st_size)
    folder = loaded.unpacked_folder(model, key)
    assert loaded.unpacked_folder(model, key) == folder
    assert (folder / "translate-ru_en-subtools-test-fixture" / "metadata.json").is_file()
    assert [p.name for p in folder.parent.iterdir() if p.name.startswith(".unpacking-")] == []


def test_forked_child_keeps_nothing(tmp_path: Path, keeping: object) -> None:
    """A kept model's CTranslate2 threads do not exist in a forked child: it starts afresh.

    (The child does not translate: CTranslate2 hangs in any process forked from
    one that has used it, which is why only batch workers keep models.)
    """
    model = tmp_path / "m.argosmodel"
    shutil.copyfile(fixture_model(), model)
    loaded.model_translator(model)
    assert loaded._loaded and loaded._keep
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.write(write, f"{len(loaded._loaded)} {loaded.model_loads()} {loaded._keep}".encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        got = pipe.read()
    os.waitpid(pid, 0)
    assert got == "0 0 False"
