#!/usr/bin/env bash
# The draft command measured against the curated figures (issue 26): each of the five reports is drafted with the
# metric catalogue of the other four only (leave one report out) and compared with its curated records. Prints the
# table of bench/README.md "Drafting", the misses by class, every miss, and the machine. Takes ~20 s after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "commit $(git rev-parse --short HEAD) $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
dotnet build src/OpenHealthData.Api -c Release -v quiet -nologo >/dev/null
dotnet run --project src/OpenHealthData.Api -c Release --no-build --no-launch-profile -- evaluate-drafts
