"""The CLI with every format: `formats`, `info` naming how the format was found,
`convert` to each writer, and check/fix/quotes reading a non-SRT file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from subtools.io import read_track

from ..conftest import SAMPLES

runner = CliRunner()
FORMATS_DIR = Path(__file__).parent / "formats"


def test_formats_lists_every_format_with_read_and_write() -> None:
    result = runner.invoke(app, ["formats", "--json"])
    assert result.exit_code == 0
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert {n for n, r in rows.items() if r["write"]} == {"srt", "vtt", "json", "ass", "ttml"}
    assert rows["ttml"]["extensions"] == [".ttml", ".dfxp"] and rows["ttml"]["by_content"] == [
        ".xml"
    ]
    assert set(rows) == {"srt", "vtt", "json", "ass", "ttml", "scc", "stl", "sbv", "microdvd",
                         "mpl2", "tmp", "sami", "spruce"}  # fmt: skip
    human = runner.invoke(app, ["formats"])
    assert "scc       read       Scenarist SCC (CEA-608): .scc" in human.stdout
    assert "Picture subtitles (VobSub .idx/.sub, PGS .sup) are refused" in human.stdout


def test_info_names_the_format_and_how_it_was_found() -> None:
    by_content = runner.invoke(app, ["info", str(FORMATS_DIR / "webvtt-no-extension")])
    assert by_content.exit_code == 0
    assert "  format:   vtt (by content)\n" in by_content.stdout
    by_name = runner.invoke(app, ["info", str(FORMATS_DIR / "times.ttml"), "--json"])
    data = json.loads(by_name.stdout)
    assert (data["format"], data["detected_by"], data["cues"]) == ("ttml", "extension", 6)


def test_info_fps_option_reads_microdvd() -> None:
    refused = runner.invoke(app, ["info", str(FORMATS_DIR / "pal.sub")])
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"error: {FORMATS_DIR / 'pal.sub'}: MicroDVD times are frames")
    read = runner.invoke(app, ["info", str(FORMATS_DIR / "pal.sub"), "--fps", "25", "--json"])
    assert json.loads(read.stdout)["cues"] == 2


SOURCES = ["layered.ass", "times.ttml", "dropframe.scc", "latin.stl", "youtube.sbv", "ntsc.sub",
           "captions.smi", "mpl2.txt", "reordered.ssa", "nested.dfxp"]  # fmt: skip


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("ext", [".srt", ".vtt", ".json", ".ass", ".ttml"])
def test_convert_any_readable_format_to_every_writer(tmp_path: Path, source: str, ext: str) -> None:
    out = tmp_path / f"out{ext}"
    result = runner.invoke(app, ["convert", str(FORMATS_DIR / source), str(out)])
    assert result.exit_code == 0, result.output
    original = read_track(FORMATS_DIR / source).track.sorted()
    back = read_track(out).track.sorted()  # TTML reads in time order
    assert [c.text for c in back] == [c.text for c in original]
    slack = 5 if ext == ".ass" else 0  # ASS keeps centiseconds
    for a, b in zip(back, original, strict=True):
        assert abs(a.start - b.start) <= slack and abs(a.end - b.end) <= slack


def test_convert_refuses_a_read_only_output_format(tmp_path: Path) -> None:
    out = tmp_path / "out.scc"
    result = runner.invoke(app, ["convert", str(SAMPLES / "captions.en.srt"), str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {out}: subtools reads Scenarist SCC (CEA-608) but does not write it; write one of: "
        ".srt, .vtt, .json, .ass, .ttml, .dfxp"
    )
    assert not out.exists()


def _as(fmt: str, source: Path, tmp_path: Path) -> Path:
    out = tmp_path / f"{source.stem}.{fmt}"
    assert runner.invoke(app, ["convert", str(source), str(out)]).exit_code == 0
    return out


@pytest.mark.parametrize("fmt", ["ass", "ttml"])
def test_check_and_fix_read_other_formats(tmp_path: Path, fmt: str) -> None:
    srt = SAMPLES / "captions.en.srt"
    other = _as(fmt, srt, tmp_path)
    a = runner.invoke(app, ["check", str(srt), "--json", "--no-language"])
    b = runner.invoke(app, ["check", str(other), "--json", "--no-language"])
    assert a.exit_code == b.exit_code
    assert json.loads(a.stdout)["findings"] == json.loads(b.stdout)["findings"]
    fixed = tmp_path / f"fixed.{fmt}"
    result = runner.invoke(app, ["fix", str(other), "-o", str(fixed), "--no-language"])
    assert result.exit_code in (0, 1), result.output
    assert fixed.exists() and len(read_track(fixed).track) >= 1


def test_quotes_read_a_ttml_file(tmp_path: Path) -> None:
    srt = SAMPLES / "captions.en.srt"
    ttml = _as("ttml", srt, tmp_path)
    a = runner.invoke(app, ["quotes", str(SAMPLES / "article.txt"), str(srt), "--json"])
    b = runner.invoke(app, ["quotes", str(SAMPLES / "article.txt"), str(ttml), "--json"])
    assert a.exit_code == b.exit_code == 1
    strip = lambda d: {k: v for k, v in d.items() if k not in ("captions",)}  # noqa: E731
    assert strip(json.loads(a.stdout)) == strip(json.loads(b.stdout))


def test_convert_reports_markup_the_target_cannot_hold(tmp_path: Path) -> None:
    src = tmp_path / "in.srt"
    src.write_text(
        '1\n00:00:01,000 --> 00:00:02,000\n<font color="red">Red</font> and {\\b1}bold{\\b0}\n',
        encoding="utf-8",
    )
    ass = runner.invoke(app, ["convert", str(src), str(tmp_path / "out.ass")])
    assert ass.stderr == (
        f"warning: {tmp_path / 'out.ass'}: markup not written in "
        "Advanced SubStation Alpha (ASS/SSA): font (1)\n"
    )
    ttml = runner.invoke(app, ["convert", str(src), str(tmp_path / "out.ttml")])
    assert ttml.stderr == (
        f"warning: {tmp_path / 'out.ttml'}: markup not written in TTML, DFXP, IMSC1 Text: "
        "\\b (2), font (1)\n"
    )
    assert read_track(tmp_path / "out.ttml").track.cues[0].text == "Red and bold"


@pytest.mark.parametrize(("text", "shown"), [("a {laughs}", "'{'"), ("C:\\new folder", "'\\\\n'")])
def test_ass_refuses_text_it_would_read_as_markup(tmp_path: Path, text: str, shown: str) -> None:
    src = tmp_path / "in.json"
    src.write_text(json.dumps({"cues": [{"start": 0, "end": 900, "text": text}]}), "utf-8")
    out = tmp_path / "out.ass"
    result = runner.invoke(app, ["convert", str(src), str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {src}: cue 1: its text holds {shown}, which ASS reads as markup, not text"
    )
    assert not out.exists()
