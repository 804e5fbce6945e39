#!/usr/bin/env bash
# Set up, then run every check and test: ruff, then pytest (core, ui, server, e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ruff check .
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
