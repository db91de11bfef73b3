import { createMetrics, createRedis } from '@leadwire/runtime'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin } from 'kafkajs'
import { buildApp, type CaptureDeps } from '../src/app.ts'
import { createPgKeyStore } from '../src/auth/pg-key-store.ts'
import { createPgFeedbackStore } from '../src/feedback/pg-feedback-store.ts'
import { createPgLeadStore } from '../src/leads/pg-lead-store.ts'
import { createRedisRateLimiter } from '../src/limits/redis-rate-limiter.ts'

export const siteOrigin = 'https://www.acme.example'

export type CaptureUnderTest = Awaited<ReturnType<typeof startCapture>>

/**
 * The capture app on real Postgres and Redis in a namespace of its own, with one public form
 * key (for siteOrigin) and one secret key with every scope. `withKeys: false` leaves the
 * key table empty, as on a fresh install.
 */
export async function startCapture(
  opts: Partial<Pick<CaptureDeps, 'limits' | 'keyless' | 'clock'>> & { withKeys?: boolean } = {},
) {
  const ns: TestNamespace = await createTestNamespace('c')
  await ns.migrate()
  const schema = ns.names.schema('capture')
  const redis = createRedis(ns.config, ns.log)
  const keys = createPgKeyStore({ pool: ns.pool, schema })
  // Another app over the same schema and Redis stands in for a second replica.
  const build = () =>
    buildApp({
      leads: createPgLeadStore({ pool: ns.pool, schema, names: ns.names }),
      feedback: createPgFeedbackStore({ pool: ns.pool, schema, names: ns.names }),
      keys,
      limiter: createRedisRateLimiter({ redis, keyOf: ns.names.redisKey, log: ns.log }),
      names: ns.names,
      log: ns.log,
      ops: {
        registry: createMetrics('capture').registry,
        checks: { postgres: () => ns.pool.query('SELECT 1') },
      },
      limits: opts.limits ?? { perIpPerMinute: 10_000, perKeyPerMinute: 10_000 },
      ...(opts.keyless && { keyless: opts.keyless }),
      ...(opts.clock && { clock: opts.clock }),
    })
  const app = build()
  await app.ready()
  const withKeys = opts.withKeys ?? true
  const formKey = withKeys
    ? await keys.create({ name: 'acme website', kind: 'public', origins: [siteOrigin] })
    : undefined
  const secret = withKeys ? await keys.create({ name: 'acme crm', kind: 'secret' }) : undefined
  return {
    ns,
    app,
    build,
    keys,
    schema,
    formToken: formKey?.token ?? '',
    secretToken: secret?.token ?? '',
    /** Authorization header for the secret key. */
    auth: { authorization: `Bearer ${secret?.token}` },
    async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await ns.pool.query(sql.replaceAll('$schema', `"${schema}"`), params)).rows as T[]
    },
    /** Drops the namespace; with an admin, its topics too. */
    async close(admin?: Admin) {
      await app.close()
      redis.disconnect()
      await ns.cleanup(admin)
    },
  }
}

/** A valid lead; each call may vary the email so leads stay distinct. */
export const aLead = (email = 'dana.lee@acme-robotics.com') => ({
  contact: { firstName: 'Dana', lastName: 'Lee', email, title: 'VP Sales' },
  company: { name: 'Acme Robotics', employees: 1200, country: 'US' },
  source: { channel: 'inbound_form', intent: 'demo_request', formId: 'demo-2026' },
})
