# Shared by bench/run.sh and bench/peer/run.sh (sourced, not run): progress lines, failure, and servers that each run
# in their own process group and are always stopped. The caller sets WORK (a folder for the logs) and SERVERS=(), and
# its EXIT trap stops every group left in SERVERS.

say() { printf '\n== %s   [%s, load average %s]\n' "$*" "$(date +%T)" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
die() { echo "FAILED: $*" >&2; exit 1; }

# start_server NAME PORT PROBE CMD... : CMD in its own process group; waits until PROBE ("GET /healthz", or
# "POST /graphql" with a {__typename} query) answers; sets SERVER (the group id)
start_server() {
  local name=$1 port=$2 probe=$3; shift 3
  local method=${probe%% *} path=${probe#* } body=()
  [ "$method" = POST ] && body=(-H 'Content-Type: application/json' -d '{"query":"{__typename}"}')
  if curl -s --max-time 5 -o /dev/null "http://127.0.0.1:$port/"; then die "port $port is in use"; fi
  setsid "$@" >"$WORK/$name.log" 2>&1 &
  SERVER=$!
  SERVERS+=("$SERVER")
  local deadline=$((SECONDS + 300))
  while [ $SECONDS -lt $deadline ]; do
    curl -sf --max-time 5 -o /dev/null -X "$method" "${body[@]}" "http://127.0.0.1:$port$path" && return 0
    kill -0 "$SERVER" 2>/dev/null || { tail -30 "$WORK/$name.log" >&2; die "$name exited during start"; }
    sleep 0.5
  done
  tail -30 "$WORK/$name.log" >&2; die "$name did not answer $probe within 300 s"
}

# stop_server GROUP : stops a server's process group and forgets it
stop_server() {
  kill -TERM -- "-$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local keep=() pg
  for pg in "${SERVERS[@]}"; do [ "$pg" = "$1" ] || keep+=("$pg"); done
  SERVERS=("${keep[@]}")
}
