#!/usr/bin/env bash
# Prints PostgreSQL DDL for the data tables of an OpenHealthData SQLite database: the same columns, primary keys,
# foreign keys and indexes, names in snake_case (PostGraphile then names fields as our API does: nameEn,
# valueAsWritten …). Types: TEXT → text, INTEGER → integer, REAL → double precision. Not copied: the Info table,
# SQLite's statistics, and virtual tables (the FTS5 search index) with their shadow tables and the search's own
# tables named after it (ObservationSearchWords, the words for typo correction).
#   bench/peer/schema.sh ohd.db | psql …      DDL
#   bench/peer/schema.sh --tables ohd.db      the data tables' SQLite names, in creation order (foreign keys first)
set -euo pipefail
TABLES="SELECT name FROM sqlite_master t WHERE type = 'table' AND name NOT IN ('Info', 'sqlite_stat1')
  AND sql NOT LIKE 'CREATE VIRTUAL%'
  AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL%' AND substr(t.name, 1, length(v.name)) = v.name)"
if [ "$1" = --tables ]; then sqlite3 -readonly "$2" "$TABLES ORDER BY rowid"; exit 0; fi
sqlite3 -readonly "$1" "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ($TABLES) AND type IN ('table', 'index')
  ORDER BY type = 'index', rowid" | perl -0777 -pe '
  s/"([A-Za-z0-9_]+)"/my $n = $1; $n =~ s{(?<=[a-z0-9])(?=[A-Z])}{_}g; lc $n/ge;
  s/\bTEXT\b/text/g; s/\bINTEGER\b/integer/g; s/\bREAL\b/double precision/g;
  s/\bIF NOT EXISTS //g;
'
