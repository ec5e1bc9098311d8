#!/usr/bin/env bash
# A/B of the 20 searches of bench/search.sh: two builds of the API (A, B: their OpenHealthData.Api.dll) on one
# database made by bench/search.sh (KEEP=1 keeps it), alternating A B / B A per round, one request at a time, after
# WARM unmeasured rounds (tiered JIT, CommonTerms' counts). First checks that A and B answer each query with the same
# totalCount and first 20 ids; then prints per query and overall p50/p99/max of the wall time and each server's CPU
# per request (utime+stime of its process, /proc/PID/stat, around each request), with the load average. Run it under
# `flock /work/wt/bench.lock`. Bounded: each server by `timeout`, each request by curl --max-time; the trap stops both.
#   bench/search-ab.sh A.dll B.dll SEED_DIR DATABASE [ROUNDS=20] [PORT_A=5920] [PORT_B=5921] [WARM=3]
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1 B=$2 SYN=$3 DB=$4 ROUNDS=${5:-20} PA=${6:-5920} PB=${7:-5921} WARM=${8:-3}
WORK=$(mktemp -d) SERVERS=()
source bench/servers.sh
trap 'for pg in "${SERVERS[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
serve() { start_server "$1" "$2" "GET /healthz" timeout 3600 dotnet "$3" --urls "http://127.0.0.1:$2" \
  --Data:SeedDirectory "$SYN" --Data:DatabasePath "$DB" --RateLimiting:Enabled false; }
serve a "$PA" "$A"; PIDA=$(pgrep -P "$SERVER" dotnet | head -1)
serve b "$PB" "$B"; PIDB=$(pgrep -P "$SERVER" dotnet | head -1)
echo "A: $A (pid $PIDA); B: $B (pid $PIDB)"
QUERIES=(
  "千人医师数" "合成指标042" "合成县330382" "合成市330300千人医师数" "千人医师数合成县330382" "力争达到" "万人次"
  "practising physicians per 1,000 population" "SYNTHETIC metric 042 county 330382" "physicians per thousand in 2023"
  "benchmark report for region 330300 2023" "synthetic programme 33" "physician 合成县330382"
  "synthetic" "metric" "2023" "physicians" "county" "physicans per 1000" "合成指标007 2020"
)
PATHS=(); for q in "${QUERIES[@]}"; do PATHS+=("/api/v1/search?first=20&q=$(printf %s "$q" | jq -sRr @uri)"); done
same=0
for i in "${!QUERIES[@]}"; do
  a=$(curl -s --max-time 60 "http://127.0.0.1:$PA${PATHS[$i]}" | jq -c '[.totalCount, [.items[].observation.id]]')
  b=$(curl -s --max-time 60 "http://127.0.0.1:$PB${PATHS[$i]}" | jq -c '[.totalCount, [.items[].observation.id]]')
  if [ "$a" = "$b" ]; then same=$((same + 1)); else echo "differs: ${QUERIES[$i]}: A ${a:0:200} | B ${b:0:200}"; fi
done
echo "same totalCount and first 20 ids: $same of ${#QUERIES[@]}"
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
tick=$((1000 / $(getconf CLK_TCK)))
run() { # side port pid record
  local i t c0 c1
  for i in "${!PATHS[@]}"; do
    c0=$(cpu "$3"); t=$(curl -s -o /dev/null --max-time 30 -w '%{time_total}' "http://127.0.0.1:$2${PATHS[$i]}"); c1=$(cpu "$3")
    [ "$4" = 1 ] && echo "$1 $i $t $(( (c1 - c0) * tick ))" >>"$WORK/times"
  done; return 0; }
for r in $(seq 1 "$WARM"); do run a "$PA" "$PIDA" 0; run b "$PB" "$PIDB" 0; done
: >"$WORK/times"
load0=$(cut -d' ' -f1-3 /proc/loadavg); t0=$(date +%T)
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then run a "$PA" "$PIDA" 1; run b "$PB" "$PIDB" 1; else run b "$PB" "$PIDB" 1; run a "$PA" "$PIDA" 1; fi
done
echo "$ROUNDS rounds, $t0-$(date +%T); load average before $load0, after $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
pct() { sort -n | awk '{ a[NR] = $1 } END { printf "%6.1f %6.1f %6.1f", a[int(NR * 0.5 + 0.5)], a[int(NR * 0.99 + 0.5)], a[NR] }'; }
printf '%-44s | %-20s | %-20s | %s\n' "query" "A p50 p99 max (ms)" "B p50 p99 max (ms)" "CPU ms/request A B"
for i in "${!QUERIES[@]}"; do
  printf '%-44s | %s | %s | ' "${QUERIES[$i]}" "$(awk -v i="$i" '$1 == "a" && $2 == i { print $3 * 1000 }' "$WORK/times" | pct)" \
    "$(awk -v i="$i" '$1 == "b" && $2 == i { print $3 * 1000 }' "$WORK/times" | pct)"
  awk -v i="$i" '$2 == i { s[$1] += $4; n[$1]++ } END { printf "%5.1f %5.1f\n", s["a"] / n["a"], s["b"] / n["b"] }' "$WORK/times"
done
for side in a b; do
  printf 'all %s: p50 p99 max %s ms over %d requests; CPU %s ms/request\n' "${side^^}" "$(awk -v s="$side" '$1 == s { print $3 * 1000 }' "$WORK/times" | pct)" \
    "$(awk -v s="$side" '$1 == s' "$WORK/times" | wc -l)" "$(awk -v s="$side" '$1 == s { c += $4; n++ } END { printf "%.1f", c / n }' "$WORK/times")"
done
