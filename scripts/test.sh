#!/usr/bin/env bash
# Fresh clone -> installed tool with test extras -> lint, type-check, import layers, the whole
# test suite, then the built wheel in a clean venv. .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh all
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check foi_audit tests benchmarks
.venv/bin/ruff format --check foi_audit tests benchmarks
.venv/bin/mypy
.venv/bin/lint-imports --no-cache  # the layers in pyproject.toml [tool.importlinter]
.venv/bin/pytest "$@"
bash scripts/check-wheel.sh
