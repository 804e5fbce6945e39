#!/usr/bin/env bash
# Set up, then run every check and test: ruff, the Linux bundle build, then pytest (core, ui,
# server, e2e, installers).
# The district server tests run against SQLite and, when PostgreSQL can be started here
# (scripts/postgres.sh), against PostgreSQL too. ZHIBU_REQUIRE_PG=1 makes a PostgreSQL
# that cannot be started an error instead of a skip.
# The Linux bundle (installers/linux/build.sh) is built and tested as shipped (tests/installers);
# ZHIBU_SKIP_BUNDLE=1 skips the build for a quicker run. The server deployment test (nginx with
# HTTPS in front of the server, on loopback) is required: nginx is installed by the set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --for-tests
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
if [ "${ZHIBU_SKIP_BUNDLE:-0}" != 1 ]; then
  installers/linux/build.sh
  version=$(.venv/bin/python -c 'from core.version import app_version; print(app_version())')
  export ZHIBU_BUNDLE="dist/zhibu-desk-$version-linux-$(uname -m).tar.gz"
fi
export ZHIBU_DEPLOY_TEST=1
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
