#!/usr/bin/env bash
# Runs the browser test of the GraphQL IDE: installs Debian's Chromium and its driver when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  apt-get update && apt-get install -y chromium chromium-driver
fi
dotnet test --filter "FullyQualifiedName~PeopleFacing.BrowserTests|FullyQualifiedName~PeopleFacing.LandingPageTests"
