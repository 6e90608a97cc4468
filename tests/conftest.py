from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _find_corpus() -> Path:
    # CI and the main checkout have ../shared; a git worktree under wt/ has ../../shared.
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


CORPUS = _find_corpus()


def corpus_captions() -> list[Path]:
    """Every SRT/WebVTT file of the shared corpus; its absence is a failure, not a skip."""
    if not CORPUS.is_dir():
        raise AssertionError("../shared/corpus not found next to the repository")
    return sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in {".srt", ".vtt"})


@pytest.fixture
def samples() -> Path:
    return SAMPLES
