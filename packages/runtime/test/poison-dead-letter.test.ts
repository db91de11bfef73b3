import { randomUUID } from 'node:crypto'
import { encodeEvent, leadCapturedV1 } from '@leadwire/contracts'
import { exampleLeadCaptured } from '@leadwire/contracts/examples'
import type { KafkaMessage, Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsumer, on } from '../src/consumer.ts'
import { errorMessage, recordBytes, sendToDeadLetter } from '../src/dead-letter.ts'
import { createProducer, ensureTopics, topicPlan } from '../src/kafka.ts'
import { createMetrics } from '../src/metrics.ts'
import { consumerBase, readTopic, runtimeFixture } from './support.ts'

// Dead letters that do not fit the DLQ topic, a per-message size limit, and handlers that
// throw things that are not Errors: none of them may stop the partition.
let fx: Awaited<ReturnType<typeof runtimeFixture>>
let producer: Producer
let consumer: ReturnType<typeof createConsumer> | undefined
const handled: string[] = []

function message(fields: { key?: Buffer; value: Buffer; headers?: KafkaMessage['headers'] }): KafkaMessage {
  return { key: Buffer.from('lead-1'), headers: {}, offset: '7', timestamp: '0', attributes: 0, ...fields }
}

function deadLetter(topic: string, m: KafkaMessage, error = 'too big') {
  return sendToDeadLetter(producer, {
    topic,
    partition: 0,
    message: m,
    service: 'svc',
    group: 'leadwire-svc',
    reason: 'OVERSIZED',
    error,
    attempts: 0,
  })
}

/** A topic and its DLQ, the DLQ limited to `dlqMaxBytes` (the broker's own default is 1 MiB). */
async function topicWithSmallDlq(name: string, dlqMaxBytes: number) {
  const topic = fx.names.topic(name)
  await fx.admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic, numPartitions: 1 },
      {
        topic: `${topic}.dlq`,
        numPartitions: 1,
        configEntries: [{ name: 'max.message.bytes', value: String(dlqMaxBytes) }],
      },
    ],
  })
  return topic
}

beforeAll(async () => {
  fx = await runtimeFixture()
  producer = createProducer(fx.kafka)
  await producer.connect()
})

afterAll(async () => {
  await consumer?.stop()
  await producer?.disconnect()
  await fx?.cleanup()
})

describe('dead letters that do not fit the DLQ topic', () => {
  it('sends a cut-down copy that says what was cut, and the producer goes on working', async () => {
    const topic = await topicWithSmallDlq('poison.v1', 64 * 1024)
    const value = Buffer.alloc(200 * 1024, 'x')
    const headers = { ce_id: 'id-1', ce_type: 'io.leadwire.lead.captured.v1', noise: 'n'.repeat(20_000) }
    const cut = await deadLetter(topic, message({ value, headers }))
    expect(cut.truncated).toEqual(['value', 'headers'])
    const small = await deadLetter(topic, message({ key: Buffer.from('lead-2'), value: Buffer.from('{}') }))
    expect(small.truncated).toEqual([])

    const dlq = await readTopic(fx.kafka, `${topic}.dlq`, 2)
    const [first, second] = dlq
    expect(first!.value?.equals(value.subarray(0, 16 * 1024))).toBe(true)
    expect(first!.headers).toMatchObject({
      ce_id: 'id-1',
      ce_type: 'io.leadwire.lead.captured.v1',
      dlq_truncated: 'value,headers',
      dlq_value_bytes: String(200 * 1024),
      dlq_reason: 'OVERSIZED',
      dlq_topic: topic,
      dlq_offset: '7',
      dlq_group: 'leadwire-svc',
    })
    expect(first!.headers.noise).toBeUndefined()
    expect(second!.key).toBe('lead-2')
    expect(second!.headers.dlq_truncated).toBeUndefined()
  })

  it('falls back to the dlq_* headers alone when even the preview does not fit', async () => {
    const topic = await topicWithSmallDlq('tiny.v1', 4096)
    const cut = await deadLetter(topic, message({ value: Buffer.alloc(100 * 1024, 'y') }), 'e'.repeat(3000))
    expect(cut.truncated).toEqual(['value'])
    const [only] = await readTopic(fx.kafka, `${topic}.dlq`, 1)
    expect(only!.value?.length ?? 0).toBe(0)
    expect(only!.headers.dlq_error).toHaveLength(500)
    expect(only!.headers.dlq_value_bytes).toBe(String(100 * 1024))
  })
})

describe('the consumer loop and hostile messages', () => {
  beforeAll(async () => {
    await ensureTopics(fx.admin, topicPlan(fx.names, undefined, 1))
    consumer = createConsumer({
      ...consumerBase(fx, producer, createMetrics('svc')),
      maxAttempts: 2,
      partitionsConcurrently: 1,
      maxMessageBytes: 8 * 1024,
      subscriptions: [
        on(leadCapturedV1, async (event) => {
          const { leadId } = event.data.lead
          if (event.data.lead.custom?.throws === 'undefined') throw undefined
          handled.push(leadId)
        }),
      ],
    })
    await consumer.start()
  })

  const captured = (leadId: string, custom?: Record<string, string>) =>
    encodeEvent(leadCapturedV1, {
      id: randomUUID(),
      source: '/test',
      key: leadId,
      data: {
        ...exampleLeadCaptured,
        lead: { ...exampleLeadCaptured.lead, leadId, ...(custom && { custom }) },
      },
    })

  it('dead-letters a message over maxMessageBytes as OVERSIZED, unparsed, and then a handler that throws undefined, and handles the lead behind them', async () => {
    const topic = fx.names.topic(leadCapturedV1.topic)
    const big = randomUUID()
    const throwing = randomUUID()
    const after = randomUUID()
    const bigRecord = { ...captured(big), value: Buffer.alloc(10 * 1024, '{') }
    await producer.send({
      topic,
      messages: [bigRecord, captured(throwing, { throws: 'undefined' }), captured(after)].map((m) => ({
        ...m,
        partition: 0,
      })),
    })
    const dlq = await readTopic(fx.kafka, `${topic}.dlq`, 2)
    const byKey = new Map(dlq.map((m) => [m.key, m.headers]))
    expect(byKey.get(big)).toMatchObject({ dlq_reason: 'OVERSIZED', dlq_attempts: '0' })
    expect(byKey.get(big)!.dlq_error).toMatch(/^message is \d+ bytes, over the consumer's limit of 8192/)
    expect(byKey.get(throwing)).toMatchObject({
      dlq_reason: 'UNHANDLED',
      dlq_error: 'undefined',
      dlq_attempts: '2',
    })
    for (let i = 0; i < 100 && !handled.includes(after); i++) await new Promise((r) => setTimeout(r, 50))
    expect(handled).toEqual([after])
  })
})

describe('record sizes and error messages', () => {
  it('counts key, value, header names and every value of a repeated header', () => {
    const m = {
      key: Buffer.from('ab'),
      value: Buffer.from('cde'),
      headers: { h: ['12', Buffer.from('3')], é: 'x' },
    }
    expect(recordBytes(m)).toBe(2 + 3 + 1 + 2 + 1 + 2 + 1)
  })

  it('describes a thrown Error, string, null and undefined', () => {
    expect([new Error('boom'), 'text', null, undefined, { message: 'like' }].map(errorMessage)).toEqual([
      'boom',
      'text',
      'null',
      'undefined',
      'like',
    ])
  })
})
