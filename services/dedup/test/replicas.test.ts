import { randomUUID } from 'node:crypto'
import {
  decodeEvent,
  encodeEvent,
  type LeadDeduplicatedV1,
  leadDeduplicatedV1,
  leadEnrichedV1,
} from '@leadwire/contracts'
import { createKafka, createProducer, ensureTopics, topicPlan } from '@leadwire/runtime'
import { startInProcess } from '@leadwire/stack/testing'
import type { Admin, Consumer, Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDedupSubscriptions } from '../src/consumer.ts'
import { createDedupNamespace, type DedupNamespace, enrichedLead, tag } from './support.ts'

// dedup end to end on the real broker and Postgres, as two replicas in one consumer group:
// leads produced to leads.enriched.v1, answers read back from leads.deduplicated.v1.
let d: DedupNamespace
let admin: Admin
let producer: Producer
let reader: Consumer
const stops: (() => Promise<void>)[] = []
const seen = new Map<string, LeadDeduplicatedV1>()

beforeAll(async () => {
  d = await createDedupNamespace('dr')
  const kafka = createKafka({ brokers: d.ns.config.kafka.brokers, clientId: 'dedup-test', log: d.ns.log })
  admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(d.ns.names, undefined, 2))
  producer = createProducer(kafka)
  await producer.connect()
  for (const replica of [1, 2]) {
    stops.push(
      await startInProcess(d.ns, {
        kafka,
        producer,
        service: 'dedup',
        subscriptions: createDedupSubscriptions(d.deps),
        log: d.ns.log.child({ replica }),
        maxAttempts: 5,
      }),
    )
  }
  reader = kafka.consumer({ groupId: `${d.ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  await reader.subscribe({ topics: [d.ns.names.topic(leadDeduplicatedV1.topic)], fromBeginning: true })
  await reader.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent(message, [leadDeduplicatedV1])
      if (decoded.ok) seen.set(decoded.event.subject ?? '', decoded.event.data as LeadDeduplicatedV1)
    },
  })
})

afterAll(async () => {
  await reader?.disconnect()
  for (const stop of stops) await stop()
  await producer?.disconnect()
  await d.ns.cleanup(admin)
  await admin?.disconnect()
})

async function answerFor(leadId: string): Promise<LeadDeduplicatedV1> {
  for (let i = 0; i < 600; i++) {
    const answer = seen.get(leadId)
    if (answer) return answer
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no leads.deduplicated.v1 for ${leadId}`)
}

describe('dedup on the real broker with two replicas', () => {
  it('publishes one identity for two near-identical leads produced at the same instant', async () => {
    const t = tag()
    const twins = [
      enrichedLead({
        contact: { firstName: 'Jon', lastName: `Adeyemi${t}`, email: `jon.adeyemi${t}@cyberdyne.com` },
        company: { name: 'Cyberdyne Systems' },
      }),
      enrichedLead({
        contact: { firstName: 'John', lastName: `Adeyemi${t}`, email: `Jon.Adeyemi${t}+ads@cyberdyne.com` },
        company: { name: 'Cyberdyne Systems Inc' },
      }),
    ]
    const topic = d.ns.names.topic(leadEnrichedV1.topic)
    await Promise.all(
      twins.map((lead) =>
        producer.send({
          topic,
          messages: [
            encodeEvent(leadEnrichedV1, {
              id: randomUUID(),
              source: '/test',
              key: lead.lead.leadId,
              data: lead,
            }),
          ],
        }),
      ),
    )
    const answers = await Promise.all(twins.map((lead) => answerFor(lead.lead.leadId)))
    expect(answers[0]?.dedup.identityId).toBe(answers[1]?.dedup.identityId)
    expect(answers.map((a) => a.dedup.decision).sort()).toEqual(['distinct', 'merge'])
    const merged = answers.find((a) => a.dedup.isDuplicate)
    expect(merged?.dedup.evidence.length).toBeGreaterThan(0)
    expect(merged?.dedup.account?.matchedBy).toBe('domain')
  })
})
