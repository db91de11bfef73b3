import type { Logger, Names, Subscription } from '@leadwire/runtime'
import type { Redis } from 'ioredis'
import type pg from 'pg'
import type { EnrichmentSettings, ProviderSettings } from './config.ts'
import { createEnrichmentSubscriptions } from './consumer.ts'
import { createCircuitBreaker } from './firmographics/breaker.ts'
import { createRedisBudget } from './firmographics/budget.ts'
import { createRedisAnswerCache } from './firmographics/cache.ts'
import { createHttpProvider } from './firmographics/http-provider.ts'
import { createPgFirmographicStore } from './firmographics/pg-store.ts'
import { createWaterfall, type ProviderEntry } from './firmographics/waterfall.ts'

export interface EnrichmentServiceDeps {
  settings: EnrichmentSettings
  pool: pg.Pool
  redis: Redis
  names: Names
  /** The service's own Postgres schema (namespaced), where the local store lives. */
  schema: string
  log: Logger
  clock: () => Date
}

/**
 * The enrichment service's parts from its settings and connections: the provider waterfall
 * in the configured order and the subscription. main.ts and the broker test both build it here,
 * so the test runs exactly what production runs.
 */
export function createEnrichmentService(deps: EnrichmentServiceDeps): { subscriptions: Subscription[] } {
  const { settings } = deps
  const cache = createRedisAnswerCache(deps.redis, deps.names, settings.cache)
  const entries = settings.providers.map((p) => providerEntry(p, deps, cache))
  const waterfall = createWaterfall({ entries, deadlineMs: settings.deadlineMs, log: deps.log })
  return {
    subscriptions: createEnrichmentSubscriptions({
      requiredFields: settings.requiredFields,
      clock: deps.clock,
      waterfall,
    }),
  }
}

function providerEntry(
  p: ProviderSettings,
  deps: EnrichmentServiceDeps,
  cache: ReturnType<typeof createRedisAnswerCache>,
): ProviderEntry {
  if (p.kind === 'local') return { provider: createPgFirmographicStore(deps.pool, deps.schema).provider }
  const budget = createRedisBudget(deps.redis, deps.names, {
    provider: p.name,
    perMinute: p.budgetPerMinute,
    clock: deps.clock,
  })
  return {
    provider: createHttpProvider(p, { budget, clock: deps.clock }),
    cache,
    breaker: createCircuitBreaker(deps.settings.breaker, deps.clock),
  }
}
