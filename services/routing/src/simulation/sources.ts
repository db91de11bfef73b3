import { readFile } from 'node:fs/promises'
import { decodeEvent, type LeadScoredV1, leadScoredV1 } from '@leadwire/contracts'
import { Kafka, logLevel } from 'kafkajs'

/**
 * Scored leads from a file: JSON Lines or a JSON array, each item the event's data or a
 * CloudEvent carrying it in `data`. Every item is validated; a bad one names its line.
 */
export async function leadsFromFile(path: string): Promise<LeadScoredV1[]> {
  const text = (await readFile(path, 'utf8')).trim()
  const items: unknown[] = text.startsWith('[')
    ? JSON.parse(text)
    : text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l))
  return items.map((item, i) => {
    const data = isCloudEvent(item) ? item.data : item
    const parsed = leadScoredV1.schema.safeParse(data)
    if (!parsed.success)
      throw new Error(`${path}: item ${i + 1} is not a scored lead: ${parsed.error.message}`)
    return parsed.data
  })
}

const isCloudEvent = (item: unknown): item is { data: unknown } =>
  typeof item === 'object' && item !== null && 'specversion' in item && 'data' in item

/**
 * Every scored lead on a topic from the beginning up to its current end, read with a
 * throw-away consumer group that commits nothing: the replay never moves a real consumer.
 */
export async function leadsFromTopic(brokers: readonly string[], topic: string): Promise<LeadScoredV1[]> {
  const kafka = new Kafka({
    clientId: 'leadwire-simulate',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  })
  const admin = kafka.admin()
  await admin.connect()
  const ends = await admin.fetchTopicOffsets(topic)
  await admin.disconnect()
  const remaining = new Map(ends.filter((e) => e.high !== '0').map((e) => [e.partition, BigInt(e.high)]))
  const leads: LeadScoredV1[] = []
  if (remaining.size === 0) return leads
  const consumer = kafka.consumer({
    groupId: `leadwire-simulate-${process.pid}-${Date.now()}`,
    maxWaitTimeInMs: 100,
  })
  await consumer.connect()
  await consumer.subscribe({ topics: [topic], fromBeginning: true })
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const decoded = decodeEvent<LeadScoredV1>(message, [leadScoredV1])
          if (decoded.ok) leads.push(decoded.event.data)
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition)
          if (remaining.size === 0) resolve()
        },
      })
      .catch(reject)
  })
  await consumer.disconnect()
  // Partitions interleave on read; replay in the order the leads were scored.
  return leads.sort((a, b) => a.score.scoredAt.localeCompare(b.score.scoredAt))
}
