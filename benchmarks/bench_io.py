"""Read + write a generated 20,000-cue SRT with subtools and with raw pysrt, same run;
read the same cues as ASS (vs pysubs2 alone) and as TTML (vs ttconv alone).

Goal (issues 2, 11): subtools' validation and conversion to its model cost at
most 1.5x the library alone.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pysrt

from benchmarks._gen import srt_text
from subtools.io import read_track, write_track

N = 20_000
ROUNDS = 5


def best(fn: object) -> float:
    times = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.srt"
        src.write_text(srt_text(N), encoding="utf-8")
        out_raw, out_sub = Path(tmp) / "raw.srt", Path(tmp) / "sub.srt"

        def raw_read() -> object:
            return pysrt.open(str(src), encoding="utf-8")

        items = raw_read()
        track = read_track(src).track
        raw_r = best(raw_read)
        sub_r = best(lambda: read_track(src))
        raw_w = best(lambda: items.save(str(out_raw), encoding="utf-8"))  # type: ignore[attr-defined]
        sub_w = best(lambda: write_track(track, out_sub))
        assert len(track) == N
    print(f"{N} cues, best of {ROUNDS}")
    for name, raw, sub in (("read ", raw_r, sub_r), ("write", raw_w, sub_w)):
        print(
            f"{name}: pysrt {raw * 1000:7.1f} ms   subtools {sub * 1000:7.1f} ms   "
            f"ratio {sub / raw:.2f}x"
        )
    total = (sub_r + sub_w) / (raw_r + raw_w)
    print(f"read+write ratio: {total:.2f}x (goal <= 1.5x)")
    other_formats()


def other_formats() -> None:
    """ASS and TTML reads: the library's own parse vs subtools' read_track (which
    adds decoding, sniffing, the guards and the conversion to the model)."""
    from xml.etree import ElementTree as ET

    import pysubs2
    from ttconv.imsc import reader as imsc_reader

    from subtools.io import parse_text, render_track
    from subtools.model import Cue

    track, _ = parse_text(srt_text(N), "srt")
    # one cue a second: ASS holds times up to 9:59:59.99 only
    track = track.with_cues(Cue(i * 1000, i * 1000 + 900, c.text) for i, c in enumerate(track))
    with tempfile.TemporaryDirectory() as tmp:
        ass, ttml = Path(tmp) / "in.ass", Path(tmp) / "in.ttml"
        ass.write_text(render_track(track, "ass"), encoding="utf-8")
        small = track[: N // 4]  # ttconv takes seconds on 20,000 paragraphs
        ttml.write_text(render_track(small, "ttml"), encoding="utf-8")
        rows = (
            ("ASS ", len(track), "pysubs2", lambda: pysubs2.load(str(ass)), ass),
            (
                "TTML",
                len(small),
                "ttconv ",
                lambda: imsc_reader.to_model(ET.parse(str(ttml))),
                ttml,
            ),
        )
        for name, cues, lib, raw, path in rows:
            assert len(read_track(path).track) == cues
            raw_t = best(raw)
            sub_t = best(lambda p=path: read_track(p))  # type: ignore[misc]
            print(
                f"{name} read, {cues} cues: {lib} {raw_t * 1000:7.1f} ms   "
                f"subtools {sub_t * 1000:7.1f} ms   ratio {sub_t / raw_t:.2f}x (goal <= 1.5x)"
            )


if __name__ == "__main__":
    main()
