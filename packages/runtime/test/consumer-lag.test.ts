import { randomUUID } from 'node:crypto'
import { encodeEvent, leadCapturedV1 } from '@leadwire/contracts'
import { exampleLeadCaptured } from '@leadwire/contracts/examples'
import type { Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsumer, on } from '../src/consumer.ts'
import { groupLag, startLagReporter } from '../src/consumer-lag.ts'
import { createProducer, ensureTopics, topicPlan } from '../src/kafka.ts'
import { createMetrics } from '../src/metrics.ts'
import { consumerBase, runtimeFixture } from './support.ts'

// leadwire_consumer_lag comes from the broker (committed offsets against each partition's
// end), for the partitions this member owns only, so replicas summed count each once.
let fx: Awaited<ReturnType<typeof runtimeFixture>>
let producer: Producer
const topic = () => fx.names.topic(leadCapturedV1.topic)

function captured() {
  const leadId = randomUUID()
  const data = { ...exampleLeadCaptured, lead: { ...exampleLeadCaptured.lead, leadId } }
  return encodeEvent(leadCapturedV1, { id: randomUUID(), source: '/test', key: leadId, data })
}

async function gauge(metrics: ReturnType<typeof createMetrics>) {
  const { values } = await metrics.consumerLag.get()
  return Object.fromEntries(values.map((v) => [`${v.labels.partition}`, v.value]))
}

beforeAll(async () => {
  fx = await runtimeFixture()
  await ensureTopics(fx.admin, topicPlan(fx.names, undefined, 2))
  producer = createProducer(fx.kafka)
  await producer.connect()
  // Three messages on partition 0, two on partition 1.
  await producer.send({
    topic: topic(),
    messages: [0, 0, 0, 1, 1].map((partition) => ({ ...captured(), partition })),
  })
})

afterAll(async () => {
  await producer?.disconnect()
  await fx?.cleanup()
})

describe('consumer lag from the broker', () => {
  it('reports committed against end offsets, only for owned partitions, and forgets moved ones', async () => {
    const group = fx.names.group('lag-probe')
    await fx.admin.setOffsets({ groupId: group, topic: topic(), partitions: [{ partition: 0, offset: '1' }] })
    const lags = await groupLag(fx.admin, group)
    expect(lags.map(({ partition, committed, end, lag }) => ({ partition, committed, end, lag }))).toEqual([
      { partition: 0, committed: 1, end: 3, lag: 2 },
      { partition: 1, committed: -1, end: 2, lag: 2 },
    ])

    const metrics = createMetrics('svc')
    let owned = new Map([[topic(), [0]]])
    const reporter = startLagReporter({
      admin: fx.admin,
      group,
      owned: () => owned,
      metrics,
      log: fx.log,
      intervalMs: 60_000,
    })
    await reporter.report()
    expect(await gauge(metrics)).toEqual({ '0': 2 })
    owned = new Map([[topic(), [1]]]) // a rebalance gave partition 0 to another replica
    await reporter.report()
    expect(await gauge(metrics)).toEqual({ '1': 2 })
    await reporter.stop()
  })

  it('a running consumer reports its own partitions at lag 0 once it has caught up', async () => {
    const metrics = createMetrics('svc')
    let handled = 0
    const consumer = createConsumer({
      ...consumerBase(fx, producer, metrics),
      maxAttempts: 1,
      partitionsConcurrently: 2,
      lag: { admin: fx.admin, intervalMs: 60_000 },
      subscriptions: [on(leadCapturedV1, async () => void handled++)],
    })
    await consumer.start()
    try {
      for (let i = 0; i < 200 && handled < 5; i++) await new Promise((r) => setTimeout(r, 50))
      expect(handled).toBe(5)
      let lag = await gauge(metrics)
      for (let i = 0; i < 100 && JSON.stringify(lag) !== '{"0":0,"1":0}'; i++) {
        await new Promise((r) => setTimeout(r, 100)) // offsets are committed shortly after handling
        await consumer.reportLag()
        lag = await gauge(metrics)
      }
      expect(lag).toEqual({ '0': 0, '1': 0 })
    } finally {
      await consumer.stop()
    }
  })
})
