import type pg from 'pg'
import type { ClockStep } from './clock.ts'

/** What routing decided and the deadline plan made from it. */
export interface NewClock {
  leadId: string
  attempt: number
  segment: string
  repId: string | undefined
  teamId: string | undefined
  rule: string
  capturedAt: Date
  routedAt: Date
  dueAt: Date
  steps: readonly ClockStep[]
  traceparent: string | undefined
}

export type ClockState = 'running' | 'stopped' | 'cancelled'

export interface Clock extends NewClock {
  state: ClockState
  /** Index into `steps` of the next step to fire; `steps.length` once all have fired. */
  nextStep: number
}

interface ClockRow {
  lead_id: string
  attempt: number
  segment: string
  rep_id: string | null
  team_id: string | null
  rule: string
  captured_at: Date
  routed_at: Date
  due_at: Date
  state: ClockState
  next_step: number
  steps: { step: number; level: ClockStep['level']; action: ClockStep['action']; fireAt: string }[]
  traceparent: string | null
}

/**
 * A client with a transaction open and the service schema first on its search_path (the
 * consumer and the ticker both set it), so the SQL names its tables unqualified.
 */
type Tx = pg.ClientBase

/**
 * SLA clocks in Postgres, one per (lead, routing attempt). Starting is idempotent through the
 * primary key; claiming due clocks takes row locks with SKIP LOCKED, so replicas ticking at
 * the same moment split the due clocks between them instead of firing a step twice.
 */
export function createPgClockStore() {
  return {
    /**
     * Serialises a lead's routed and contacted events, which travel on different topics and
     * may be handled at the same time: a touch must not miss a clock being started.
     */
    async lockLead(tx: Tx, leadId: string): Promise<void> {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `sla-watchdog:clock:${leadId}`,
      ])
    },

    /**
     * Starts the clock of one routing attempt; false when that attempt already has one. Only the
     * newest attempt of a lead keeps running: a re-route cancels the clock of the one before.
     */
    async start(tx: Tx, clock: NewClock, state: 'running' | 'stopped' = 'running'): Promise<boolean> {
      const next = clock.steps[0]?.fireAt ?? null
      const inserted = await tx.query(
        `INSERT INTO clocks (lead_id, attempt, segment, rep_id, team_id, rule, captured_at, routed_at,
           due_at, state, next_step, next_fire_at, steps, traceparent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13)
         ON CONFLICT (lead_id, attempt) DO NOTHING`,
        [
          clock.leadId,
          clock.attempt,
          clock.segment,
          clock.repId ?? null,
          clock.teamId ?? null,
          clock.rule,
          clock.capturedAt,
          clock.routedAt,
          clock.dueAt,
          state,
          state === 'running' ? next : null,
          JSON.stringify(clock.steps),
          clock.traceparent ?? null,
        ],
      )
      // Also covers an older attempt handled after a newer one: it is cancelled at once.
      await tx.query(
        `UPDATE clocks SET state = 'cancelled', next_fire_at = NULL
         WHERE lead_id = $1 AND state = 'running'
           AND attempt < (SELECT max(attempt) FROM clocks WHERE lead_id = $1)`,
        [clock.leadId],
      )
      return inserted.rowCount === 1
    },

    /** Stops the lead's running clock, if any, and returns its newest clock (stopped now or before). */
    async stop(tx: Tx, leadId: string): Promise<Clock | undefined> {
      await tx.query(
        `UPDATE clocks SET state = 'stopped', next_fire_at = NULL WHERE lead_id = $1 AND state = 'running'`,
        [leadId],
      )
      const { rows } = await tx.query<ClockRow>(
        `SELECT * FROM clocks WHERE lead_id = $1 ORDER BY attempt DESC LIMIT 1`,
        [leadId],
      )
      return rows[0] && fromRow(rows[0])
    },

    /** Locks up to `limit` running clocks with a step due by `now`, earliest first. */
    async claimDue(tx: Tx, now: Date, limit: number): Promise<Clock[]> {
      const { rows } = await tx.query<ClockRow>(
        `SELECT * FROM clocks
         WHERE state = 'running' AND next_fire_at <= $1
         ORDER BY next_fire_at
         FOR UPDATE SKIP LOCKED
         LIMIT $2`,
        [now, limit],
      )
      return rows.map(fromRow)
    },

    /** Moves a claimed clock on to `nextStep`; with no step left it waits, still running, for the touch. */
    async advance(tx: Tx, clock: Clock, nextStep: number): Promise<void> {
      await tx.query(
        `UPDATE clocks SET next_step = $3, next_fire_at = $4 WHERE lead_id = $1 AND attempt = $2`,
        [clock.leadId, clock.attempt, nextStep, clock.steps[nextStep]?.fireAt ?? null],
      )
    },
  }
}

export type ClockStore = ReturnType<typeof createPgClockStore>

function fromRow(r: ClockRow): Clock {
  return {
    leadId: r.lead_id,
    attempt: r.attempt,
    segment: r.segment,
    repId: r.rep_id ?? undefined,
    teamId: r.team_id ?? undefined,
    rule: r.rule,
    capturedAt: r.captured_at,
    routedAt: r.routed_at,
    dueAt: r.due_at,
    state: r.state,
    nextStep: r.next_step,
    steps: r.steps.map((s) => ({ ...s, fireAt: new Date(s.fireAt) })),
    traceparent: r.traceparent ?? undefined,
  }
}
