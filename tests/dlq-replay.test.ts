import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import { dlqTopicName, encodeEvent, leadScoredV1, topicByName } from '@leadwire/contracts'
import { exampleLeadScored } from '@leadwire/contracts/examples'
import { createKafka, createProducer, ensureTopics, sendToDeadLetter, topicPlan } from '@leadwire/runtime'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin, Kafka, Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replayDlq } from '../infra/scripts/dlq-replay.ts'

// The on-call replay: dead letters go back onto their topic as they were before they failed.
let ns: TestNamespace
let kafka: Kafka
let admin: Admin
let producer: Producer
const topic = () => ns.names.topic(leadScoredV1.topic)

beforeAll(async () => {
  ns = await createTestNamespace('dlq')
  kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'dlq-test', log: ns.log })
  admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, [topicByName(leadScoredV1.topic)!], 1))
  producer = createProducer(kafka)
  await producer.connect()
})
afterAll(async () => {
  await producer?.disconnect()
  await ns?.cleanup(admin)
  await admin?.disconnect()
})

/** Dead-letters one scored event the way the consumer loop does; returns its key and id. */
async function deadLetter(offset: number) {
  const leadId = randomUUID()
  const record = encodeEvent(leadScoredV1, {
    id: randomUUID(),
    source: '/test',
    key: leadId,
    data: { ...exampleLeadScored, lead: { ...exampleLeadScored.lead, leadId } },
  })
  const message = {
    ...record,
    key: Buffer.from(record.key),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
  }
  await sendToDeadLetter(producer, {
    topic: topic(),
    partition: 0,
    message,
    service: 'routing',
    group: 'leadwire-routing',
    reason: 'ROUTING_UNAVAILABLE',
    error: 'no rep could take it',
    attempts: 5,
  })
  return { leadId, headers: record.headers, value: record.value }
}

async function readBack(count: number) {
  const consumer = kafka.consumer({ groupId: `${ns.namespace}-reader-${randomUUID()}`, maxWaitTimeInMs: 50 })
  const seen: { key: string; value: Buffer; headers: Record<string, string> }[] = []
  await consumer.connect()
  await consumer.subscribe({ topic: topic(), fromBeginning: true })
  let enough: () => void = () => {}
  const done = new Promise<void>((r) => {
    enough = r
  })
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
      )
      seen.push({ key: String(message.key), value: message.value!, headers })
      if (seen.length >= count) enough()
    },
  })
  await done
  await consumer.disconnect()
  return seen
}

describe('dlq replay', () => {
  it('moves every dead letter back to its topic with its key, value and headers, and no dlq_* headers', async () => {
    const sent = [await deadLetter(10), await deadLetter(11), await deadLetter(12)]
    const result = await replayDlq({ kafka, names: ns.names, topic: leadScoredV1.topic, log: ns.log })
    expect(result).toEqual({
      topic: topic(),
      replayed: 3,
      skipped: 0,
      remaining: 0,
      byReason: { ROUTING_UNAVAILABLE: 3 },
    })

    const back = await readBack(3)
    expect(back.map((m) => m.key)).toEqual(sent.map((s) => s.leadId))
    for (const [i, m] of back.entries()) {
      expect(m.headers).toEqual(sent[i]!.headers)
      expect(m.value.equals(sent[i]!.value)).toBe(true)
    }
    const again = await replayDlq({ kafka, names: ns.names, topic: leadScoredV1.topic, log: ns.log })
    expect(again.replayed).toBe(0)
  })

  it('runs from the command line, a limited number at a time, resuming where it stopped', async () => {
    await deadLetter(20)
    await deadLetter(21)
    const dryRun = await replayDlq({
      kafka,
      names: ns.names,
      topic: leadScoredV1.topic,
      log: ns.log,
      dryRun: true,
    })
    expect(dryRun.remaining).toBe(2)
    await promisify(execFile)(
      process.execPath,
      ['infra/scripts/dlq-replay.ts', dlqTopicName(leadScoredV1.topic), '--limit', '1'],
      { env: ns.env },
    )
    const after = await replayDlq({
      kafka,
      names: ns.names,
      topic: leadScoredV1.topic,
      log: ns.log,
      dryRun: true,
    })
    expect(after).toMatchObject({ topic: topic(), remaining: 1 })
  })
})
