import { createLogger, createMetrics, createNames, createRedis } from '@leadwire/runtime'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { createPgKeyStore } from '../src/auth/pg-key-store.ts'
import { createPgFeedbackStore } from '../src/feedback/pg-feedback-store.ts'
import { createPgLeadStore } from '../src/leads/pg-lead-store.ts'
import { createRedisRateLimiter } from '../src/limits/redis-rate-limiter.ts'
import { aLead, type CaptureUnderTest, startCapture } from './helpers.ts'

// A real Postgres client pointed at a port where nothing listens: the outage is real.
let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture()
})
afterAll(() => c.close())

describe('when Postgres is unreachable', () => {
  it('a database outage is a 503 that leaks nothing and asks for a retry', async () => {
    const pool = new pg.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:1/test',
      connectionTimeoutMillis: 2000,
    })
    const schema = 'capture'
    const names = createNames('')
    const log = createLogger({ service: 'capture', level: 'silent' })
    const redis = createRedis(c.ns.config, log)
    const app = buildApp({
      leads: createPgLeadStore({ pool, schema, names }),
      feedback: createPgFeedbackStore({ pool, schema, names }),
      keys: createPgKeyStore({ pool, schema }),
      limiter: createRedisRateLimiter({ redis, keyOf: c.ns.names.redisKey, log }),
      names,
      log,
      ops: { registry: createMetrics('capture').registry, checks: {} },
    })
    const res = await app.inject({ method: 'POST', url: '/v1/leads', headers: c.auth, payload: aLead() })
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json()
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|pg/i)
    expect(res.headers['retry-after']).toBe('5')
    await app.close()
    redis.disconnect()
    await pool.end()
  })
})
