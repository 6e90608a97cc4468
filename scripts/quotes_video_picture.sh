#!/usr/bin/env bash
# Regenerate docs/quotes-video-report.png: the sample article's HTML quote report
# with --video (a synthetic 56 s video and the sample captions), rendered by
# headless Chromium after a click on quote 8, so the player shows that quote's
# first frame with its caption.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" -c "from subtools.usecases.burn import make_test_video as m; m('$work/video.mp4', 56, '640x360')"
"$py" cli.py quotes samples/article.txt samples/captions.en.srt \
  --html "$work/report.html" --video "$work/video.mp4" >/dev/null || true
# The click, as a reader would make it (added to a copy of the page only).
"$py" - "$work" <<'PY'
import sys
from pathlib import Path

work = Path(sys.argv[1])
page = (work / "report.html").read_text(encoding="utf-8")
click = (
    "<script>(function(){var v=document.getElementById('video');"
    "var el=document.querySelector('mark[data-quote=\"8\"]');"
    "v.addEventListener('seeked',function(){v.pause();});"
    "if(v.readyState>=1){el.click();}else{v.addEventListener('loadedmetadata',"
    "function(){el.click();});}})();</script>"
)
(work / "shot.html").write_text(page.replace("</body>", click + "</body>"), encoding="utf-8")
PY
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --autoplay-policy=no-user-gesture-required --virtual-time-budget=10000 \
  --user-data-dir="$work/profile" --window-size=1280,1100 \
  --screenshot="$PWD/docs/quotes-video-report.png" "file://$work/shot.html" 2>/dev/null
ls -l docs/quotes-video-report.png
