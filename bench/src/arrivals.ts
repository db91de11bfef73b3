import { randomUUID } from 'node:crypto'
import type { Kafka } from 'kafkajs'

/**
 * Notes when each key first arrives on a topic, in this process's performance clock, so it
 * can be set against the time the matching request was due.
 */
export async function trackArrivals(
  kafka: Kafka,
  topic: string,
  keyOf: (value: Buffer, key: string) => string,
) {
  const arrivals = new Map<string, number>()
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 10 })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: false })
  const joined = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => {
      off()
      resolve()
    })
  })
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachMessage: async ({ message }) => {
      const id = keyOf(message.value ?? Buffer.alloc(0), message.key?.toString() ?? '')
      if (!arrivals.has(id)) arrivals.set(id, performance.now())
    },
  })
  await joined
  return {
    arrivals,
    /** Waits until every id arrived or the time is up; returns the ids still missing. */
    async waitFor(ids: readonly string[], timeoutMs: number): Promise<string[]> {
      const end = Date.now() + timeoutMs
      let missing = ids.filter((id) => !arrivals.has(id))
      while (missing.length && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 100))
        missing = missing.filter((id) => !arrivals.has(id))
      }
      return missing
    },
    stop: () => consumer.disconnect(),
  }
}
