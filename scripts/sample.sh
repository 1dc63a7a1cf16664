#!/usr/bin/env bash
# Fresh clone -> installed tool -> the main job on the bundled sample replies in data/raw/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh ocr
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e .
status=0
.venv/bin/foi-audit ingest data/raw --out data/processed || status=$?
[ "$status" -le 1 ] || exit "$status"   # 1 = some files not read: still summarise the rest
.venv/bin/foi-audit summary --processed data/processed
echo "Next: .venv/bin/foi-audit explain policy=dedicated, or .venv/bin/foi-audit report --html report.html" >&2
