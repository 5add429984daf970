#!/usr/bin/env bash
# Installs what Sahifa needs on a fresh machine: the npm packages from package-lock.json and,
# for the browser tests, Debian's Chromium (where we are root on Debian; elsewhere Playwright's own).
set -euo pipefail
cd "$(dirname "$0")/.."

# The test suite needs a browser and, for the many-servers tests, a Redis server.
if [ "${1:-}" = "--with-browser" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      echo "setup: installing Debian's ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "setup: ${missing[*]} not found; Playwright uses its own browser (npx playwright install chromium), the Redis tests are skipped"
    fi
  fi
fi

if [ "${SKIP_INSTALL:-}" != "1" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
