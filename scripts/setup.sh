#!/usr/bin/env bash
# One-time setup on a fresh machine (Python 3.11): system packages, then the
# virtual environment at .venv with the CPU build of torch installed before
# argostranslate (otherwise pip resolves a CUDA build of several GB).
set -euo pipefail
cd "$(dirname "$0")/.."

# ffmpeg gives ffprobe (imageio-ffmpeg from PyPI is the fallback binary), DejaVu
# (core, and extra for the Condensed/Oblique faces the font tests use) covers
# Latin and Cyrillic for burned captions, fontconfig lists fonts, chromium renders the HTML
# report in the browser tests, espeak-ng speaks the align tests' and benchmark's captions.
APT_PACKAGES=(ffmpeg fonts-dejavu-core fonts-dejavu-extra fontconfig chromium espeak-ng)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
stamp=.venv/.setup-stamp
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q torch==2.13.0
# [fixture] (transformers, onnx) only rebuilds the test model: not installed here.
.venv/bin/python -m pip install -q -e '.[dev,cluster]'
echo "$want" > "$stamp"
