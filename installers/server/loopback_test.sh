#!/usr/bin/env bash
# loopback_test.sh — proves the deployment kit on this machine over loopback, without systemd.
#
# A private nginx (its own prefix, config, pid and logs in a temp folder; the system nginx is not
# touched) serves nginx-zhibu.conf, rendered by render-nginx-conf.sh with a self-signed certificate for
# localhost, in front of `python -m server serve --workers 2` started with a server.env made from
# server.env.example. On SQLite, and on PostgreSQL too when ZHIBU_TEST_PG_URL names an admin URL
# (postgresql+psycopg://zhibu:zhibu@127.0.0.1:5432/postgres; a fresh database is made and dropped).
# Through https://localhost:PORT (curl --cacert): info, the HTTP→HTTPS redirect, enroll, a gzip push
# and a gzip pull, 413 from the server and from nginx, the dashboard login (Secure cookie: the
# X-Forwarded-Proto is believed), a worker killed and replaced, then the real branch client
# (main.py demo + sync --enroll, trusting the certificate through REQUESTS_CA_BUNDLE, and refusing
# without it), and 503 from nginx once the server is stopped.
#
#   bash installers/server/loopback_test.sh            # ZHIBU_KEEP_LOOPBACK=1 keeps the temp folder
#
# Installs nginx, openssl and curl with apt-get when missing (as root). Exit 0 when all passed.
set -euo pipefail
set -o errtrace

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
py=${ZHIBU_PYTHON:-$root/.venv/bin/python}
started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/zhibu-loopback.XXXXXX")
nginx_pid=""
server_pid=""
pg_db_url=""
admin_password="loopback-admin-pw-1"
district="回环测试区委组织部"

# Nothing from the calling environment: no server settings, no proxy, no CA bundle of its own.
unset ZHIBU_SERVER_DB ZHIBU_MAX_SYNCS ZHIBU_DISTRICT_NAME ZHIBU_ADMIN_PASSWORD ZHIBU_WORKERS \
    ZHIBU_FORWARDED_ALLOW_IPS ZHIBU_PROCESS_MAX_SYNCS ZHIBU_DB \
    http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
    REQUESTS_CA_BUNDLE CURL_CA_BUNDLE SSL_CERT_FILE SSL_CERT_DIR
export NO_PROXY=localhost,127.0.0.1,::1 no_proxy=localhost,127.0.0.1,::1
export PYTHONPATH="$root" QT_QPA_PLATFORM=offscreen

ok() { printf '  ok  %s\n' "$*"; }
fail() {
    trap - ERR
    printf '\nFAIL: %s\n' "$*" >&2
    local f
    for f in "$work"/server-*.log "$work"/nginx-error.log "$work"/zhibu.error.log "$work"/client-*.err; do
        if [ -s "$f" ]; then
            printf -- '--- %s (last 40 lines)\n' "$f" >&2
            tail -n 40 "$f" >&2
        fi
    done
    exit 1
}
trap 'fail "command failed (line $LINENO, exit $?): $BASH_COMMAND"' ERR

