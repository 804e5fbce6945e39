#!/usr/bin/env bash
# install.sh — install (or upgrade) the Zhibu Desk district server on a Debian/Ubuntu machine, as root.
# 在 Debian 12 / Ubuntu 24.04 上安装或升级区级同步服务器（用 root 运行）。说明见同目录 README.md。
#
#   bash installers/server/install.sh [--prefix /opt/zhibu] [--with-postgres] [--with-nginx]
#        [--server-name NAME] [--cert FILE --key FILE] [--district-name NAME] [--pg-name zhibu]
#
#   --prefix DIR        where the program goes (default /opt/zhibu). When this repository already is DIR,
#                       it is used in place; otherwise it is copied there (an earlier copy is replaced,
#                       the venv kept).
#   --with-postgres     install PostgreSQL, create the role and database (postgres-setup.sql) and point
#                       /etc/zhibu/server.env at them. Without it the server uses SQLite in /var/lib/zhibu.
#   --with-nginx        install nginx and the HTTPS site (nginx-zhibu.conf) for --server-name.
#   --server-name NAME  the DNS name (or IP address) the branch PCs use: https://NAME
#   --cert/--key FILE   the certificate (full chain) and key; linked as /etc/zhibu/tls/{fullchain,privkey}.pem.
#                       Without them and without those files, a self-signed certificate is made (testing only).
#   --district-name     written to /etc/zhibu/server.env as ZHIBU_DISTRICT_NAME
#   --pg-name NAME      the PostgreSQL role and database name (default zhibu)
#
# Idempotent: run it again to upgrade (it restarts the service; migrations run at start).
set -euo pipefail

prefix=/opt/zhibu
with_postgres=no
with_nginx=no
server_name=""
cert=""
key=""
district_name=""
pg_name=zhibu

env_dir=/etc/zhibu
env_file=$env_dir/server.env
tls_dir=$env_dir/tls
data_dir=/var/lib/zhibu
unit_file=/etc/systemd/system/zhibu-server.service
admin_cmd=/usr/local/bin/zhibu-server
acme_root=/var/www/letsencrypt
service_user=zhibu
listen_port=8700

say() { printf '\n== %s\n' "$*"; }
die() { printf '错误：%s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=${2:?--prefix DIR}; shift 2 ;;
        --with-postgres) with_postgres=yes; shift ;;
        --with-nginx) with_nginx=yes; shift ;;
        --server-name) server_name=${2:?--server-name NAME}; shift 2 ;;
        --cert) cert=${2:?--cert FILE}; shift 2 ;;
        --key) key=${2:?--key FILE}; shift 2 ;;
        --district-name) district_name=${2:?--district-name NAME}; shift 2 ;;
        --pg-name) pg_name=${2:?--pg-name NAME}; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage 2 ;;
    esac
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)

[ "$(id -u)" = 0 ] || die "请用 root 运行：sudo bash $0 …"
command -v apt-get >/dev/null || die "本脚本只支持 Debian / Ubuntu（需要 apt-get）。"
if [ ! -f "$source_dir/server/cli.py" ] || [ ! -f "$source_dir/pyproject.toml" ]; then
    die "找不到程序源码（$source_dir）。"
fi
[[ "$prefix" =~ ^/[A-Za-z0-9._/-]+$ ]] || die "--prefix 须是绝对路径，只含字母、数字和 . _ - /"
prefix=${prefix%/}
[[ "$pg_name" =~ ^[a-z_][a-z0-9_]*$ ]] || die "--pg-name 只能含小写字母、数字和下划线"
if [ -n "$cert$key" ]; then
    if [ -z "$cert" ] || [ -z "$key" ]; then die "--cert 和 --key 要一起给出"; fi
    if [ ! -r "$cert" ] || [ ! -r "$key" ]; then die "读不到证书文件 $cert / $key"; fi
    cert=$(realpath "$cert") key=$(realpath "$key")
fi
has_systemd=no
[ -d /run/systemd/system ] && has_systemd=yes

# -- packages -----------------------------------------------------------------------------------------

apt_updated=no
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$apt_updated" = no ]; then
        apt-get update
        apt_updated=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

say "系统软件包 (apt)"
packages=(python3 python3-venv ca-certificates openssl curl)
[ "$with_nginx" = yes ] && packages+=(nginx)
[ "$with_postgres" = yes ] && packages+=(postgresql)
apt_install "${packages[@]}"
# The system's Python, never one from root's PATH (pyenv, conda…): the service user must be able to run it.
system_python=/usr/bin/python3
"$system_python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "需要 Python 3.11 或更新（Debian 12、Ubuntu 24.04 自带）；本机是 $("$system_python" --version 2>&1)。"

# -- the user and the folders -------------------------------------------------------------------------

say "系统用户 $service_user 和目录"
if ! id "$service_user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin "$service_user"
fi
install -d -o "$service_user" -g "$service_user" -m 0750 "$data_dir"
install -d -o root -g "$service_user" -m 0750 "$env_dir"

# -- the program --------------------------------------------------------------------------------------

