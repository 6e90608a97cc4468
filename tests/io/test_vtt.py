from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import parse_text, read_track, render_track
from subtools.io.vtt import parse_vtt
from subtools.model import Cue, Track


def read(tmp_path: Path, text: str) -> tuple[list[Cue], list[str]]:
    p = tmp_path / "in.vtt"
    p.write_text(text, encoding="utf-8")
    result = read_track(p)
    return list(result.track.cues), [n.message for n in result.notices]


def test_header_notes_styles_ids_settings_and_entities(tmp_path: Path) -> None:
    text = (
        "WEBVTT - sample\nKind: captions\n\nNOTE a comment\nspanning lines\n\n"
        "STYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:02.500 line:0 align:start\n"
        "Tom &amp; Jerry &lt;3\n\n01:00:03.000 --> 01:00:04.000\n<v Anna>Hi</v>\n"
    )
    cues, notices = read(tmp_path, text)
    assert cues == [Cue(1000, 2500, "Tom & Jerry <3"), Cue(3_603_000, 3_604_000, "<v Anna>Hi</v>")]
    assert notices == [
        "STYLE block not kept (styles are not converted)",
        "cue settings not kept: 'line:0 align:start'",
    ]


def test_timing_line_without_blank_line_starts_a_new_cue(tmp_path: Path) -> None:
    cues, _ = read(tmp_path, "WEBVTT\n\n00:00.000 --> 00:02.000\nA\n00:02.000 --> 00:04.000\nB\n")
    assert cues == [Cue(0, 2000, "A"), Cue(2000, 4000, "B")]


def test_stray_text_is_skipped_with_a_notice(tmp_path: Path) -> None:
    cues, notices = read(tmp_path, "WEBVTT\n\n00:00.000 --> 00:02.000\nA\n\nstray words\n")
    assert cues == [Cue(0, 2000, "A")]
    assert notices == ["text outside any cue skipped: 'stray words'"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "00:00.000 --> 00:01.000\nA\n",
            "in.vtt:1: not a WebVTT file: the first line must be WEBVTT ('00:00.000 --> 00:01.000')",
        ),
        # the only cue cannot be read: it is skipped, and nothing is left
        ("WEBVTT\n\n00:00.000 --> 00:0x.000\nA\n", "in.vtt: no subtitle cues found"),
    ],
)
def test_bad_vtt(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        read(tmp_path, text)
    assert str(err.value) == str(tmp_path / message)


def test_writer_escapes_text_but_keeps_tags() -> None:
    track = Track([Cue(0, 1500, "<i>A & B</i> 1 < 2 --> 3")])
    assert render_track(track, "vtt") == (
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n<i>A &amp; B</i> 1 &lt; 2 --&gt; 3\n"
    )


def test_every_html_character_reference_is_decoded(tmp_path: Path) -> None:
    # WebVTT text may use any HTML character reference; SRT has none, so a
    # reference left undecoded showed up as '&quot;' in the converted file.
    cues, _ = read(
        tmp_path,
        "WEBVTT\n\n00:00.000 --> 00:01.000\n"
        "&quot;No&quot; &#39;ok&#39; &mdash; &#x2014; &amp;quot; &bogus; &notit; A&nbsp;\n",
    )
    assert cues == [Cue(0, 1000, "\"No\" 'ok' — — &quot; &bogus; &notit; A\u00a0")]


def test_no_break_space_survives_a_round_trip() -> None:
    track = Track([Cue(0, 1000, "A\u00a0B\u00a0")])
    text = render_track(track, "vtt")
    assert text == "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA&nbsp;B&nbsp;\n"
    assert parse_text(text, "vtt")[0].cues == track.cues


def test_dropped_style_and_region_blocks_are_reported_once(tmp_path: Path) -> None:
    # Styles and regions were dropped without a word: a silent change.
    _, notices = read(
        tmp_path,
        "WEBVTT\n\nREGION\nid:top\n\nSTYLE\n::cue { color: red }\n\nSTYLE\n::cue(b) {}\n\n"
        "NOTE just a comment\n\n00:00.000 --> 00:01.000\nA\n",
    )
    assert notices == [
        "REGION block not kept (regions are not converted)",
        "STYLE block not kept (styles are not converted)",
    ]


@pytest.mark.parametrize(
    ("timing", "message"),
    [
        ("00:00.000 --> 00:0x.000", "bad timing line"),
        ("00:05.000 --> 00:01.000", "cue ends before it starts"),
        ("00:00:61.000 --> 00:01:00.000", "bad timestamp: minutes and seconds must be below 60"),
    ],
)
def test_unreadable_cue_is_skipped_with_its_line(timing: str, message: str) -> None:
    text = f"WEBVTT\n\n00:00.000 --> 00:01.000\nA\n\n{timing}\nB\n\n00:02.000 --> 00:03.000\nC\n"
    cues, notices = parse_vtt(text, "in.vtt")
    assert [c.text for c in cues] == ["A", "C"]
    assert [str(n) for n in notices] == [f"in.vtt:6: cue skipped: {message}: {timing!r}"]


@pytest.mark.parametrize(
    ("timing", "start", "end", "message"),
    [
        ("00:01:41.00 --> 00:01:42.500", 101_000, 102_500, "short milliseconds read as a fraction"),
        ("00:01:39 --> 00:01:40.000", 99_000, 100_000, "timestamp without milliseconds"),
        ("1:02.5 --> 1:03.250", 62_500, 63_250, "short milliseconds read as a fraction"),
    ],
)
def test_short_timestamps_read_with_a_warning(
    timing: str, start: int, end: int, message: str
) -> None:
    cues, notices = parse_vtt(f"WEBVTT\n\n{timing}\nA\n", "in.vtt")
    assert cues == [Cue(start, end, "A")]
    assert [str(n) for n in notices] == [f"in.vtt:3: {message}: {timing!r}"]
