import { randomUUID } from 'node:crypto'
import { encodeEvent, leadCapturedV1, leadScoredV1 } from '@leadwire/contracts'
import { exampleLeadCaptured, exampleLeadScored } from '@leadwire/contracts/examples'
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import type { Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProducer, ensureTopics, topicPlan } from '../src/kafka.ts'
import { createMetrics } from '../src/metrics.ts'
import { enqueueOutbox } from '../src/outbox.ts'
import { createOutboxRelay } from '../src/outbox-relay.ts'
import { startTracing, stopTracing } from '../src/tracing.ts'
import { readTopic, runtimeFixture } from './support.ts'

// The relay's share of on-call's view: the backlog it cannot publish, and a producer span per
// event that the next hop's consumer span hangs under.
let fx: Awaited<ReturnType<typeof runtimeFixture>>
const spans = new InMemorySpanExporter()

beforeAll(async () => {
  startTracing({ service: 'svc', processors: [new SimpleSpanProcessor(spans)] })
  fx = await runtimeFixture('svc')
  await ensureTopics(fx.admin, topicPlan(fx.names, undefined, 1))
})
afterAll(async () => {
  await fx?.cleanup()
  await stopTracing()
})

const traceId = 'a1'.repeat(16)
const parentSpanId = 'b2'.repeat(8)

function scored(leadId = randomUUID()) {
  const data = { ...exampleLeadScored, lead: { ...exampleLeadScored.lead, leadId } }
  const record = encodeEvent(leadScoredV1, {
    id: randomUUID(),
    source: '/test',
    key: leadId,
    data,
    traceparent: `00-${traceId}-${parentSpanId}-01`,
  })
  return { leadId, record: { ...record, topic: fx.names.topic(leadScoredV1.topic) } }
}

async function enqueue(records: Parameters<typeof enqueueOutbox>[2]) {
  const client = await fx.pool.connect()
  try {
    await enqueueOutbox(client, fx.schema, records)
  } finally {
    client.release()
  }
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await read()
    if (ok(v)) return v
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('condition never held')
}

describe('outbox relay telemetry', () => {
  it('reports the backlog and its age while Kafka refuses, and clears them once published', async () => {
    const metrics = createMetrics('svc')
    // A real producer that is not connected yet: every send fails at once, like Kafka being away.
    const producer: Producer = createProducer(fx.kafka)
    const relay = createOutboxRelay({ pool: fx.pool, producer, schema: fx.schema, log: fx.log, metrics })
    const data = exampleLeadCaptured
    const records = [1, 2, 3].map(() => {
      const leadId = randomUUID()
      const r = encodeEvent(leadCapturedV1, {
        id: randomUUID(),
        source: '/test',
        key: leadId,
        data: { ...data, lead: { ...data.lead, leadId } },
      })
      return { ...r, topic: fx.names.topic(leadCapturedV1.topic) }
    })
    await enqueue(records)
    relay.start()
    try {
      const pending = await until(
        async () => (await metrics.outboxPending.get()).values[0]?.value,
        (v) => v === 3,
      )
      expect(pending).toBe(3)
      const age = (await metrics.outboxOldestSeconds.get()).values[0]?.value ?? -1
      expect(age).toBeGreaterThanOrEqual(0)
      await producer.connect()
      await until(
        async () => (await metrics.outboxPending.get()).values[0]?.value,
        (v) => v === 0,
      )
      expect((await metrics.outboxOldestSeconds.get()).values[0]?.value).toBe(0)
    } finally {
      await relay.stop()
      await producer.disconnect()
    }
  })

  it('publishes each event under a producer span that continues the trace it was written in', async () => {
    const producer = createProducer(fx.kafka)
    await producer.connect()
    const relay = createOutboxRelay({ pool: fx.pool, producer, schema: fx.schema, log: fx.log })
    const { leadId, record } = scored()
    await enqueue([record])
    await relay.drain()
    await producer.disconnect()

    const span = spans.getFinishedSpans().find((s) => s.attributes['leadwire.lead_id'] === leadId)
    expect(span?.name).toBe('leads.scored.v1 publish')
    expect(span?.spanContext().traceId).toBe(traceId)
    expect(span?.parentSpanContext?.spanId).toBe(parentSpanId)
    expect(span?.attributes['leadwire.segment']).toBe(exampleLeadScored.score.segment)
    const [message] = (await readTopic(fx.kafka, record.topic, 1)).filter((m) => m.key === leadId)
    expect(message?.headers.traceparent).toBe(`00-${traceId}-${span?.spanContext().spanId}-01`)
  })
})
