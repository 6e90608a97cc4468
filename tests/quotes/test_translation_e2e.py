"""End to end with the real argostranslate path and the tiny ru->en test model.

The model (tests/fixtures/models, built by scripts/build_test_model.py) has
memorised a plain English rendering of the sample's Russian captions and
nothing else; it proves the plumbing, not translation quality.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "tests" / "fixtures" / "models" / "ru_en_tiny.argosmodel"


def run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        ARGOS_PACKAGES_DIR=str(home / "packages"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPATH=str(ROOT),
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_russian_captions_through_the_installed_model(tmp_path: Path) -> None:
    article, captions = SAMPLES / "article.txt", SAMPLES / "captions.ru.srt"
    before = run(["quotes", str(article), str(captions), "--json"], tmp_path)
    assert before.returncode == 2
    assert json.loads(before.stdout)["language_mismatch"]["reason"] == (
        "no translation model for ru->en is installed"
    )
    assert before.stderr.startswith("error: the captions are in 'ru' and the article in 'en'")

    assert run(["models", "install", str(MODEL)], tmp_path).returncode == 0
    after = run(["quotes", str(article), str(captions), "--json"], tmp_path)
    assert after.returncode == 1, after.stderr
    data = json.loads(after.stdout)
    assert data["translated"]["from"] == "ru" and data["translated"]["to"] == "en"
    assert data["translated"]["model"].startswith("argostranslate ru_en")
    assert data["translated"]["notice"] == (
        "translated by the subtools test fixture model, not a real translation"
    )
    table = run(["quotes", str(article), str(captions)], tmp_path)
    assert table.stdout.splitlines()[1] == (
        "NOTE: translated by the subtools test fixture model, not a real translation: "
        "do not rely on these verdicts"
    )
    assert data["language_mismatch"] is None
    statuses = [q["status"] for q in data["quotes"]]
    assert statuses[:4] == ["exact", "exact", "exact", "exact"]
    q8 = data["quotes"][7]
    assert q8["status"] == "changed"
    assert {
        "op": "replace",
        "article": "artillery",
        "captions": "mortar",
        "severity": "major",
        "reason": "word",
    } in q8["differences"]
    assert q8["caption_original"].startswith("Вчера двенадцать наших товарищей погибли")
    assert [q["status"] for q in data["quotes"][11:]] == ["missing", "missing"]
    assert data["summary"]["other_speaker"] == 2
