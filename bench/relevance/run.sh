#!/usr/bin/env bash
# The relevance benchmark of search: the queries of queries.tsv through GET /api/v1/search on the real data;
# prints success@1, success@3 and MRR per class and overall, and the queries whose figure is not in the first 3.
# The same test runs in CI with a floor (tests/OpenHealthData.Tests/Search/RelevanceBenchmarkTests.cs).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/OpenHealthData.Tests -v q -nologo >/dev/null
dotnet test tests/OpenHealthData.Tests --no-build --filter "FullyQualifiedName~RelevanceBenchmarkTests" --logger "console;verbosity=detailed" \
  | sed -n '/class .*success@1/,/^\s*$/p'
