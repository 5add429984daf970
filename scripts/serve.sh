#!/usr/bin/env bash
# Serves Sahifa with its bundled content on a fresh machine: install, production build, start.
# PORT (default 3000), SITE_URL (default http://localhost:$PORT), CONTENT_DIR and secrets come from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PORT=${PORT:-3000}
export SITE_URL=${SITE_URL:-http://localhost:$PORT}
npx next build
exec npx next start -p "$PORT"
