#!/usr/bin/env bash
# Three API replicas behind nginx (deploy/nginx.conf) on this machine, under load, with one replica killed and
# restarted: the replicas-behind-a-caching-proxy set-up of deploy/compose.yaml without Docker.
#
#   deploy/local-cluster.sh
#
# Builds once, seeds one database, starts 3 API processes on 127.0.0.1 and Debian's nginx with deploy/nginx.conf
# (upstream servers, port and file paths rewritten), sends DURATION (60) s of GET load through nginx
# (deploy/local-cluster.lua: GraphQL by text and by persisted-query hash, REST lookups, snapshot files, the snapshot
# listing, and one request in a hundred to /healthz, which is never cached), kills replica 2 (SIGKILL) at KILL_AT (20) s and restarts it at RESTART_AT (40) s. Then it runs the same
# requests for BASELINE (20) s against one replica with its response cache off, for comparison.
# Prints requests, req/s, errors, 5xx, nginx's cache hit ratio ($upstream_cache_status), p50/p99.
# Exits 1 if any request failed (socket error, non-2xx/3xx, 5xx, GraphQL error), 2 if the set-up failed.
# Stops everything it started. Needs the .NET 10 SDK, nginx, curl, python3 and wrk (apt-get installs it when absent).
# Knobs: DURATION=60 KILL_AT=20 RESTART_AT=40 BASELINE=20 CONNECTIONS=64 PORT=6840 (nginx; replicas PORT+1..3).
set -euo pipefail

DEPLOY=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$DEPLOY")
DURATION=${DURATION:-60}; KILL_AT=${KILL_AT:-20}; RESTART_AT=${RESTART_AT:-40}; BASELINE=${BASELINE:-20}
CONNECTIONS=${CONNECTIONS:-64}; PORT=${PORT:-6840}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ohd-cluster.XXXXXX")
chmod 755 "$WORK" # nginx's workers write their cache below it
declare -A API=()
NGINX=""
die() { echo "FAILED: $*" >&2; exit 2; }
stop_api() { local pid=${API[$1]:-}; [ -n "$pid" ] || return 0; kill -"${2:-TERM}" "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; API[$1]=""; }
cleanup() {
  for r in "${!API[@]}"; do stop_api "$r"; done
  if [ -n "$NGINX" ]; then kill -QUIT "$NGINX" 2>/dev/null || true; wait "$NGINX" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in dotnet nginx curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed (nginx: bash tests/setup.sh)"; done
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || die "wrk is not installed (apt-get install wrk)"
  echo "installing wrk (apt-get)"; timeout 300 apt-get install -y -qq wrk >"$WORK/apt.log" 2>&1 || { tail -5 "$WORK/apt.log"; die "apt-get install wrk"; }
fi
for p in "$PORT" $((PORT + 1)) $((PORT + 2)) $((PORT + 3)); do
  if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$p/"; then die "port $p is in use"; fi
done
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(free -h | awk '/^Mem/ { print $2 }') RAM," \
  "dotnet $(dotnet --version), $(nginx -v 2>&1 | sed 's/.*: //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "building (Release) and seeding once"
timeout 600 dotnet build -c Release -nologo -v q "$REPO/src/OpenHealthData.Api" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; die build; }
BIN="$REPO/src/OpenHealthData.Api/bin/Release/net10.0"
(cd "$BIN" && timeout 300 dotnet OpenHealthData.Api.dll seed --seed-data "$REPO/seed-data" --database "$WORK/ohd.db") >"$WORK/seed.log" 2>&1 || { tail -30 "$WORK/seed.log"; die seed; }
SNAPSHOT=$(ls "$WORK/snapshots" | grep -E '^[0-9a-f]{12}$' | head -1) || die "seed wrote no snapshot"

# The documents the load sends, as a trusted-documents manifest (the high-traffic mode: any replica, also a
# restarted one, runs them by hash), and the request list.
FIXED=$(REQUESTS="$WORK/requests.txt" MANIFEST="$WORK/trusted-documents.json" REPO="$REPO" SNAPSHOT="$SNAPSHOT" python3 - <<'PY'
import glob, hashlib, json, os, random, urllib.parse
repo = os.environ["REPO"]
queries = [json.load(open(f))["query"] for f in sorted(glob.glob(repo + "/bench/requests/*.json"))]
queries += [
    '{ observations(withinRegion: "140000", where: { metric: { category: { eq: "maternal_child_health" } } }) { nodes { year kind value unit valueAsWritten region { nameEn } metric { nameEn } source { titleEn } } } }',
    '{ metrics(first: 50, order: [{ category: ASC }, { nameEn: ASC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { code nameEn unit } } }',
    '{ region(code: "330382") { nameEn parent { nameEn } children { code } } }',
]
figures = ('query Figures($region: String!, $year: Int!, $first: Int!) { region(code: $region) { nameEn nameZh } '
           'observations(where: { region: { code: { eq: $region } }, year: { eq: $year }, kind: { eq: "actual" } }, '
           'order: [{ value: DESC }], first: $first) { totalCount nodes { value unit valueAsWritten quote quoteEn citation metric { nameEn } } } }')
sha = lambda q: hashlib.sha256(q.encode()).hexdigest()
json.dump({"format": "apollo-persisted-query-manifest", "version": 1,
           "operations": [{"id": sha(q), "body": q, "type": "query"} for q in queries + [figures]]},
          open(os.environ["MANIFEST"], "w"))
enc = lambda s: urllib.parse.quote(s, safe="")
persisted = lambda q: enc(json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha(q)}}, separators=(",", ":")))
fixed = []
for q in queries:
    fixed.append("/graphql?query=" + enc(q))
    fixed.append("/graphql?extensions=" + persisted(q))
