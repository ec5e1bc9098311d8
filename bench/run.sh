#!/usr/bin/env bash
# OpenHealthData benchmark, one command (about 10-15 minutes on 2 cores):  bench/run.sh
#
#  1. builds the API (Release) and the bench tools (Ceiling, Synthetic, LoaderProfile)
#  2. times `seed` of the real seed-data (target < 5 s)
#  3. records the API's exact responses to eight requests, serves them from the no-work Ceiling app, and runs
#     wrk against the API, the API with its response cache off, and the ceiling in turn (A B C A B C, 2 rounds),
#     then prints req/s, ratios, p50/p99 and the APIs' memory
#  4. writes a SYNTHETIC 1,000,000-observation seed folder, times `seed` of it (target < 60 s) phase by phase,
#     and measures where the reader's time goes and what each compression level costs (LoaderProfile)
#  5. EXPLAIN QUERY PLAN of the main filter shapes on the 1M database (bench/explain.sql)
#  6. starts the API on the 1M database and measures first-page queries with totalCount (target p99 < 20 ms):
#     the same request with the response cache off, a new question every request (wrk/vary.lua), and as shipped
#
# Knobs (environment): DURATION=10 ROUNDS=2 CONNECTIONS=32 WARMUP=3 OBSERVATIONS=1000000
#   PROFILE=1 (0: no LoaderProfile; 2: also the EF Core loader before dc35397 against the current one, ~3 min, 6 GB)
#   HEAP_LIMIT=0x200000000 (GC heap cap of the 1M seed, so running out of memory fails the process, not the machine)
#   SEED_TIMEOUT=900 API_PORT=5811 CEILING_PORT=5812 NOCACHE_PORT=5813 KEEP=0 (1 keeps the temporary folder)
# Needs: .NET 10 SDK, wrk, sqlite3, curl (apt-get install -y wrk sqlite3 curl).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$BENCH")
DURATION=${DURATION:-10}; ROUNDS=${ROUNDS:-2}; CONNECTIONS=${CONNECTIONS:-32}; WARMUP=${WARMUP:-3}
OBSERVATIONS=${OBSERVATIONS:-1000000}; PROFILE=${PROFILE:-1}
HEAP_LIMIT=${HEAP_LIMIT:-0x200000000}; SEED_TIMEOUT=${SEED_TIMEOUT:-900}
API_PORT=${API_PORT:-5811}; CEILING_PORT=${CEILING_PORT:-5812}; NOCACHE_PORT=${NOCACHE_PORT:-5813}
NO_CACHE=(--ResponseCache:MaxBytes 0)   # the GraphQL response cache off: every request does the whole work
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohd-bench.XXXXXX")
API_PROJECT="$REPO/src/OpenHealthData.Api"
PROFILER="$BENCH/LoaderProfile/bin/Release/net10.0/LoaderProfile.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__Console__TimestampFormat="HH:mm:ss.fff "

for tool in dotnet wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk sqlite3 curl)" >&2; exit 1; }
done

