from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _find_corpus() -> Path | None:
    """``SUBTOOLS_CORPUS`` if set; else ../shared/corpus when it exists (a git
    worktree under wt/ has it at ../../shared/corpus); else None."""
    env = os.environ.get("SUBTOOLS_CORPUS")
    if env:
        return Path(env).expanduser()
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return None


CORPUS = _find_corpus()
CORPUS_MISSING = (
    f"shared corpus not found at {CORPUS} (SUBTOOLS_CORPUS)"
    if CORPUS is not None
    else "shared corpus not found (set SUBTOOLS_CORPUS, or put it at ../shared/corpus); "
    "tests/edge_tracks.py covers its edge classes"
)


def corpus_dir() -> Path:
    """The shared corpus folder; skips the calling test, saying why, when it is absent."""
    if CORPUS is None or not CORPUS.is_dir():
        pytest.skip(CORPUS_MISSING)
    return CORPUS


def corpus_index() -> list[dict[str, str]]:
    """The rows of the shared corpus' INDEX.tsv; none when the corpus is absent."""
    index = CORPUS / "INDEX.tsv" if CORPUS is not None else None
    if index is None or not index.exists():
        return []
    with index.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def corpus_captions() -> list[Path]:
    """Every SRT/WebVTT file of the shared corpus (the test skips visibly without it)."""
    corpus = corpus_dir()
    return sorted(p for p in corpus.rglob("*") if p.suffix.lower() in {".srt", ".vtt"})


@pytest.fixture
def samples() -> Path:
    return SAMPLES
