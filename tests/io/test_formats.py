"""Golden files per caption format (tests/io/formats, written for subtools), each trap
named in its own test, and the format chosen by content.

The STL and SCC fixtures are built by scripts/make_format_fixtures.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import FORMATS, parse_bytes, read_track
from subtools.model import Cue

FORMATS_DIR = Path(__file__).parent / "formats"
FIXTURES = sorted(p for p in FORMATS_DIR.iterdir() if p.is_file())


def _read(path: Path) -> tuple[list[Cue], list[str], str]:
    result = read_track(path, fps=25 if path.name == "pal.sub" else None)
    return list(result.track.cues), [n.message for n in result.notices], result.format


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_reads_exactly_as_its_golden_file(path: Path) -> None:
    expected = json.loads((FORMATS_DIR / "expected" / f"{path.name}.json").read_text("utf-8"))
    result = read_track(path, fps=25 if path.name == "pal.sub" else None)
    assert (result.format, result.detected_by) == (expected["format"], expected["detected_by"])
    assert result.encoding.label == expected["encoding"]
    assert [[c.start, c.end, c.text] for c in result.track] == expected["cues"]
    assert [[n.line, n.message] for n in result.notices] == expected["notices"]


def test_every_read_format_has_a_fixture() -> None:
    formats = {read_track(p, fps=25).format for p in FIXTURES}
    assert formats >= set(FORMATS) - {"srt", "json", "tmp"}


# ---- SCC: drop-frame timecodes and roll-up


def test_scc_drop_frame_timecode_counts_the_skipped_frames() -> None:
    cues, _, _ = _read(FORMATS_DIR / "dropframe.scc")
    # 00:01:00;02 is frame 1800 (frames ;00 and ;01 are skipped in minute 1), so
    # 60.060 s; the roll-up line shows 2 frames later, after its two RU2 codes.
    # Read as non-drop (frame 1802) it would start at 60.127 + 0.067.
    assert cues[3] == Cue(60127, 61995, "ROLL UP ONE")
    assert pytest.approx(60127, abs=1) == 1800 * 1001 / 30 + 2 * 1001 / 30


def test_scc_roll_up_shows_each_screen_state() -> None:
    cues, _, _ = _read(FORMATS_DIR / "dropframe.scc")
    assert [c.text for c in cues[3:]] == [
        "ROLL UP ONE",
        "ROLL UP ONE\nROLL UP TWO",
        "ROLL UP TWO\nROLL UP THREE",
    ]


def test_scc_pop_on_italics_and_top_row() -> None:
    cues, _, _ = _read(FORMATS_DIR / "dropframe.scc")
    assert cues[0] == Cue(1335, 3337, "HELLO, WORLD.")  # shown at EOC, 00:00:01;10
    assert cues[1].text == "{\\an8}AT THE TOP"
    assert cues[2].text == "<i>SLANTED WORDS</i>"


# ---- EBU STL: code pages and extension blocks


def test_stl_iso6937_accent_italics_and_top_row() -> None:
    cues, _, _ = _read(FORMATS_DIR / "latin.stl")
    assert cues[0] == Cue(1000, 3480, "Café\nsecond line")  # out at 00:00:03:12, 25 fps
    assert cues[1].text == "{\\an8}<i>On top, in italics</i>"


def test_stl_extension_block_continues_the_subtitle() -> None:
    cues, _, _ = _read(FORMATS_DIR / "latin.stl")
    assert len(cues) == 3
    assert cues[2].text.endswith("its text field goes on in an extension block.")


def test_stl_cyrillic_code_page_and_ntsc_rate() -> None:
    result = read_track(FORMATS_DIR / "cyrillic.stl")
    assert result.track.cues == (Cue(2502, 4972, "Привет, мир\nКак дела?"),)
    assert result.encoding.label == "EBU STL, code page 850, text Latin/Cyrillic (ISO 8859-5)"


# ---- TTML: time expressions, nesting


def test_ttml_frames_ticks_and_offset_times() -> None:
    cues, _, _ = _read(FORMATS_DIR / "times.ttml")
    assert cues[:4] == [
        Cue(1480, 3000, "Clock with frames"),  # 00:00:01:12 at 25 fps
        Cue(4000, 5000, "Frames and ticks"),  # 100f, 50000000t at 10 MHz
        Cue(4500, 5000, "Offsets"),  # 4.5s, 5000ms
        Cue(6000, 7200, "Minutes and hours"),  # 0.1m, 0.002h
    ]


def test_ttml_times_count_from_the_timed_div_and_spans_nest() -> None:
    cues, notices, _ = _read(FORMATS_DIR / "times.ttml")
    assert cues[4] == Cue(11000, 13000, "Relative <i>to the <b>div</b></i>\nsecond line")
    assert cues[5] == Cue(13000, 14000, "{\\an8}On top")
    assert "styling not kept: Color" in notices


def test_dfxp_nested_spans_undo_italics_and_bare_seconds_are_repaired() -> None:
    cues, notices, _ = _read(FORMATS_DIR / "nested.dfxp")
    assert cues == [
        Cue(500, 2000, "Первая строка\n<i>вторая прямо строка</i>"),
        Cue(2500, 4000, "Без единиц: секунды"),
    ]
    assert notices == ["2 time expression(s) without units or with ',' read as seconds"]


def test_unsafe_xml_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY a "aaaaaaaa">]>'
        '<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s" end="2s">&a;</p>'
        "</div></body></tt>"
    )
    path = tmp_path / "bomb.ttml"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(InputError, match="unsafe XML refused: EntitiesForbidden"):
        read_track(path)


# ---- SubStation: override tags, layers, styles, Format lines


def test_ass_override_tags_become_model_tags() -> None:
    cues, _, _ = _read(FORMATS_DIR / "layered.ass")
    assert cues[0].text == "Plain line\nwith a <i>break</i>"
    assert cues[1].text == "<i>A whole thought in italics</i>"  # from the style
    assert cues[2].text == "{\\an8}<b>Bold on top</b> then not"
    assert cues[4].text == "Hard\u00a0space and font reset"


def test_ass_layered_event_is_kept_and_what_is_lost_is_reported() -> None:
    cues, notices, _ = _read(FORMATS_DIR / "layered.ass")
    assert cues[3] == Cue(6000, 8000, "{\\an8}<b>STREET SIGN</b>")  # layer 1, same time
    assert notices == [
        "1 comment event(s) skipped",
        "1 vector drawing event(s) (\\p) skipped",
        "1 event(s) on a layer above 0: layers not kept (cues may overlap)",
        "1 cue(s) placed by \\pos/\\move: positions not kept",
        "override tags not kept: \\blur (1), \\fad (1), \\fn (1)",
        "style look not kept (font, size, colours, margins) of: Default, Thought, Sign; "
        "burning the .ass file itself keeps it",
    ]


def test_ssa_format_line_in_its_own_order_is_read_by_column_name() -> None:
    cues, notices, fmt = _read(FORMATS_DIR / "reordered.ssa")
    assert fmt == "ass"
    assert cues == [Cue(1000, 2500, "First, with a comma"), Cue(0, 900, "Starts before zero")]
    assert notices[:1] == ["non-standard Format: line: columns read by name"]


# ---- SBV, SubViewer, MicroDVD, MPL2, SAMI


def test_sbv_skips_a_backwards_cue_naming_its_line() -> None:
    result = read_track(FORMATS_DIR / "youtube.sbv")
    assert len(result.track) == 3
    assert [str(n) for n in result.notices] == [
        f"{FORMATS_DIR / 'youtube.sbv'}:8: cue ends before it starts, cue skipped: "
        "'0:00:05.000,0:00:04.000'"
    ]


def test_microdvd_23976_from_its_first_line() -> None:
    cues, notices, _ = _read(FORMATS_DIR / "ntsc.sub")
    # frame 24 at 24000/1001 fps is 1.001 s; frame 1000 is 41.708 s
    assert [(c.start, c.end) for c in cues] == [(1001, 3003), (4171, 6256), (41708, 43710)]
    assert cues[1].text == "<i>Italic line</i>"
    assert notices == ["frame rate 23.976 from the file's first line"]


def test_microdvd_25_needs_fps_and_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_track(FORMATS_DIR / "pal.sub")
    assert "MicroDVD times are frames and the frame rate is unknown; pass --fps" in str(err.value)
    cues, _, _ = _read(FORMATS_DIR / "pal.sub")
    assert cues == [
        Cue(1000, 3000, "One second to three\nat 25 fps"),
        Cue(4000, 6000, "<b>Bold line</b>"),
    ]


def test_sami_caption_ends_at_the_next_sync() -> None:
    cues, _, _ = _read(FORMATS_DIR / "captions.smi")
    # pysubs2 alone ends "Second" at 3.902 s (a length-based guess)
    assert cues == [
        Cue(1000, 2500, "First <i>SAMI</i> line\nsecond line"),
        Cue(3000, 4000, "Second"),
    ]


# ---- format by content


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("captions", "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n", "vtt"),
        ("a.txt", "1\n00:00:01,000 --> 00:00:02,000\nA\n", "srt"),
        (
            "a.xml",
            '<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
            '<p begin="1s" end="2s">A</p></div></body></tt>',
            "ttml",
        ),
        ("a.sub", "{10}{20}A\n", "microdvd"),
        ("a.sub", "00:00:01.00,00:00:02.00\nA\n", "sbv"),
        ("a.txt", "[10][20]A\n", "mpl2"),
        ("a.txt", "00:00:01:A\n", "tmp"),
        ("a.srt", "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n", "vtt"),
    ],
)
def test_format_by_content(tmp_path: Path, name: str, text: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = read_track(path, fps=25)
    assert (result.format, result.detected_by) == (fmt, "content")
    assert len(result.track) == 1


def test_a_wrong_extension_is_reported() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:02.000\nA\n"
    result = parse_bytes(data, None, "a.srt")
    assert [n.message for n in result.notices] == ["named .srt but holds WebVTT: read as WebVTT"]


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("movie.sub", b"\x00\x00\x01\xba" + b"\x44" * 60, "VobSub"),
        (
            "movie.idx",
            b"# VobSub index file, v7 (do not modify this line!)\nsize: 720x576\n",
            "VobSub",
        ),
        ("movie.sup", b"PG" + b"\x00" * 8 + b"\x16" + b"\x00" * 20, "PGS"),
    ],
)
def test_picture_subtitles_are_refused_clearly(
    tmp_path: Path, name: str, data: bytes, what: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_track(path)
    message = str(err.value)
    assert what in message and "holds pictures of text, not text" in message
    assert "OCR" in message


def test_plain_text_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some words.\nNo times at all.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_track(path)
    assert str(err.value) == (
        f"{path}: cannot tell the caption format from the content (no timing lines found) "
        "('.txt'); plain text without times is not a caption file"
    )


def test_read_only_formats_are_not_written(tmp_path: Path) -> None:
    from subtools.io import format_for

    with pytest.raises(InputError, match="subtools reads Scenarist SCC"):
        format_for(tmp_path / "out.scc")
    with pytest.raises(InputError, match="does not write it"):
        format_for(tmp_path / "out.ssa")


def test_text_stl_is_spruce_frames_at_25_unless_fps_is_given() -> None:
    cues, notices, fmt = _read(FORMATS_DIR / "spruce.stl")
    assert fmt == "spruce"
    assert cues[0] == Cue(1480, 3000, "Spruce text\nsecond line")  # 12 frames at 25 fps
    assert notices[0] == "Spruce STL frames read at 25 per second (--fps to change)"
    at_30 = read_track(FORMATS_DIR / "spruce.stl", fps=30).track
    assert at_30.cues[0].start == 1400


def test_ass_refuses_times_it_cannot_hold() -> None:
    from subtools.io import render_track
    from subtools.model import Track

    track = Track((Cue(0, 1000, "a"), Cue(36_000_000, 36_001_000, "ten hours in")))
    with pytest.raises(InputError) as err:
        render_track(track, "ass")
    assert str(err.value) == (
        "ASS cannot hold times past 9:59:59.99; a cue ends at 10:00:01,000; "
        "write SRT, WebVTT or TTML instead"
    )
