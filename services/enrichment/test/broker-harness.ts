import { randomUUID } from 'node:crypto'
import {
  decodeEvent,
  encodeEvent,
  type KafkaRecord,
  type LeadCapturedV1,
  type LeadEnrichedV1,
  leadCapturedV1,
  leadEnrichedV1,
} from '@leadwire/contracts'
import { exampleLeadCaptured } from '@leadwire/contracts/examples'
import {
  createConsumer,
  createKafka,
  createMetrics,
  createOutboxRelay,
  createProducer,
  ensureTopics,
  type Names,
  topicPlan,
} from '@leadwire/runtime'
import type { Kafka } from 'kafkajs'
import { loadEnrichmentConfig } from '../src/config.ts'
import { createEnrichmentService } from '../src/service.ts'
import type { EnrichmentFixture } from './support.ts'

/**
 * The enrichment service's consumer and outbox relay in this process, built from its config
 * exactly as main.ts builds them, on the real broker under the fixture's namespace; plus a
 * reader that collects what reaches leads.enriched.v1 and the captured topic's DLQ, by key.
 */
export async function startOnBroker(fx: EnrichmentFixture, env: Record<string, string>) {
  const { config, settings } = loadEnrichmentConfig({ ...fx.ns.env, ...env })
  const { pool, names, log } = fx.ns
  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: 'enrichment-test', log })
  const admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(names, undefined, 2))
  const producer = createProducer(kafka)
  await producer.connect()
  const service = createEnrichmentService({
    settings,
    pool,
    redis: fx.redis,
    names,
    schema: fx.schema,
    log,
    clock: fx.clock,
  })
  const metrics = createMetrics('enrichment')
  const relay = createOutboxRelay({ pool, producer, schema: fx.schema, log, metrics })
  const consumer = createConsumer({
    ...{ kafka, producer, pool, names, log, metrics, schema: fx.schema, service: 'enrichment' },
    subscriptions: service.subscriptions,
    maxAttempts: config.handler.maxAttempts,
    retryBaseMs: 10,
    maxWaitMs: config.kafka.maxWaitMs,
    partitionsConcurrently: config.kafka.partitionsConcurrently,
  })
  relay.start()
  await consumer.start()

  const { reader, enriched, deadLetters } = await collectOutputs(kafka, names)

  return {
    enriched,
    deadLetters,
    /** Still connected after `stop`, so the fixture can delete the namespace's topics. */
    admin,
    send: (records: readonly KafkaRecord[]) =>
      producer.send({ topic: names.topic(leadCapturedV1.topic), messages: [...records] }),
    async stop() {
      await reader.disconnect()
      await consumer.stop()
      await relay.stop()
      await producer.disconnect()
    },
  }
}

/** Reads leads.enriched.v1 and the captured topic's DLQ from the start, into maps by key. */
async function collectOutputs(kafka: Kafka, names: Names) {
  const enriched = new Map<string, LeadEnrichedV1['enrichment']>()
  const deadLetters = new Map<string, Record<string, string>>()
  const dlq = names.topic(`${leadCapturedV1.topic}.dlq`)
  const reader = kafka.consumer({ groupId: `${names.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  await reader.subscribe({ topics: [names.topic(leadEnrichedV1.topic), dlq], fromBeginning: true })
  await reader.run({
    eachMessage: async ({ topic, message }) => {
      const key = message.key?.toString() ?? ''
      if (topic === dlq) {
        const headers = Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])
        deadLetters.set(key, Object.fromEntries(headers))
        return
      }
      const decoded = decodeEvent<LeadEnrichedV1>(message, [leadEnrichedV1])
      if (decoded.ok) enriched.set(key, decoded.event.data.enrichment)
    },
  })
  return { reader, enriched, deadLetters }
}

/** A captured lead as capture would publish it, keyed by a fresh lead id. */
export function captured(email: string, company: LeadCapturedV1['lead']['company'] = {}) {
  const leadId = randomUUID()
  const data = {
    ...exampleLeadCaptured,
    lead: { ...exampleLeadCaptured.lead, leadId, contact: { email }, company },
  }
  return {
    leadId,
    record: encodeEvent(leadCapturedV1, { id: randomUUID(), source: '/test', key: leadId, data }),
  }
}

/** Waits for something the broker delivers; the limit only bounds a broken run. */
export async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
