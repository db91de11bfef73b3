// Moves dead letters back onto their topic once the cause is fixed:
//   npm run dlq:replay -- <topic> [--reason CODE]... [--key KEY] [--from OFFSET] [--limit N] [--dry-run]
// e.g. `npm run dlq:replay -- leads.scored.v1 --reason ROUTING_LEAD_UNKNOWN`. LEADWIRE_NAMESPACE
// picks the copy, as everywhere. docs/OPERATIONS.md has the runbook.
import { randomUUID } from 'node:crypto'
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
  truncatedHeader,
} from '@leadwire/runtime'
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs'

export interface ReplayFilter {
  /** Only dead letters with one of these `dlq_reason` codes. */
  reasons?: readonly string[]
  /** Only dead letters with this key (the lead id). */
  key?: string
}

export interface ReplayResult {
  topic: string
  /** Sent back to the topic (with --dry-run: would be). */
  replayed: number
  /** Passed over: not selected by the filter, or cut down to fit the DLQ and so not replayable. */
  skipped: number
  /** Still after the replay's place within the DLQ's end as it was when the replay began. */
  remaining: number
  /** The messages looked at, by `dlq_reason`. */
  byReason: Record<string, number>
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

const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString()

/** Why a dead letter is not sent back, or undefined to send it. */
function skipReason(message: KafkaMessage, filter: ReplayFilter): string | undefined {
  if (header(message, truncatedHeader) !== undefined) return 'cut down to fit the DLQ; the original is gone'
  const reason = header(message, 'dlq_reason') ?? ''
  if (filter.reasons?.length && !filter.reasons.includes(reason)) return 'reason not selected'
  if (filter.key !== undefined && message.key?.toString() !== filter.key) return 'key not selected'
  return undefined
}

/**
 * Replays `<topic>.dlq` onto `<topic>` from where the last replay stopped (a consumer group
 * keeps the place; `from` overrides it) up to the end the DLQ had when the replay began, so
 * messages that fail again and land back in the DLQ wait for the next run instead of looping.
 * Messages the filter does not select are passed over, and the place moves past them too: a
 * later `from` brings them back. Each offset is committed once its message is acknowledged: a
 * replay killed midway resumes, and a message sent twice is dropped by the consumer's
 * event-id check.
 */
export async function replayDlq(opts: {
  kafka: Kafka
  names: Names
  topic: string
  log: Logger
  limit?: number
  dryRun?: boolean
  from?: number
  filter?: ReplayFilter
}): Promise<ReplayResult> {
  const target = opts.names.topic(opts.topic)
  const dlq = dlqTopicName(target)
  const groupId = opts.names.group('dlq-replay')
  const admin = opts.kafka.admin()
  await admin.connect()
  const ends = await admin.fetchTopicOffsets(dlq)
  const [committed] = await admin.fetchOffsets({ groupId, topics: [dlq] })
  await admin.disconnect()
  // Where the last replay stopped (or --from), or the oldest message retention has kept.
  const startOf = (p: number) => {
    const c = opts.from ?? Number(committed?.partitions.find((x) => x.partition === p)?.offset ?? -1)
    return Math.max(c, Number(ends.find((e) => e.partition === p)?.low ?? 0))
  }
  const plan = ends.map((e) => ({ partition: e.partition, from: startOf(e.partition), end: Number(e.high) }))
  const waiting = plan.reduce((n, p) => n + Math.max(0, p.end - p.from), 0)
  const tally = { replayed: 0, skipped: 0, byReason: {} as Record<string, number> }
  if (waiting > 0 && opts.limit !== 0) await walk(opts, { dlq, target, groupId, plan }, tally)
  const looked = Object.values(tally.byReason).reduce((a, b) => a + b, 0)
  const remaining = opts.dryRun ? waiting : waiting - looked
  return { topic: target, ...tally, remaining }
}

type Plan = {
  dlq: string
  target: string
  groupId: string
  plan: { partition: number; from: number; end: number }[]
}
type Tally = { replayed: number; skipped: number; byReason: Record<string, number> }
type WalkOptions = { kafka: Kafka; log: Logger; limit?: number; dryRun?: boolean; filter?: ReplayFilter }

async function walk(opts: WalkOptions, { dlq, target, groupId, plan }: Plan, tally: Tally): Promise<void> {
  const limit = opts.limit ?? Number.POSITIVE_INFINITY
  const next = new Map(plan.map((p) => [p.partition, p.from]))
  const finished = () =>
    tally.replayed >= limit || plan.every((p) => (next.get(p.partition) ?? p.end) >= p.end)
  const producer = createProducer(opts.kafka)
  // A dry run reads under a throwaway group: joining the real one would take partitions from
  // a replay running at the same time.
  const consumer = opts.kafka.consumer({
    groupId: opts.dryRun ? `${groupId}-dry-run-${randomUUID()}` : groupId,
    maxWaitTimeInMs: 100,
  })
  if (!opts.dryRun) await producer.connect()
  await consumer.connect()
  await consumer.subscribe({ topic: dlq, fromBeginning: true })
  const send = (message: KafkaMessage) =>
    producer.send({ topic: target, acks: -1, messages: [withoutDlqHeaders(message)] })
  try {
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error)
      })
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const offset = Number(message.offset)
            const end = plan.find((p) => p.partition === partition)?.end ?? 0
            if (finished() || offset < (next.get(partition) ?? 0) || offset >= end) return
            await visit(opts, partition, message, send, tally)
            if (!opts.dryRun)
              await consumer.commitOffsets([{ topic: dlq, partition, offset: String(offset + 1) }])
            next.set(partition, offset + 1)
            if (finished()) resolve()
          },
        })
        .catch(reject)
      // Every partition starts at its planned place, whatever the group had committed.
      for (const p of plan)
        if (p.from < p.end) consumer.seek({ topic: dlq, partition: p.partition, offset: String(p.from) })
    })
  } finally {
    await consumer.disconnect()
    await producer.disconnect()
  }
}

