#!/usr/bin/env bash
# Set up, then run every check and test: ruff, then pytest (core, ui, server, e2e).
# The district server tests run against SQLite and, when PostgreSQL can be started here
# (scripts/postgres.sh), against PostgreSQL too. ZHIBU_REQUIRE_PG=1 makes a PostgreSQL
# that cannot be started an error instead of a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -z "${ZHIBU_TEST_PG_URL:-}" ]; then
  if url=$(scripts/postgres.sh); then
    export ZHIBU_TEST_PG_URL="$url"
  elif [ "${ZHIBU_REQUIRE_PG:-0}" = 1 ]; then
    echo "PostgreSQL could not be started; the server tests need it." >&2
    exit 1
  else
    echo "PostgreSQL could not be started: the server tests run on SQLite only." >&2
  fi
fi
.venv/bin/ruff check .
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
