"""Every bad-input case of the SRT reader, with the exact behaviour expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.io import read_track, render_track
from subtools.model import Cue, Track

GOOD = "1\n00:00:01,000 --> 00:00:02,500\nHello\nworld\n\n2\n00:00:03,000 --> 00:00:04,000\n<i>Bye</i>\n"
EXPECTED = [Cue(1000, 2500, "Hello\nworld"), Cue(3000, 4000, "<i>Bye</i>")]


def write(tmp_path: Path, data: bytes | str, name: str = "in.srt") -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return p


def cues_of(path: Path) -> list[Cue]:
    return list(read_track(path).track.cues)


@pytest.mark.parametrize(
    "variant",
    [
        GOOD,
        GOOD.replace("\n", "\r\n"),
        GOOD.replace("\n", "\r"),
        GOOD.rstrip("\n"),
        GOOD.replace(",", "."),
        "\ufeff" + GOOD,
        GOOD + "\n\n\n",
        "\n\n" + GOOD,
    ],
    ids=[
        "lf",
        "crlf",
        "bare-cr",
        "no-trailing-newline",
        "dot-ms",
        "bom",
        "trailing-blanks",
        "leading-blanks",
    ],
)
def test_layout_variants_read_the_same(tmp_path: Path, variant: str) -> None:
    result = read_track(write(tmp_path, variant))
    assert list(result.track.cues) == EXPECTED
    assert result.notices == ()


def test_missing_index_lines(tmp_path: Path) -> None:
    text = (
        "00:00:01,000 --> 00:00:02,500\nHello\nworld\n\n00:00:03,000 --> 00:00:04,000\n<i>Bye</i>\n"
    )
    assert cues_of(write(tmp_path, text)) == EXPECTED


def test_missing_blank_line_splits_and_warns(tmp_path: Path) -> None:
    text = GOOD.replace("world\n\n2", "world\n2")
    result = read_track(write(tmp_path, text))
    assert list(result.track.cues) == EXPECTED
    assert [str(n) for n in result.notices] == [
        f"{tmp_path / 'in.srt'}:5: missing blank line before this cue: split"
    ]


def test_missing_blank_line_and_index_splits(tmp_path: Path) -> None:
    text = GOOD.replace("world\n\n2\n", "world\n")
    result = read_track(write(tmp_path, text))
    assert list(result.track.cues) == EXPECTED
    assert [n.message for n in result.notices] == [
        "missing blank line and number before this cue: split"
    ]


def test_number_separated_from_its_timing_by_a_blank_line(tmp_path: Path) -> None:
    # The next cue's number ended up in this cue's text ("A\n2"), reported as
    # a removed blank line.
    text = "1\n\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n\n00:00:03,000 --> 00:00:04,000\nB\n"
    result = read_track(write(tmp_path, text))
    assert list(result.track.cues) == [Cue(1000, 2000, "A"), Cue(3000, 4000, "B")]
    assert result.notices == ()


def test_a_number_line_that_is_not_the_next_cue_number_stays_text(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nCount:\n7\n\n00:00:03,000 --> 00:00:04,000\nB\n"
    assert cues_of(write(tmp_path, text)) == [Cue(1000, 2000, "Count:\n7"), Cue(3000, 4000, "B")]


@pytest.mark.parametrize("last", [True, False], ids=["last-cue", "middle-cue"])
def test_blank_line_after_the_timing_line_is_removed_and_reported(
    tmp_path: Path, last: bool
) -> None:
    # In the last cue this reached pysrt unchanged: "internal error: InvalidItem".
    a, b = "1\n00:00:01,000 --> 00:00:02,000\n", "2\n00:00:03,000 --> 00:00:04,000\n"
    text = a + "A\n\n" + b + "\n\nB\n" if last else a + "\nA\n\n" + b + "B\n"
    result = read_track(write(tmp_path, text))
    assert list(result.track.cues) == [Cue(1000, 2000, "A"), Cue(3000, 4000, "B")]
    assert [(n.line, n.message) for n in result.notices] == [
        (7 if last else 3, "blank line after the timing line: removed")
    ]


def test_joined_files_with_a_bom_in_the_middle(tmp_path: Path) -> None:
    # `cat a.srt b.srt`: the second file's BOM and number went into cue 1's text.
    part = "\ufeff1\n00:00:0{},000 --> 00:00:0{},500\n{}\n\n"
    text = part.format(1, 1, "A") + part.format(3, 3, "B")
    result = read_track(write(tmp_path, text.encode("utf-8")))
    assert list(result.track.cues) == [Cue(1000, 1500, "A"), Cue(3000, 3500, "B")]
    assert [(n.line, n.message) for n in result.notices] == [
        (5, "byte order mark inside the file (joined files?): removed")
    ]


def test_an_arrow_in_cue_text_is_text(tmp_path: Path) -> None:
    # WebVTT "1 &lt; 2 --&gt; 3" converted to SRT was refused as a bad timing line.
    track = Track([Cue(1000, 2000, "A\n1 < 2 --> 3"), Cue(3000, 4000, "5 -> 6")])
    text = render_track(track, "srt")
    assert cues_of(write(tmp_path, text)) == list(track.cues)


def test_a_broken_timing_line_after_a_number_is_still_refused(tmp_path: Path) -> None:
    text = GOOD.replace("00:00:03,000 -->", "00 00 03,000 -->")
    with pytest.raises(InputError) as err:
        read_track(write(tmp_path, text))
    assert str(err.value) == str(
        tmp_path / "in.srt:7: bad timing line ('00 00 03,000 --> 00:00:04,000')"
    )


def test_text_that_is_a_number_is_kept(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n1428\n\n2\n00:00:03,000 --> 00:00:04,000\n42\n"
    assert cues_of(write(tmp_path, text)) == [Cue(1000, 2000, "1428"), Cue(3000, 4000, "42")]


def test_empty_cue_is_kept_with_a_notice(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n"
    result = read_track(write(tmp_path, text))
    assert list(result.track.cues) == [Cue(1000, 2000, ""), Cue(3000, 4000, "B")]
    assert [n.message for n in result.notices] == ["empty cue kept"]


def test_timestamp_without_milliseconds_is_read_and_reported(tmp_path: Path) -> None:
    result = read_track(write(tmp_path, "1\n00:00:01 --> 00:00:10\nText\n"))
    assert list(result.track.cues) == [Cue(1000, 10000, "Text")]
    assert [(n.line, n.message) for n in result.notices] == [
        (2, "timestamp without milliseconds: '00:00:01 --> 00:00:10'")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace("00:00:03,000", "00:00:0x,000"),
            "in.srt:7: bad timing line ('00:00:0x,000 --> 00:00:04,000')",
        ),
        (
            GOOD.replace("00:00:03,000", "00:00:75,000"),
            "in.srt:7: bad timestamp: minutes and seconds must be below 60 ('00:00:75,000 --> 00:00:04,000')",
        ),
        (
            GOOD.replace("00:00:03,000", "00:00:05,000"),
            "in.srt:7: cue ends before it starts ('00:00:05,000 --> 00:00:04,000')",
        ),
        (
            "just some words\nand more\n",
            "in.srt: no subtitle cues found (no timing line like '00:00:01,000 --> 00:00:02,000')",
        ),
        ("Title\n" + GOOD, "in.srt:1: text before the first cue ('Title')"),
    ],
    ids=["bad-timestamp", "seconds-over-59", "end-before-start", "no-cues", "junk-before"],
)
def test_bad_input_is_a_clear_error_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        read_track(path)
    assert str(err.value) == str(tmp_path / message)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x00\x01\x02" * 100, "binary data, not a subtitle file ('300 bytes')"),
    ],
)
def test_empty_and_binary_input(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(InputError) as err:
        read_track(path)
    assert str(err.value) == f"{path}: {message}"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_track(tmp_path / "nope.srt")
    (tmp_path / "dir.srt").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_track(tmp_path / "dir.srt")


def test_cp1251_file_is_detected_and_reported(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nМы не подписывали никаких контрактов.\n"
    result = read_track(write(tmp_path, text.encode("cp1251")))
    assert result.track.cues[0].text == "Мы не подписывали никаких контрактов."
    assert result.encoding.label == "cp1251 (guessed)"


def test_utf16_bom_file(tmp_path: Path) -> None:
    result = read_track(write(tmp_path, "\ufeff".encode("utf-16-le") + GOOD.encode("utf-16-le")))
    assert (list(result.track.cues), result.encoding.label) == (EXPECTED, "utf-16-le (BOM)")


def test_srt_in_a_txt_file_reads_by_content(tmp_path: Path) -> None:
    result = read_track(write(tmp_path, GOOD, "in.txt"))
    assert (result.format, result.detected_by) == ("srt", "content")


def test_unsupported_extension(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_track(write(tmp_path, "hello\n", "in.doc"))
    assert str(err.value).startswith(
        f"{tmp_path / 'in.doc'}: unsupported caption file type ('.doc'); subtools reads: .srt, .vtt, .json, .ass"
    )


def test_blank_line_inside_text_is_reported(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nA\n\nB\n\n2\n00:00:03,000 --> 00:00:04,000\nC\n"
    result = read_track(write(tmp_path, text))
    assert list(result.track.cues) == [Cue(1000, 2000, "A\nB"), Cue(3000, 4000, "C")]
    assert [n.message for n in result.notices] == ["blank line inside cue text: removed"]
