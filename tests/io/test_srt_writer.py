"""The SRT writer lays cues out exactly as pysrt does (it used to write through pysrt)."""

from __future__ import annotations

import io

import pysrt
from hypothesis import given
from hypothesis import strategies as st

from subtools.io.srt import write_srt
from subtools.model import Cue

TEXT = st.sampled_from(["a", "a\nb", "", "x\n", "\n", "x\n\n", "  y ", "<i>q</i>", "Мы, 57-й"])
CUES = st.lists(
    st.tuples(st.integers(0, 400_000_000), st.integers(0, 10_000), TEXT).map(
        lambda t: Cue(t[0], t[0] + t[1], t[2])
    ),
    max_size=6,
)


def _through_pysrt(cues: list[Cue]) -> str:
    out = io.StringIO()
    time = pysrt.SubRipTime
    pysrt.SubRipFile(
        [
            pysrt.SubRipItem(n, time(milliseconds=c.start), time(milliseconds=c.end), c.text)
            for n, c in enumerate(cues, 1)
        ]
    ).write_into(out, eol="\n")
    return out.getvalue()


@given(CUES)
def test_written_as_pysrt_writes(cues: list[Cue]) -> None:
    assert write_srt(cues) == _through_pysrt(cues)