# ---------------------------------------------------------------- servers: own process groups, always stopped
SERVERS=()
cleanup() {
  local pg
  for pg in "${SERVERS[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done
  for pg in "${SERVERS[@]}"; do wait "$pg" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

. "$BENCH/servers.sh" # say, die, start_server, stop_server
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# seed_phases LOG START(HH:MM:SS.N): where a seed command's time went, from its timestamped log
seed_phases() {
  awk -v start="$2" '
    function s(t, a) { split(t, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
    /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / { stamp = s($1); if (!first) first = stamp; last = stamp }
    /Built .* in [0-9]+ ms/ { built = stamp }
    /Wrote snapshot/ { snap = stamp }
    END {
      printf "phases: start-up and hashing the seed folder %.1f s", first - s(start)
      if (built) printf "; database %.1f s; snapshots %.1f s%s", built - first, (snap ? snap : last) - built, (snap ? "" : " (did not finish)")
      print ""
    }' "$1"
}

start_api() { # PORT SEED_DIR DB_FILE [more API options]
  local port=$1 seed=$2 db=$3; shift 3
  start_server "api-$port" "$port" "GET /healthz" dotnet run --no-build -c Release --project "$API_PROJECT" --no-launch-profile -- \
    --urls "http://127.0.0.1:$port" --Data:SeedDirectory "$seed" --Data:DatabasePath "$db" --RateLimiting:Enabled false "$@"
  API=$SERVER
}
# the API process itself (dotnet run starts it as a child in the same group)
app_pid() { pgrep -g "$1" -f 'net10.0/OpenHealthData.Api' | head -1; }
memory() { awk '/^VmHWM|^VmRSS|^RssAnon|^RssFile/ { printf "%s %.0f MB  ", $1, $2 / 1024 }' "/proc/$(app_pid "$1")/status"; } # RssFile: pages of the memory-mapped database

# wrk_run URL METHOD BODY_FILE CONNECTIONS SECONDS -> "req/s p50 p99 requests non2xx3xx socket_errors"
wrk_run() { METHOD=$2 BODY_FILE=$3 wrk_script request.lua "$1" "$4" "$5"; }
# wrk_script SCRIPT URL CONNECTIONS SECONDS -> the script's RESULT figures
wrk_script() {
  wrk -t1 -c"$3" -d"$4"s --timeout 10s -s "$BENCH/wrk/$1" "$2" | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7 }'
}

say "Machine"
echo "nproc: $(nproc)"; lscpu | grep 'Model name' || true; free -h
echo "dotnet: $(dotnet --version)   $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)   sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)   work folder: $WORK"

say "Build (Release)"
for project in "$API_PROJECT" "$BENCH/Ceiling" "$BENCH/Synthetic" "$BENCH/LoaderProfile"; do
  dotnet build -c Release -nologo -v q "$project" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; die "build of $project"; }
  echo "built $project"
done

# ---------------------------------------------------------------- seed the real data
say "Seed the real data (target < 5 s)"
t0=$(now); start=$(date +%T.%N)
dotnet run --no-build -c Release --project "$API_PROJECT" --no-launch-profile -- seed --seed-data "$REPO/seed-data" --database "$WORK/real/ohd.db" \
  >"$WORK/seed-real.log" 2>&1 || { tail -30 "$WORK/seed-real.log"; die "seed of the real data"; }
REAL_SEED=$(secs "$t0" "$(now)")
tail -1 "$WORK/seed-real.log"
seed_phases "$WORK/seed-real.log" "$start"
echo "seed (real data), wall time of the command: $REAL_SEED s"

# ---------------------------------------------------------------- API vs ceiling
say "API vs ceiling: record responses"
start_api "$API_PORT" "$REPO/seed-data" "$WORK/real/ohd.db"
SNAPSHOT=$(curl -sf --max-time 10 "http://127.0.0.1:$API_PORT/healthz" | grep -o '"seedHash":"[0-9a-f]*"' | cut -d'"' -f4)
echo "snapshot id (seedHash): $SNAPSHOT"
REQUESTS=(
  "a_journalist POST /graphql $BENCH/requests/journalist.json"
  "b_nested POST /graphql $BENCH/requests/nested.json"
  "c_series POST /graphql $BENCH/requests/series.json"
  "d_two_levels POST /graphql $BENCH/requests/nested_two_levels.json"
  "e_filtered_nested POST /graphql $BENCH/requests/filtered_nested.json"
  "f_within_category POST /graphql $BENCH/requests/within_category.json"
  "g_snapshot_csv GET /api/v1/snapshots/$SNAPSHOT/observations.csv -"
  "h_healthz GET /healthz -"
)
REC="$WORK/rec"; mkdir -p "$REC"
for spec in "${REQUESTS[@]}"; do
  read -r name method path body <<<"$spec"
  args=(-s --max-time 30 -X "$method" -o "$REC/$name.res" -D "$REC/$name.hdr")
  : >"$REC/$name.req"
  if [ "$body" != - ]; then args+=(-H 'Content-Type: application/json' --data-binary "@$body"); cp "$body" "$REC/$name.req"; fi
  curl "${args[@]}" "http://127.0.0.1:$API_PORT$path"
  status=$(head -1 "$REC/$name.hdr" | cut -d' ' -f2)
  type=$(grep -i '^content-type:' "$REC/$name.hdr" | cut -d' ' -f2- | tr -d '\r')
  [ "$status" = 200 ] || die "$name: HTTP $status"
  if [ "$path" = /graphql ] && grep -q '"errors"' "$REC/$name.res"; then die "$name: $(head -c 300 "$REC/$name.res")"; fi
  printf '%s\n%s\n%s\n' "$method" "$path" "$type" >"$REC/$name.meta"
  printf '%-15s %-4s %-55s %8s bytes  %s\n' "$name" "$method" "$path" "$(wc -c <"$REC/$name.res")" "$type"
done

start_server ceiling "$CEILING_PORT" "GET /healthz" dotnet "$BENCH/Ceiling/bin/Release/net10.0/Ceiling.dll" "$REC" --urls "http://127.0.0.1:$CEILING_PORT"
CEILING=$SERVER
CACHED=$API
start_api "$NOCACHE_PORT" "$REPO/seed-data" "$WORK/real/ohd.db" "${NO_CACHE[@]}"
UNCACHED=$API
TARGETS=("api $API_PORT" "api_nocache $NOCACHE_PORT" "ceiling $CEILING_PORT")
for spec in "${REQUESTS[@]}"; do # the ceiling must answer byte for byte what the API answered
  read -r name method path body <<<"$spec"
  args=(-s --max-time 30 -X "$method" -o "$WORK/check.res")
  [ "$body" = - ] || args+=(-H 'Content-Type: application/json' --data-binary "@$body")
  curl "${args[@]}" "http://127.0.0.1:$CEILING_PORT$path"
  cmp -s "$WORK/check.res" "$REC/$name.res" || die "ceiling answer differs for $name"
done
echo "ceiling replays all ${#REQUESTS[@]} responses byte for byte"

say "API vs ceiling: warm-up ${WARMUP} s per request and target"
for spec in "${REQUESTS[@]}"; do
  read -r name method path body <<<"$spec"
  [ "$body" = - ] && body=""
  for t in "${TARGETS[@]}"; do
    read -r target port <<<"$t"
    wrk_run "http://127.0.0.1:$port$path" "$method" "$body" "$CONNECTIONS" "$WARMUP" >/dev/null
  done
done
echo "API memory after warm-up: $(memory "$CACHED"); with the cache off: $(memory "$UNCACHED")"

say "API vs ceiling: wrk -t1 -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds, alternating API, API without response cache, ceiling"
RESULTS="$WORK/results.txt"; : >"$RESULTS"
for round in $(seq "$ROUNDS"); do
  for spec in "${REQUESTS[@]}"; do
    read -r name method path body <<<"$spec"
    [ "$body" = - ] && body=""
    for t in "${TARGETS[@]}"; do
      read -r target port <<<"$t"
      line=$(wrk_run "http://127.0.0.1:$port$path" "$method" "$body" "$CONNECTIONS" "$DURATION")
      echo "$name $target $round $line" | tee -a "$RESULTS"
    done
  done
done
API_MEMORY="$(memory "$CACHED"); with the cache off: $(memory "$UNCACHED")"
echo
echo "| request | API req/s | API/ceiling | API, cache off, req/s | cache off/ceiling | ceiling req/s | p50 / p99 ms: API | API, cache off | ceiling | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk '{ k = $1 " " $2; n[k]++; rps[k] += $4; p50[k] += $5; p99[k] += $6; err[$1] += $8 + $9; names[$1] = 1 }
  END { for (r in names) { a = r " api"; u = r " api_nocache"; c = r " ceiling"
    printf "| %s | %.0f | %.3f | %.0f | %.3f | %.0f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %d |\n", r,
      rps[a] / n[a], (rps[a] / n[a]) / (rps[c] / n[c]), rps[u] / n[u], (rps[u] / n[u]) / (rps[c] / n[c]), rps[c] / n[c],
      p50[a] / n[a], p99[a] / n[a], p50[u] / n[u], p99[u] / n[u], p50[c] / n[c], p99[c] / n[c], err[r] } }' "$RESULTS" | sort
echo "(means of $ROUNDS rounds; p50/p99 are each round's wrk percentiles, averaged; the cache only serves GraphQL)"
echo "API memory under load: $API_MEMORY"
stop_server "$CEILING"; stop_server "$CACHED"; stop_server "$UNCACHED"

# ---------------------------------------------------------------- 1M synthetic
say "SYNTHETIC seed data: $OBSERVATIONS observations"
SYN="$WORK/synthetic-seed"; DB1M="$WORK/synthetic/ohd.db"
t0=$(now)
dotnet "$BENCH/Synthetic/bin/Release/net10.0/Synthetic.dll" "$SYN" "$OBSERVATIONS"
echo "generated in $(secs "$t0" "$(now)") s; $(du -sh "$SYN" | cut -f1) on disk"

say "Seed the synthetic data with the product's seed command (target < 60 s; GC heap capped at $HEAP_LIMIT)"
TIME=(); [ -x /usr/bin/time ] && TIME=(/usr/bin/time -f 'peak RSS %M KB (largest process)')
t0=$(now); start=$(date +%T.%N)
# in its own process group, like the servers, so that an interrupted run.sh stops it too
DOTNET_GCHeapHardLimit=$HEAP_LIMIT setsid timeout "$SEED_TIMEOUT" "${TIME[@]}" dotnet run --no-build -c Release --project "$API_PROJECT" \
  --no-launch-profile -- seed --seed-data "$SYN" --database "$DB1M" >"$WORK/seed-1m.log" 2>&1 &
SEEDING=$!; SERVERS+=("$SEEDING")
rc=0; wait "$SEEDING" || rc=$?
stop_server "$SEEDING"
SEED_1M=$(secs "$t0" "$(now)")
echo "exit code $rc after $SEED_1M s (0 = done, 124 = timeout, 134 = aborted: out of memory, 143 = terminated from outside)"
seed_phases "$WORK/seed-1m.log" "$start"
grep -E 'Out of memory|OutOfMemory|peak RSS|Wrote snapshot|is current' "$WORK/seed-1m.log" | cut -c1-200 | sort -u | head -5 || true
if [ -f "$DB1M" ]; then
  sqlite3 -readonly "$DB1M" "SELECT printf('Source.Text that Include(o => o.Source) on every row would materialise (the snapshot did, before dae0341): %.1f G chars = %.1f GB as .NET strings', SUM(LENGTH(s.Text) * c.n) / 1e9, SUM(LENGTH(s.Text) * c.n) * 2 / 1e9) FROM Sources s JOIN (SELECT SourceId, COUNT(*) n FROM Observations GROUP BY SourceId) c ON c.SourceId = s.Id;"
fi

SNAP1M=$(ls -d "$(dirname "$DB1M")"/snapshots/*/ 2>/dev/null | head -1)
if [ -n "$SNAP1M" ]; then
  echo "1M snapshot files: $(ls -l "$SNAP1M" | awk '/observations\.(csv|json)/ { printf "%s %.0f MB  ", $NF, $5 / 1048576 }')"
fi

if [ "$PROFILE" != 0 ]; then
  say "Where the reader's time goes at $OBSERVATIONS observations (LoaderProfile read; PHASE mode ms VmRSS-MB VmHWM-MB name)"
  DOTNET_GCHeapHardLimit=$HEAP_LIMIT dotnet "$PROFILER" read "$SYN"
  if [ -n "$SNAP1M" ]; then
    say "Compression levels on the first 16 MB of the 1M observations.csv (LoaderProfile compress)"
    dotnet "$PROFILER" compress "$SNAP1M/observations.csv"
  fi
fi
if [ "$PROFILE" = 2 ]; then
  say "The loader before dc35397 (EF Core) against the current one (LoaderProfile ef / raw)"
  t0=$(now); DOTNET_GCHeapHardLimit=$HEAP_LIMIT dotnet "$PROFILER" ef "$SYN" "$WORK/profile/ef.db"; echo "EF Core path, total $(secs "$t0" "$(now)") s"
  rm -f "$WORK/profile/ef.db"
  t0=$(now); DOTNET_GCHeapHardLimit=$HEAP_LIMIT dotnet "$PROFILER" raw "$SYN" "$WORK/profile/raw.db"; echo "prepared-INSERT path, total $(secs "$t0" "$(now)") s"
  rm -f "$WORK/profile/raw.db"
fi

if [ ! -f "$DB1M" ]; then
  echo "no 1M database: the product's seed failed; nothing left to measure on it"
  exit 1
fi
say "EXPLAIN QUERY PLAN on the 1M database (bench/explain.sql)"
sqlite3 -readonly "$DB1M" <"$BENCH/explain.sql"

# ---------------------------------------------------------------- queries on the 1M database
# (if the seed did not write the snapshot, the API writes it at start, as the product does)
say "First-page queries with totalCount on the 1M database (target p99 < 20 ms)"
# Three ways: the same request repeated with the response cache off (every request does its whole work),
# a new question on every request (vary.lua: region and year change, the query text stays), cache off, and
# the API as shipped (response cache on) repeating the same request.
sqlite3 -readonly "$DB1M" "SELECT Code FROM Regions" >"$WORK/regions-1m.txt"
wrk_vary() { REGIONS="$WORK/regions-1m.txt" YEARS_FROM=2015 YEARS_TO=2024 wrk_script vary.lua "$1" "$2" "$3"; } # URL CONNECTIONS SECONDS
start_api "$API_PORT" "$SYN" "$DB1M" "${NO_CACHE[@]}"
QUERIES=("region+year journalist.json" "metric+region metric_region.json")
for spec in "${QUERIES[@]}"; do
  read -r name file <<<"$spec"
  curl -s --max-time 30 -X POST -H 'Content-Type: application/json' --data-binary "@$BENCH/requests/$file" "http://127.0.0.1:$API_PORT/graphql" |
    grep -o '"totalCount":[0-9]*' | sed "s/^/$name: /"
  wrk_run "http://127.0.0.1:$API_PORT/graphql" POST "$BENCH/requests/$file" "$CONNECTIONS" "$WARMUP" >/dev/null
done
wrk_vary "http://127.0.0.1:$API_PORT/graphql" "$CONNECTIONS" "$WARMUP" >/dev/null
for file in nested.json nested_metrics.json; do # nested lists with first: one request at a time, 3 times
  times=""
  for _ in 1 2 3; do
    times+="$(curl -s --max-time 120 -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' \
      --data-binary "@$BENCH/requests/$file" "http://127.0.0.1:$API_PORT/graphql") "
  done
  echo "$file (nested lists with first) on the 1M database, seconds per request: $times"
done
RESULTS_1M="$WORK/results-1m.txt"; : >"$RESULTS_1M"
for round in $(seq "$ROUNDS"); do
  for c in 1 "$CONNECTIONS"; do
    for spec in "${QUERIES[@]}"; do
      read -r name file <<<"$spec"
      echo "$name cache-off $c $round $(wrk_run "http://127.0.0.1:$API_PORT/graphql" POST "$BENCH/requests/$file" "$c" "$DURATION")" | tee -a "$RESULTS_1M"
    done
    echo "region+year,new-variables-each-request cache-off $c $round $(wrk_vary "http://127.0.0.1:$API_PORT/graphql" "$c" "$DURATION")" | tee -a "$RESULTS_1M"
  done
done
MEMORY_1M="cache off: $(memory "$API")"
stop_server "$API"
start_api "$API_PORT" "$SYN" "$DB1M"
for spec in "${QUERIES[@]}"; do
  read -r name file <<<"$spec"
  wrk_run "http://127.0.0.1:$API_PORT/graphql" POST "$BENCH/requests/$file" "$CONNECTIONS" "$WARMUP" >/dev/null
done
for round in $(seq "$ROUNDS"); do
  for spec in "${QUERIES[@]}"; do
    read -r name file <<<"$spec"
    echo "$name as-shipped $CONNECTIONS $round $(wrk_run "http://127.0.0.1:$API_PORT/graphql" POST "$BENCH/requests/$file" "$CONNECTIONS" "$DURATION")" | tee -a "$RESULTS_1M"
  done
done
MEMORY_1M+="; as shipped: $(memory "$API")"
stop_server "$API"
echo
echo "| query ($OBSERVATIONS observations) | API | connections | req/s | p50 ms | p99 ms | errors |"
echo "|---|---|---:|---:|---:|---:|---:|"
awk '{ k = $1 " " $2 " " $3; n[k]++; rps[k] += $5; p50[k] += $6; p99[k] += $7; err[k] += $9 + $10 }
  END { for (k in n) { split(k, a, " "); printf "| %s | %s | %s | %.0f | %.1f | %.1f | %d |\n", a[1], a[2], a[3], rps[k] / n[k], p50[k] / n[k], p99[k] / n[k], err[k] } }' "$RESULTS_1M" | sort
echo "(means of $ROUNDS rounds of ${DURATION} s)"
echo "API memory (1M database) under load: $MEMORY_1M"

say "Targets"
awk -v s="$REAL_SEED" 'BEGIN { printf "seed real data < 5 s:   %s (%s s)\n", (s < 5 ? "MET" : "NOT MET"), s }'
awk -v s="$SEED_1M" -v rc="$rc" 'BEGIN { printf "seed 1M < 60 s:          %s (%s s, exit code %s)\n", (rc == 0 && s < 60 ? "MET" : "NOT MET"), s, rc }'
awk '{ k = $1 " " $2 " " $3; n[k]++; p99[k] += $7 } END { for (k in n) printf "1M %-55s p99 < 20 ms: %s (%.1f ms)\n", k " conn", (p99[k] / n[k] < 20 ? "MET" : "NOT MET"), p99[k] / n[k] }' "$RESULTS_1M" | sort
