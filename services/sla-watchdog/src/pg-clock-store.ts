import type pg from 'pg'
import { type Clock, type ClockRow, type EndReason, fromRow, type NewClock } from './clock-row.ts'

export type { Clock, ClockState, EndReason, NewClock } from './clock-row.ts'

/**
 * A client with a transaction open and the service schema first on its search_path (the
 * consumer and the ticker both set it), so the SQL names its tables unqualified.
 */
type Tx = pg.ClientBase

/** How a clock starts: running, or already ended (touched or closed before it was routed). */
export type StartState =
  | { state: 'running' }
  | { state: 'stopped' | 'cancelled'; reason: EndReason; at: Date }

/**
 * SLA clocks in Postgres, one per (lead, routing attempt). Starting is idempotent through the
 * primary key; claiming due clocks takes row locks with SKIP LOCKED, so replicas ticking at
 * the same moment split the due clocks between them instead of firing a step twice.
 */
export function createPgClockStore() {
  return {
    /**
     * Serialises a lead's routed, contacted and handoff events, which travel on different
     * topics and may be handled at the same time: a touch must not miss a clock being started.
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
    async start(tx: Tx, clock: NewClock, start: StartState = { state: 'running' }): Promise<boolean> {
      const ended = start.state === 'running' ? undefined : start
      const inserted = await tx.query(
        `INSERT INTO clocks (lead_id, attempt, segment, rep_id, team_id, rule, captured_at, routed_at,
           due_at, state, next_step, next_fire_at, steps, traceparent, deadline, hours, ended_at, end_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13, $14, $15, $16, $17)
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
          start.state,
          ended ? null : (clock.steps[0]?.fireAt ?? null),
          JSON.stringify(clock.steps),
          clock.traceparent ?? null,
          clock.deadline ? JSON.stringify(clock.deadline) : null,
          clock.hours ? JSON.stringify(clock.hours) : null,
          ended?.at ?? null,
          ended?.reason ?? null,
        ],
      )
      // Also covers an older attempt handled after a newer one: it is cancelled at once.
      await tx.query(
        `UPDATE clocks SET state = 'cancelled', next_fire_at = NULL, end_reason = 'rerouted',
           ended_at = (SELECT max(routed_at) FROM clocks WHERE lead_id = $1)
         WHERE lead_id = $1 AND state = 'running'
           AND attempt < (SELECT max(attempt) FROM clocks WHERE lead_id = $1)`,
        [clock.leadId],
      )
      return inserted.rowCount === 1
    },

    /** Stops the lead's running clock at the touch, if any, and returns its newest clock. */
    async stop(tx: Tx, leadId: string, touchedAt: Date): Promise<Clock | undefined> {
      await tx.query(
        `UPDATE clocks SET state = 'stopped', next_fire_at = NULL, ended_at = $2, end_reason = 'touched'
         WHERE lead_id = $1 AND state = 'running'`,
        [leadId, touchedAt],
      )
      const { rows } = await tx.query<ClockRow>(
        `SELECT * FROM clocks WHERE lead_id = $1 ORDER BY attempt DESC LIMIT 1`,
        [leadId],
      )
      return rows[0] && fromRow(rows[0])
    },

    /** Cancels the lead's running clock for good (duplicate, spam); true if one was running. */
    async cancel(tx: Tx, leadId: string, reason: EndReason, at: Date): Promise<boolean> {
      const res = await tx.query(
        `UPDATE clocks SET state = 'cancelled', next_fire_at = NULL, ended_at = $3, end_reason = $2
         WHERE lead_id = $1 AND state = 'running'`,
        [leadId, reason, at],
      )
      return (res.rowCount ?? 0) > 0
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

    /**
     * Moves claimed clocks on to their next step in one statement (a burst of deadlines is one
     * round trip per batch, not one per clock); with no step left a clock waits, still
     * running, for the touch.
     */
    async advance(tx: Tx, moves: readonly { clock: Clock; nextStep: number }[]): Promise<void> {
      if (moves.length === 0) return
      await tx.query(
        `UPDATE clocks c SET next_step = v.next_step, next_fire_at = v.next_fire_at
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[]) AS v(lead_id, attempt, next_step, next_fire_at)
         WHERE c.lead_id = v.lead_id AND c.attempt = v.attempt`,
        [
          moves.map((m) => m.clock.leadId),
          moves.map((m) => m.clock.attempt),
          moves.map((m) => m.nextStep),
          moves.map((m) => m.clock.steps[m.nextStep]?.fireAt ?? null),
        ],
      )
    },
  }
}

export type ClockStore = ReturnType<typeof createPgClockStore>
