import { createKafka, ensureTopics, topicPlan } from '@leadwire/runtime'
import { freePort, type RunningService, startService } from '@leadwire/stack/processes'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The routing process as deployed: main.ts seeds the directory, serves fairness on /metrics
// and the admin API on its own port behind the token.
const token = 'service-test-token-0123456789abcdef'
let ns: TestNamespace
let admin: Admin
let service: RunningService
let adminUrl: string

beforeAll(async () => {
  ns = await createTestNamespace('rs')
  await ns.migrate()
  admin = createKafka({
    brokers: ns.config.kafka.brokers,
    clientId: `${ns.namespace}-rs`,
    log: ns.log,
  }).admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 1))
  const adminPort = await freePort()
  adminUrl = `http://127.0.0.1:${adminPort}`
  const env = { ...ns.env, ROUTING_ADMIN_TOKEN: token, ROUTING_ADMIN_PORT: String(adminPort) }
  service = startService('routing', {
    env,
    port: await freePort(),
    logDir: `.leadwire/test-logs/${ns.namespace}`,
  })
  await service.ready()
}, 90_000)

afterAll(async () => {
  await service?.stop()
  await ns?.cleanup(admin)
  await admin?.disconnect()
})

describe('routing service process', () => {
  it('seeds the directory and serves it behind the admin token', async () => {
    const denied = await fetch(`${adminUrl}/v1/directory`)
    expect(denied.status).toBe(401)
    const res = await fetch(`${adminUrl}/v1/directory`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    const directory = (await res.json()) as { reps: unknown[]; teams: unknown[] }
    expect(directory.teams).toHaveLength(4)
    expect(directory.reps).toHaveLength(8)
  })

  it('lists the fairness figures on /metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text()
    expect(text).toContain('# TYPE leadwire_routing_pool_share gauge')
    expect(text).toContain('# TYPE leadwire_routing_pool_max_deviation gauge')
  })
})