say "程序 → $prefix"
if [ "$(realpath -m "$source_dir")" = "$(realpath -m "$prefix")" ]; then
    echo "使用现有目录 $prefix（不复制）"
else
    if [ -d "$prefix" ] && [ ! -f "$prefix/.zhibu-install" ] && [ -n "$(ls -A "$prefix")" ]; then
        die "$prefix 不是空目录，也不是本脚本装的。请换一个 --prefix，或先移走其中的文件。"
    fi
    install -d -m 0755 "$prefix"
    find "$prefix" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
    tar -C "$source_dir" \
        --exclude=.venv --exclude=.git --exclude=__pycache__ --exclude=.pytest_cache --exclude=.ruff_cache \
        --exclude='*.egg-info' --exclude=./build --exclude=./dist \
        -cf - . | tar -C "$prefix" --no-same-owner -xf -
    echo "copied from $source_dir on $(date -Iseconds)" > "$prefix/.zhibu-install"
    chmod -R u+rwX,go+rX,go-w "$prefix"
fi

say "Python 虚拟环境 $prefix/.venv（pip install \".[server]\"）"
as_service_user() { setpriv --reuid="$service_user" --regid="$service_user" --init-groups "$@"; }
if [ -e "$prefix/.venv" ] && ! grep -qx "home = /usr/bin" "$prefix/.venv/pyvenv.cfg" 2>/dev/null; then
    echo "$prefix/.venv 不是用 $system_python 建的，重建"
    rm -rf "$prefix/.venv"
fi
[ -x "$prefix/.venv/bin/python" ] || "$system_python" -m venv "$prefix/.venv"
(cd "$prefix" && "$prefix/.venv/bin/python" -m pip install --disable-pip-version-check --quiet ".[server]")
"$prefix/.venv/bin/python" -m compileall -q "$prefix/server" "$prefix/core" >/dev/null || true
(cd "$prefix" && as_service_user "$prefix/.venv/bin/python" -c "import fastapi, psycopg, sqlalchemy, uvicorn, server.cli") \
    || die "用户 $service_user 运行不了 $prefix/.venv/bin/python（目录权限？）"

# -- settings -----------------------------------------------------------------------------------------

# set_env KEY VALUE: replace KEY=… in the env file (the active line, else the first commented one).
set_env() {
    "$system_python" - "$env_file" "$1" "$2" <<'PY'
import re
import sys

path, key, value = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines()
active = [i for i, line in enumerate(lines) if line.startswith(f"{key}=")]
commented = [i for i, line in enumerate(lines) if re.match(rf"#\s*{key}=", line)]
if active:
    lines[active[0]] = f"{key}={value}"
elif commented:
    lines[commented[0]] = f"{key}={value}"
else:
    lines.append(f"{key}={value}")
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
PY
}
get_env() { sed -n "s/^$1=//p" "$env_file" | tail -n 1; }

say "设置 $env_file"
if [ -f "$env_file" ]; then
    echo "保留已有的 $env_file"
else
    install -o root -g "$service_user" -m 0640 "$here/server.env.example" "$env_file"
    echo "已写入 $env_file（SQLite：$data_dir/district.db）"
