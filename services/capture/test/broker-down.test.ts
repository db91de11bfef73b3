import { decodeEvent, type LeadCapturedV1, leadCapturedV1 } from '@leadwire/contracts'
import { createKafka, ensureTopics, topicPlan } from '@leadwire/runtime'
import { type PrivateBroker, privateBroker } from '@leadwire/stack/private-infra'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, type RunningService, startService } from '../../../infra/scripts/processes.ts'
import { repoRoot } from '../../../infra/scripts/services.ts'
import { createPgKeyStore } from '../src/auth/pg-key-store.ts'
import { aLead } from './helpers.ts'

// A private broker of our own: the shared one on :9092 serves other tests and must never stop.
let broker: PrivateBroker
let ns: TestNamespace
let capture: RunningService
let brokers: string[]
let auth: Record<string, string>

beforeAll(async () => {
  broker = await privateBroker({ heap: '-Xmx256m -Xms256m' })
  brokers = broker.brokers
  await broker.start()
  ns = await createTestNamespace('k')
  await ns.migrate()
  const admin = createKafka({ brokers, clientId: 'broker-down-setup', log: ns.log }).admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  await admin.disconnect()
  const key = await createPgKeyStore({ pool: ns.pool, schema: ns.names.schema('capture') }).create({
    name: 'broker-down test',
    kind: 'secret',
  })
  auth = { authorization: `Bearer ${key.token}`, 'content-type': 'application/json' }
  capture = startService('capture', {
    env: { ...ns.env, KAFKA_BROKERS: brokers.join(',') },
    port: await freePort(),
    logDir: `${repoRoot}.leadwire/test-logs/${ns.namespace}`,
  })
  await capture.ready()
}, 180_000)

afterAll(async () => {
  await capture?.stop()
  await broker?.remove()
  await ns?.cleanup()
}, 120_000)

async function post(email: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${capture.port}/v1/leads`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(aLead(email)),
  })
  expect(res.status).toBe(202)
  return ((await res.json()) as { leadId: string }).leadId
}

async function waitFor(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`gave up waiting for ${what}`)
}

const outboxEmpty = async () =>
  Number(
    (await ns.pool.query(`SELECT count(*) AS n FROM "${ns.names.schema('capture')}".outbox`)).rows[0].n,
  ) === 0

describe('capture while Kafka is down', () => {
  it('answers 202 with the broker stopped, and every lead reaches leads.captured.v1 exactly once after', async () => {
    const before = await post('before.outage@initech.com')
    await waitFor(outboxEmpty, 'the relay to publish the first lead')
    await broker.stop()
    const during = [] as string[]
    for (let i = 0; i < 5; i++) during.push(await post(`during.outage.${i}@initech.com`))
    expect(await outboxEmpty()).toBe(false)
    await broker.start()
    await waitFor(outboxEmpty, 'the relay to catch up after the broker came back')

    const topic = ns.names.topic(leadCapturedV1.topic)
    const kafka = createKafka({ brokers, clientId: 'broker-down-reader', log: ns.log })
    const admin = kafka.admin()
    await admin.connect()
    const total = (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0)
    await admin.disconnect()
    expect(total).toBe(6)

    const seen: string[] = []
    const reader = kafka.consumer({ groupId: `${ns.namespace}-reader`, maxWaitTimeInMs: 50 })
    await reader.connect()
    await reader.subscribe({ topic, fromBeginning: true })
    await reader.run({
      eachMessage: async ({ message }) => {
        const decoded = decodeEvent<LeadCapturedV1>(message, [leadCapturedV1])
        if (decoded.ok) seen.push(decoded.event.data.lead.leadId)
      },
    })
    await waitFor(async () => seen.length >= 6, 'six leads on the topic')
    await reader.disconnect()
    expect([...seen].sort()).toEqual([before, ...during].sort())
  }, 180_000)
})
