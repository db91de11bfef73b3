import { randomBytes, randomUUID } from 'node:crypto'
import { decodeEvent, type EventDefinition, type LeadEvent } from '@leadwire/contracts'
import {
  applyEvent,
  createConsumer,
  createLogger,
  createMetrics,
  createNames,
  createOutboxRelay,
  createPool,
  ident,
  loadConfig,
  type Names,
  type Subscription,
} from '@leadwire/runtime'
import { Redis } from 'ioredis'
import type { Admin, Kafka, Producer } from 'kafkajs'
import type pg from 'pg'
import type { z } from 'zod'
import { migrateAll } from './services.ts'

/**
 * A private copy of leadwire's storage for one test file: its own namespace, so its schemas,
 * topics, consumer groups and Redis keys never meet another test's, and `cleanup` drops them.
 * `overrides` points it elsewhere, e.g. DATABASE_URL at a private Postgres.
 */
export async function createTestNamespace(prefix = 't', overrides: NodeJS.ProcessEnv = {}) {
  const namespace = `${prefix}${randomBytes(4).toString('hex')}`
  const env = {
    ...process.env,
    LEADWIRE_NAMESPACE: namespace,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...overrides,
  }
  const config = loadConfig(env, { service: 'test', defaultPort: 0 })
  const log = createLogger({ service: 'test', level: config.log.level })
  const names: Names = createNames(namespace)
  const pool: pg.Pool = createPool(config, log)
  return {
    namespace,
    names,
    config,
    env,
    log,
    pool,
    migrate: () => migrateAll(pool, names),
    async cleanup(admin?: Admin) {
      const { rows } = await pool.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`,
        [`${namespace}\\_%`],
      )
      for (const { nspname } of rows) await pool.query(`DROP SCHEMA ${ident(nspname)} CASCADE`)
      await pool.end()
      await deleteRedisKeys(config.redis.url, names.redisKey('*'))
      if (admin) {
        const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`))
        if (mine.length) await admin.deleteTopics({ topics: mine })
      }
    },
  }
}

export type TestNamespace = Awaited<ReturnType<typeof createTestNamespace>>

async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500)
      if (keys.length) await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}

/**
 * Runs one event through a service's subscription on the real transactional path (event id,
 * effects and emitted events in one commit), without Kafka: for service-level tests.
 */
export async function deliver<D extends EventDefinition>(
  ns: TestNamespace,
  service: string,
  subscriptions: readonly Subscription[],
  definition: D,
  data: z.input<D['schema']>,
  id: string = randomUUID(),
): Promise<'handled' | 'duplicate'> {
  const sub = subscriptions.find((s) => s.event.type === definition.type)
  if (!sub) throw new Error(`${service} has no subscription for ${definition.type}`)
  const parsed = definition.schema.parse(data)
  const key =
    (parsed as { leadId?: string; lead?: { leadId: string } }).leadId ??
    (parsed as { lead: { leadId: string } }).lead.leadId
  const event: LeadEvent<unknown> = {
    id,
    type: definition.type,
    source: '/test',
    time: new Date().toISOString(),
    subject: key,
    data: parsed,
    traceparent: undefined,
    tracestate: undefined,
  }
  return applyEvent(
    { pool: ns.pool, names: ns.names, service, schema: ns.names.schema(service) },
    sub,
    event,
    ns.log,
  )
}

/** Takes what a service has emitted so far out of its outbox, decoded, oldest first. */
export async function takeOutbox(ns: TestNamespace, service: string): Promise<LeadEvent<unknown>[]> {
  const { rows } = await ns.pool.query<{ id: string; value: Buffer; headers: Record<string, string> }>(
    `DELETE FROM ${ident(ns.names.schema(service))}.outbox RETURNING id, value, headers`,
  )
  return rows
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((r) => {
      const decoded = decodeEvent(r)
      if (!decoded.ok) throw new Error(`outbox holds an invalid event: ${decoded.error.message}`)
      return decoded.event
    })
}

/**
 * A service's consumer loop and outbox relay running in this process on the real broker,
 * under the test's namespace and the service's schema, as runConsumerService wires them.
 * Returns the function that stops both (consumer first, so nothing is left unpublished).
 */
export async function startInProcess(
  ns: TestNamespace,
  opts: {
    kafka: Kafka
    producer: Producer
    service: string
    subscriptions: readonly Subscription[]
    log?: TestNamespace['log']
    maxAttempts?: number
    retryBaseMs?: number
    partitionsConcurrently?: number
  },
): Promise<() => Promise<void>> {
  const common = {
    pool: ns.pool,
    producer: opts.producer,
    schema: ns.names.schema(opts.service),
    log: opts.log ?? ns.log,
    metrics: createMetrics(opts.service),
  }
  const consumer = createConsumer({
    ...common,
    kafka: opts.kafka,
    names: ns.names,
    service: opts.service,
    subscriptions: opts.subscriptions,
    maxAttempts: opts.maxAttempts ?? 3,
    retryBaseMs: opts.retryBaseMs ?? 20,
    maxWaitMs: 50,
    partitionsConcurrently: opts.partitionsConcurrently ?? 2,
  })
  const relay = createOutboxRelay(common)
  relay.start()
  await consumer.start()
  return async () => {
    await consumer.stop()
    await relay.stop()
  }
}