/** Sends one dead letter back, or says why not (a dry run only says); counts it. */
async function visit(
  opts: WalkOptions,
  partition: number,
  message: KafkaMessage,
  send: (m: KafkaMessage) => Promise<unknown>,
  tally: Tally,
): Promise<void> {
  const reason = header(message, 'dlq_reason') ?? '(none)'
  const about = { partition, offset: Number(message.offset), key: message.key?.toString(), reason }
  const skip = skipReason(message, opts.filter ?? {})
  if (opts.dryRun) {
    const error = header(message, 'dlq_error')
    opts.log.info({ ...about, error, skip }, skip ? 'would skip' : 'would replay')
  } else if (skip) {
    opts.log.info({ ...about, skip }, 'skipped')
  } else {
    await send(message)
    opts.log.info(about, 'replayed')
  }
  tally.byReason[reason] = (tally.byReason[reason] ?? 0) + 1
  if (skip) tally.skipped++
  else tally.replayed++
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      from: { type: 'string' },
      reason: { type: 'string', multiple: true },
      key: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  })
  const topic = positionals[0]?.replace(/\.dlq$/, '')
  if (!topic) {
    throw new Error(
      'usage: dlq-replay.ts <topic> [--reason CODE]... [--key KEY] [--from OFFSET] [--limit N] [--dry-run]',
    )
  }
  const count = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined
    if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a whole number, got ${v}`)
    return Number(v)
  }
  const config = loadConfig(process.env, { service: 'dlq-replay', defaultPort: 0 })
  const log = createLogger({ service: 'dlq-replay', level: config.log.level })
  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: 'leadwire-dlq-replay', log })
  const limit = count('limit', values.limit)
  const from = count('from', values.from)
  const result = await replayDlq({
    kafka,
    names: createNames(config.namespace),
    topic,
    log,
    ...(limit !== undefined && { limit }),
    ...(from !== undefined && { from }),
    filter: { ...(values.reason && { reasons: values.reason }), ...(values.key && { key: values.key }) },
    dryRun: values['dry-run'],
  })
  log.info(result, values['dry-run'] ? 'dry run: nothing moved' : 'replay finished')
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
