#!/usr/bin/env bash
# Serves Sahifa with its bundled content on a fresh machine: install, production build, start.
# PORT (default 3000), SITE_URL (default http://localhost:$PORT), CONTENT_DIR and secrets come from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
# A supported Node for everything below (setup.sh installs with it too).
source scripts/node.sh
use_supported_node
bash scripts/setup.sh
export PORT=${PORT:-3000}
export SITE_URL=${SITE_URL:-http://localhost:$PORT}
# Two malloc arenas instead of one per thread: native memory freed by zlib, SQLite and image work is
# reused instead of held (about 520 → 340 MB of RSS after a mixed load at 100,000 stories).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
npx next build
exec node server.mjs --port "$PORT"
