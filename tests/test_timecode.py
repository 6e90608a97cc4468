from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from subtools.errors import InputError
from subtools.timecode import format_seconds, format_srt, format_vtt, parse_duration


def test_formats() -> None:
    assert format_srt(3_723_004) == "01:02:03,004"
    assert format_vtt(3_723_004) == "01:02:03.004"
    assert format_seconds(62_500) == "1:02.500"
    assert format_seconds(3_723_004) == "1:02:03.004"


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("-1.5s", -1500),
        ("1.5", 1500),
        ("250ms", 250),
        ("2m", 120_000),
        ("1h", 3_600_000),
        ("00:00:01,500", 1500),
        ("-00:00:01,500", -1500),
        ("1:02.5", 62_500),
        ("01:02:03.004", 3_723_004),
        # an explicit "+" (later) and a space before the unit were refused
        ("+1.5s", 1500),
        ("+00:00:01,500", 1500),
        ("1.5 s", 1500),
        ("-250 ms", -250),
    ],
)
def test_parse_duration(text: str, ms: int) -> None:
    assert parse_duration(text) == ms


@pytest.mark.parametrize("text", ["abc", "1:75", "00:00:61,000", "", "+-1s", "1 s s"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(InputError):
        parse_duration(text)


@given(st.integers(0, 10**9))
def test_srt_timecode_round_trip(ms: int) -> None:
    assert parse_duration(format_srt(ms)) == ms
    assert parse_duration(format_vtt(ms)) == ms
