import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createKafka, ensureTopics, topicPlan } from '@leadwire/runtime'
import { type Pipeline, startPipeline } from '@leadwire/stack/pipeline'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ReceivedSpan, startOtlpReceiver } from './otlp-receiver.ts'

// On-call's view of one lead: the six real services export spans over OTLP/HTTP to a receiver
// in this process, exactly as they would to the collector, and the test reads the whole trace.
let ns: TestNamespace
let admin: Admin
let pipeline: Pipeline
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
let logDir: string

beforeAll(async () => {
  ns = await createTestNamespace('tr')
  await ns.migrate()
  admin = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'traces', log: ns.log }).admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  receiver = await startOtlpReceiver()
  logDir = `.leadwire/test-logs/${ns.namespace}`
  mkdirSync(logDir, { recursive: true })
  // The seed playbook with a 2 s first-touch SLA for enterprise demos, so the breach fires here.
  const seed = readFileSync('infra/seed/playbook.yaml', 'utf8')
  const playbook = seed.replace(/(name: enterprise_demo[\s\S]*?firstTouch:\s*)\S+/, '$12s')
  writeFileSync(`${logDir}/playbook.yaml`, playbook)
  pipeline = await startPipeline({
    env: {
      ...ns.env,
      PLAYBOOK_PATH: `${process.cwd()}/${logDir}/playbook.yaml`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      LOG_LEVEL: 'debug',
    },
    logDir,
    ports: 'free',
  })
})

afterAll(async () => {
  await pipeline?.stop()
  await receiver?.close()
  await ns?.cleanup(admin)
  await admin?.disconnect()
})

const hops = [
  { from: 'capture', topic: 'leads.captured.v1', to: 'enrichment' },
  { from: 'enrichment', topic: 'leads.enriched.v1', to: 'dedup' },
  { from: 'dedup', topic: 'leads.deduplicated.v1', to: 'scoring' },
  { from: 'scoring', topic: 'leads.scored.v1', to: 'routing' },
  { from: 'routing', topic: 'leads.routed.v1', to: 'sla-watchdog' },
] as const

async function waitFor<T>(what: string, find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const found = find()
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`never saw ${what}`)
}

function span(trace: ReceivedSpan[], service: string, name: string, parent?: string): ReceivedSpan {
  const hit = trace.find(
    (s) => s.service === `leadwire-${service}` && s.name === name && (!parent || s.parentSpanId === parent),
  )
  if (!hit) throw new Error(`no span '${name}' from ${service}${parent ? ` under ${parent}` : ''}`)
  return hit
}

describe('one trace per lead', () => {
  const traceId = randomBytes(16).toString('hex')
  const callerSpan = randomBytes(8).toString('hex')
  let leadId: string
  let trace: ReceivedSpan[]

  it('follows an enterprise demo from the HTTP request through every hop to routed and its SLA breach', async () => {
    const res = await fetch(`${pipeline.captureUrl}/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify({
        contact: {
          firstName: 'Ada',
          lastName: 'Byron',
          email: `ada@engines-${ns.namespace}.com`,
          title: 'CTO',
        },
        company: { name: 'Analytical Engines', employees: 1200, industry: 'Software', country: 'US' },
        source: { channel: 'inbound_form', intent: 'demo_request' },
      }),
    })
    expect(res.status).toBe(202)
    leadId = ((await res.json()) as { leadId: string }).leadId
    const mine = () => receiver.spans.filter((s) => s.traceId === traceId)
    await waitFor('the breach handled by routing', () =>
      mine().find(
        (s) => s.name === 'leads.sla-breached.v1 process' && s.attributes['leadwire.sla_level'] === 'breach',
      ),
    )
    trace = mine()

    let parent = span(trace, 'capture', 'POST /v1/leads', callerSpan).spanId
    const chain = []
    for (const hop of hops) {
      const published = span(trace, hop.from, `${hop.topic} publish`, parent)
      const processed = span(trace, hop.to, `${hop.topic} process`, published.spanId)
      chain.push(published, processed)
      parent = processed.spanId
    }
    const routedPublish = chain[chain.length - 2]!
    const breach = trace.find(
      (s) =>
        s.name === 'leads.sla-breached.v1 publish' &&
        s.attributes['leadwire.sla_level'] === 'breach' &&
        s.parentSpanId === routedPublish.spanId,
    )
    expect(breach?.service).toBe('leadwire-sla-watchdog')
    chain.push(breach!, span(trace, 'routing', 'leads.sla-breached.v1 process', breach!.spanId))

    for (const s of chain) expect(s.attributes['leadwire.lead_id'], s.name).toBe(leadId)
    const rep = routedPublish.attributes['leadwire.rep_id']
    expect(rep).toMatch(/^rep-/)
    for (const s of chain.slice(chain.indexOf(routedPublish))) {
      expect(s.attributes['leadwire.segment'], s.name).toBe('enterprise_demo')
      expect(s.attributes['leadwire.rep_id'], s.name).toBe(rep)
    }
  })

  it('writes the trace and span id of the hop on each log line about the lead', async () => {
    expect(trace).toBeDefined()
    const lines = await waitFor('log lines in the lead’s trace', () => {
      const found = hops
        .flatMap((h) => readFileSync(`${logDir}/${h.to}.log`, 'utf8').split('\n'))
        .filter((l) => l.includes(traceId))
        .map((l) => JSON.parse(l) as { service: string; traceId: string; spanId: string; leadId?: string })
      return found.some((l) => l.leadId === leadId) ? found : undefined
    })
    for (const line of lines) {
      const owner = trace.find((s) => s.spanId === line.spanId)
      expect(owner?.service).toBe(`leadwire-${line.service}`)
    }
  })
})