fi
if [ -n "$district_name" ]; then
    [[ "$district_name" != *[[:space:]\"\'\$\`\\]* ]] || die "--district-name 不能含空格、引号、\$、\` 或 \\"
    set_env ZHIBU_DISTRICT_NAME "$district_name"
fi

# -- PostgreSQL ---------------------------------------------------------------------------------------

if [ "$with_postgres" = yes ]; then
    say "PostgreSQL"
    if [ "$has_systemd" = yes ]; then
        systemctl enable --now postgresql
    else
        pg_lsclusters -h | while read -r version cluster _; do
            pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
        done
    fi
    current=$(get_env ZHIBU_SERVER_DB)
    sqlite_file=${current#sqlite:///}
    if [[ "$current" == postgresql* ]]; then
        echo "$env_file 已指向 PostgreSQL，不改动。"
    elif [[ "$current" == sqlite:///* ]] && [ -s "$sqlite_file" ]; then
        echo "注意：已有 SQLite 数据库 $sqlite_file，不自动切换到 PostgreSQL（数据不会自动迁移）。" >&2
    else
        password=$(openssl rand -hex 24)
        (cd / && runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -v name="$pg_name" -v password="$password") \
            < "$here/postgres-setup.sql"
        pg_port=$(cd / && runuser -u postgres -- psql -Atc 'SHOW port')
        set_env ZHIBU_SERVER_DB "postgresql+psycopg://$pg_name:$password@127.0.0.1:$pg_port/$pg_name"
        echo "已创建角色和数据库 $pg_name，连接地址写入 $env_file"
    fi
fi

# -- the admin command and the service ----------------------------------------------------------------

say "管理命令 $admin_cmd"
cat > "$admin_cmd" <<EOF
#!/bin/sh
# zhibu-server — the district server's commands (python -m server …) as user $service_user with $env_file.
# 例：zhibu-server branch add --name 河东村党支部    zhibu-server admin password    zhibu-server --help
set -eu
set -a
. $env_file
set +a
cd $prefix
if [ "\$(id -u)" = 0 ]; then
    # setpriv execs in place (no extra process): signals reach the server directly.
    export HOME=$data_dir
    exec setpriv --reuid=$service_user --regid=$service_user --init-groups \\
        $prefix/.venv/bin/python -m server "\$@"
fi
exec $prefix/.venv/bin/python -m server "\$@"
EOF
chmod 0755 "$admin_cmd"

say "systemd 服务 zhibu-server"
sed -e "s|/opt/zhibu|$prefix|g" "$here/zhibu-server.service" > "$unit_file"
chmod 0644 "$unit_file"
if [ "$has_systemd" = yes ]; then
    systemctl daemon-reload
    systemctl enable zhibu-server
    systemctl restart zhibu-server  # an upgrade takes effect; migrations run at start
    for _ in $(seq 1 30); do
        curl -fsS "http://127.0.0.1:$listen_port/api/v1/info" >/dev/null 2>&1 && break
        sleep 1
    done
    if curl -fsS "http://127.0.0.1:$listen_port/api/v1/info" >/dev/null 2>&1; then
        echo "服务已启动：http://127.0.0.1:$listen_port（只在本机；外面经 nginx 的 HTTPS 访问）"
    else
        echo "服务没有按时回答，请看日志：journalctl -u zhibu-server -n 50" >&2
    fi
else
    cat <<EOF
本机没有运行 systemd（例如在容器里），服务没有启动。手动启动（以 $service_user 用户、带 $env_file）：
    nohup $admin_cmd serve --host 127.0.0.1 --port $listen_port >> /var/log/zhibu-server.log 2>&1 &
    echo \$! > /run/zhibu-server.pid
停止：kill \$(cat /run/zhibu-server.pid)（主进程会先停掉各工作进程）
EOF
fi

# -- nginx and the certificate ------------------------------------------------------------------------

if [ "$with_nginx" = yes ]; then
    say "nginx（HTTPS）"
    site=/etc/nginx/sites-available/zhibu.conf
    if [ -z "$server_name" ] && [ -f "$site" ]; then
        server_name=$(sed -n 's/^ *server_name \([^;]*\);.*/\1/p' "$site" | head -n 1)
    fi
    [ -n "$server_name" ] || die "--with-nginx 需要 --server-name（支部电脑用来访问的域名或 IP）"
    install -d -m 0755 "$tls_dir" "$acme_root"
    if [ -n "$cert" ]; then
        [ "$cert" = "$(realpath -m "$tls_dir/fullchain.pem")" ] || ln -sfn "$cert" "$tls_dir/fullchain.pem"
        [ "$key" = "$(realpath -m "$tls_dir/privkey.pem")" ] || ln -sfn "$key" "$tls_dir/privkey.pem"
        echo "证书：$tls_dir/fullchain.pem → $cert"
    elif [ ! -e "$tls_dir/fullchain.pem" ] || [ ! -e "$tls_dir/privkey.pem" ]; then
        if [[ "$server_name" =~ ^[0-9.]+$ || "$server_name" == *:* ]]; then san="IP:$server_name"; else san="DNS:$server_name"; fi
        openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=$server_name" \
            -addext "subjectAltName=$san" -keyout "$tls_dir/privkey.pem" -out "$tls_dir/fullchain.pem" 2>/dev/null
        chmod 0600 "$tls_dir/privkey.pem"
        echo "注意：生成了自签名证书（仅供测试）$tls_dir/fullchain.pem；正式使用请换成 Let's Encrypt 或区里的证书（见 README）。"
    fi
    "$here/render-nginx-conf.sh" --server-name "$server_name" --upstream "127.0.0.1:$listen_port" \
        --cert "$tls_dir/fullchain.pem" --key "$tls_dir/privkey.pem" --acme-root "$acme_root" > "$site.new"
    mv "$site.new" "$site"
    if [ -d /etc/nginx/sites-enabled ]; then
        ln -sfn "$site" /etc/nginx/sites-enabled/zhibu.conf
    else
        ln -sfn "$site" /etc/nginx/conf.d/zhibu.conf
    fi
    nginx -t
    if [ "$has_systemd" = yes ]; then
        systemctl enable nginx
        systemctl reload-or-restart nginx
    elif [ -s /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
        nginx -s reload
    else
        echo "nginx 没有运行；手动启动：nginx"
    fi
    echo "网址：https://$server_name/   管理后台：https://$server_name/admin/"
fi

say "完成"
cat <<EOF
下一步（详见 $prefix/installers/server/README.md）：
  1. 设置管理后台密码：     $admin_cmd admin password
  2. 添加支部、得到登记码： $admin_cmd branch add --name 河东村党支部
  3. 防火墙只开放 443（Let's Encrypt 续期还要 80）：ufw allow 443/tcp
  日志：journalctl -u zhibu-server -f      设置：$env_file（改后 systemctl restart zhibu-server）
EOF
