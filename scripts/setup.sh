#!/usr/bin/env bash
# Installs what Sahifa needs on a fresh machine: the npm packages from package-lock.json and,
# for the browser tests, Debian's Chromium (where we are root on Debian; elsewhere Playwright's own).
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=${1:-}
if [ "$want_browser" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "setup: /usr/bin/chromium not found; Playwright will use its own browser (npx playwright install chromium)"
  fi
fi

if [ "${SKIP_INSTALL:-}" != "1" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
