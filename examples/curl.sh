#!/bin/sh
# OpenHealthData from the command line: one curl line per task, each printing something short.
#
#   sh examples/curl.sh                        # against http://127.0.0.1:5080
#   sh examples/curl.sh http://127.0.0.1:5191  # or another server (also: OHD_BASE=... sh examples/curl.sh)
#
# Start the API first: dotnet run --project src/OpenHealthData.Api
# Needs curl and python3 (only for `python3 -m json.tool`, to pretty-print JSON).
set -e
BASE="${1:-${OHD_BASE:-http://127.0.0.1:5080}}"
BASE="${BASE%/}"

# Fail early, with a clear message, when no server answers.
curl -fsS -o /dev/null "$BASE/healthz" || { echo "No OpenHealthData API at $BASE: start it with 'dotnet run --project src/OpenHealthData.Api'" >&2; exit 1; }

echo "== Health: the seed-data version and the row counts"
curl -fsS "$BASE/healthz" | python3 -m json.tool | head -n 15

echo "== GraphQL (POST): Yueqing (330382) in 2023, the largest figures, each with its verbatim quote"
curl -fsS "$BASE/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"{ observations(where: { region: { code: { eq: \"330382\" } }, year: { eq: 2023 }, kind: { eq: \"actual\" } }, order: [{ value: DESC }], first: 3) { totalCount nodes { metric { nameEn } value unit valueAsWritten quote citation } } }"}' \
  | python3 -m json.tool --no-ensure-ascii | head -n 30

echo "== The same query over GET (curl -G puts the url-encoded query in the URL)"
curl -fsS -G "$BASE/graphql" \
  --data-urlencode 'query={ observations(where: { region: { code: { eq: "330382" } }, year: { eq: 2023 }, kind: { eq: "actual" } }, order: [{ value: DESC }], first: 3) { totalCount nodes { metric { nameEn } value unit valueAsWritten quote citation } } }' \
  | python3 -m json.tool --no-ensure-ascii | head -n 12

echo "== Snapshots: the current snapshot id and its datasets (each as .json and .csv)"
curl -fsS "$BASE/api/v1/snapshots" | python3 -m json.tool | head -n 12

echo "== Download observations.csv (-L follows the redirect from 'latest' to the immutable file)"
curl -fsSL -o observations.csv "$BASE/api/v1/snapshots/latest/observations.csv" && wc -c observations.csv && head -c 300 observations.csv && echo

echo "== REST lookup of one region"
curl -fsS "$BASE/api/v1/regions/330382" | python3 -m json.tool --no-ensure-ascii

echo "== REST: Yueqing's 2023 figures (first 2 of them; page on with &after=<endCursor>)"
curl -fsS "$BASE/api/v1/observations?region=330382&year=2023&first=2" | python3 -m json.tool --no-ensure-ascii | head -n 25
