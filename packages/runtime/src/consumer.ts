import { setTimeout as sleep } from 'node:timers/promises'
import { decodeEvent, type EventData, type EventDefinition, type LeadEvent } from '@leadwire/contracts'
import type { Admin, EachMessagePayload, Kafka, Producer } from 'kafkajs'
import type pg from 'pg'
import type { z } from 'zod'
import { applyEvent } from './apply-event.ts'
import { startLagReporter } from './consumer-lag.ts'
import { errorMessage, recordBytes, sendToDeadLetter } from './dead-letter.ts'
import { errorCode, failurePolicy } from './errors.ts'
import type { Logger } from './logger.ts'
import type { Metrics } from './metrics.ts'
import { baseTopic, type Names } from './names.ts'
import { extractContext, inSpan, leadAttributes, SpanKind } from './tracing.ts'

export interface HandlerContext {
  /** The transaction the effects belong to; it also records the event id and the outbox rows. */
  readonly tx: pg.PoolClient
  readonly log: Logger
  /** Queues an event for publication; it is written to the outbox in the same transaction. */
  emit<D extends EventDefinition>(definition: D, input: { key: string; data: z.input<D['schema']> }): void
}

export interface Subscription {
  readonly event: EventDefinition
  readonly handle: (event: LeadEvent<never>, ctx: HandlerContext) => Promise<void>
}

/** A typed subscription: the handler sees the event's own data type. */
export function on<D extends EventDefinition>(
  event: D,
  handle: (event: LeadEvent<EventData<D>>, ctx: HandlerContext) => Promise<void>,
): Subscription {
  return { event, handle: handle as Subscription['handle'] }
}

export interface ConsumerOptions {
  kafka: Kafka
  producer: Producer
  pool: pg.Pool
  names: Names
  service: string
  schema: string
  subscriptions: readonly Subscription[]
  log: Logger
  metrics: Metrics
  maxAttempts: number
  retryBaseMs: number
  maxWaitMs: number
  partitionsConcurrently: number
  /** kafkajs default 30 s; see KAFKA_SESSION_TIMEOUT_MS. */
  sessionTimeoutMs?: number
  /** kafkajs gave up on the consumer (an error it does not restart after). */
  onFatal?: (err: Error) => void
  /**
   * Read this member's lag from the broker into leadwire_consumer_lag every `intervalMs`,
   * through an admin client the caller has connected (the service's own); off when unset.
   */
  lag?: { admin: Admin; intervalMs: number }
  /**
   * Bigger messages (key, value and headers together) are dead-lettered as OVERSIZED without
   * being parsed: a payload this size is a producer bug, and parsing it costs the partition.
   */
  maxMessageBytes?: number
}

/** Well below the broker's default max.message.bytes (1 MiB), far above any real lead event. */
export const defaultMaxMessageBytes = 256 * 1024

class StoppingError extends Error {}

/**
 * consume → validate → handle → produce, at least once with effects exactly once:
 * each message's effects, its event id and the events it emits commit in one Postgres
 * transaction; the outbox relay publishes them afterwards. A message that fails validation
 * or keeps failing goes to `<topic>.dlq` and the partition moves on; while Postgres or
 * Redis is away the partition waits instead, since dead-lettering would lose nothing but
 * time and would flood the DLQ.
 */
