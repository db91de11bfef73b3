import { setTimeout as sleep } from 'node:timers/promises'
import type { Producer } from 'kafkajs'
import type pg from 'pg'
import type { Logger } from './logger.ts'
import type { Metrics } from './metrics.ts'
import { ident } from './migrate.ts'
import { outboxChannel } from './outbox.ts'
import { backlogGauge } from './outbox-backlog.ts'
import { publishRows } from './outbox-publish.ts'

export interface OutboxRow {
  id: string
  topic: string
  key: string
  value: Buffer
  headers: Record<string, string>
}

export interface OutboxRelayOptions {
  pool: pg.Pool
  producer: Producer
  schema: string
  log: Logger
  metrics?: Metrics
  batchSize?: number
  /** Safety net for a missed NOTIFY (e.g. while the listener reconnected); not the hot path. */
  idleCheckMs?: number
}

/**
 * Publishes outbox rows to Kafka in id order and deletes them once acknowledged. It wakes on
 * NOTIFY, so a committed event leaves within milliseconds; when Kafka is down it backs off
 * and the rows wait in Postgres. Only one relay per schema publishes at a time (advisory
 * lock), which keeps one lead's events in order across replicas. A crash between the send
 * and the delete republishes the batch: consumers are idempotent on the event id.
 */
export function createOutboxRelay(opts: OutboxRelayOptions) {
  const { pool, producer, schema, log } = opts
  const batchSize = opts.batchSize ?? 500
  const idleCheckMs = opts.idleCheckMs ?? 2000
  let running = false
  let wake: (() => void) | undefined
  let listener: pg.PoolClient | undefined
  let loop: Promise<void> | undefined

  // A NOTIFY that lands while a pass runs must not be lost, or the rows it announced would
  // wait for the idle check: it marks the relay dirty, and the next wait returns at once.
  let dirty = false
  const notify = () => {
    dirty = true
    wake?.()
  }
  const backlog = backlogGauge(pool, schema, opts.metrics)

  async function listen(): Promise<void> {
    try {
      const client = await pool.connect()
      client.on('notification', notify)
      client.on('error', (err) => {
        log.warn({ err }, 'outbox listener lost its connection')
        client.release(err)
        if (listener === client) listener = undefined
      })
      await client.query(`LISTEN ${ident(outboxChannel(schema))}`)
      listener = client
    } catch (err) {
      log.warn({ err }, 'outbox listener could not connect; relying on the idle check')
    }
  }

  async function pass(): Promise<{ published: number; locked: boolean }> {
    const client = await pool.connect()
    try {
      // Round trips are most of a pass's cost: begin, lock and read in one, delete and commit
      // in another. The lock's row says whether this replica is the publisher.
      const results = (await client.query(
        `BEGIN;
         SELECT l.ok, o.id, o.topic, o.key, o.value, o.headers
         FROM (SELECT pg_try_advisory_xact_lock(hashtext(${client.escapeLiteral(`leadwire-outbox:${schema}`)})) AS ok) l
         LEFT JOIN LATERAL (SELECT * FROM ${ident(schema)}.outbox WHERE l.ok ORDER BY id LIMIT ${Math.trunc(batchSize)}) o ON true`,
      )) as unknown as pg.QueryResult<OutboxRow & { ok: boolean }>[]
      const read = results[results.length - 1]!.rows
      if (!read[0]?.ok) {
        await client.query('COMMIT')
        return { published: 0, locked: false }
      }
      const rows = read.filter((r) => r.id !== null)
      if (rows.length > 0) {
        await publishRows(producer, rows)
        // Ids are bigints read back from Postgres a moment ago, so inlining them is safe.
        const ids = rows.map((r) => BigInt(r.id).toString()).join(',')
        await client.query(`DELETE FROM ${ident(schema)}.outbox WHERE id IN (${ids}); COMMIT`)
      } else {
        await client.query('COMMIT')
      }
      for (const r of rows) opts.metrics?.outboxPublished.inc({ topic: r.topic })
      return { published: rows.length, locked: true }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  async function run(): Promise<void> {
    let backoff = 100
    while (running) {
      if (!listener) await listen()
      try {
        const { published, locked } = await pass()
        backoff = 100
        if (published === batchSize) {
          await backlog.measure()
          continue
        }
        // A short pass emptied the outbox; without the lock another replica publishes and counts.
        if (locked) backlog.clear()
        await waitForWork()
      } catch (err) {
        log.warn({ err, backoffMs: backoff }, 'outbox relay pass failed; will retry')
        await backlog.measure()
        await sleep(backoff)
        backoff = Math.min(backoff * 2, 5000)
      }
    }
  }

  async function waitForWork(): Promise<void> {
    if (!dirty) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleCheckMs)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = undefined
    }
    dirty = false
  }

  return {
    start() {
      if (running) return
      running = true
      loop = run()
    },
    /** Finishes the pass in flight, then stops; rows not yet sent stay for the next start. */
    async stop() {
      running = false
      wake?.()
      await loop
      if (listener) {
        await listener.query(`UNLISTEN ${ident(outboxChannel(schema))}`).catch(() => {})
        listener.release()
        listener = undefined
      }
    },
    /** Publishes what is pending now; for commands that exit right after. */
    async drain() {
      while ((await pass()).published > 0) {}
    },
  }
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>
