"""``check`` on a generated 20,000-cue SRT beside a raw pysrt parse of the same file.

Goal (issue 5): check under 1 s with the language rules excluded; their cost
(langdetect on every cue long enough to judge) is measured and printed separately.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pysrt

from subtools.check import FixOptions, fix_track, load_profile, run_checks
from subtools.io import read_track
from subtools.model import Track
from subtools.timecode import format_srt
from subtools.usecases.check import check_file

N = 20_000
ROUNDS = 3
_VOCAB = (
    "we were sent to the front line without weapons and training the commander said "
    "attached assault unit contracts serve ammunition yesterday comrades killed mortar fire "
    "near zero line appealed military police recording video permanent base"
)
EN = _VOCAB.split()


def generate(n: int, seed: int = 5) -> str:
    """Caption-like cues with a few percent of every kind of problem the rules look for."""
    rng = random.Random(seed)
    parts, t = [], 0
    for i in range(1, n + 1):
        start = t + rng.choice((40, 80, 120, 200, 400, 800))
        end = start + rng.randint(600, 7500)
        words = [rng.choice(EN) for _ in range(rng.randint(2, 16))]
        half = max(1, len(words) // 2)
        text = " ".join(words[:half]).capitalize() + "\n" + " ".join(words[half:]) + "."
        if rng.random() < 0.05:
            text = f"<i>{text}</i>"
        if rng.random() < 0.01:
            text = text.replace("</i>", "")
        parts.append(f"{i}\n{format_srt(start)} --> {format_srt(end)}\n{text}\n")
        t = end - (300 if rng.random() < 0.02 else 0)
    return "\n".join(parts)


def sample_repeated(n: int) -> Track:
    """The English sample's real sentences, repeated to ``n`` cues (for the language cost)."""
    sample = read_track(Path(__file__).resolve().parents[1] / "samples" / "captions.en.srt").track
    span = sample.end + 1000
    cues = [c.shifted(k * span) for k in range(n // len(sample) + 1) for c in sample][:n]
    return Track(tuple(cues), language="en")


def best(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    profile = load_profile("netflix-en")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bench.srt"
        src.write_text(generate(N), encoding="utf-8")
        size = src.stat().st_size
        raw = best(lambda: pysrt.open(str(src), encoding="utf-8"))
        read = best(lambda: read_track(src))
        whole = best(lambda: check_file(src, profile, language=False))
        track = read_track(src).track.with_language("en")
        rules = best(lambda: run_checks(track, profile, language=False))
        findings = run_checks(track, profile, language=False)
        fix = best(lambda: fix_track(track, profile), 1)
        fix_all = best(lambda: fix_track(track, profile, FixOptions(True, True)), 1)
        lang_rules = ("untranslated", "track-language")
        lang = best(lambda: run_checks(track, profile, only=lang_rules), 1)
        judged = sum(len(c.text) >= 20 for c in track)
        real = sample_repeated(N)
        lang_real = best(lambda: run_checks(real, profile, only=lang_rules), 1)
    print(f"{N} cues, {size / 1e6:.2f} MB, best of {ROUNDS}; {len(findings)} findings")
    print(f"raw pysrt parse            {raw * 1000:8.1f} ms   (baseline)")
    print(f"subtools read_track        {read * 1000:8.1f} ms   {read / raw:5.2f}x")
    print(f"check rules only           {rules * 1000:8.1f} ms   {rules / raw:5.2f}x")
    print(
        f"check_file, no language    {whole * 1000:8.1f} ms   {whole / raw:5.2f}x"
        f"   goal < 1000 ms: {'met' if whole < 1 else 'MISSED'}"
    )
    print(
        f"language rules, generated  {lang * 1000:8.1f} ms   (random words: {judged} cues "
        f"long enough, many without function words, so langdetect is asked often)"
    )
    print(
        f"language rules, real text  {lang_real * 1000:8.1f} ms   "
        f"(the English sample repeated to {N} cues)"
    )
    print(f"fix (default)              {fix * 1000:8.1f} ms")
    print(f"fix --split-long --merge-short {fix_all * 1000:4.1f} ms")


if __name__ == "__main__":
    main()