children() {  # the child processes of PID (from /proc: no procps needed)
    local stat rest
    for stat in /proc/[0-9]*/stat; do
        rest=$(cat "$stat" 2>/dev/null) || continue
        rest=${rest##*) }
        # shellcheck disable=SC2086  # the fields, split on spaces
        set -- $rest
        if [ "${2:-}" = "$PARENT_PID" ]; then
            stat=${stat#/proc/}
            echo "${stat%/stat}"
        fi
    done
    return 0
}

stop_server() {
    [ -n "$server_pid" ] || return 0
    local pid=$server_pid workers
    server_pid=""
    workers=$(PARENT_PID=$pid children)
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        echo "server $pid did not stop within 20 s after SIGTERM" >&2
        return 1
    fi
    wait "$pid" 2>/dev/null || true
    local left="" w
    for _ in $(seq 1 25); do  # the workers (and multiprocessing's resource tracker) end with it
        left=""
        for w in $workers; do
            kill -0 "$w" 2>/dev/null && left="$left $w"
        done
        [ -z "$left" ] && break
        sleep 0.2
    done
    left=""
    for w in $workers; do
        if kill -0 "$w" 2>/dev/null; then
            left="$left $w"
            kill -KILL "$w" 2>/dev/null || true
        fi
    done
    [ -z "$left" ] || { echo "worker processes left after the server stopped:$left" >&2; return 1; }
}

drop_pg_database() {
    [ -n "$pg_db_url" ] || return 0
    "$py" - "$ZHIBU_TEST_PG_URL" "$pg_db_url" <<'PY' || true
import sys

import psycopg
from sqlalchemy.engine import make_url

admin, db = make_url(sys.argv[1]), make_url(sys.argv[2])
with psycopg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{db.database}" WITH (FORCE)')
PY
    pg_db_url=""
}

cleanup() {
    local code=$?
    trap - ERR
    stop_server || code=1
    if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
        kill -TERM "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    drop_pg_database
    if [ "${ZHIBU_KEEP_LOOPBACK:-}" = 1 ]; then
        echo "kept $work"
    else
        rm -rf "$work"
    fi
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -- tools --------------------------------------------------------------------------------------------

apt_updated=no
ensure_tool() {  # TOOL PACKAGE
    if command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; then
        return 0
    fi
    [ "$(id -u)" = 0 ] || fail "$1 is missing: apt-get install $2 (as root)"
    echo "installing $2 (apt-get)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$2" >>"$work/apt.log" 2>&1; then
        if [ "$apt_updated" = no ]; then
            apt_updated=yes
            apt-get update >>"$work/apt.log" 2>&1 || true
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$2" >>"$work/apt.log" 2>&1 \
            || fail "apt-get install $2 failed: $(tail -n 5 "$work/apt.log")"
    fi
}

[ -x "$py" ] || fail "no Python at $py (make the venv: python3 -m venv .venv && .venv/bin/pip install -e '.[server,dev]')"
ensure_tool nginx nginx
ensure_tool openssl openssl
ensure_tool curl curl
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

read -r https_port http_port upstream_port < <("$py" - <<'PY'
import socket

socks = [socket.socket() for _ in range(3)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
for s in socks:
    s.close()
PY
)
base="https://localhost:$https_port"
echo "loopback test in $work: nginx https :$https_port, http :$http_port → server 127.0.0.1:$upstream_port"

# -- certificate and nginx ----------------------------------------------------------------------------

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
    -keyout "$work/key.pem" -out "$work/cert.pem" >"$work/openssl.log" 2>&1 \
    || fail "openssl could not make the certificate: $(cat "$work/openssl.log")"
ok "self-signed certificate for localhost"

"$here/render-nginx-conf.sh" --server-name localhost --https-port "$https_port" --http-port "$http_port" \
    --upstream "127.0.0.1:$upstream_port" --cert "$work/cert.pem" --key "$work/key.pem" \
    --log-dir "$work" --acme-root "$work/acme" > "$work/site.conf"
mkdir -p "$work/nginx-tmp" "$work/acme"
{
    if [ "$(id -u)" = 0 ]; then
        echo "user root;"  # workers as root too: the temp folder is the test's own
    fi
    cat <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http {
    default_type application/octet-stream;
    access_log $work/nginx-access.log;
    client_body_temp_path $work/nginx-tmp/body;
    proxy_temp_path $work/nginx-tmp/proxy;
    fastcgi_temp_path $work/nginx-tmp/fastcgi;
    uwsgi_temp_path $work/nginx-tmp/uwsgi;
    scgi_temp_path $work/nginx-tmp/scgi;
    include $work/site.conf;
}
EOF
} > "$work/nginx.conf"
"$nginx_bin" -t -p "$work/" -c "$work/nginx.conf" -e "$work/nginx-error.log" >"$work/nginx-t.log" 2>&1 \
    || fail "nginx -t refused the rendered site: $(cat "$work/nginx-t.log")"
ok "nginx -t accepts the rendered nginx-zhibu.conf"
"$nginx_bin" -p "$work/" -c "$work/nginx.conf" -e "$work/nginx-error.log" &
nginx_pid=$!

# -- helpers ------------------------------------------------------------------------------------------

# req METHOD PATH NAME [curl args…]: the status; body in $work/NAME, headers in $work/NAME.h
req() {
    local method=$1 path=$2 name=$3
    shift 3
    curl -sS --cacert "$work/cert.pem" --max-time 120 -X "$method" -o "$work/$name" -D "$work/$name.h" \
        -w '%{http_code}' "$@" "$base$path" 2>>"$work/curl.err" || echo "curl-failed"
}

# pyval FILE EXPR: EXPR over the JSON in FILE as d
pyval() {
    "$py" -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' "$1" "$2"
}

expect() {  # expect ACTUAL WANTED WHAT
    [ "$1" = "$2" ] || fail "$3: got '$1', wanted '$2'"
}

header() {  # header FILE NAME: the value of a response header (last one)
    grep -i "^$2:" "$1" | tail -n 1 | cut -d: -f2- | sed 's/^ *//; s/\r$//'
}

wait_https_info() {
    for _ in $(seq 1 150); do
        [ -z "$server_pid" ] || kill -0 "$server_pid" 2>/dev/null || fail "the server exited"
        [ "$(req GET /api/v1/info ready 2>/dev/null)" = 200 ] && return 0
        sleep 0.2
    done
    fail "no 200 from $base/api/v1/info within 30 s"
}

spawned_workers() {  # the server's worker processes (multiprocessing spawn children)
    local pid
    for pid in $(PARENT_PID=$server_pid children); do
        { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | grep -q spawn_main && echo "$pid"
    done
    return 0
}

# -- one database kind --------------------------------------------------------------------------------

run_kind() {  # run_kind KIND DATABASE_URL
    local kind=$1 db_url=$2
    local env_file="$work/server-$kind.env" office="$work/office-$kind.db"
    echo "== $kind"

    sed -e "s|^ZHIBU_SERVER_DB=.*|ZHIBU_SERVER_DB=$db_url|" \
        -e "s|^ZHIBU_WORKERS=.*|ZHIBU_WORKERS=2|" \
        -e "s|^#ZHIBU_DISTRICT_NAME=.*|ZHIBU_DISTRICT_NAME=$district|" \
        "$here/server.env.example" > "$env_file"
    if ! grep -q "^ZHIBU_SERVER_DB=$db_url\$" "$env_file" || ! grep -q "^ZHIBU_WORKERS=2\$" "$env_file" \
        || ! grep -q "^ZHIBU_DISTRICT_NAME=$district\$" "$env_file"; then
        fail "server.env.example has changed shape"
    fi

    server_admin() {  # python -m server … with the env file, as the installed zhibu-server does
        # shellcheck source=/dev/null
        ( set -a; . "$env_file"; set +a; cd "$root"; "$py" -m server "$@" )
    }

    # shellcheck source=/dev/null
    ( set -a; . "$env_file"; set +a; cd "$root"
      exec "$py" -m server serve --host 127.0.0.1 --port "$upstream_port" ) >"$work/server-$kind.log" 2>&1 &
    server_pid=$!
    wait_https_info
    ok "server up behind nginx ($(head -n 1 "$work/server-$kind.log"))"

    local workers
    workers=$(spawned_workers | wc -l)
    expect "$workers" 2 "worker processes of the server"
    ok "2 uvicorn worker processes"

    # info, and the redirect from plain HTTP
    expect "$(req GET /api/v1/info info)" 200 "GET /api/v1/info"
    expect "$(pyval "$work/info" 'd["protocol"], d["district_name"]')" "(2, '$district')" "info answer"
    ok "GET /api/v1/info → 200 JSON, district name from server.env"
    expect "$(req GET /q/ZZZZ2345 scan)" 404 "GET /q/ (an unknown live code) through nginx"
    grep -q "这个二维码还不能用" "$work/scan" || fail "the unknown live code's page is not the Chinese one"
    if grep -q "/q/ZZZZ2345" "$work"/*access.log 2>/dev/null; then
        fail "nginx logged a phone's scan (with its address)"
    fi
    ok "GET /q/… → the Chinese page, and nginx keeps no line of it"
    local redirect
    redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$http_port/api/v1/info?x=1")
    expect "$redirect" "301 $base/api/v1/info?x=1" "HTTP → HTTPS redirect"
    ok "http://localhost:$http_port → 301 $base/…"
    if curl -sS -o /dev/null "$base/api/v1/info" 2>/dev/null; then
        fail "curl trusted the self-signed certificate without --cacert"
    fi

    # the admin's commands
    server_admin admin password --password "$admin_password" --json > "$work/pw.json"
    server_admin branch add --name 城关镇第一支部 --json > "$work/branch1.json"
    local code1 branch1
    code1=$(pyval "$work/branch1.json" 'd["enrollment_code"]')
    branch1=$(pyval "$work/branch1.json" 'd["branch_id"]')
    ok "admin password set; branch added ($branch1)"

    # enroll, push (gzip), pull (gzip)
    printf '{"code": "%s", "device_name": "回环测试电脑"}' "$code1" > "$work/enroll.req"
    expect "$(req POST /api/v1/enroll enroll -H 'Content-Type: application/json' --data-binary @"$work/enroll.req")" \
        200 "POST /api/v1/enroll"
    local token
    token=$(pyval "$work/enroll" 'd["token"]')
    ok "enrolled with the code → token"

    "$py" - "$branch1" "$work/push.json.gz" <<'PY'
import gzip
import json
import sys
import uuid

branch, out = sys.argv[1:]
records = [
    {"table": "members", "id": str(uuid.uuid4()), "branch_id": branch, "base_version": 0,
     "updated_at": "2026-11-22T08:00:00.000Z", "deleted": 0,
     "data": {"name": f"党员{i}", "gender": "男", "birth_date": "1950-03-02", "phone": None, "note": None,
              "category": "full", "status": "active"}}
    for i in range(30)
]
body = json.dumps({"batch_id": str(uuid.uuid4()), "records": records}, ensure_ascii=False).encode()
with open(out, "wb") as f:
    f.write(gzip.compress(body))
PY
    expect "$(req POST /api/v1/sync/push push -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -H 'Content-Encoding: gzip' --data-binary @"$work/push.json.gz")" 200 "gzip push"
    expect "$(pyval "$work/push" 'sorted({r["status"] for r in d["results"]}), len(d["results"])')" "(['ok'], 30)" \
        "push results"
    ok "push of 30 records (gzip body through nginx) → 200, all ok"
    expect "$(req GET '/api/v1/sync/pull?since=0' pull -H "Authorization: Bearer $token" --compressed)" 200 "pull"
    expect "$(header "$work/pull.h" content-encoding)" gzip "pull answer Content-Encoding"
    expect "$(pyval "$work/pull" 'len([r for r in d["records"] if r["table"] == "members"])')" 30 "pulled members"
    ok "pull → 200, gzip answer passed through, 30 members back"
    expect "$(req GET '/api/v1/sync/pull?since=0' nopull)" 401 "pull without a token"

    # 413: the server's own (10 MB < body < 11 MB) and nginx's (> 11 MB), both JSON too_large
    "$py" -c 'import sys; open(sys.argv[1], "w").write("{\"batch_id\": \"big\", \"records\": [], \"pad\": \"" + "x" * int(sys.argv[2]) + "\"}")' \
        "$work/big10.json" $((10 * 1024 * 1024 + 512 * 1024))
    "$py" -c 'import sys; open(sys.argv[1], "w").write("{\"batch_id\": \"big\", \"records\": [], \"pad\": \"" + "x" * int(sys.argv[2]) + "\"}")' \
        "$work/big12.json" $((12 * 1024 * 1024))
    expect "$(req POST /api/v1/sync/push big10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary @"$work/big10.json")" 413 "10.5 MB push (the server's limit)"
    expect "$(pyval "$work/big10" 'd["detail"]["code"]')" too_large "10.5 MB answer"
    expect "$(req POST /api/v1/sync/push big12 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary @"$work/big12.json")" 413 "12 MB push (nginx's client_max_body_size)"
    expect "$(pyval "$work/big12" 'd["detail"]["code"]')" too_large "12 MB answer"
    ok "413 too_large for 10.5 MB (server) and 12 MB (nginx), both JSON"

    # the dashboard: redirect to login, login over HTTPS sets a Secure cookie, then the page
    expect "$(req GET /admin/ dash)" 303 "GET /admin/ without login"
    expect "$(header "$work/dash.h" location)" "/admin/login?next=%2Fadmin%2F" "dashboard redirect"
    expect "$(req POST /admin/login login -c "$work/cookies" --data-urlencode "password=$admin_password" \
        --data-urlencode "next=/admin/")" 303 "POST /admin/login"
    header "$work/login.h" set-cookie | grep -qi 'secure' \
        || fail "the session cookie is not Secure: X-Forwarded-Proto from nginx was not believed"
    expect "$(req GET /admin/ dash2 -b "$work/cookies")" 200 "GET /admin/ logged in"
    grep -q "城关镇第一支部" "$work/dash2" || fail "the dashboard does not show the branch"
    ok "dashboard: 303 → /admin/login; login sets a Secure cookie (proxy headers believed); page shows the branch"

    # a worker dies: the supervisor starts another, the service goes on
    local victim
    victim=$(spawned_workers | sed -n 1p)
    kill -KILL "$victim"
    for _ in $(seq 1 100); do
        [ "$(spawned_workers | grep -vc "^$victim\$" || true)" -ge 2 ] && break
        sleep 0.2
    done
    expect "$(spawned_workers | grep -vc "^$victim\$" || true)" 2 "workers after one was killed"
    wait_https_info
    ok "a killed worker is replaced; still answering"

    # the real branch client over HTTPS
    "$py" "$root/main.py" --db "$office" demo --members 20 >"$work/client-demo-$kind.out" 2>"$work/client-demo-$kind.err" \
        || fail "main.py demo failed"
    server_admin branch add --name 河东村党支部 --json > "$work/branch2.json"
    local code2
    code2=$(pyval "$work/branch2.json" 'd["enrollment_code"]')
    REQUESTS_CA_BUNDLE="$work/cert.pem" "$py" "$root/main.py" --db "$office" sync --server "$base" \
        --enroll "$code2" --json >"$work/sync1.json" 2>"$work/client-sync1-$kind.err" \
        || fail "main.py sync --enroll over HTTPS failed (exit $?)"
    expect "$(pyval "$work/sync1.json" 'sorted(d), d["pushed"] > 20, d["conflicts"], d["rejected"]')" \
        "(['conflicts', 'pulled', 'pushed', 'rejected'], True, 0, 0)" "first sync of the real client"
    ok "main.py sync --enroll over HTTPS: $(cat "$work/sync1.json")"
    server_admin lesson publish --title 回环测试微党课 --url https://dj.example.cn/v/loopback --json >/dev/null
    REQUESTS_CA_BUNDLE="$work/cert.pem" "$py" "$root/main.py" --db "$office" sync --json >"$work/sync2.json" \
        2>"$work/client-sync2-$kind.err" || fail "second main.py sync failed"
    expect "$(tr -d ' \n' < "$work/sync2.json")" '{"pushed":0,"pulled":1,"conflicts":0,"rejected":0}' "second sync"
    ok "published lesson pulled: $(cat "$work/sync2.json")"
    local refused=0
    "$py" "$root/main.py" --db "$office" sync --json >"$work/sync3.json" 2>"$work/client-sync3-$kind.err" || refused=$?
    expect "$refused" 3 "sync without REQUESTS_CA_BUNDLE (the certificate must not be trusted)"
    ok "without REQUESTS_CA_BUNDLE the client refuses the self-signed certificate (exit 3)"

    # stopping: SIGTERM stops the workers too; nginx answers 503 JSON meanwhile
    stop_server || fail "the server did not stop cleanly on SIGTERM"
    ok "SIGTERM: server and workers stopped"
    expect "$(req GET /api/v1/info down)" 503 "info while the server is down"
    expect "$(pyval "$work/down" 'd["detail"]["code"]')" unavailable "503 answer"
    [ -n "$(header "$work/down.h" retry-after)" ] || fail "no Retry-After on nginx's 503"
    ok "server down → nginx 503 JSON with Retry-After"
}

run_kind sqlite "sqlite:///$work/data/district.db"
kinds=sqlite
if [ -n "${ZHIBU_TEST_PG_URL:-}" ]; then
    pg_db_url=$("$py" - "$ZHIBU_TEST_PG_URL" <<'PY'
import sys
import uuid

import psycopg
from sqlalchemy.engine import make_url

admin = make_url(sys.argv[1])
name = f"zhibu_loop_{uuid.uuid4().hex[:12]}"
with psycopg.connect(admin.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True) as c:
    c.execute(f'CREATE DATABASE "{name}"')
print(admin.set(database=name).render_as_string(hide_password=False))
PY
) || fail "could not create a PostgreSQL database from ZHIBU_TEST_PG_URL"
    run_kind postgresql "$pg_db_url"
    kinds="$kinds, postgresql"
else
    echo "(PostgreSQL skipped: set ZHIBU_TEST_PG_URL)"
fi

echo "loopback test passed ($kinds) in $(( $(date +%s) - started )) s"
