import { randomBytes } from 'node:crypto'
import {
  decodeEvent,
  type LeadNurturedV1,
  type LeadRoutedV1,
  leadNurturedV1,
  leadRoutedV1,
} from '@leadwire/contracts'
import { createKafka, ensureTopics, topicPlan } from '@leadwire/runtime'
import { type Pipeline, startPipeline } from '@leadwire/stack/pipeline'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin, Consumer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The walking skeleton end to end: HTTP in, leads.routed.v1 out, read with a plain kafkajs
// consumer, across six real service processes, the real broker, Postgres and Redis.
let ns: TestNamespace
let admin: Admin
let pipeline: Pipeline
let reader: Consumer
const seen = new Map<string, { type: string; data: unknown; traceparent: string | undefined }>()

beforeAll(async () => {
  ns = await createTestNamespace('e')
  await ns.migrate()
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'e2e', log: ns.log })
  admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  pipeline = await startPipeline({
    env: ns.env,
    logDir: `.leadwire/test-logs/${ns.namespace}`,
    ports: 'free',
  })
  reader = kafka.consumer({ groupId: `${ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  await reader.subscribe({
    topics: [ns.names.topic(leadRoutedV1.topic), ns.names.topic(leadNurturedV1.topic)],
    fromBeginning: true,
  })
  await reader.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent(message, [leadRoutedV1, leadNurturedV1])
      if (!decoded.ok) return
      const { leadId } = (decoded.event.data as LeadRoutedV1).lead
      seen.set(leadId, {
        type: decoded.event.type,
        data: decoded.event.data,
        traceparent: decoded.event.traceparent,
      })
    },
  })
})

afterAll(async () => {
  await reader?.disconnect()
  await pipeline?.stop()
  await ns?.cleanup(admin)
  await admin?.disconnect()
})

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${pipeline.captureUrl}/v1/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(202)
  return ((await res.json()) as { leadId: string }).leadId
}

async function outcomeOf(leadId: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const hit = seen.get(leadId)
    if (hit) return hit
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`lead ${leadId} was neither routed nor nurtured within ${timeoutMs} ms`)
}

// Each person differs in name too: dedup also matches on name + company, not only on email.
const enterpriseDemo = (email: string, lastName: string) => ({
  contact: { firstName: 'Grace', lastName, email, title: 'VP of Engineering' },
  company: { name: 'Wakanda Software', employees: 3000, industry: 'Software', country: 'US' },
  source: { channel: 'inbound_form', intent: 'demo_request', formId: 'demo' },
})

describe('a lead through the whole pipeline', () => {
  const traceId = randomBytes(16).toString('hex')

  it('routes an enterprise demo request to an enterprise AE, with the reason, in the caller’s trace', async () => {
    const leadId = await post(enterpriseDemo(`grace.okoye@wakanda-${ns.namespace}.com`, 'Okoye'), {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    })
    const out = await outcomeOf(leadId)
    expect(out.type).toBe(leadRoutedV1.type)
    const routed = out.data as LeadRoutedV1
    expect(routed.score.segment).toBe('enterprise_demo')
    expect(routed.assignment.teamId).toBe('enterprise-ae')
    expect(routed.assignment.repId).toMatch(/^rep-/)
    expect(routed.assignment.reason.length).toBeGreaterThan(10)
    expect(routed.enrichment.seniority).toBe('vp')
    expect(out.traceparent?.split('-')[1]).toBe(traceId)
  })

  it('starts the SLA clock for the routed lead: 5 calendar minutes for an enterprise demo', async () => {
    const leadId = await post(enterpriseDemo(`sla.check@wakanda-${ns.namespace}.com`, 'Adebayo'))
    const routed = (await outcomeOf(leadId)).data as LeadRoutedV1
    const schema = ns.names.schema('sla-watchdog')
    const end = Date.now() + 15_000
    let clock: { due_at: Date; routed_at: Date; state: string } | undefined
    while (!clock && Date.now() < end) {
      const { rows } = await ns.pool.query(
        `SELECT due_at, routed_at, state FROM "${schema}".clocks WHERE lead_id = $1`,
        [leadId],
      )
      clock = rows[0]
      if (!clock) await new Promise((r) => setTimeout(r, 100))
    }
    expect(clock?.state).toBe('running')
    expect(clock!.due_at.getTime() - new Date(routed.assignment.routedAt).getTime()).toBe(5 * 60_000)
  })

  it('sends a returning person to the rep who already owns them', async () => {
    const first = await post(enterpriseDemo(`returning@wakanda-${ns.namespace}.com`, 'Mensah'))
    const owner = ((await outcomeOf(first)).data as LeadRoutedV1).assignment.repId
    const again = await post(enterpriseDemo(`Returning+2@Wakanda-${ns.namespace}.com`, 'Mensah'))
    const routed = (await outcomeOf(again)).data as LeadRoutedV1
    expect(routed.dedup).toMatchObject({ isDuplicate: true, duplicateOf: first })
    expect(routed.assignment).toMatchObject({ repId: owner, method: 'account_owner' })
  })

  it('nurtures a lead that is not sales-ready, saying why', async () => {
    const leadId = await post({
      contact: { email: `student.${ns.namespace}@gmail.com` },
      source: { channel: 'inbound_form', intent: 'newsletter' },
    })
    const out = await outcomeOf(leadId)
    expect(out.type).toBe(leadNurturedV1.type)
    expect((out.data as LeadNurturedV1).reason.length).toBeGreaterThan(10)
  })
})
