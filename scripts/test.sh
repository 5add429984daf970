#!/usr/bin/env bash
# Sahifa's whole test suite from a fresh clone, on the recommended Node (scripts/node.sh): install, unit tests, lint,
# type check, formatting, content check, production build (bundled content plus tests/fixtures/stories), end-to-end
# tests against it. Then on each other supported Node line: unit tests, a production build and the smoke test.
# The last line is the tally of every runtime's checks: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
recommended_bin=$(node_bin "${NODE_VERSIONS[0]}") || { echo "0 passed, 1 failed"; exit 1; }
export PATH="$recommended_bin:$PATH"
echo "== Node $(node --version): install and the whole suite"
bash scripts/setup.sh --with-browser || { echo "0 passed, 1 failed"; exit 1; }

out=.e2e
rm -rf "$out" && mkdir -p "$out"
status=0

# The content a build reads: the bundled stories and the test fixtures, as the repository has them.
fresh_content() {
  rm -rf "$out/content" && mkdir -p "$out/content/stories"
  cp -R content/stories/. tests/fixtures/stories/. "$out/content/stories/"
}

# start_server LOG: node server.mjs of the current build on E2E_PORT, in its own process group (stopping it stops
# everything it started) and stopped on exit; returns once it answers.
start_server() {
  setsid node server.mjs --port "$E2E_PORT" --hostname 127.0.0.1 > "$1" 2>&1 &
  server=$!
  trap 'kill -- -$server 2>/dev/null' EXIT
  for _ in $(seq 1 60); do curl -sf -o /dev/null "$SITE_URL/ar" && break; sleep 1; done
}

echo "== unit tests"
npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest.json" || status=1

echo "== lint (ESLint)"
if npm run -s lint > "$out/lint.log" 2>&1; then echo "lint ok"; echo 1 > "$out/lint.pass"; else cat "$out/lint.log"; status=1; fi

echo "== type check of the scripts and plain-JS modules (the production build checks the app)"
if npx tsc --noEmit -p tsconfig.scripts.json > "$out/typecheck.log" 2>&1; then echo "typecheck ok"; echo 1 > "$out/typecheck.pass"; else cat "$out/typecheck.log"; status=1; fi

echo "== formatting (Prettier)"
if npm run -s format:check > "$out/format-check.log" 2>&1; then echo "format:check ok"; echo 1 > "$out/format-check.pass"; else cat "$out/format-check.log"; status=1; fi

echo "== content check (bundled content)"
if npm run -s content:check > "$out/content-check.log" 2>&1; then echo "content:check ok"; echo 1 > "$out/content-check.pass"; else cat "$out/content-check.log"; status=1; fi

echo "== production build for end-to-end tests"
fresh_content
export E2E_PORT=${E2E_PORT:-3100}
# Fewer stories prerendered than the fixtures hold, so the suite sees both kinds of story page.
export PRERENDER_STORIES=${PRERENDER_STORIES:-6}
# Open live pages poll every 2 s rather than 15, so the live tests see a post within seconds.
export LIVE_POLL_MS=${LIVE_POLL_MS:-2000}
export CONTENT_DIR="$PWD/$out/content"
export SITE_URL="http://127.0.0.1:$E2E_PORT"
export E2E_SERVER_LOG="$PWD/$out/server.log"
export E2E_BUILD_LOG="$PWD/$out/build.log"
# Secrets for this run only, so the preview and publish tests can sign what the server checks.
export PREVIEW_SECRET="${PREVIEW_SECRET:-$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')}"
export REVALIDATE_SECRET="${REVALIDATE_SECRET:-$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')}"
if curl -s -o /dev/null "$SITE_URL/"; then
  # Testing whatever already listens there would test the wrong build.
  echo "port $E2E_PORT is in use: stop that server or set E2E_PORT" >&2
  status=1
elif npx next build > "$E2E_BUILD_LOG" 2>&1; then
  start_server "$E2E_SERVER_LOG"
  echo "== end-to-end tests"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test || status=1
  kill -- -$server 2>/dev/null
else
  tail -60 "$E2E_BUILD_LOG"
  echo "build failed" > "$out/build.failed"
  status=1
fi
echo "node ${NODE_VERSIONS[0]}: $SECONDS s" > "$out/runtime-seconds.txt"

# runtime_checks VERSION: the unit tests, a production build and the smoke test on another Node line, with the same
# node_modules (no package of ours is built for one Node), results in $out/node-VERSION for the tally. A subshell:
# that Node goes first on its PATH alone.
runtime_checks() (
  version=$1
  started=$SECONDS
  results="$out/node-$version"
  mkdir -p "$results"
  echo "== Node $version: unit tests, production build, smoke test"
  bin=$(node_bin "$version") || exit 1
  export PATH="$bin:$PATH"
  npx vitest run --reporter=dot --reporter=json --outputFile="$results/vitest.json" || exit 1
  # The content as the build first saw it: the suite's publishing tests changed it.
  fresh_content
  if ! npx next build > "$results/build.log" 2>&1; then
    tail -60 "$results/build.log"
    exit 1
  fi
  start_server "$results/server.log"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test tests/e2e/smoke.spec.ts --project chromium
  smoke=$?
  kill -- -$server 2>/dev/null
  echo "node $version: $((SECONDS - started)) s" >> "$out/runtime-seconds.txt"
  exit $smoke
)
for version in "${NODE_VERSIONS[@]:1}"; do runtime_checks "$version" || status=1; done
cat "$out/runtime-seconds.txt"

node scripts/tally-tests.mjs "$out" || status=1
exit $status
