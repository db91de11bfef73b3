import { randomUUID } from 'node:crypto'
import { decodeEvent, type LeadCapturedV1, leadCapturedV1 } from '@leadwire/contracts'
import { createKafka, createOutboxRelay, createProducer, ensureTopics, topicPlan } from '@leadwire/runtime'
import type { Admin, Consumer, Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aLead, type CaptureUnderTest, startCapture } from './helpers.ts'

let c: CaptureUnderTest
let admin: Admin
let producer: Producer
let reader: Consumer
const captured = new Map<string, LeadCapturedV1>()

beforeAll(async () => {
  c = await startCapture()
  const kafka = createKafka({
    brokers: c.ns.config.kafka.brokers,
    clientId: 'capture-read-back',
    log: c.ns.log,
  })
  admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(c.ns.names, undefined, 1))
  producer = createProducer(kafka)
  await producer.connect()
  reader = kafka.consumer({ groupId: `${c.ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  await reader.subscribe({ topics: [c.ns.names.topic(leadCapturedV1.topic)], fromBeginning: true })
  await reader.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent<LeadCapturedV1>(message, [leadCapturedV1])
      if (decoded.ok) captured.set(decoded.event.data.lead.leadId, decoded.event.data)
    },
  })
})

afterAll(async () => {
  await reader?.disconnect()
  await producer?.disconnect()
  await c.close(admin)
  await admin?.disconnect()
})

const read = (id: string, headers = c.auth) =>
  c.app.inject({ method: 'GET', url: `/v1/leads/${id}`, headers })
const report = (id: string, path: string, payload: object) =>
  c.app.inject({ method: 'POST', url: `/v1/leads/${id}/${path}`, headers: c.auth, payload })

async function until<T>(get: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = get()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`gave up waiting for ${what}`)
}

describe('GET /v1/leads/:id', () => {
  it('shows the lead queued, then published once the relay has sent it to Kafka', async () => {
    const body = { ...aLead('read.back@initech.com'), antiSpam: { startedAt: Date.now() - 500 } }
    const { leadId } = (
      await c.app.inject({ method: 'POST', url: '/v1/leads', headers: c.auth, payload: body })
    ).json()
    const before = (await read(leadId)).json()
    expect(before).toMatchObject({ leadId, status: 'captured', delivery: 'queued', receivedVia: 'api' })
    expect(before.lead.contact.email).toBe('read.back@initech.com')
    expect(before.spam.signals.map((s: { signal: string }) => s.signal)).toEqual(['too_fast'])
    const relay = createOutboxRelay({ pool: c.ns.pool, producer, schema: c.schema, log: c.ns.log })
    await relay.drain()
    expect((await read(leadId)).json().delivery).toBe('published')
    const onKafka = await until(() => captured.get(leadId), `lead ${leadId} on leads.captured.v1`)
    expect(onKafka.spam?.signals[0]?.signal).toBe('too_fast')
    expect(onKafka.lead).not.toHaveProperty('antiSpam')
  })

  it('follows the status the CRM reports, with every report listed', async () => {
    const { leadId } = (
      await c.app.inject({ method: 'POST', url: '/v1/leads', headers: c.auth, payload: aLead() })
    ).json()
    await report(leadId, 'touches', { repId: 'rep-3', channel: 'call', contactedAt: '2026-03-11T10:00:00Z' })
    expect((await read(leadId)).json().status).toBe('contacted')
    await report(leadId, 'handoff', {
      repId: 'rep-3',
      decision: 'accepted',
      decidedAt: '2026-03-11T10:05:00Z',
    })
    await report(leadId, 'outcomes', {
      outcome: 'won',
      amount: 9000,
      currency: 'USD',
      occurredAt: '2026-05-01T09:00:00Z',
    })
    const view = (await read(leadId)).json()
    expect(view.status).toBe('won')
    expect(view.feedback.map((f: { kind: string }) => f.kind)).toEqual(['contacted', 'handoff', 'outcome'])
  })

  it('answers 404 problem+json for an unknown id and 400 for one that is not a UUID', async () => {
    const unknown = await read(randomUUID())
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers['content-type']).toContain('application/problem+json')
    const malformed = await read('lead-42')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().errors[0].field).toBe('leadId')
  })
})
