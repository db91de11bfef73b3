import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.ts'
import { createMetrics } from './metrics.ts'
import { createOpsServer } from './ops-server.ts'

const log = createLogger({ service: 'test', level: 'silent' })

describe('ops routes', () => {
  it('is ready only when every dependency answers and the consumer has started', async () => {
    let started = false
    let redisUp = true
    const app = createOpsServer({
      log,
      registry: new Registry(),
      checks: {
        postgres: async () => {},
        redis: async () => {
          if (!redisUp) throw new Error('connect ECONNREFUSED')
        },
      },
      ready: () => started,
    })
    expect((await app.inject('/healthz')).statusCode).toBe(200)
    expect((await app.inject('/readyz')).statusCode).toBe(503)
    started = true
    expect((await app.inject('/readyz')).json()).toMatchObject({
      status: 'ready',
      checks: { postgres: 'ok', redis: 'ok' },
    })
    redisUp = false
    const down = await app.inject('/readyz')
    expect(down.statusCode).toBe(503)
    expect(down.json().checks.redis).toBe('connect ECONNREFUSED')
  })

  it('reports a check that hangs as not ready instead of hanging', async () => {
    const app = createOpsServer({
      log,
      registry: new Registry(),
      checks: { kafka: () => new Promise(() => {}) },
      checkTimeoutMs: 50,
    })
    const res = await app.inject('/readyz')
    expect(res.statusCode).toBe(503)
    expect(res.json().checks.kafka).toMatch(/no answer/)
  })

  it('serves the leadwire metrics in Prometheus text format', async () => {
    const metrics = createMetrics('dedup')
    metrics.handled.inc({ topic: 'leads.enriched.v1', outcome: 'handled' })
    const app = createOpsServer({ log, registry: metrics.registry, checks: {} })
    const res = await app.inject('/metrics')
    expect(res.body).toContain(
      'leadwire_messages_handled_total{topic="leads.enriched.v1",outcome="handled",service="dedup"} 1',
    )
    expect(res.body).toContain('# TYPE leadwire_handler_duration_seconds histogram')
  })
})
