#!/usr/bin/env bash
# `npm test`: static checks, then every test against the real Kafka, Postgres and Redis.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

step() { printf '\n== %s\n' "$*"; }

step "dependencies: PostgreSQL, Redis, Kafka"
if [ -z "${DATABASE_URL:-}${REDIS_URL:-}" ]; then bash infra/scripts/ensure-deps.sh; fi
if [ -z "${KAFKA_BROKERS:-}" ]; then bash infra/kafka/kafka.sh start; fi
bash infra/scripts/ensure-tools.sh

step "type check (tsc --noEmit)"
tsc --noEmit -p tsconfig.json

step "lint and format (biome)"
biome ci --reporter=summary .

step "generated contracts are up to date"
node packages/contracts/scripts/generate.ts --check

step "deployment: image, compose, k8s manifests, dashboards and alert rules"
bash infra/scripts/check-deploy.sh

step "tests (unit, integration, e2e)"
mkdir -p .leadwire
results=.leadwire/vitest-results.json
status=0
vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One plain closing line with the counts, whatever the runner printed above it.
# shellcheck disable=SC2016 # the JavaScript below is not for the shell to expand
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const skipped = r.numPendingTests + r.numTodoTests
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`)
' "$results" || true
exit $status
