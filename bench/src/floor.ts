import { randomUUID } from 'node:crypto'
import { createProducer } from '@leadwire/runtime'
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs'
import { trackArrivals } from './arrivals.ts'
import { type Summary, summarize } from './stats.ts'

export const HOPS = 5

/**
 * The physical floor: five consume→produce hops with no work at all, on the same broker,
 * with the services' client settings (idempotent producer, acks=all, the same fetch wait)
 * and the same message size, driven at the same open-loop rate.
 */
export async function measureFloor(opts: {
  kafka: Kafka
  admin: Admin
  prefix: string
  partitions: number
  maxWaitMs: number
  messageBytes: number
  rate: number
  durationMs: number
}): Promise<{ latency: Summary; delivered: number; sent: number }> {
  const topics = Array.from({ length: HOPS + 1 }, (_, i) => `${opts.prefix}.floor.h${i}`)
  await opts.admin.createTopics({
    waitForLeaders: true,
    topics: topics.map((topic) => ({ topic, numPartitions: opts.partitions, replicationFactor: -1 })),
  })
  const producer = createProducer(opts.kafka)
  await producer.connect()
  const hops = await Promise.all(
    topics.slice(0, HOPS).map((t, i) => relayHop(opts.kafka, producer, t, topics[i + 1]!, opts.maxWaitMs)),
  )
  const tracker = await trackArrivals(opts.kafka, topics[HOPS]!, (_v, key) => key)
  const payload = Buffer.alloc(opts.messageBytes, 'x')
  const due = new Map<string, number>()
  const sends: Promise<unknown>[] = []
  const total = Math.round((opts.rate * opts.durationMs) / 1000)
  const start = performance.now()
  for (let i = 0; i < total; i++) {
    const dueAt = start + (i * 1000) / opts.rate
    const wait = dueAt - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    const key = randomUUID()
    due.set(key, dueAt)
    sends.push(producer.send({ topic: topics[0]!, acks: -1, messages: [{ key, value: payload }] }))
  }
  await Promise.allSettled(sends)
  await tracker.waitFor([...due.keys()], 60_000)
  const latencies = [...due].flatMap(([key, at]) => {
    const arrived = tracker.arrivals.get(key)
    return arrived === undefined ? [] : [arrived - at]
  })
  await tracker.stop()
  await Promise.all(hops.map((c) => c.disconnect()))
  await producer.disconnect()
  await opts.admin.deleteTopics({ topics })
  return { latency: summarize(latencies), delivered: latencies.length, sent: total }
}

async function relayHop(
  kafka: Kafka,
  producer: Producer,
  from: string,
  to: string,
  maxWaitMs: number,
): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: `floor-${randomUUID()}`, maxWaitTimeInMs: maxWaitMs })
  await consumer.connect()
  await consumer.subscribe({ topic: from, fromBeginning: true })
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      await producer.send({ topic: to, acks: -1, messages: [{ key: message.key, value: message.value }] })
    },
  })
  return consumer
}
