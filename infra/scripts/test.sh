#!/usr/bin/env bash
# `npm test`: static checks, then every test against the real Kafka, Postgres and Redis.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

step() { printf '\n== %s\n' "$*"; }

step "dependencies: PostgreSQL, Redis, Kafka"
if [ -z "${DATABASE_URL:-}${REDIS_URL:-}" ]; then bash infra/scripts/ensure-deps.sh; fi
if [ -z "${KAFKA_BROKERS:-}" ]; then bash infra/kafka/kafka.sh start; fi

step "type check (tsc --noEmit)"
tsc --noEmit -p tsconfig.json

step "lint and format (biome)"
biome ci --reporter=summary .

step "generated contracts are up to date"
node packages/contracts/scripts/generate.ts --check

step "tests (unit, integration, e2e)"
vitest run "$@"
