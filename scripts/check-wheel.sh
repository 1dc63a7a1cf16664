#!/usr/bin/env bash
# Build the wheel, install it with its dependencies into a clean temporary venv and run it from
# outside the repository: a module or data file left out of the package cannot hide behind the
# editable install. scripts/test.sh runs this.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$repo/build"  # setuptools copies from build/lib: a deleted module would ride along
"$repo/.venv/bin/pip" wheel -q --disable-pip-version-check --no-deps -w "$tmp/dist" "$repo"
rm -rf "$repo/build"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q --disable-pip-version-check "$tmp"/dist/foi_audit-*.whl
cd "$tmp"  # not the repository: only the installed package can be imported
"$tmp/venv/bin/python" -c "import foi_audit, sys; assert '$repo' not in foi_audit.__file__, foi_audit.__file__"
"$tmp/venv/bin/foi-audit" codebook --json > codebook.json
"$tmp/venv/bin/python" -c "import json; assert json.load(open('codebook.json'))['fields']"
"$tmp/venv/bin/foi-audit" ingest "$repo/data/raw" --out "$tmp/processed" --jobs 2
"$tmp/venv/bin/foi-audit" summary --processed "$tmp/processed" > /dev/null
"$tmp/venv/bin/foi-audit" compare "$tmp/processed" "$tmp/processed" --names a,b > /dev/null
echo "wheel: built, installed in a clean venv, codebook, ingest of data/raw, summary and compare ran from $tmp" >&2
