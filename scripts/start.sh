#!/usr/bin/env bash
# Set up, then start Zhibu Desk. With no database yet, a demo branch is created first.
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
exec .venv/bin/python main.py --db "$db" members
