import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  decodeEvent,
  encodeEvent,
  type LeadRoutedV1,
  type LeadSlaBreachedV1,
  leadContactedV1,
  leadRoutedV1,
  leadSlaBreachedV1,
} from '@leadwire/contracts'
import { createKafka, createProducer, ensureTopics, ident, topicPlan } from '@leadwire/runtime'
import { type Pipeline, startPipeline } from '@leadwire/stack/pipeline'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin, Consumer, Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The SLA journey across the six real services: capture -> routed -> no touch -> breach on the
// topic -> re-route to another rep -> the clock restarts for them -> their touch stops it.
// The seed playbook with the enterprise SLA cut to 2 s and a re-route 3 s after routing.
const enterpriseSla = /firstTouch: 5m\n(\s+)clock: calendar\n\s+escalation:\n(?:\s+- \{[^}]*\}\n)+/
function tinyPlaybook(): string {
  const seed = readFileSync(new URL('../infra/seed/playbook.yaml', import.meta.url), 'utf8')
  if (!enterpriseSla.test(seed)) throw new Error('the seed enterprise SLA block changed; update this test')
  const text = seed.replace(
    enterpriseSla,
    (_m, pad: string) =>
      `firstTouch: 2s\n${pad}clock: calendar\n${pad}escalation:\n` +
      `${pad}  - { after: 100%, level: breach, action: notify }\n` +
      `${pad}  - { after: 3s, level: escalation, action: reroute }\n`,
  )
  const path = join(mkdtempSync(join(tmpdir(), 'e2e-sla-')), 'playbook.yaml')
  writeFileSync(path, text)
  return path
}

let ns: TestNamespace
let admin: Admin
let producer: Producer
let reader: Consumer
let pipeline: Pipeline
let playbookPath: string
const routedSeen: LeadRoutedV1[] = []
const breaches: LeadSlaBreachedV1[] = []
const statsToken = 'e2e-sla-stats-token-0123456789'

beforeAll(async () => {
  ns = await createTestNamespace('es')
  await ns.migrate()
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'e2e-sla', log: ns.log })
  admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  producer = createProducer(kafka)
  await producer.connect()
  playbookPath = tinyPlaybook()
  const env = { ...ns.env, PLAYBOOK_PATH: playbookPath, SLA_TICK_MS: '50', SLA_STATS_TOKEN: statsToken }
  pipeline = await startPipeline({ env, logDir: `.leadwire/test-logs/${ns.namespace}`, ports: 'free' })
  reader = kafka.consumer({ groupId: `${ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  await reader.subscribe({
    topics: [ns.names.topic(leadRoutedV1.topic), ns.names.topic(leadSlaBreachedV1.topic)],
    fromBeginning: true,
  })
  await reader.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent(message, [leadRoutedV1, leadSlaBreachedV1])
      if (!decoded.ok) return
      if (decoded.event.type === leadRoutedV1.type) routedSeen.push(decoded.event.data as LeadRoutedV1)
      else breaches.push(decoded.event.data as LeadSlaBreachedV1)
    },
  })
})

afterAll(async () => {
  await reader?.disconnect()
  await producer?.disconnect()
  await pipeline?.stop()
  await ns?.cleanup(admin)
  await admin?.disconnect()
  if (playbookPath) rmSync(dirname(playbookPath), { recursive: true, force: true })
})

async function waitFor<T>(find: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const end = Date.now() + 60_000
  for (;;) {
    const hit = await find()
    if (hit !== undefined) return hit
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const clocksOf = async (leadId: string) =>
  (
    await ns.pool.query<{ attempt: number; state: string; rep_id: string; end_reason: string | null }>(
      `SELECT attempt, state, rep_id, end_reason FROM ${ident(ns.names.schema('sla-watchdog'))}.clocks
       WHERE lead_id = $1 ORDER BY attempt`,
      [leadId],
    )
  ).rows

describe('the SLA journey through the whole pipeline', () => {
  it('breaches an untouched enterprise lead, re-routes it, and restarts the clock for the new rep', async () => {
    const res = await fetch(`${pipeline.captureUrl}/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        contact: {
          firstName: 'Nakia',
          lastName: 'Sharif',
          email: `nakia@wakanda-${ns.namespace}.com`,
          title: 'VP Sales',
        },
        company: { name: 'Wakanda Design', employees: 4000, industry: 'Software', country: 'US' },
        source: { channel: 'inbound_form', intent: 'demo_request' },
      }),
    })
    expect(res.status).toBe(202)
    const { leadId } = (await res.json()) as { leadId: string }
    const first = await waitFor(() => routedSeen.find((r) => r.lead.leadId === leadId), 'the routed lead')
    expect(first.assignment.attempt).toBe(1)

    const breach = await waitFor(
      () => breaches.find((b) => b.leadId === leadId && b.level === 'breach'),
      'the breach',
    )
    expect(breach).toMatchObject({ attempt: 1, repId: first.assignment.repId, segment: 'enterprise_demo' })
    expect(breach.rule).toBe('enterprise_demo: 2s calendar')
    expect(breach.deadline).toMatchObject({ firstTouch: '2s', clock: 'calendar' })
    expect(new Date(breach.dueAt).getTime() - new Date(first.assignment.routedAt).getTime()).toBe(2000)

    const reroute = await waitFor(
      () => breaches.find((b) => b.leadId === leadId && b.action === 'reroute'),
      'the re-route step',
    )
    expect(reroute).toMatchObject({ level: 'escalation', attempt: 1 })
    const second = await waitFor(
      () => routedSeen.find((r) => r.lead.leadId === leadId && r.assignment.attempt === 2),
      'attempt 2',
    )
    expect(second.assignment.repId).not.toBe(first.assignment.repId)

    // The new rep calls at once, as a CRM would report it.
    const touch = {
      leadId,
      repId: second.assignment.repId!,
      channel: 'call' as const,
      contactedAt: new Date().toISOString(),
    }
    await producer.send({
      topic: ns.names.topic(leadContactedV1.topic),
      messages: [
        encodeEvent(leadContactedV1, { id: randomUUID(), source: '/e2e', key: leadId, data: touch }),
      ],
    })
    const clocks = await waitFor(async () => {
      const rows = await clocksOf(leadId)
      return rows.length === 2 && rows[1]!.state !== 'running' ? rows : undefined
    }, 'the second clock to stop')
    expect(clocks[0]).toMatchObject({
      attempt: 1,
      state: 'cancelled',
      end_reason: 'rerouted',
      rep_id: first.assignment.repId,
    })
    expect(clocks[1]).toMatchObject({ attempt: 2, rep_id: second.assignment.repId })
    expect(clocks[1]!.end_reason).toBe('touched')

    type Group = { key: string; clocks: number; touched: number; breaches: number; missed: number }
    const url = `http://127.0.0.1:${pipeline.get('sla-watchdog').port}/v1/sla/stats?by=segment`
    const authorization = `Bearer ${statsToken}`
    const stats = (await fetch(url, { headers: { authorization } }).then((r) => r.json())) as {
      groups: Group[]
    }
    const enterprise = stats.groups.find((g) => g.key === 'enterprise_demo')!
    expect(enterprise).toMatchObject({ clocks: 2, touched: 1 })
    expect(enterprise.breaches).toBeGreaterThanOrEqual(1)
    expect(enterprise.missed).toBeGreaterThanOrEqual(1)
  })
})
