#!/usr/bin/env bash
# Build sdist + wheel, install the wheel into a fresh virtual environment outside
# the checkout, and use it from an empty folder with no network: what a user who
# runs `pip install subtools-*.whl` gets. Part of `make test`, so CI checks it.
# Usage: scripts/check_wheel.sh [PYTHON]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
PY=${1:-.venv/bin/python}
t0=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/subtools-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf 'check-wheel: %-44s (%ss)\n' "$1" "$((SECONDS - t0))"; }

# 1. sdist, then the wheel built from that sdist (so the sdist is complete too).
"$PY" -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
wheel=$(ls "$work"/dist/subtools-*.whl)
step "built $(basename "$wheel")"
"$PY" - "$wheel" <<'PYEOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = [
    "subtools/_data/samples/article.txt",
    "subtools/_data/samples/captions.en.srt",
    "subtools/_data/samples/captions.ru.srt",
    "subtools/_data/models/ru_en_tiny.argosmodel",
    "subtools/check/profiles/netflix-en.toml",
    "subtools/__main__.py",
    "subtools/py.typed",
    "cli.py",
]
missing = [n for n in need if n not in names]
shipped_tests = sorted(n for n in names if n.startswith("tests/") or n.endswith("/fake.py"))
if missing or shipped_tests:
    sys.exit(f"wheel content wrong: missing {missing}, test files shipped {shipped_tests}")
PYEOF

# 2. A fresh venv from the same base interpreter; CPU torch first, as setup.sh does.
base=$("$PY" -c 'import sys; print(sys._base_executable)')
"$base" -m venv "$work/venv"
pip_log="$work/pip.log"
{ "$work/venv/bin/python" -m pip install -q torch==2.13.0 \
    && "$work/venv/bin/python" -m pip install -q "$wheel"; } >"$pip_log" 2>&1 \
  || { grep -v "^WARNING: Location" "$pip_log"; exit 1; }
step "installed into a fresh venv"

# 3. From an empty folder, without the checkout, a user's home or the network.
mkdir "$work/empty" "$work/home"
cd "$work/empty"
offline=()
if unshare -n true 2>/dev/null; then offline=(unshare -n); fi
run() {
  env -i PATH="$work/venv/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work/home" LANG=C.UTF-8 \
    "${offline[@]}" "$@"
}
run subtools --version --verbose
run python -m subtools --version >/dev/null
run subtools doctor >"$work/doctor.log" || { cat "$work/doctor.log"; exit 1; }
for shell in bash zsh fish; do
  run env _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION=1 subtools --show-completion "$shell" \
    | grep -q _SUBTOOLS_COMPLETE || { echo "no $shell completion script" >&2; exit 1; }
done
step "version, doctor, completion (bash zsh fish)"
run subtools demo --out out >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
for f in translation/captions.fixture-draft.en.srt quotes/quotes.html quotes/quotes.json quotes/quote4.mp4; do
  [ -s "out/$f" ] || { cat "$work/demo.log"; echo "demo did not write out/$f" >&2; exit 1; }
done
if grep -q "$repo" "$work/demo.log"; then
  echo "the installed demo used files of the checkout $repo" >&2; exit 1
fi
step "demo from an empty folder${offline:+ (offline)}"
echo "check-wheel: ok in $((SECONDS - t0)) s, installed size $(du -sm "$work/venv" | cut -f1) MB"
