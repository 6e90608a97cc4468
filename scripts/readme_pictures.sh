#!/usr/bin/env bash
# Regenerate the README's pictures from the project's own outputs: the demo's
# HTML quote report (rendered by headless Chromium), a frame of its burned
# quote clip, a frame of a vertical clip with speaker label and credit, and
# `align --plot` on a generated interview with a cut.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/subtools demo --out demo-output >/dev/null
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$profile" --window-size=1280,1650 \
  --screenshot="$PWD/docs/quotes-report.png" "file://$PWD/demo-output/quotes/quotes.html" 2>/dev/null
cp demo-output/quotes/quote4.png docs/burn-frame.png
.venv/bin/python scripts/align_picture.py >/dev/null
ls -l docs/quotes-report.png docs/burn-frame.png docs/align-plot.png
# A vertical (9:16) clip of quote 3 with a speaker label and a credit, frame at 1.5 s.
.venv/bin/subtools clip demo-output/sample-video.mp4 samples/captions.en.srt --quote 3 \
  --article samples/article.txt --aspect 9:16 --height 960 \
  --label "Mobilized soldier, 57th Battalion" --credit "Captions: volunteer translators" \
  -o demo-output/quote3-vertical.mp4 >/dev/null
.venv/bin/python -c "from subtools.usecases.burn import save_frame; \
save_frame('demo-output/quote3-vertical.mp4', 'docs/clip-vertical.png', at_ms=1500)"
ls -l docs/clip-vertical.png
