#!/usr/bin/env bash
# Installs the Debian packages that some tests drive (Chromium and its driver for the browser and accessibility
# tests, CJK fonts for their screenshots, pandas and matplotlib for the notebook, nginx for the proxy tests) when they are missing.
# It never fails the run: where a package cannot be had, the tests that need it are reported as skipped with the reason.
set -uo pipefail
wanted=(chromium chromium-driver fonts-noto-cjk python3-pandas python3-matplotlib nginx)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "tests/setup.sh: cannot install ${missing[*]} (not root or no apt-get); the tests that need them will be skipped" >&2
  exit 0
fi
echo "tests/setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
(apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}") >/tmp/ohd-test-setup.log 2>&1 \
  || echo "tests/setup.sh: apt-get failed (see /tmp/ohd-test-setup.log); the tests that need ${missing[*]} will be skipped" >&2
exit 0
