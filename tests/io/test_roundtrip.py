"""Property tests: read -> write -> read gives the same cues, for every format."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.io import parse_bytes, parse_text, render_track
from subtools.model import Cue, Track
from subtools.timecode import format_srt

ALPHABET = (
    string.ascii_letters
    + string.digits
    + " .,!?'\"-&<>/{}\\"
    + "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ"
)

line = (
    st.text(ALPHABET, min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: bool(s) and "-->" not in s and "->" not in s)
)
text = st.lists(line, min_size=1, max_size=3).map("\n".join)


@st.composite
def tracks(draw: st.DrawFn) -> Track:
    n = draw(st.integers(1, 15))
    t, cues = draw(st.integers(0, 10**7)), []
    for _ in range(n):
        start = t + draw(st.integers(0, 5000))
        end = start + draw(st.integers(0, 10_000))
        cues.append(Cue(start, end, draw(text)))
        t = draw(st.sampled_from([start, end]))
    return Track(tuple(cues))


@settings(max_examples=150)
@given(tracks(), st.sampled_from(["srt", "vtt", "json"]))
def test_round_trip(track: Track, fmt: str) -> None:
    once, _ = parse_text(render_track(track, fmt), fmt)
    assert once.cues == track.cues
    twice, _ = parse_text(render_track(once, fmt), fmt)
    assert twice.cues == track.cues


@given(
    tracks(),
    st.sampled_from(["srt", "vtt"]),
    st.sampled_from(["\r\n", "\r"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]),
)
def test_newline_styles_and_encodings_read_the_same(
    track: Track, fmt: str, eol: str, encoding: str
) -> None:
    data = render_track(track, fmt).replace("\n", eol).encode(encoding)
    # A few random letters cannot identify a code page: legacy files are read
    # with --encoding here; detection has its own tests on real sentences.
    forced = encoding if encoding == "cp1251" else None
    assert parse_bytes(data, fmt, encoding=forced).track.cues == track.cues


@st.composite
def messy_srt(draw: st.DrawFn) -> tuple[str, Track]:
    """An SRT text as hand-edited files have it, and the track it holds: numbers
    missing or set off by a blank line, blank lines after the timing line or
    doubled between cues, CRLF."""
    # A text line "7" before an unnumbered timing line is that cue's number: no digits-only lines.
    track = draw(tracks()).map_text(
        lambda text: "\n".join(line + " x" if line.isdigit() else line for line in text.split("\n"))
    )
    blocks = []
    for n, cue in enumerate(track.cues, 1):
        number = draw(st.sampled_from(["", f"{n}\n", f"{n}\n\n"]))
        after = draw(st.sampled_from(["", "", "\n"]))
        timing = f"{format_srt(cue.start)} --> {format_srt(cue.end)}\n"
        blocks.append(number + timing + after + cue.text + "\n")
    text = "".join(b + draw(st.sampled_from(["\n", "\n", "\n\n"])) for b in blocks)
    return (text.replace("\n", "\r\n") if draw(st.booleans()) else text), track


@settings(max_examples=300)
@given(messy_srt())
def test_messy_srt_layouts_read_the_same_cues(case: tuple[str, Track]) -> None:
    text, track = case
    assert parse_bytes(text.encode(), "srt").track.cues == track.cues


# --- text that looks like structure: every format either writes it so that it
# reads back as the same cues, or refuses it naming the cue (never a cue more).

_ANY_LINE = st.lists(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(["-->", "--&gt;", "\n", "0"]),
    max_size=20,
).map("".join)
_TIMING_LINE = st.builds(
    lambda a, b, tail: f"{format_srt(a)} --> {format_srt(b)}{tail}",
    st.integers(0, 10**7),
    st.integers(0, 10**7),
    st.sampled_from(["", " x"]),
)


def _layout(text: str) -> str:
    """What any SRT/WebVTT file can carry of a text: no CR, blank line or trailing space."""
    lines = text.replace("\r", "\n").split("\n")
    return "\n".join(ln.rstrip() for ln in lines if ln.strip())


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["srt", "vtt", "json"]),
    st.lists(st.lists(_ANY_LINE | _TIMING_LINE, min_size=1, max_size=4), min_size=1, max_size=4),
)
def test_text_that_looks_like_structure_reads_back_as_the_same_cues_or_is_refused(
    fmt: str, texts: list[list[str]]
) -> None:
    from subtools.errors import InputError

    # A BOM is not text: every reader drops it (files joined with cat carry one inside).
    joined = ["\n".join(t).replace("\ufeff", "") for t in texts]
    written = [_layout(t) if fmt != "json" else t for t in joined]
    cues = tuple(Cue(i * 1000, i * 1000 + 500, t) for i, t in enumerate(written))
    try:
        data = render_track(Track(cues), fmt).encode("utf-8")
    except InputError as exc:
        bad = int(str(exc).split(":")[0].removeprefix("cue "))
        assert "\x00" in written[bad - 1] or "->" in written[bad - 1] or "—>" in written[bad - 1]
        return
    back = parse_bytes(data, fmt).track.cues
    assert [(c.start, c.end, c.text) for c in back] == [(c.start, c.end, c.text) for c in cues]


def test_a_json_cue_with_a_timing_line_is_refused_by_the_srt_writer_with_the_cue_named() -> None:
    from subtools.errors import InputError

    cues = (Cue(0, 1000, "fine"), Cue(1000, 2000, "hello\n00:00:05,500 --> 00:00:06,000\nworld"))
    try:
        render_track(Track(cues), "srt")
    except InputError as exc:
        assert str(exc) == (
            "cue 2: a line of its text reads as an SRT timing line and would start a new cue "
            "('00:00:05,500 --> 00:00:06,000'); edit that line, or write WebVTT or JSON, "
            "which can hold it"
        )
    else:
        raise AssertionError("written as SRT")
    vtt = render_track(Track(cues), "vtt")
    assert "00:00:05,500 --&gt; 00:00:06,000" in vtt
    assert [c.text for c in parse_bytes(vtt.encode(), "vtt").track.cues] == [c.text for c in cues]


def test_a_nul_in_cue_text_is_refused_by_every_caption_writer() -> None:
    from subtools.errors import InputError

    track = Track((Cue(0, 1000, "a\x00b"),))
    for fmt in ("srt", "vtt"):
        try:
            render_track(track, fmt)
        except InputError as exc:
            assert str(exc).startswith("cue 1: its text holds a NUL character")
        else:
            raise AssertionError(fmt)