fixed += ["/api/v1/snapshots/%s/%s" % (os.environ["SNAPSHOT"], f) for f in ["observations.csv", "observations.json", "regions.json"]]
fixed += ["/api/v1/regions/330382", "/api/v1/regions/140000", "/api/v1/metrics/physicians_per_1000",
          "/api/v1/observations?region=330382&year=2023&first=20", "/api/v1/observations?withinRegion=140000&first=50",
          "/api/v1/snapshots"]
varying = []
for region in ["330382", "140823", "360000", "140000", "141100"]:
    for year in [2023, 2024]:
        for first in range(1, 51):
            variables = json.dumps({"region": region, "year": year, "first": first}, separators=(",", ":"))
            varying.append("/graphql?variables=" + enc(variables) + "&extensions=" + persisted(figures))
random.Random(16).shuffle(varying)
# /healthz is never cached: one request in a hundred, a steady stream that always reaches the replicas, also through the kill.
varying = [p for n, p in enumerate(varying) for p in ([p, "/healthz"] if n % 4 == 3 else [p])]
with open(os.environ["REQUESTS"], "w") as out:
    for n, path in enumerate(fixed + varying):
        out.write(("br, gzip" if n % 2 == 0 else "gzip") + "\t" + path + "\n")
print(len(fixed))
PY
) || die "writing the request list"

start_api() { # replica number, port, extra options
  local r=$1 port=$2; shift 2
  (cd "$BIN" && exec dotnet OpenHealthData.Api.dll --urls "http://127.0.0.1:$port" --Data:SeedDirectory "$REPO/seed-data" \
    --Data:DatabasePath "$WORK/ohd.db" --RateLimiting:Enabled false --ForwardedHeaders:KnownProxies:0 127.0.0.1 \
    --PersistedQueries:TrustedDocuments "$WORK/trusted-documents.json" --Shutdown:DrainSeconds 5 "$@") >>"$WORK/api$r.log" 2>&1 &
  API[$r]=$!
}
wait_ready() { # replica number, port; 1 if it exited during start
  local deadline=$((SECONDS + 120))
  until curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$2/readyz"; do
    if ! kill -0 "${API[$1]}" 2>/dev/null; then
      grep -m3 -E 'Exception:|crit' "$WORK/api$1.log" >&2 || tail -5 "$WORK/api$1.log" >&2
      ss -ltnp 2>/dev/null | grep ":$2 " >&2 || true
      return 1
    fi
    [ $SECONDS -lt $deadline ] || die "replica $1 not ready after 120 s"
    sleep 0.3
  done
}

run_wrk() { # seconds, url, output
  REQUESTS="$WORK/requests.txt" FIXED=$FIXED timeout $(($1 + 60)) wrk -t2 -c"$CONNECTIONS" -d"$1"s --timeout 10s --latency \
    -s "$DEPLOY/local-cluster.lua" "$2" >"$3" 2>&1
}

for r in 1 2 3; do start_api $r $((PORT + r)); done
for r in 1 2 3; do wait_ready $r $((PORT + r)) || die "replica $r exited during start"; done

"$DEPLOY/nginx-local.sh" "$WORK/nginx" "$PORT" $((PORT + 1)) $((PORT + 2)) $((PORT + 3)) >"$WORK/nginx.out" 2>&1 &
NGINX=$!
deadline=$((SECONDS + 20))
until curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/readyz"; do
  kill -0 "$NGINX" 2>/dev/null || { cat "$WORK/nginx.out"; die "nginx did not start"; }
  [ $SECONDS -lt $deadline ] || die "nginx does not answer"; sleep 0.2
done
: >"$WORK/nginx/access.log"

echo "load: wrk -t2 -c$CONNECTIONS -d${DURATION}s through nginx on 127.0.0.1:$PORT to replicas on $((PORT + 1))-$((PORT + 3));" \
  "$(wc -l <"$WORK/requests.txt") distinct GET requests ($FIXED in turn, the rest one in 20)"
