"""The use-case functions the CLI and the demo call: check_file, fix_file and retiming files."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import read_track
from subtools.usecases.check import check_file, fix_file, rate_file, shift_file, sync_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

CRAFTED = """1
00:00:00,000 --> 00:00:09,000
- Supercalifragilisticexpialidocious-ish! Go!
- Wait.

2
00:00:09,000 --> 00:00:10,000
We ask you to return us to our permanent base, because we were sent to the front.

3
00:00:10,500 --> 00:00:11,000
<i>Now</b>

4
00:00:10,000 --> 00:00:12,000
Мы не отказываемся служить, но без патронов не пойдём.
"""


def test_check_file_report() -> None:
    report = check_file(SAMPLES / "captions.en.srt", "netflix-en")
    assert (report.ok, report.findings, report.errors) == (True, (), ())
    assert report.to_dict() == {
        "file": str(SAMPLES / "captions.en.srt"),
        "profile": "netflix-en",
        "findings": [],
        "summary": {
            "cues": 15,
            "errors": 0,
            "warnings": 0,
            "by_rule": {},
            "language": "en",
            "language_checked": True,
        },
        "warnings": [],
    }


def test_fix_file_lists_what_needs_a_person_and_why(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(CRAFTED, encoding="utf-8")
    report = fix_file(src, tmp_path / "out.srt", "netflix-en")
    assert [(c.cue, c.fix) for c in report.changes] == [
        (1, "close-gap"),
        (1, "trim-long"),
        (2, "rebreak"),
        (2, "extend"),
        (4, "rebreak"),
        (4, "extend"),
    ]
    # The last cue extends freely (54 characters at 20 cps: 2700 ms) though it is out of order.
    assert [(c.start, c.end) for c in report.track] == [
        (0, 7000),
        (9000, 10420),
        (10500, 11000),
        (10000, 12700),
    ]
    assert [(r.finding.cue, r.finding.rule, r.reason) for r in report.remaining] == [
        (1, "line-length", "dialogue lines keep one speaker per line: shorten or split by hand"),
        (
            2,
            "reading-speed",
            "needs 4050 ms but only 1420 ms until the next cue: shorten the "
            "text or retime; --merge-short may help",
        ),
        (
            3,
            "min-duration",
            "needs 833 ms but the next cue is out of order: shorten the text or "
            "retime; --merge-short may help",
        ),
        (3, "tags", "where the tag should close is a matter of meaning: fix the markup by hand"),
        (4, "order", "the cue starts before the previous one: check which time is wrong"),
        (
            4,
            "untranslated",
            "translate this cue (or confirm it is meant to stay in the original language)",
        ),
    ]
    data = report.to_dict()
    assert data["summary"]["before"]["errors"] == 10
    assert data["summary"]["after"] == {
        "cues": 4,
        "errors": 5,
        "warnings": 1,
        "by_rule": {
            "line-length": 1,
            "min-duration": 1,
            "order": 1,
            "reading-speed": 1,
            "tags": 1,
            "untranslated": 1,
        },
    }
    assert data["remaining"][0]["needs_person"].startswith("dialogue lines")
    written = read_track(tmp_path / "out.srt").track
    assert written == report.track.with_language(None).with_source(str(tmp_path / "out.srt"))


def test_fix_file_refuses_its_input_and_unknown_output_types(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(CRAFTED, encoding="utf-8")
    with pytest.raises(InputError, match="refusing to overwrite"):
        fix_file(src, src)
    with pytest.raises(InputError, match="unsupported caption file type"):
        fix_file(src, tmp_path / "out.txt")
    assert src.read_text(encoding="utf-8") == CRAFTED


def test_retime_files(tmp_path: Path) -> None:
    src = SAMPLES / "captions.ru.srt"
    shifted = shift_file(src, tmp_path / "a.srt", -1500, clip=True)
    assert [str(a) for a in shifted.adjustments] == [
        "cue 1 trimmed: it would run from -500 ms to 2700 ms"
    ]
    assert read_track(tmp_path / "a.srt").track.cues[0].start == 0
    synced = sync_file(src, tmp_path / "b.vtt", [(1000, 2000)])
    assert (synced.cues, read_track(tmp_path / "b.vtt").track.cues[0].start) == (15, 2000)
    rated = rate_file(src, tmp_path / "c.json", Fraction(25), Fraction(50))
    assert rated.to_dict() == {
        "file": str(src),
        "output": str(tmp_path / "c.json"),
        "cues": 15,
        "adjustments": [],
        "warnings": [],
    }
    assert read_track(tmp_path / "c.json").track.cues[0].start == 500
