// Moves dead letters back onto their topic once the cause is fixed:
//   npm run dlq:replay -- <topic> [--limit N] [--dry-run]
// e.g. `npm run dlq:replay -- leads.scored.v1`. LEADWIRE_NAMESPACE picks the copy, as everywhere.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { dlqTopicName } from '@leadwire/contracts'
import {
  createKafka,
  createLogger,
  createNames,
  createProducer,
  type Logger,
  loadConfig,
  type Names,
} from '@leadwire/runtime'
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs'

export interface ReplayResult {
  topic: string
  replayed: number
  remaining: number
}

/** The message as it was before it was dead-lettered: same key, value and headers, no dlq_*. */
export function withoutDlqHeaders(message: KafkaMessage): {
  key: Buffer | null
  value: Buffer | null
  headers: IHeaders
} {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).filter(([k, v]) => !k.startsWith('dlq_') && v !== undefined),
  )
  return { key: message.key, value: message.value, headers }
}

/**
 * Replays `<topic>.dlq` onto `<topic>` from where the last replay stopped (a consumer group
 * keeps the place) up to the end the DLQ had when the replay began, so messages that fail
 * again and land back in the DLQ wait for the next run instead of looping. Each offset is
 * committed after its message is acknowledged: a replay killed midway resumes, and a message
 * sent twice is dropped by the consumer's event-id check.
 */
export async function replayDlq(opts: {
  kafka: Kafka
  names: Names
  topic: string
  log: Logger
  limit?: number
  dryRun?: boolean
}): Promise<ReplayResult> {
  const target = opts.names.topic(opts.topic)
  const dlq = dlqTopicName(target)
  const groupId = opts.names.group('dlq-replay')
  const admin = opts.kafka.admin()
  await admin.connect()
  const ends = await admin.fetchTopicOffsets(dlq)
  const [committed] = await admin.fetchOffsets({ groupId, topics: [dlq] })
  await admin.disconnect()
  // Where the last replay stopped, or the oldest message retention has kept.
  const startOf = (p: number) => {
    const c = Number(committed?.partitions.find((x) => x.partition === p)?.offset ?? -1)
    return Math.max(c, Number(ends.find((e) => e.partition === p)?.low ?? 0))
  }
  const pending = ends.map((e) => ({
    partition: e.partition,
    from: startOf(e.partition),
    end: Number(e.high),
  }))
  const waiting = pending.reduce((n, p) => n + Math.max(0, p.end - p.from), 0)
  const limit = Math.min(opts.limit ?? Number.POSITIVE_INFINITY, waiting)
  if (opts.dryRun || limit === 0) return { topic: target, replayed: 0, remaining: waiting }
  const replayed = await move(opts, { dlq, target, groupId, pending, limit })
  return { topic: target, replayed, remaining: waiting - replayed }
}

async function move(
  opts: { kafka: Kafka; log: Logger },
  plan: {
    dlq: string
    target: string
    groupId: string
    pending: { partition: number; end: number }[]
    limit: number
  },
): Promise<number> {
  const producer = createProducer(opts.kafka)
  const consumer = opts.kafka.consumer({ groupId: plan.groupId, maxWaitTimeInMs: 100 })
  await producer.connect()
  await consumer.connect()
  await consumer.subscribe({ topic: plan.dlq, fromBeginning: true })
  let replayed = 0
  const done = new Promise<void>((resolve, reject) => {
    const finished = () => replayed >= plan.limit
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const end = plan.pending.find((p) => p.partition === partition)?.end ?? 0
          if (finished() || Number(message.offset) >= end) return
          await producer.send({ topic: plan.target, acks: -1, messages: [withoutDlqHeaders(message)] })
          await consumer.commitOffsets([
            { topic: plan.dlq, partition, offset: String(Number(message.offset) + 1) },
          ])
          replayed++
          opts.log.info(
            { partition, offset: message.offset, reason: String(message.headers?.dlq_reason ?? '') },
            'replayed',
          )
          if (finished()) resolve()
        },
      })
      .catch(reject)
  })
  try {
    await done
  } finally {
    await consumer.disconnect()
    await producer.disconnect()
  }
  return replayed
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { limit: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  })
  const topic = positionals[0]?.replace(/\.dlq$/, '')
  if (!topic) throw new Error('usage: dlq-replay.ts <topic> [--limit N] [--dry-run]')
  const config = loadConfig(process.env, { service: 'dlq-replay', defaultPort: 0 })
  const log = createLogger({ service: 'dlq-replay', level: config.log.level })
  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: 'leadwire-dlq-replay', log })
  const result = await replayDlq({
    kafka,
    names: createNames(config.namespace),
    topic,
    log,
    ...(values.limit && { limit: Number(values.limit) }),
    dryRun: values['dry-run'],
  })
  log.info(result, values['dry-run'] ? 'dry run: nothing moved' : 'replay finished')
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
