#!/usr/bin/env bash
# A/B of two builds of the API on the same machine, alternating, response cache off:
#   bench/ab.sh A_DIR B_DIR DATABASE SEED_DIR REQUEST.json...
# A_DIR, B_DIR: folders holding a built OpenHealthData.Api.dll (e.g. src/OpenHealthData.Api/bin/Release/net10.0
# of two checkouts), each with its own database built by itself (DATABASE with -A / -B before .db). Both run at once on 127.0.0.1 (ports A_PORT, B_PORT), each warmed up WARMUP s per request;
# then for each round and request: A then B (odd rounds) or B then A (even rounds), `wrk -t1` DURATION s each.
# Prints req/s, p50/p99 and CPU ms per request (user + system time of the process / requests) of each, and B/A.
# Knobs: DURATION=10 ROUNDS=3 CONNECTIONS=32 WARMUP=10 A_PORT=5851 B_PORT=5852; SEED_B=folder (B's seed data when the two builds read
# different seed formats; SEED_DIR otherwise). Stops both servers on exit.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
A_DIR=$1 B_DIR=$2 DB=$3 SEED=$4; shift 4
DURATION=${DURATION:-10}; ROUNDS=${ROUNDS:-3}; CONNECTIONS=${CONNECTIONS:-32}; WARMUP=${WARMUP:-10}
A_PORT=${A_PORT:-5851}; B_PORT=${B_PORT:-5852}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohd-ab.XXXXXX")
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

SEED_B=${SEED_B:-$SEED}
start() { # NAME DIR PORT SEED_DIR
  (cd "$2" && setsid dotnet OpenHealthData.Api.dll --urls "http://127.0.0.1:$3" --Data:SeedDirectory "$4" --Data:DatabasePath "${DB%.db}-$1.db" \
    --RateLimiting:Enabled false --ResponseCache:MaxBytes 0) >"$WORK/$1.log" 2>&1 &
  local deadline=$((SECONDS + 300))
  until curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$3/healthz"; do
    [ $SECONDS -lt $deadline ] || { tail -20 "$WORK/$1.log"; exit 1; }
    sleep 0.5
  done
  pgrep -f "OpenHealthData.Api.dll --urls http://127.0.0.1:$3" | head -1
}
A_PID=$(start A "$A_DIR" "$A_PORT" "$SEED"); PIDS+=("$A_PID")
B_PID=$(start B "$B_DIR" "$B_PORT" "$SEED_B"); PIDS+=("$B_PID")
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
run() { # PID PORT BODY SECONDS -> "req/s p50 p99 requests cpu_ms"
  local before after result
  before=$(ticks "$1")
  result=$(METHOD=POST BODY_FILE="$3" wrk -t1 -c"$CONNECTIONS" -d"$4"s --timeout 10s -s "$BENCH/wrk/request.lua" "http://127.0.0.1:$2/graphql" | awk '/^RESULT/ { print $2, $3, $4, $5 }')
  after=$(ticks "$1")
  echo "$result $(( (after - before) * 1000 / $(getconf CLK_TCK) ))"
}
for body in "$@"; do
  cmp -s <(curl -s -X POST -H 'Content-Type: application/json' --data-binary "@$body" http://127.0.0.1:$A_PORT/graphql) \
    <(curl -s -X POST -H 'Content-Type: application/json' --data-binary "@$body" http://127.0.0.1:$B_PORT/graphql) ||
    echo "NOTE: A and B answer $(basename "$body") differently"
  run "$A_PID" "$A_PORT" "$body" "$WARMUP" >/dev/null; run "$B_PID" "$B_PORT" "$body" "$WARMUP" >/dev/null
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  for body in "$@"; do
    order=(A B); [ $((round % 2)) = 0 ] && order=(B A)
    for side in "${order[@]}"; do
      if [ "$side" = A ]; then line=$(run "$A_PID" "$A_PORT" "$body" "$DURATION"); else line=$(run "$B_PID" "$B_PORT" "$body" "$DURATION"); fi
      echo "$(basename "$body" .json) $side $round $line" | tee -a "$WORK/results"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| request | A req/s | B req/s | B/A | A p50 / p99 | B p50 / p99 | CPU ms per request A / B | B/A |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|"
awk '{ k = $1 " " $2; n[k]++; rps[k] += $4; p50[k] += $5; p99[k] += $6; req[k] += $7; cpu[k] += $8; names[$1] = 1 }
  END { for (r in names) { a = r " A"; b = r " B"; ca = cpu[a] / req[a]; cb = cpu[b] / req[b]
    printf "| %s | %.0f | %.0f | **%.2f** | %.1f / %.1f | %.1f / %.1f | %.3f / %.3f | **%.2f** |\n", r, rps[a] / n[a], rps[b] / n[b],
      rps[b] / rps[a], p50[a] / n[a], p99[a] / n[a], p50[b] / n[b], p99[b] / n[b], ca, cb, cb / ca } }' "$WORK/results" | sort
