#!/usr/bin/env bash
# Install (with apt) and start a local PostgreSQL for the district server tests, make the role
# `zhibu` (password `zhibu`, may create databases) and print the URL the tests take from
# ZHIBU_TEST_PG_URL. Safe to run again. Needs root or sudo.
set -euo pipefail
SUDO=""
[ "$(id -u)" != 0 ] && SUDO="sudo"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "Installing PostgreSQL" >&2
  $SUDO apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

cluster=$(pg_lsclusters --no-header | head -n 1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  $SUDO pg_createcluster "$version" main >&2
  cluster=$(pg_lsclusters --no-header | head -n 1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  $SUDO pg_ctlcluster "$version" "$name" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port"

AS_POSTGRES=(sudo -u postgres)
[ "$(id -u)" = 0 ] && AS_POSTGRES=(runuser -u postgres --)
"${AS_POSTGRES[@]}" psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zhibu') THEN
    CREATE ROLE zhibu LOGIN PASSWORD 'zhibu' CREATEDB;
  END IF;
END $$;
SQL
echo "postgresql+psycopg://zhibu:zhibu@127.0.0.1:${port}/postgres"
