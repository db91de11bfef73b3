import { randomBytes } from 'node:crypto'
import { Kafka, logLevel, type Producer } from 'kafkajs'
import pg from 'pg'
import { createLogger } from '../src/logger.ts'
import type { Metrics } from '../src/metrics.ts'
import { migrate, runtimeMigrationsDir } from '../src/migrate.ts'
import { createNames } from '../src/names.ts'

export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')

/** A namespace, schema and Kafka client of this test file's own; `cleanup` removes them. */
export async function runtimeFixture(service = 'svc') {
  const namespace = `rt${randomBytes(4).toString('hex')}`
  const names = createNames(namespace)
  const schema = names.schema(service)
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 })
  await migrate(pool, schema, [{ label: 'runtime', dir: runtimeMigrationsDir }])
  const kafka = new Kafka({ clientId: 'runtime-test', brokers, logLevel: logLevel.NOTHING })
  const admin = kafka.admin()
  await admin.connect()
  const log = createLogger({ service, level: process.env.LOG_LEVEL ?? 'silent' })
  return {
    namespace,
    names,
    schema,
    pool,
    kafka,
    admin,
    log,
    async cleanup() {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await pool.end()
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`))
      if (mine.length) await admin.deleteTopics({ topics: mine })
      await admin.disconnect()
    },
  }
}

/** Reads every message of a topic from the start until `count` arrived or the time is up. */
export async function readTopic(kafka: Kafka, topic: string, count: number, timeoutMs = 20_000) {
  const consumer = kafka.consumer({
    groupId: `reader-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 50,
  })
  const seen: { key: string | undefined; value: Buffer | null; headers: Record<string, string> }[] = []
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })
  let done: () => void = () => {}
  const enough = new Promise<void>((resolve) => {
    done = resolve
  })
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
      )
      seen.push({ key: message.key?.toString(), value: message.value, headers })
      if (seen.length >= count) done()
    },
  })
  await Promise.race([enough, new Promise((r) => setTimeout(r, timeoutMs))])
  await consumer.disconnect()
  return seen
}

/** The options every consumer test shares: the fixture's connections under service `svc`. */
export function consumerBase(
  fx: Awaited<ReturnType<typeof runtimeFixture>>,
  producer: Producer,
  metrics: Metrics,
) {
  return {
    kafka: fx.kafka,
    producer,
    pool: fx.pool,
    names: fx.names,
    service: 'svc',
    schema: fx.schema,
    log: fx.log,
    metrics,
    retryBaseMs: 10,
    maxWaitMs: 50,
  }
}
