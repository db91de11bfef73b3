import { randomUUID } from 'node:crypto'
import {
  decodeEvent,
  type EventDefinition,
  encodeEvent,
  leadNurturedV1,
  leadScoredV1,
} from '@leadwire/contracts'
import { exampleLeadDeduplicated } from '@leadwire/contracts/examples'
import {
  createKafka,
  createProducer,
  ensureTopics,
  type Subscription,
  topicPlan,
  withSchemaTransaction,
} from '@leadwire/runtime'
import { startInProcess, type TestNamespace } from '@leadwire/stack/testing'
import type { z } from 'zod'
import type { TrainedModel } from '../src/model/model.ts'
import { pgModelRegistry } from '../src/pg-model-registry.ts'

export type Running = Awaited<ReturnType<typeof startOnKafka>>

/**
 * The runtime's consumer loop and outbox relay over the given subscriptions, on the namespace's
 * own topics, plus a reader handing every scored or nurtured event to `onEvent`.
 */
export async function startOnKafka(
  ns: TestNamespace,
  subscriptions: Subscription[],
  onEvent: (event: { type: string; data: unknown }) => void,
) {
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'scoring-test', log: ns.log })
  const admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  const producer = createProducer(kafka)
  await producer.connect()
  const reader = kafka.consumer({ groupId: `${ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  const outputs = [leadScoredV1, leadNurturedV1]
  await reader.subscribe({ topics: outputs.map((e) => ns.names.topic(e.topic)), fromBeginning: true })
  await reader.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent(message, outputs)
      if (decoded.ok) onEvent({ type: decoded.event.type, data: decoded.event.data })
    },
  })
  const stopService = await startInProcess(ns, { kafka, producer, service: 'scoring', subscriptions })
  return {
    admin,
    async produce<D extends EventDefinition>(definition: D, key: string, data: z.input<D['schema']>) {
      const record = encodeEvent(definition, { id: randomUUID(), source: '/test', key, data })
      await producer.send({ topic: ns.names.topic(definition.topic), messages: [record] })
    },
    async stop() {
      await reader.disconnect()
      await stopService()
      await producer.disconnect()
    },
  }
}

/** Waits until `check` returns something, or fails after `timeoutMs` (not a timing assertion). */
export async function until<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const value = await check()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('condition not met in time')
}

export async function registerModel(
  ns: TestNamespace,
  version: string,
  model: TrainedModel,
  features: string[],
) {
  const now = new Date()
  const metrics = {
    rocAuc: 0.8,
    prAuc: 0.7,
    logLoss: 0.5,
    brier: 0.2,
    accuracy: 0.7,
    count: model.rows,
    positives: model.positives,
    calibration: [],
  }
  const entry = {
    version,
    trainedAt: now,
    window: { from: now, to: now },
    features,
    metrics,
    model,
    leads: model.rows,
    converted: model.positives,
  }
  await withSchemaTransaction(ns.pool, ns.names.schema('scoring'), (tx) =>
    pgModelRegistry.register(tx, entry),
  )
}

/** A modest fit (an engineer at a 40-person firm) with no buying signal of its own. */
export function quietSmallFit(capturedAt = new Date()) {
  const base = exampleLeadDeduplicated
  return {
    ...base,
    lead: {
      ...base.lead,
      leadId: randomUUID(),
      capturedAt: capturedAt.toISOString(),
      company: { name: 'Tiny Tools', employees: 40, country: 'US' },
      source: { channel: 'inbound_form' as const, formId: 'newsletter' },
    },
    enrichment: {
      ...base.enrichment,
      seniority: 'individual_contributor' as const,
      department: 'engineering' as const,
      employees: 40,
      industry: 'Education',
    },
  }
}
