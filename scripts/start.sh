#!/usr/bin/env bash
# Set up, then start Zhibu Desk. With no database yet, a demo branch is created first.
# Without a display (a server), each page is drawn into out/*.png instead.
# Extra arguments go to main.py (e.g. --db PATH, --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
db=$(.venv/bin/python -c 'from core.db import default_db_path; print(default_db_path())')
prev_arg=""
for arg in "$@"; do
  [ "$prev_arg" = "--db" ] && db="$arg"
  prev_arg="$arg"
done
if [ ! -f "$db" ]; then
  echo "No database at $db yet: creating a demo branch there."
  .venv/bin/python main.py --db "$db" demo --members 160
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  mkdir -p out
  echo "No display here: drawing each page of the app into out/*.png instead."
  for page in home roster settings; do
    .venv/bin/python main.py --db "$db" --screenshot "out/$page.png" --page "$page" && echo "  out/$page.png"
  done
  exit 0
fi
exec .venv/bin/python main.py "$@" --db "$db"
