import { randomUUID } from 'node:crypto'
import { encodeEvent, leadSlaBreachedV1 } from '@leadwire/contracts'
import { enqueueOutbox, ident, type Logger, type Names, type OutboxRecord } from '@leadwire/runtime'
import type pg from 'pg'
import { breachData, dueSteps } from './due-steps.ts'
import { type Clock, createPgClockStore } from './pg-clock-store.ts'
import { type FiredRow, recordFired } from './pg-fired-steps.ts'

/** One step that reached the outbox, for metrics: how late it fired and where it belongs. */
export interface FiredStep {
  segment: string
  level: string
  lateMs: number
}

export interface TickerOptions {
  pool: pg.Pool
  schema: string
  names: Names
  log: Logger
  clock: () => Date
  intervalMs?: number
  /** Clocks claimed per transaction; a tick keeps claiming until a batch comes back short. */
  batchSize?: number
  /** Called after each commit with the steps it fired (metrics); never inside the transaction. */
  onFired?: (steps: readonly FiredStep[]) => void
}

/**
 * Fires due SLA steps as leads.sla-breached.v1 events. Each batch claims due clocks, writes
 * their events to the outbox and moves the clocks on in one transaction, so a step reaches
 * Kafka once even if the process dies mid-tick, and SKIP LOCKED lets replicas tick together.
 */
export function createTicker(opts: TickerOptions) {
  const store = createPgClockStore()
  const intervalMs = opts.intervalMs ?? 250
  const batchSize = opts.batchSize ?? 500
  const topic = opts.names.topic(leadSlaBreachedV1.topic)
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<void> | undefined
  let running = false

  function encode(clock: Clock, now: Date) {
    const due = dueSteps(clock, now)
    const records = due.steps.map((step) => {
      const record = encodeEvent(leadSlaBreachedV1, {
        id: randomUUID(),
        source: '/leadwire/sla-watchdog',
        key: clock.leadId,
        time: now.toISOString(),
        data: breachData(clock, step, now),
        traceparent: clock.traceparent,
      })
      opts.log.debug({ leadId: clock.leadId, attempt: clock.attempt, level: step.level }, 'sla step fired')
      return { ...record, topic }
    })
    return { records, due }
  }

  async function fireBatch(): Promise<{ claimed: number; fired: number }> {
    const tx = await opts.pool.connect()
    let broken = false
    try {
      await tx.query(`BEGIN; SET LOCAL search_path TO ${ident(opts.schema)}`)
      const now = opts.clock()
      const due = await store.claimDue(tx, now, batchSize)
      const records: OutboxRecord[] = []
      const rows: FiredRow[] = []
      const moves: { clock: Clock; nextStep: number }[] = []
      for (const clock of due) {
        const fired = encode(clock, now)
        records.push(...fired.records)
        for (const step of fired.due.steps) rows.push({ clock, step })
        moves.push({ clock, nextStep: fired.due.nextStep })
      }
      await recordFired(tx, rows, now)
      await store.advance(tx, moves)
      await enqueueOutbox(tx, opts.schema, records)
      await tx.query('COMMIT')
      const steps = rows.map(({ clock, step }) => ({
        segment: clock.segment,
        level: step.level,
        lateMs: now.getTime() - step.fireAt.getTime(),
      }))
      if (steps.length) opts.onFired?.(steps)
      return { claimed: due.length, fired: records.length }
    } catch (err) {
      // A connection that cannot even roll back is dead: hand it back to be destroyed, not reused.
      await tx.query('ROLLBACK').catch(() => {
        broken = true
      })
      throw err
    } finally {
      tx.release(broken)
    }
  }

  /** Fires everything due now; returns how many steps fired. */
  async function tick(): Promise<number> {
    let fired = 0
    for (;;) {
      const batch = await fireBatch()
      fired += batch.fired
      if (batch.claimed < batchSize) return fired
    }
  }

  // A timeout chain rather than setInterval: a slow tick delays the next instead of overlapping it.
  function schedule() {
    if (!running) return
    timer = setTimeout(() => {
      inFlight = tick()
        .then(
          () => {},
          (err) => opts.log.warn({ err }, 'sla tick failed; the next tick retries'),
        )
        .finally(() => {
          inFlight = undefined
          schedule()
        })
    }, intervalMs)
  }

  return {
    tick,
    start() {
      if (running) return
      running = true
      schedule()
    },
    /** Stops scheduling and waits for the tick in flight, so its transaction commits or rolls back. */
    async stop() {
      running = false
      clearTimeout(timer)
      await inFlight
    },
  }
}

export type Ticker = ReturnType<typeof createTicker>
