import { fileURLToPath } from 'node:url'
import { loadPlaybook } from '@leadwire/playbook'
import { loadConfig, runConsumerService } from '@leadwire/runtime'
import { z } from 'zod'
import { createWatchdogSubscriptions } from './consumer.ts'
import { createPgClockStore } from './pg-clock-store.ts'
import { createPgClosureStore } from './pg-closure-store.ts'
import { createPgFirstTouchStore } from './pg-first-touch-store.ts'
import { createSlaMetrics } from './sla-metrics.ts'
import { statsApi } from './stats-api.ts'
import { createTicker } from './ticker.ts'

const config = loadConfig(process.env, {
  service: 'sla-watchdog',
  defaultPort: 3005,
  extend: {
    PLAYBOOK_PATH: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url))),
    // How late a step may fire at most; each tick is one indexed query when nothing is due.
    SLA_TICK_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    // GET /v1/sla/stats needs `Authorization: Bearer <token>`; without a token it is off.
    SLA_STATS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  },
})

// Deadlines are planned from the playbook once at start; a changed playbook takes a restart.
const playbook = await loadPlaybook(config.extra.PLAYBOOK_PATH)

await runConsumerService(config, (deps) => {
  const clock = () => new Date()
  const metrics = createSlaMetrics(deps.metrics.registry, deps.pool, deps.schema)
  const ticker = createTicker({
    pool: deps.pool,
    schema: deps.schema,
    names: deps.names,
    log: deps.log.child({ component: 'ticker' }),
    clock,
    intervalMs: config.extra.SLA_TICK_MS,
    onFired: metrics.onFired,
  })
  return {
    subscriptions: createWatchdogSubscriptions({
      playbook,
      clocks: createPgClockStore(),
      touches: createPgFirstTouchStore(),
      closures: createPgClosureStore(),
    }),
    background: ticker,
    // RevOps figures (GET /v1/sla/stats) beside /healthz, /readyz and /metrics.
    routes: async (app) => {
      await app.register(statsApi, {
        pool: deps.pool,
        schema: deps.schema,
        timezone: playbook.timezone,
        clock,
        token: config.extra.SLA_STATS_TOKEN,
      })
    },
  }
})
