import { dlqRetentionMs, dlqTopicName, type TopicDefinition, topics } from '@leadwire/contracts'
import { type Admin, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs'
import type { Logger } from './logger.ts'
import type { Names } from './names.ts'

// Known, understood notices that would otherwise print at every start:
// - the partitioner notice: we pass the (murmur2, Java-compatible) default explicitly;
// - limited retries on the idempotent producer: a batch that finally fails stays in the
//   outbox and is sent again later; consumers drop any duplicate by its event id.
const quiet = ['KafkaJS v2.0.0 switched default partitioner', 'Limiting retries for the idempotent producer']

/** kafkajs logs through pino, at warn and above; its info chatter is per connection. */
export function createKafka(opts: { brokers: readonly string[]; clientId: string; log: Logger }): Kafka {
  const log = opts.log.child({ component: 'kafkajs' })
  return new Kafka({
    clientId: opts.clientId,
    brokers: [...opts.brokers],
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }) => {
        const { message, ...rest } = entry
        if (quiet.some((q) => message.startsWith(q))) return
        if (level <= logLevel.ERROR) log.error(rest, message)
        else log.warn(rest, message)
      },
    // Back-off capped at 2 s: with kafkajs' default 30 s cap, a broker back after a 10 s
    // restart was only noticed 20 s later. Ten tries span about 15 s; after that a consumer
    // restarts itself and a relay tries again on its next pass.
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 10 },
  })
}

/**
 * An idempotent producer with one request in flight: retries never duplicate or reorder a
 * partition's messages, which keeps one lead's events in order.
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  })
}

export interface TopicPlan {
  topic: string
  numPartitions: number
  retentionMs: number
}

/** Every registry topic and its dead-letter topic, under the namespace. */
export function topicPlan(
  names: Names,
  registry: readonly TopicDefinition[] = topics,
  partitions?: number,
): TopicPlan[] {
  return registry.flatMap((t) => [
    { topic: names.topic(t.name), numPartitions: partitions ?? t.partitions, retentionMs: t.retentionMs },
    { topic: names.topic(dlqTopicName(t.name)), numPartitions: 1, retentionMs: dlqRetentionMs },
  ])
}

/** Creates the missing topics; existing ones are left as they are. Returns the created names. */
export async function ensureTopics(admin: Admin, plan: readonly TopicPlan[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics())
  const missing = plan.filter((p) => !existing.has(p.topic))
  if (missing.length === 0) return []
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((p) => ({
      topic: p.topic,
      numPartitions: p.numPartitions,
      replicationFactor: -1,
      configEntries: [{ name: 'retention.ms', value: String(p.retentionMs) }],
    })),
  })
  return missing.map((p) => p.topic)
}
