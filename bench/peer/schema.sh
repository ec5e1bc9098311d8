#!/usr/bin/env bash
# Prints PostgreSQL DDL for the tables of an OpenHealthData SQLite database: the same columns, primary keys,
# foreign keys and indexes, names in snake_case (PostGraphile then names fields as our API does: nameEn,
# valueAsWritten …). Types: TEXT → text, INTEGER → integer, REAL → double precision.
#   bench/peer/schema.sh ohd.db | psql …
set -euo pipefail
sqlite3 -readonly "$1" .schema | perl -0777 -pe '
  s/CREATE TABLE IF NOT EXISTS "Info" \(.*?\);\n//s;      # the database metadata table is not data
  s/CREATE TABLE sqlite_stat1\(.*?\);\n//s;
  s/"([A-Za-z0-9_]+)"/my $n = $1; $n =~ s{(?<=[a-z0-9])(?=[A-Z])}{_}g; lc $n/ge;
  s/\bTEXT\b/text/g; s/\bINTEGER\b/integer/g; s/\bREAL\b/double precision/g;
  s/\bIF NOT EXISTS //g;
'
