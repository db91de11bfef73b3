import { randomUUID } from 'node:crypto'
import { encodeEvent, leadCapturedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { exampleEnrichment, exampleLeadCaptured } from '@leadwire/contracts/examples'
import type { Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsumer, on } from '../src/consumer.ts'
import { LeadwireError } from '../src/errors.ts'
import { createProducer, ensureTopics, topicPlan } from '../src/kafka.ts'
import { createMetrics } from '../src/metrics.ts'
import { createOutboxRelay } from '../src/outbox-relay.ts'
import { consumerBase, readTopic, runtimeFixture } from './support.ts'

let fx: Awaited<ReturnType<typeof runtimeFixture>>
let producer: Producer
const metrics = createMetrics('svc')
/** What the handler does for each lead id, read from the test's own table. */
const behaviour = new Map<string, { failTimes: number; error: () => Error }>()
const attempts = new Map<string, number>()

const capturedTopic = () => fx.names.topic(leadCapturedV1.topic)

function captured(leadId: string, id = randomUUID()) {
  const data = { ...exampleLeadCaptured, lead: { ...exampleLeadCaptured.lead, leadId } }
  return encodeEvent(leadCapturedV1, { id, source: '/test', key: leadId, data })
}

function startConsumer() {
  return createConsumer({
    ...consumerBase(fx, producer, metrics),
    maxAttempts: 3,
    partitionsConcurrently: 2,
    subscriptions: [
      on(leadCapturedV1, async (event, ctx) => {
        const leadId = event.data.lead.leadId
        const n = (attempts.get(leadId) ?? 0) + 1
        attempts.set(leadId, n)
        const b = behaviour.get(leadId)
        if (b && n <= b.failTimes) throw b.error()
        await ctx.tx.query(`INSERT INTO "${fx.schema}".effects (lead_id) VALUES ($1)`, [leadId])
        ctx.emit(leadEnrichedV1, {
          key: leadId,
          data: { lead: event.data.lead, enrichment: exampleEnrichment },
        })
      }),
    ],
  })
}

async function effects(leadId: string): Promise<number> {
  const { rows } = await fx.pool.query(
    `SELECT count(*)::int AS n FROM "${fx.schema}".effects WHERE lead_id = $1`,
    [leadId],
  )
  return rows[0].n
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('condition not met in time')
}

let consumer: ReturnType<typeof startConsumer>
let relay: ReturnType<typeof createOutboxRelay>

beforeAll(async () => {
  fx = await runtimeFixture()
  await fx.pool.query(`CREATE TABLE "${fx.schema}".effects (lead_id uuid NOT NULL)`)
  await ensureTopics(fx.admin, topicPlan(fx.names, undefined, 2))
  producer = createProducer(fx.kafka)
  await producer.connect()
  relay = createOutboxRelay({ pool: fx.pool, producer, schema: fx.schema, log: fx.log, metrics })
  relay.start()
  consumer = startConsumer()
  await consumer.start()
})

afterAll(async () => {
  await consumer?.stop()
  await relay?.stop()
  await producer?.disconnect()
  await fx?.cleanup()
})

describe('consumer loop against a real broker', () => {
  it('handles a valid event once and publishes what it emits through the outbox', async () => {
    const leadId = randomUUID()
    const record = captured(leadId)
    await producer.send({ topic: capturedTopic(), messages: [record] })
    await until(async () => (await effects(leadId)) === 1)
    const out = await readTopic(fx.kafka, fx.names.topic(leadEnrichedV1.topic), 1)
    const mine = out.find((m) => m.key === leadId)
    expect(mine?.headers.ce_type).toBe(leadEnrichedV1.type)
    expect(mine?.headers.ce_source).toBe('/leadwire/svc')
  })

  it('gives an event id seen twice its effect once', async () => {
    const leadId = randomUUID()
    const eventId = randomUUID()
    await producer.send({
      topic: capturedTopic(),
      messages: [captured(leadId, eventId), captured(leadId, eventId)],
    })
    const marker = randomUUID()
    await producer.send({ topic: capturedTopic(), messages: [captured(marker)] })
    await until(async () => (await effects(marker)) === 1)
    expect(await effects(leadId)).toBe(1)
  })

  it('retries a failing handler with backoff and succeeds within the attempt budget', async () => {
    const leadId = randomUUID()
    behaviour.set(leadId, { failTimes: 2, error: () => new Error('flaky provider') })
    await producer.send({ topic: capturedTopic(), messages: [captured(leadId)] })
    await until(async () => (await effects(leadId)) === 1)
    expect(attempts.get(leadId)).toBe(3)
  })

  it('dead-letters a message whose handler always throws, keeping its bytes and headers, and keeps the partition moving', async () => {
    const stuck = randomUUID()
    const after = randomUUID()
    behaviour.set(stuck, { failTimes: 99, error: () => new Error('always broken') })
    const record = captured(stuck)
    await producer.send({ topic: capturedTopic(), messages: [record, captured(after)] })
    await until(async () => (await effects(after)) === 1)
    const dlq = (await readTopic(fx.kafka, `${capturedTopic()}.dlq`, 10, 5000)).filter((m) => m.key === stuck)
    expect(dlq).toHaveLength(1)
    expect(dlq[0]!.value?.equals(record.value)).toBe(true)
    expect(dlq[0]!.headers).toMatchObject({
      ce_id: record.headers.ce_id,
      dlq_error: 'always broken',
      dlq_service: 'svc',
      dlq_attempts: '3',
    })
    expect(attempts.get(stuck)).toBe(3)
  })

  it('dead-letters a non-retryable error at once', async () => {
    const leadId = randomUUID()
    behaviour.set(leadId, { failTimes: 99, error: () => new LeadwireError('BAD_LEAD', 'cannot be handled') })
    await producer.send({ topic: capturedTopic(), messages: [captured(leadId)] })
    await until(async () =>
      (await readTopic(fx.kafka, `${capturedTopic()}.dlq`, 10, 3000)).some((m) => m.key === leadId),
    )
    expect(attempts.get(leadId)).toBe(1)
  })

  it('dead-letters a message that is not JSON or fails the schema, with the reason', async () => {
    const junkKey = randomUUID()
    const bad = captured(randomUUID())
    await producer.send({
      topic: capturedTopic(),
      messages: [
        { key: junkKey, value: Buffer.from('{not json'), headers: { ...bad.headers } },
        {
          key: 'schema',
          value: Buffer.from('{"lead":{}}'),
          headers: { ...bad.headers, ce_id: randomUUID() },
        },
        { key: 'no-ce', value: Buffer.from('{}') },
      ],
    })
    const reasons = async () =>
      new Map(
        (await readTopic(fx.kafka, `${capturedTopic()}.dlq`, 20, 3000)).map((m) => [
          m.key,
          m.headers.dlq_reason,
        ]),
      )
    await until(async () => (await reasons()).size >= 5)
    const got = await reasons()
    expect(got.get(junkKey)).toBe('MALFORMED_JSON')
    expect(got.get('schema')).toBe('SCHEMA_MISMATCH')
    expect(got.get('no-ce')).toBe('NOT_CLOUDEVENT')
  })

  it('loses nothing and repeats nothing across a graceful stop and restart mid-stream', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID())
    await producer.send({ topic: capturedTopic(), messages: ids.slice(0, 20).map((id) => captured(id)) })
    await consumer.stop()
    await producer.send({ topic: capturedTopic(), messages: ids.slice(20).map((id) => captured(id)) })
    consumer = startConsumer()
    await consumer.start()
    await until(async () => {
      const { rows } = await fx.pool.query(
        `SELECT count(*)::int AS n FROM "${fx.schema}".effects WHERE lead_id = ANY($1::uuid[])`,
        [ids],
      )
      return rows[0].n >= 40
    })
    const { rows } = await fx.pool.query(
      `SELECT lead_id, count(*)::int AS n FROM "${fx.schema}".effects WHERE lead_id = ANY($1::uuid[]) GROUP BY lead_id`,
      [ids],
    )
    expect(rows).toHaveLength(40)
    expect(rows.every((r) => r.n === 1)).toBe(true)
  })
})
