#!/usr/bin/env bash
# Whether two seeds of the same seed-data gave the same output (issue 24: a faster seed must not change any byte):
#   bench/seed-same.sh OUT_A OUT_B
# where each OUT holds the database the product's `seed --database OUT/ohd.db` wrote and its snapshots/ folder.
# Compares the md5 of every snapshot file (.json/.csv/.parquet and their .gz) but the .br files (brotli quality 3 since
# 2026-12-05, 4 before: other bytes, the same text; SnapshotTests and HttpCachingTests decompress .br answers and
# compare them with the plain file),
# manifest.json, datapackage.json
# (both have the time they were written; datapackage.json also the hash of the database file) and the database copy;
# datapackage.json without its "created" time and the database's hash; and the database as `sqlite3 .dump` (which
# includes the FTS5 index's shadow tables) without its built_at row. Exits 1 on any difference.
set -uo pipefail
A=$1 B=$2 rc=0
sa=$(ls -d "$A"/snapshots/*/ | head -1) sb=$(ls -d "$B"/snapshots/*/ | head -1)
files() { (cd "$1" && for f in $(ls | grep -vE '^(manifest\.json|openhealthdata\.db|datapackage\.json.*|.*\.br)$'); do echo "$f $(md5sum <"$f" | cut -c1-32)"; done); }
if diff <(files "$sa") <(files "$sb"); then echo "snapshot files identical ($(files "$sa" | wc -l) files)"; else rc=1; fi
package() { jq 'del(.created) | .resources |= map(if .path == "openhealthdata.db" then del(.hash, .bytes) else . end)' "$1/datapackage.json"; }
if diff <(package "$sa") <(package "$sb") >/dev/null; then echo "datapackage.json identical but for created and the database's hash"; else echo "datapackage.json DIFFERS"; rc=1; fi
dump() { sqlite3 "$1" .dump | grep -v "'built_at'" | md5sum | cut -c1-32; }
da=$(dump "$A/ohd.db") db=$(dump "$B/ohd.db")
if [ "$da" = "$db" ]; then echo "database dump identical but for built_at ($da)"; else echo "database dump DIFFERS"; rc=1; fi
exit $rc
