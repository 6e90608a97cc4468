"""Read + write a generated 20,000-cue SRT with subtools and with raw pysrt, same run.

Goal (issue 2): subtools' validation costs at most 1.5x raw pysrt.
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


if __name__ == "__main__":
    main()
