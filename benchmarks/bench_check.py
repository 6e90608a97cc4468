"""``check`` on a generated 20,000-cue SRT beside a raw pysrt parse of the same file.

Goal (issue 5): check under 1 s with the language rules excluded; their cost
(langdetect on every cue long enough to judge) is measured and printed separately.
Goal (issue 15): ``subtools check`` and ``subtools fix`` on 50,000 cues, whole
processes with the language rules and all their output, under 5 s each (CPU
time of the process, the steadier measure on a shared machine; wall time too).
"""

from __future__ import annotations

import random
import resource
import subprocess
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
ROUNDS = 5
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


def best(fn: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds over ``rounds``: on a shared machine the CPU
    time is the steadier measure of what the code costs."""
    walls, cpus = [], []
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)


def row(name: str, t: tuple[float, float], base: tuple[float, float] | None, note: str = "") -> str:
    ratio = f"{t[1] / base[1]:5.2f}x" if base else "      "
    return f"{name:<32}{t[0] * 1000:9.1f} ms wall {t[1] * 1000:9.1f} ms cpu  {ratio}  {note}"


ROOT = Path(__file__).resolve().parents[1]
BIG = 50_000


def process(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``subtools`` process (output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def big_files() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generated, real = Path(tmp) / "generated.srt", Path(tmp) / "real.srt"
        generated.write_text(generate(BIG), encoding="utf-8")
        track = sample_repeated(BIG)
        from subtools.io import write_track

        write_track(track, real)
        print(f"\n{BIG} cues, whole subtools processes (with language rules and output)")
        for name, src in (("generated", generated), ("real text", real)):
            for command in ("check", "fix"):
                extra = ["-o", str(Path(tmp) / f"out-{command}.srt")] if command == "fix" else []
                wall, cpu = process([command, str(src), *extra])
                goal = "met" if cpu < 5 else "MISSED"
                print(
                    f"{command + ' ' + name:<32}{wall:9.2f} s wall {cpu:9.2f} s cpu  "
                    f"goal < 5 s cpu: {goal}"
                )


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
    print(row("raw pysrt parse (baseline)", raw, None))
    print(row("subtools read_track", read, raw))
    print(row("check rules only", rules, raw))
    goal = "met" if whole[1] < 1 else "MISSED"
    print(row("check_file, no language", whole, raw, f"goal < 1 s cpu: {goal}"))
    print(row("language rules, generated", lang, None, f"{judged} cues of 20+ characters"))
    print(row("language rules, real text", lang_real, None, "English sample repeated"))
    print(row("fix (default)", fix, None))
    print(row("fix --split-long --merge-short", fix_all, None))
    big_files()


if __name__ == "__main__":
    main()
