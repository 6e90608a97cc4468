"""Cut a verbatim transcript into a caption track, as a captioner would time it.

Cues hold at most two lines of 42 characters and last as long as reading them
takes at 15 characters per second (at least 1.2 s). A cue closes early at the
end of a sentence once it is half full, so cues mostly start with a sentence,
and a blank line in the transcript (a paragraph, a pause in the speech) always
closes the cue and adds a pause. The tests' real-world tracks in
tests/quotes/realworld/captions/ are made by this script; a test checks they
are up to date.

Run: python scripts/transcript_to_captions.py TRANSCRIPT.txt OUT.srt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from subtools.model import Cue, Track

__all__ = ["LINE", "cut_transcript", "main"]

LINE = 42  # characters per line
LINES = 2  # lines per cue
CPS = 15  # reading speed, characters per second
MIN_MS = 1200
GAP_MS = 120  # between cues
PAUSE_MS = 800  # extra at a paragraph break


def _lines(words: list[str]) -> list[str]:
    lines: list[str] = []
    for w in words:
        if lines and len(lines[-1]) + 1 + len(w) <= LINE:
            lines[-1] += " " + w
        else:
            lines.append(w)
    return lines


def _cues_of(paragraph: str) -> list[str]:
    """The cue texts of one paragraph, lines joined by a newline."""
    out: list[str] = []
    current: list[str] = []
    for w in paragraph.split():
        if len(_lines([*current, w])) > LINES:
            out.append("\n".join(_lines(current)))
            current = []
        current.append(w)
        half = len(" ".join(current)) >= LINE * LINES // 2
        if half and re.search(r"[.!?]['\"’”]?$", w):
            out.append("\n".join(_lines(current)))
            current = []
    if current:
        out.append("\n".join(_lines(current)))
    return out


def cut_transcript(text: str) -> Track:
    cues: list[Cue] = []
    t = 1000
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        for body in _cues_of(paragraph):
            duration = max(MIN_MS, round(len(body.replace("\n", " ")) * 1000 / CPS))
            cues.append(Cue(t, t + duration, body))
            t += duration + GAP_MS
        t += PAUSE_MS
    return Track(tuple(cues))


def main(argv: list[str]) -> int:
    from subtools.io import write_track

    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    source, out = argv
    write_track(cut_transcript(Path(source).read_text(encoding="utf-8")), out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
