"""The README's align picture: a generated interview with a cut, aligned with ``--plot``.

Speech from the align tests' own lines (tests/align/conftest.py) spoken by
espeak-ng; the captions' second half is 6 s late, as after an ad break
removed from the video.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.align_cases import build_media, distort, synth_audio  # noqa: E402
from subtools.io import write_track  # noqa: E402
from tests.align.conftest import track  # noqa: E402


def main() -> None:
    out = ROOT / "docs" / "align-plot.png"
    # Kept in demo-output/align/ so that README's `align` example runs as printed.
    folder = ROOT / "demo-output" / "align"
    folder.mkdir(parents=True, exist_ok=True)
    if True:
        video = build_media(synth_audio(track("en"), "en"), folder / "interview.mp4")
        captions = folder / "interview.en.srt"
        write_track(distort(track("en"), "cut6000").track.shifted(1500), captions)
        cli = [sys.executable, str(ROOT / "cli.py"), "align", str(video), str(captions)]
        subprocess.run([*cli, "-o", str(folder / "aligned.srt"), "--plot", str(out)], check=True)
    print(out)


if __name__ == "__main__":
    main()
