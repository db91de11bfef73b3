import { randomUUID } from 'node:crypto'
import {
  decodeEvent,
  type EventDefinition,
  encodeEvent,
  type LeadRoutedV1,
  leadRoutedV1,
  leadScoredV1,
  leadSlaBreachedV1,
  topics,
} from '@leadwire/contracts'
import { createKafka, createProducer, ensureTopics, topicPlan } from '@leadwire/runtime'
import { startInProcess } from '@leadwire/stack/testing'
import type { Admin, Consumer, Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { leadsFromTopic } from '../src/simulation/sources.ts'
import { rerouteEscalation, scoredLead } from './builders.ts'
import { type RoutingFixture, routingFixture, subscriptionsFor } from './support.ts'

// The routing consumer on the real broker: scored and escalation events in through Kafka,
// leads.routed.v1 out through the outbox relay, read back with a plain consumer.
let fx: RoutingFixture
let admin: Admin
let producer: Producer
let reader: Consumer
let stop: () => Promise<void>
const waiting = new Map<string, (routed: LeadRoutedV1) => void>()
const received: LeadRoutedV1[] = []

/** Resolves with the routed event of the given lead and attempt, whenever it arrives. */
const routedOf = (leadId: string, attempt: number) =>
  new Promise<LeadRoutedV1>((resolve) => {
    const seen = received.find((r) => r.lead.leadId === leadId && r.assignment.attempt === attempt)
    if (seen) resolve(seen)
    else waiting.set(`${leadId}/${attempt}`, resolve)
  })

beforeAll(async () => {
  fx = await routingFixture()
  const { ns } = fx
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: `${ns.namespace}-rt`, log: ns.log })
  admin = kafka.admin()
  await admin.connect()
  const mine = topics.filter((t) =>
    [leadScoredV1, leadSlaBreachedV1, leadRoutedV1].some((d) => d.topic === t.name),
  )
  await ensureTopics(admin, topicPlan(ns.names, mine, 1))
  producer = createProducer(kafka)
  await producer.connect()
  const subscriptions = subscriptionsFor(fx).filter((s) => s.event !== leadRoutedV1)
  stop = await startInProcess(ns, {
    kafka,
    producer,
    service: 'routing',
    subscriptions: subscriptions.filter((s) => mine.some((t) => t.name === s.event.topic)),
    retryBaseMs: 50,
    partitionsConcurrently: 1,
  })
  reader = kafka.consumer({ groupId: `${ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  await reader.subscribe({ topics: [ns.names.topic(leadRoutedV1.topic)], fromBeginning: true })
  await reader.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent<LeadRoutedV1>(message, [leadRoutedV1])
      if (!decoded.ok) return
      const routed = decoded.event.data
      received.push(routed)
      waiting.get(`${routed.lead.leadId}/${routed.assignment.attempt}`)?.(routed)
    },
  })
}, 60_000)

afterAll(async () => {
  await reader?.disconnect()
  await stop?.()
  await producer?.disconnect()
  await fx?.ns.cleanup(admin)
  await admin?.disconnect()
})

async function publish<D extends EventDefinition>(definition: D, key: string, data: z.input<D['schema']>) {
  const record = encodeEvent(definition, { id: randomUUID(), source: '/test', key, data })
  await producer.send({ topic: fx.ns.names.topic(definition.topic), messages: [record] })
}

describe('routing consumer on the broker', () => {
  it('routes a scored lead and re-routes it on an escalation, explaining both', async () => {
    const lead = scoredLead()
    const leadId = lead.lead.leadId
    await publish(leadScoredV1, leadId, lead)
    const first = (await routedOf(leadId, 1)).assignment
    expect(first).toMatchObject({ method: 'round_robin', teamId: 'mid-market-sdr', segment: 'mid_market' })
    expect(first.slaDueAt).toBeDefined()
    expect(first.workingHours).toMatchObject({ source: 'rep', timezone: expect.any(String) })
    expect(first.decision?.chosen).toBe(first.repId)
    expect(first.decision?.filteredOut).toContainEqual({ repId: 'rep-lena-fischer', reason: 'inactive' })

    await publish(leadSlaBreachedV1, leadId, rerouteEscalation(leadId, first.repId!))
    const second = (await routedOf(leadId, 2)).assignment
    expect(second.previousRepId).toBe(first.repId)
    expect(second.repId).not.toBe(first.repId)
  }, 60_000)

  it('lets the simulation replay the scored topic up to its end', async () => {
    const lead = scoredLead()
    await publish(leadScoredV1, lead.lead.leadId, lead)
    await routedOf(lead.lead.leadId, 1)
    const topic = fx.ns.names.topic(leadScoredV1.topic)
    const replayed = await leadsFromTopic(fx.ns.config.kafka.brokers, topic)
    expect(replayed.map((l) => l.lead.leadId)).toContain(lead.lead.leadId)
  }, 60_000)
})
