#!/usr/bin/env bash
# Runs deploy/nginx.conf on this machine, in the foreground, with everything it writes under DIR:
#   deploy/nginx-local.sh DIR LISTEN_PORT UPSTREAM_PORT...
# The upstream servers become 127.0.0.1:UPSTREAM_PORT..., the listener 127.0.0.1:LISTEN_PORT, and the cache, log,
# pid and temporary paths move under DIR; nothing else of the file changes. Exits 2 if the file no longer has the
# shape this rewrite expects. Used by deploy/local-cluster.sh and by the nginx tests (NginxConfTests).
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 DIR LISTEN_PORT UPSTREAM_PORT..." >&2; exit 2; }
DIR=$1 PORT=$2; shift 2
CONF="$(cd "$(dirname "$0")" && pwd)/nginx.conf"
mkdir -p "$DIR/tmp"
upstreams=$(printf '        server 127.0.0.1:%s max_fails=2 fail_timeout=5s;\\n' "$@")
sed -e "s|^ *server api:8080 .*|$upstreams|" \
    -e "s|listen 8080;|listen 127.0.0.1:$PORT;|" \
    -e "s|/var/cache/nginx/openhealthdata|$DIR/cache|" \
    -e "s|/var/log/nginx/|$DIR/|g" \
    -e "s|^http {|http {\n    client_body_temp_path $DIR/tmp/body; proxy_temp_path $DIR/tmp/proxy; fastcgi_temp_path $DIR/tmp/fastcgi; uwsgi_temp_path $DIR/tmp/uwsgi; scgi_temp_path $DIR/tmp/scgi;|" \
    "$CONF" >"$DIR/nginx.conf"
if [ "$(grep -c "server 127.0.0.1:" "$DIR/nginx.conf")" != $# ] || ! grep -q "listen 127.0.0.1:$PORT;" "$DIR/nginx.conf" || grep -q "/var/" "$DIR/nginx.conf"; then
  echo "deploy/nginx.conf changed shape: the rewrite for this machine no longer applies" >&2; exit 2
fi
user=""; [ "$(id -u)" = 0 ] && user="user root;" # workers as root only when nginx is started as root (they write under DIR)
nginx -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log" -t -q -g "pid $DIR/nginx.pid; $user"
exec nginx -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/error.log" -g "daemon off; pid $DIR/nginx.pid; $user"
