#!/usr/bin/env bash
# Render nginx-zhibu.conf (the template beside this script) to standard output.
#
#   render-nginx-conf.sh --server-name NAME [--cert FILE] [--key FILE] [--https-port 443]
#                        [--http-port 80] [--upstream 127.0.0.1:8700] [--log-dir /var/log/nginx]
#                        [--acme-root /var/www/letsencrypt] [--template FILE]
#
# IPv6 listen lines are dropped on a machine without IPv6. With nginx 1.25.1 or newer, "listen … http2"
# becomes "http2 on;" (the old form is deprecated there).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
template="$here/nginx-zhibu.conf"
server_name="" cert="/etc/zhibu/tls/fullchain.pem" key="/etc/zhibu/tls/privkey.pem"
https_port=443 http_port=80 upstream="127.0.0.1:8700" log_dir="/var/log/nginx" acme_root="/var/www/letsencrypt"

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --server-name) server_name=${2:?}; shift 2 ;;
        --cert) cert=${2:?}; shift 2 ;;
        --key) key=${2:?}; shift 2 ;;
        --https-port) https_port=${2:?}; shift 2 ;;
        --http-port) http_port=${2:?}; shift 2 ;;
        --upstream) upstream=${2:?}; shift 2 ;;
        --log-dir) log_dir=${2:?}; shift 2 ;;
        --acme-root) acme_root=${2:?}; shift 2 ;;
        --template) template=${2:?}; shift 2 ;;
        -h|--help) usage ;;
        *) echo "render-nginx-conf.sh: unknown option $1" >&2; usage ;;
    esac
done

[ -n "$server_name" ] || { echo "render-nginx-conf.sh: --server-name is required" >&2; exit 2; }
[[ "$server_name" =~ ^[A-Za-z0-9._:-]+$ ]] || { echo "bad --server-name: $server_name" >&2; exit 2; }
for port in "$https_port" "$http_port"; do
    [[ "$port" =~ ^[0-9]+$ ]] || { echo "bad port: $port" >&2; exit 2; }
done
upstream_pattern='^[][A-Za-z0-9.:_-]+$'
[[ "$upstream" =~ $upstream_pattern ]] || { echo "bad --upstream: $upstream" >&2; exit 2; }
for path in "$cert" "$key" "$log_dir" "$acme_root"; do
    [[ "$path" == /* && "$path" != *[\|\&\\\ \;]* ]] || { echo "bad path (absolute, no | & \\ ; or spaces): $path" >&2; exit 2; }
done

redirect_port=""
[ "$https_port" = 443 ] || redirect_port=":$https_port"

new_http2=no
nginx_bin=$(command -v nginx 2>/dev/null || true)
[ -n "$nginx_bin" ] || [ ! -x /usr/sbin/nginx ] || nginx_bin=/usr/sbin/nginx
if [ -n "$nginx_bin" ]; then
    version=$("$nginx_bin" -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p')
    if [ -n "$version" ] && [ "$(printf '%s\n1.25.1\n' "$version" | sort -V | head -n1)" = 1.25.1 ]; then
        new_http2=yes
    fi
fi

rendered=$(sed \
    -e "s|__SERVER_NAME__|$server_name|g" \
    -e "s|__HTTPS_REDIRECT_PORT__|$redirect_port|g" \
    -e "s|__HTTPS_PORT__|$https_port|g" \
    -e "s|__HTTP_PORT__|$http_port|g" \
    -e "s|__TLS_CERT__|$cert|g" \
    -e "s|__TLS_KEY__|$key|g" \
    -e "s|__UPSTREAM__|$upstream|g" \
    -e "s|__LOG_DIR__|$log_dir|g" \
    -e "s|__ACME_ROOT__|$acme_root|g" \
    "$template")

if [ ! -e /proc/net/if_inet6 ]; then
    rendered=$(printf '%s\n' "$rendered" | grep -v 'listen \[::\]')
fi
if [ "$new_http2" = yes ]; then
    rendered=$(printf '%s\n' "$rendered" | sed -e 's/ ssl http2;/ ssl;/' -e 's/^\(    ssl_certificate  .*\)$/    http2 on;\n\1/')
fi
printf '%s\n' "$rendered"
