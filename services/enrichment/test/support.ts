import { createRedis } from '@leadwire/runtime'
import { createTestNamespace } from '@leadwire/stack/testing'
import type { Admin } from 'kafkajs'
import { createCircuitBreaker } from '../src/firmographics/breaker.ts'
import { createRedisBudget } from '../src/firmographics/budget.ts'
import { createRedisAnswerCache } from '../src/firmographics/cache.ts'
import { createHttpProvider } from '../src/firmographics/http-provider.ts'
import { loadCompaniesCsv } from '../src/firmographics/load.ts'
import { createPgFirmographicStore } from '../src/firmographics/pg-store.ts'
import type { ProviderEntry } from '../src/firmographics/waterfall.ts'

export const cacheSettings = { ttlSeconds: 7 * 86_400, negativeTtlSeconds: 3_600 }

/**
 * A namespace of this file's own (schema `<ns>_enrichment`, Redis keys `leadwire:<ns>:*`),
 * migrated, with a clock the test moves by hand; `cleanup` drops the schemas and the keys.
 */
export async function enrichmentFixture(prefix = 'en') {
  const ns = await createTestNamespace(prefix)
  await ns.migrate()
  const redis = createRedis(ns.config, ns.log)
  const schema = ns.names.schema('enrichment')
  let now = Date.parse('2026-12-04T10:00:00.000Z')
  const clock = () => new Date(now)
  const cache = createRedisAnswerCache(redis, ns.names, cacheSettings)
  return {
    ns,
    redis,
    schema,
    clock,
    cache,
    advance(ms: number) {
      now += ms
    },
    local(): ProviderEntry {
      return { provider: createPgFirmographicStore(ns.pool, schema).provider }
    },
    loadCsv: (text: string) => loadCompaniesCsv(ns.pool, schema, text, { loadedFrom: 'test.csv' }),
    /** A remote provider wired as the service wires it: budget in Redis, cache, a breaker. */
    remote(
      name: string,
      url: string,
      opts: { perMinute?: number; retries?: number; timeoutMs?: number; failures?: number } = {},
    ): ProviderEntry {
      const budget = createRedisBudget(redis, ns.names, {
        provider: name,
        perMinute: opts.perMinute ?? 1000,
        clock,
      })
      const settings = {
        name,
        url,
        apiKey: `key-${name}`,
        timeoutMs: opts.timeoutMs ?? 2000,
        retries: opts.retries ?? 0,
        retryBaseMs: 5,
      }
      const breaker = createCircuitBreaker(
        { failureThreshold: opts.failures ?? 100, cooldownMs: 30_000 },
        clock,
      )
      return { provider: createHttpProvider(settings, { budget, clock }), cache, breaker }
    },
    /** Drops the schemas and Redis keys, and the namespace's topics when given an admin. */
    async cleanup(admin?: Admin) {
      await redis.quit()
      await ns.cleanup(admin)
    },
  }
}

export type EnrichmentFixture = Awaited<ReturnType<typeof enrichmentFixture>>
