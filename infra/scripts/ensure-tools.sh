#!/usr/bin/env bash
# Debian packages some tests need (a headless browser, schema validators). Installed once per
# machine when missing, so a fresh machine of this kind passes `npm test` with no hand setup.
set -euo pipefail

say() { printf 'leadwire: %s\n' "$*" >&2; }
missing=()

# need <debian package> <command it provides>
need() { command -v "$2" >/dev/null 2>&1 || missing+=("$1"); }

# (each line: need <package> <command>; keep the list short, every package costs CI time)
need chromium chromium            # capture's browser test drives a real HTML form (playwright-core)
need prometheus promtool          # alert rules tests and PromQL checks of the dashboards
need docker-compose docker-compose # `docker-compose config` validates docker-compose.yml offline
need kubectl kubectl              # `kubectl kustomize` renders the k8s overlays offline

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing tools: ${missing[*]}; install these Debian packages and run again"
    exit 1
  fi
  say "installing ${missing[*]} from Debian's packages (once per machine)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
