#!/usr/bin/env bash
# Search at scale: writes the SYNTHETIC seed (bench/Synthetic, 1,000,000 figures by default), times the product's
# `seed` of it (target < 60 s), starts the API on it and times 20 typical searches (short Chinese, long English,
# common words, a typo) through GET /api/v1/search, ROUNDS times each after one warm-up round, one request at a
# time; prints p50/p99/max per query and over all (target p99 < 50 ms). Bounded: the seed by SEED_TIMEOUT, every
# request by curl --max-time; everything it starts runs in its own process group and is stopped by the trap.
#   OBSERVATIONS=1000000 ROUNDS=20 PORT=5841 SEED_TIMEOUT=900 HEAP_LIMIT=0x200000000 KEEP=0 bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD BENCH=$PWD/bench API_PROJECT=$PWD/src/OpenHealthData.Api
OBSERVATIONS=${OBSERVATIONS:-1000000} ROUNDS=${ROUNDS:-20} PORT=${PORT:-5841} SEED_TIMEOUT=${SEED_TIMEOUT:-900} HEAP_LIMIT=${HEAP_LIMIT:-0x200000000}
WORK=$(mktemp -d) SERVERS=()
source "$BENCH/servers.sh"
cleanup() { for pg in "${SERVERS[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done; [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); commit $(git rev-parse --short HEAD)"
say "build (Release)"
dotnet build -c Release "$API_PROJECT" -v q -nologo >/dev/null
dotnet build -c Release "$BENCH/Synthetic" -v q -nologo >/dev/null

say "SYNTHETIC seed data: $OBSERVATIONS observations"
SYN="$WORK/synthetic-seed" DB="$WORK/synthetic/ohd.db"
dotnet "$BENCH/Synthetic/bin/Release/net10.0/Synthetic.dll" "$SYN" "$OBSERVATIONS" >/dev/null

say "seed (target < 60 s)"
t0=$(now)
DOTNET_GCHeapHardLimit=$HEAP_LIMIT setsid timeout "$SEED_TIMEOUT" /usr/bin/time -f 'seed CPU: user %U s, system %S s; peak RSS %M KB' dotnet "$API_PROJECT/bin/Release/net10.0/OpenHealthData.Api.dll" \
  seed --seed-data "$SYN" --database "$DB" >"$WORK/seed.log" 2>&1 &
SEEDING=$!; SERVERS+=("$SEEDING")
rc=0; wait "$SEEDING" || rc=$?
stop_server "$SEEDING"
SEED=$(secs "$t0" "$(now)")
echo "seed: exit code $rc after $SEED s"
# The phases, each with its wall and CPU time: the database build's, then the snapshot's dataset by dataset.
grep -oE 'Built [^:]*|Wrote snapshot.*|seed CPU.*' "$WORK/seed.log" | cut -c1-600 | sed 's/^/  /' || true
[ "$rc" = 0 ] || { tail -20 "$WORK/seed.log" | cut -c1-300; die "seed (exit code $rc; 124 = SEED_TIMEOUT)"; }

say "API on the synthetic database"
start_server api "$PORT" "GET /healthz" dotnet "$API_PROJECT/bin/Release/net10.0/OpenHealthData.Api.dll" --urls "http://127.0.0.1:$PORT" \
  --Data:SeedDirectory "$SYN" --Data:DatabasePath "$DB" --RateLimiting:Enabled false
QUERIES=(
  "千人医师数" "合成指标042" "合成县330382" "合成市330300千人医师数" "千人医师数合成县330382" "力争达到" "万人次"
  "practising physicians per 1,000 population" "SYNTHETIC metric 042 county 330382" "physicians per thousand in 2023"
  "benchmark report for region 330300 2023" "synthetic programme 33" "physician 合成县330382"
  "synthetic" "metric" "2023" "physicians" "county" "physicans per 1000" "合成指标007 2020"
)
for q in "${QUERIES[@]}"; do # warm-up, and the total each query finds
  n=$(curl -s --max-time 30 "http://127.0.0.1:$PORT/api/v1/search?first=20&q=$(printf %s "$q" | jq -sRr @uri)" | jq -r '.totalCount // .detail')
  printf '  %-45s totalCount %s\n' "$q" "$n"
done
say "$ROUNDS rounds of ${#QUERIES[@]} queries, one at a time"
: >"$WORK/times"
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!QUERIES[@]}"; do
    t=$(curl -s -o /dev/null --max-time 30 -w '%{time_total}' "http://127.0.0.1:$PORT/api/v1/search?first=20&q=$(printf %s "${QUERIES[$i]}" | jq -sRr @uri)")
    echo "$i $t" >>"$WORK/times"
  done
done
echo "per query (ms): p50 p99 max"
for i in "${!QUERIES[@]}"; do
  awk -v i="$i" '$1 == i { print $2 * 1000 }' "$WORK/times" | sort -n | awk -v q="${QUERIES[$i]}" '{ a[NR] = $1 } END { printf "  %-45s %6.1f %6.1f %6.1f\n", q, a[int(NR * 0.5 + 0.5)], a[int(NR * 0.99 + 0.5)], a[NR] }'
done
awk '{ print $2 * 1000 }' "$WORK/times" | sort -n | awk '{ a[NR] = $1 } END { printf "all %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 50 ms)\n", NR, a[int(NR * 0.5 + 0.5)], a[int(NR * 0.99 + 0.5)], a[NR] }'
echo "seed $SEED s (target < 60 s); load average now $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores shared with other work"