export function createConsumer(opts: ConsumerOptions) {
  const { names, metrics, log } = opts
  const consumer = opts.kafka.consumer({
    groupId: opts.names.group(opts.service),
    maxWaitTimeInMs: opts.maxWaitMs,
    allowAutoTopicCreation: false,
    sessionTimeout: opts.sessionTimeoutMs ?? 10_000,
    // A third of the session or less, as Kafka advises; a member that misses two still lives.
    heartbeatInterval: Math.min(3000, Math.floor((opts.sessionTimeoutMs ?? 10_000) / 3)),
  })
  const byTopic = new Map<string, Subscription[]>()
  for (const s of opts.subscriptions) byTopic.set(s.event.topic, [...(byTopic.get(s.event.topic) ?? []), s])
  const maxMessageBytes = opts.maxMessageBytes ?? defaultMaxMessageBytes
  let stopping = false
  let running = false

  // kafkajs restarts the consumer after a retriable error by itself; after any other it just
  // stops, and the process would sit there looking healthy while its partitions wait.
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart || stopping) return
    running = false
    log.error({ err: payload.error }, 'consumer stopped after an error kafkajs does not recover from')
    opts.onFatal?.(payload.error)
  })

  // The partitions this member owns since the last rebalance, for the lag gauge.
  let owned: ReadonlyMap<string, readonly number[]> = new Map()
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    owned = new Map(Object.entries(payload.memberAssignment))
  })
  let lagReporter: ReturnType<typeof startLagReporter> | undefined

  async function handleMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload
    const base = baseTopic(names, topic)
    const subs = byTopic.get(base) ?? []
    const started = performance.now()
    const mlog = log.child({ topic, partition, offset: message.offset })
    const bytes = recordBytes(message)
    const decoded =
      bytes > maxMessageBytes
        ? oversized(bytes)
        : decodeEvent(
            message,
            subs.map((s) => s.event),
          )
    if (!decoded.ok) {
      mlog.warn(
        { reason: decoded.error.code, error: decoded.error.message },
        'invalid message sent to the DLQ',
      )
      await deadLetter(payload, mlog, decoded.error.code, decoded.error.message, 0)
      metrics.handled.inc({ topic: base, outcome: 'dead_lettered' })
      return
    }
    const event = decoded.event
    const sub = subs.find((s) => s.event.type === event.type)!
    const elog = mlog.child({ eventId: event.id, leadId: event.subject })
    await inSpan(
      `${base} process`,
      {
        parent: extractContext(message.headers),
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.destination.partition.id': String(partition),
          'messaging.kafka.offset': Number(message.offset),
          'messaging.consumer.group.name': names.group(opts.service),
          'messaging.message.id': event.id,
          'cloudevents.event_type': event.type,
          ...leadAttributes(event.data, event.subject),
        },
      },
      // The logger adds this span's trace and span ids to every line written inside it.
      async (span) => {
        const outcome = await withRetries(payload, elog, () => applyEvent(opts, sub, event, elog, topic))
        span.setAttribute('leadwire.outcome', outcome)
        metrics.handled.inc({ topic: base, outcome })
      },
    )
    metrics.handlerSeconds.observe({ topic: base }, (performance.now() - started) / 1000)
  }

  async function withRetries(
    payload: EachMessagePayload,
    elog: Logger,
    fn: () => Promise<'handled' | 'duplicate'>,
  ): Promise<'handled' | 'duplicate' | 'dead_lettered'> {
    let attempts = 0
    let waitMs = opts.retryBaseMs
    for (;;) {
      try {
        return await fn()
      } catch (err) {
        const code = errorCode(err)
        metrics.failures.inc({ topic: baseTopic(names, payload.topic), code })
        if (stopping) throw new StoppingError('stopping; the message will be redelivered', { cause: err })
        const policy = failurePolicy(err)
        if (policy !== 'wait') attempts++
        if (policy === 'dead-letter' || attempts >= opts.maxAttempts) {
          elog.error({ err, attempts }, 'handler failed; message sent to the DLQ')
          await deadLetter(payload, elog, code, errorMessage(err), attempts)
          return 'dead_lettered'
        }
        elog.warn({ err, attempts, policy, retryInMs: waitMs }, 'handler failed; retrying')
        await sleep(waitMs)
        await payload.heartbeat().catch(() => {})
        waitMs = Math.min(waitMs * 2, 5000)
      }
    }
  }

  function oversized(bytes: number) {
    const message = `message is ${bytes} bytes, over the consumer's limit of ${maxMessageBytes}; not parsed`
    return { ok: false, error: { code: 'OVERSIZED', message } } as const
  }

  async function deadLetter(
    payload: EachMessagePayload,
    mlog: Logger,
    reason: string,
    error: string,
    attempts: number,
  ) {
    const base = baseTopic(names, payload.topic)
    const { truncated } = await sendToDeadLetter(opts.producer, {
      topic: payload.topic,
      partition: payload.partition,
      message: payload.message,
      service: opts.service,
      group: names.group(opts.service),
      reason,
      error,
      attempts,
    })
    if (truncated.length) mlog.warn({ truncated }, 'dead letter too big for the DLQ topic; sent cut down')
    metrics.deadLettered.inc({ topic: base, reason })
  }

  return {
    async start() {
      await consumer.connect()
      await consumer.subscribe({
        topics: [...byTopic.keys()].map((t) => names.topic(t)),
        fromBeginning: true,
      })
      await consumer.run({
        partitionsConsumedConcurrently: opts.partitionsConcurrently,
        eachMessage: handleMessage,
      })
      running = true
      if (opts.lag) {
        lagReporter = startLagReporter({
          ...opts.lag,
          group: names.group(opts.service),
          owned: () => owned,
          metrics,
          log,
        })
      }
    },
    /** Stops fetching, lets in-flight messages finish and commits their offsets. */
    async stop() {
      stopping = true
      await lagReporter?.stop()
      await consumer.disconnect()
      running = false
    },
    /** Reads and sets the lag gauge now (the reporter does it on its interval). */
    reportLag: () => lagReporter?.report() ?? Promise.resolve(),
    isRunning: () => running && !stopping,
  }
}

export type LeadConsumer = ReturnType<typeof createConsumer>
