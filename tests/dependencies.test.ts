import { createKafka, ensureTopics, topicPlan } from '@leadwire/runtime'
import { freePort, type RunningService, startService } from '@leadwire/stack/processes'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// A service waits for, and reports in /readyz, only the dependencies it uses. With Redis
// unreachable, routing (no Redis) starts and is ready; enrichment (provider cache and budget
// in Redis) says Redis is what it waits for.
let ns: TestNamespace
const started: RunningService[] = []

beforeAll(async () => {
  ns = await createTestNamespace('dep')
  await ns.migrate()
  const admin = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'deps', log: ns.log }).admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 1))
  await admin.disconnect()
})

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()))
  const admin = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'deps', log: ns.log }).admin()
  await admin.connect()
  await ns?.cleanup(admin)
  await admin.disconnect()
})

async function withRedisAway(name: 'routing' | 'enrichment'): Promise<RunningService> {
  // A port nobody listens on: Redis is "down" for this process only.
  const env = { ...ns.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` }
  const svc = startService(name, {
    env,
    port: await freePort(),
    logDir: `.leadwire/test-logs/${ns.namespace}`,
  })
  started.push(svc)
  return svc
}

async function readyz(
  svc: RunningService,
): Promise<{ status: number; body: { checks?: Record<string, unknown> } }> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`http://127.0.0.1:${svc.port}/readyz`).catch(() => undefined)
    if (res) return { status: res.status, body: (await res.json()) as { checks?: Record<string, unknown> } }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${svc.name} never answered /readyz`)
}

describe('dependencies a service does not use', () => {
  it('a service that does not use Redis starts and is ready while Redis is unreachable', async () => {
    const routing = await withRedisAway('routing')
    await routing.ready()
    const { status, body } = await readyz(routing)
    expect(status).toBe(200)
    expect(Object.keys(body.checks ?? {}).sort()).toEqual(['kafka', 'postgres'])
  })

  it('a service that uses Redis says it is waiting for it', async () => {
    const enrichment = await withRedisAway('enrichment')
    const { status, body } = await readyz(enrichment)
    expect(status).toBe(503)
    expect(Object.keys(body.checks ?? {})).toContain('redis')
    expect(body.checks?.redis).not.toBe('ok')
  })
})
