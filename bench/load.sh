#!/usr/bin/env bash
# Hardening load test: DURATION (60) seconds at CONNECTIONS (64) connections on a mixed request set
# (GraphQL POST and GET, REST snapshot downloads and redirect, REST lookups, /healthz; bench/wrk/mixed.lua).
# Reports total requests, errors (socket errors, non-2xx/3xx), 5xx, p50 and p99, and the API's memory.
# Exits non-zero if there was any 5xx or socket error.
#
#   bench/load.sh                             builds the API, seeds the real data into a temporary folder,
#                                             starts the API (rate limiting off), runs the load, stops the API
#   URL=http://127.0.0.1:5080 bench/load.sh   against an API that is already running (nothing is started)
#   NO_CACHE=1 bench/load.sh                 the same with the GraphQL response cache off (every request does its work)
# Knobs: DURATION=60 CONNECTIONS=64 PORT=5821. Needs .NET 10 SDK, wrk, curl.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
DURATION=${DURATION:-60}; CONNECTIONS=${CONNECTIONS:-64}; PORT=${PORT:-5821}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohd-load.XXXXXX")
API=""
cleanup() {
  if [ -n "$API" ]; then kill -TERM -- "-$API" 2>/dev/null || true; wait "$API" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "FAILED: $*" >&2; exit 2; }

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(free -h | awk '/^Mem/ { print $2 }') RAM," \
  "dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -z "${URL:-}" ]; then
  URL="http://127.0.0.1:$PORT"
  if curl -s --max-time 5 -o /dev/null "$URL/"; then die "port $PORT is in use"; fi
  dotnet build -c Release -nologo -v q "$REPO/src/OpenHealthData.Api" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; die build; }
  dotnet run --no-build -c Release --project "$REPO/src/OpenHealthData.Api" --no-launch-profile -- \
    seed --seed-data "$REPO/seed-data" --database "$WORK/ohd.db" >"$WORK/seed.log" 2>&1 || { tail -30 "$WORK/seed.log"; die seed; }
  setsid dotnet run --no-build -c Release --project "$REPO/src/OpenHealthData.Api" --no-launch-profile -- \
    --urls "$URL" --Data:SeedDirectory "$REPO/seed-data" --Data:DatabasePath "$WORK/ohd.db" --RateLimiting:Enabled false \
    ${NO_CACHE:+--ResponseCache:MaxBytes 0} >"$WORK/api.log" 2>&1 &
  API=$!
  deadline=$((SECONDS + 120))
  while [ $SECONDS -lt $deadline ]; do
    curl -sf --max-time 5 -o /dev/null "$URL/healthz" && break
    kill -0 "$API" 2>/dev/null || { tail -30 "$WORK/api.log"; die "API exited during start"; }
    sleep 0.5
  done
fi
curl -sf --max-time 10 -o /dev/null "$URL/healthz" || die "$URL/healthz does not answer"
SNAPSHOT=$(curl -sf --max-time 10 "$URL/healthz" | grep -o '"seedHash":"[0-9a-f]*"' | cut -d'"' -f4)
SOURCE=$(curl -sf --max-time 10 -X POST -H 'Content-Type: application/json' -d '{"query":"{ sources(first: 1) { nodes { id } } }"}' "$URL/graphql" |
  grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
echo "target $URL${NO_CACHE:+ (response cache off)}, snapshot $SNAPSHOT, source $SOURCE; wrk -t1 -c$CONNECTIONS -d${DURATION}s, mixed set (bench/wrk/mixed.lua)"

BENCH=$BENCH SNAPSHOT=$SNAPSHOT SOURCE=$SOURCE wrk -t1 -c"$CONNECTIONS" -d"$DURATION"s --timeout 10s --latency \
  -s "$BENCH/wrk/mixed.lua" "$URL" | tee "$WORK/wrk.txt"
read -r requests rps p50 p99 non2xx3xx n5xx n4xx socket gqlerrors < <(awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7, $8, $9, $10 }' "$WORK/wrk.txt")

echo
echo "| requests | req/s | errors (socket + non-2xx/3xx) | 5xx | 4xx | socket errors | GraphQL errors in 200s | p50 ms | p99 ms |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| $requests | $rps | $((socket + non2xx3xx)) | $n5xx | $n4xx | $socket | $gqlerrors | $p50 | $p99 |"
if [ -n "$API" ]; then
  pid=$(pgrep -g "$API" -f 'net10.0/OpenHealthData.Api' | head -1)
  echo "API memory: $(awk '/^VmRSS|^VmHWM/ { printf "%s %.0f MB  ", $1, $2 / 1024 }' "/proc/$pid/status")"
  grep -cE '^(fail|crit):' "$WORK/api.log" | sed 's/^/API log lines at fail\/crit level: /' || true
fi
[ "$gqlerrors" -eq 0 ] || echo "WARNING: $gqlerrors GraphQL responses carried errors (a request of the mix is wrong, or the API failed it)"
if [ "$n5xx" -gt 0 ] || [ "$socket" -gt 0 ]; then echo "FAIL: $n5xx responses with 5xx, $socket socket errors"; exit 1; fi
echo "PASS: no 5xx, no socket errors"
