#!/usr/bin/env bash
# Installs what Sahifa needs on a fresh machine: a supported Node where the machine's is of another line
# (scripts/node.sh), the npm packages from package-lock.json and, for the tests, Debian's Chromium, redis-server,
# and WordPress with MariaDB and PHP (where we are root on Debian; elsewhere Playwright's own browser, and the Redis
# and WordPress tests are skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
use_supported_node

# The test suite needs a browser, a Redis server for the many-servers tests, and WordPress for the
# WordPress source's tests (and `npm run serve:wordpress`, which passes --with-wordpress).
if [ "${1:-}" = "--with-browser" ] || [ "${1:-}" = "--with-wordpress" ]; then
  missing=()
  if [ "${1:-}" = "--with-browser" ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  fi
  [ -f /usr/share/wordpress/wp-load.php ] || missing+=(wordpress)
  [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  [ -x /usr/bin/php ] || missing+=(php-cli)
  { [ -x /usr/bin/php ] && php -m | grep -qi '^mysqli$'; } || missing+=(php-mysql)
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