run_wrk "$DURATION" "http://127.0.0.1:$PORT" "$WORK/cluster.txt" &
WRK=$!
sleep "$KILL_AT"
echo "$(date +%T) t=${KILL_AT}s: kill -9 replica 2 (port $((PORT + 2)))"
stop_api 2 KILL
sleep $((RESTART_AT - KILL_AT))
echo "$(date +%T) t=${RESTART_AT}s: restart replica 2"
restarted=$SECONDS
for attempt in 1 2 3; do # as an orchestrator would, try again if the new process fails to start
  start_api 2 $((PORT + 2))
  wait_ready 2 $((PORT + 2)) && break
  [ "$attempt" -lt 3 ] || die "replica 2 failed to restart three times"
  echo "$(date +%T) replica 2 exited during start (attempt $attempt); starting it again in 2 s"; sleep 2
done
echo "$(date +%T) replica 2 ready again after $((SECONDS - restarted)) s"
wait "$WRK" || true
cat "$WORK/cluster.txt" | sed -n '/Latency Distribution/,/Requests\/sec/p'
read -r requests rps p50 p99 non2xx n5xx socket gqlerrors < <(awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7, $8, $9 }' "$WORK/cluster.txt") \
  || { cat "$WORK/cluster.txt"; die "wrk printed no RESULT"; }
read -r logged hits ratio statuses < <(awk '
  { n++; for (i = 1; i <= NF; i++) if ($i ~ /^cache=/) { s = substr($i, 7); if (s == "") s = "none"; c[s]++ } }
  END { out = ""; for (k in c) out = out k "=" c[k] ","; printf "%d %d %.2f %s\n", n, c["HIT"], n ? 100 * c["HIT"] / n : 0, out }' "$WORK/nginx/access.log")
upstream_5xx=$(grep -c 'upstream_status=5' "$WORK/nginx/access.log" || true)
# nginx's own time per answer ($request_time, the field before cache=), hits apart from the rest.
nginx_times=$(awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^cache=/) print ($i == "cache=HIT" ? "HIT" : "other"), $(i - 1) * 1000 }' "$WORK/nginx/access.log" |
  sort -k1,1 -k2,2n | awk '{ t[$1, ++n[$1]] = $2 } END { for (k in n) printf "%s: p50 %.1f ms, p99 %.1f ms (%d); ", k, t[k, int(n[k] * 0.5) + 1], t[k, int(n[k] * 0.99) + 1], n[k] }')

# One replica, its response cache off, the same requests, no nginx.
stop_api 1; stop_api 3; kill -QUIT "$NGINX" 2>/dev/null || true; wait "$NGINX" 2>/dev/null || true; NGINX=""
stop_api 2
start_api 9 $((PORT + 1)) --ResponseCache:MaxBytes 0
wait_ready 9 $((PORT + 1)) || die "the baseline replica exited during start"
run_wrk "$BASELINE" "http://127.0.0.1:$((PORT + 1))" "$WORK/baseline.txt" || true
read -r b_requests b_rps b_p50 b_p99 b_non2xx b_n5xx b_socket b_gql < <(awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7, $8, $9 }' "$WORK/baseline.txt") \
  || { cat "$WORK/baseline.txt"; die "baseline: wrk printed no RESULT"; }
stop_api 9

failed=$((non2xx + socket + gqlerrors))
echo
echo "| run | requests | req/s | failed (socket + non-2xx/3xx + GraphQL errors) | 5xx | cache hit ratio | p50 ms | p99 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
echo "| 3 replicas + nginx, replica 2 killed at ${KILL_AT} s, restarted at ${RESTART_AT} s (${DURATION} s) | $requests | $rps | $failed | $n5xx | $ratio % | $p50 | $p99 |"
echo "| 1 replica, response cache off, no nginx (${BASELINE} s) | $b_requests | $b_rps | $((b_non2xx + b_socket + b_gql)) | $b_n5xx | – | $b_p50 | $b_p99 |"
echo
echo "nginx access log: $logged requests, \$upstream_cache_status ${statuses%,}; answers where a replica gave 5xx (retried or served stale): $upstream_5xx"
echo "nginx \$request_time: ${nginx_times%; }"
speedup=$(awk -v a="$rps" -v b="$b_rps" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
echo "through nginx / one uncached replica: ${speedup}x"
awk -v r="$ratio" 'BEGIN { exit !(r >= 90) }' && echo "target cache hit ratio >= 90 %: met" || echo "target cache hit ratio >= 90 %: NOT met"
awk -v s="$speedup" 'BEGIN { exit !(s >= 3) }' && echo "target >= 3x one uncached replica: met" || echo "target >= 3x one uncached replica: NOT met"
if [ "$failed" -gt 0 ] || [ "$n5xx" -gt 0 ]; then
  echo "FAIL: $failed failed requests, $n5xx with 5xx"; grep -h -E '^(fail|crit)' "$WORK"/api*.log | head -5; exit 1
fi
echo "PASS: no failed request through the kill and restart"
