#!/usr/bin/env bash
# Two Sahifa servers sharing one Redis, on one machine, to try the many-servers setup:
#   npm run serve:cluster    → http://localhost:3001 and http://localhost:3002
# Uses REDIS_URL when a Redis answers there, else starts Debian's redis-server on 127.0.0.1:6390
# (installing it when we are root on Debian). PORT_A, PORT_B, CONTENT_DIR and the secrets come from
# the environment. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
# A supported Node for everything below (setup.sh installs with it too).
source scripts/node.sh
use_supported_node
bash scripts/setup.sh
PORT_A=${PORT_A:-3001}
PORT_B=${PORT_B:-3002}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6390}
export SITE_URL=${SITE_URL:-http://localhost:$PORT_A}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
redis_host_port=${REDIS_URL#redis://}
redis_host_port=${redis_host_port%%/*}
if ! redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1; then
  if ! command -v redis-server >/dev/null; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || { echo "serve:cluster: no Redis at $REDIS_URL and no redis-server to start" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  fi
  echo "serve:cluster: starting redis-server on ${redis_host_port}"
  redis-server --bind "${redis_host_port%:*}" --port "${redis_host_port##*:}" --save '' --appendonly no >/dev/null &
  pids+=($!)
fi

npx next build
for port in "$PORT_A" "$PORT_B"; do
  # Each server keeps its own story index, as servers on different machines would.
  CONTENT_INDEX_FILE=".next/cache/sahifa/cluster-$port.sqlite" node server.mjs --port "$port" &
  pids+=($!)
done
echo "serve:cluster: http://localhost:$PORT_A and http://localhost:$PORT_B share $REDIS_URL"
wait
