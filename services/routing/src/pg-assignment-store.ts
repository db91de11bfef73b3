import type { LeadScoredV1 } from '@leadwire/contracts'
import type pg from 'pg'
import type { RouteMethod } from './rules.ts'

/** A client with the consumer's transaction open; every call joins that transaction. */
type Tx = pg.ClientBase

export interface StoredAssignment {
  leadId: string
  attempt: number
  repId?: string | undefined
  teamId: string
  queue?: string | undefined
  method: RouteMethod
  segment: string
  identityId: string
  reason: string
  routedAt: Date
  previousRepId?: string | undefined
  slaDueAt?: Date | undefined
  /** The decision path, kept as the decision log. */
  decision?: unknown
}

export interface LatestAttempt {
  attempt: number
  repId: string | undefined
  open: boolean
}

/**
 * Routing's Postgres state: assignments per attempt, the owner of each person and the lead
 * as last scored. Table names are unqualified: the runtime opens each handler's transaction
 * with the service schema first on the search_path.
 */
export function createPgAssignmentStore() {
  async function latestAttempt(tx: Tx, leadId: string): Promise<LatestAttempt | undefined> {
    const { rows } = await tx.query<{ attempt: number; rep_id: string | null; closed_at: Date | null }>(
      `SELECT attempt, rep_id, closed_at FROM assignments WHERE lead_id = $1 ORDER BY attempt DESC LIMIT 1`,
      [leadId],
    )
    const row = rows[0]
    return row && { attempt: row.attempt, repId: row.rep_id ?? undefined, open: row.closed_at === null }
  }

  async function openCounts(tx: Tx): Promise<Record<string, number>> {
    const { rows } = await tx.query<{ rep_id: string; open: number }>(
      `SELECT rep_id, count(*)::int AS open FROM assignments
       WHERE closed_at IS NULL AND rep_id IS NOT NULL GROUP BY rep_id`,
    )
    return Object.fromEntries(rows.map((r) => [r.rep_id, r.open]))
  }

  /** Leads routed to each rep since the start of the rep's own local day (DST-aware in SQL). */
  async function dayCounts(
    tx: Tx,
    reps: readonly { id: string; timezone: string }[],
    now: Date,
  ): Promise<Record<string, number>> {
    const { rows } = await tx.query<{ rep_id: string; n: number }>(
      `SELECT r.id AS rep_id, count(*)::int AS n
       FROM unnest($1::text[], $2::text[]) AS r(id, tz)
       JOIN assignments a ON a.rep_id = r.id
        AND a.routed_at >= date_trunc('day', $3::timestamptz AT TIME ZONE r.tz) AT TIME ZONE r.tz
       GROUP BY r.id`,
      [reps.map((r) => r.id), reps.map((r) => r.timezone), now],
    )
    return Object.fromEntries(rows.map((r) => [r.rep_id, r.n]))
  }

  async function ownerOf(tx: Tx, identityId: string): Promise<string | undefined> {
    const { rows } = await tx.query<{ rep_id: string }>(
      `SELECT rep_id FROM identity_owners WHERE identity_id = $1`,
      [identityId],
    )
    return rows[0]?.rep_id
  }

  /**
   * False when this attempt of the lead is already recorded: it was routed before (a
   * redelivery, or another replica during a rebalance), and must not be routed again.
   * ON CONFLICT rather than catching 23505, which would abort the caller's transaction.
   */
  async function record(tx: Tx, a: StoredAssignment): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO assignments
         (lead_id, attempt, rep_id, team_id, queue, method, segment, identity_id, reason, routed_at,
          previous_rep_id, sla_due_at, decision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (lead_id, attempt) DO NOTHING`,
      [
        a.leadId,
        a.attempt,
        a.repId ?? null,
        a.teamId,
        a.queue ?? null,
        a.method,
        a.segment,
        a.identityId,
        a.reason,
        a.routedAt,
        a.previousRepId ?? null,
        a.slaDueAt ?? null,
        a.decision === undefined ? null : JSON.stringify(a.decision),
      ],
    )
    return rowCount === 1
  }

  /** The first rep to get a person keeps them; later calls change nothing. */
  async function setOwner(tx: Tx, identityId: string, repId: string, since: Date): Promise<void> {
    await tx.query(
      `INSERT INTO identity_owners (identity_id, rep_id, since) VALUES ($1, $2, $3)
       ON CONFLICT (identity_id) DO NOTHING`,
      [identityId, repId, since],
    )
  }

  /** Closes the lead's open assignment; returns how many rows it closed (0 or 1). */
  async function close(tx: Tx, leadId: string, reason: string, at: Date): Promise<number> {
    const { rowCount } = await tx.query(
      `UPDATE assignments SET closed_at = $3, close_reason = $2
       WHERE lead_id = $1 AND closed_at IS NULL`,
      [leadId, reason, at],
    )
    return rowCount ?? 0
  }

  /** Keeps the lead as last scored, so a re-route can rebuild leads.routed.v1. */
  async function saveScored(tx: Tx, scored: LeadScoredV1, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO routed_leads (lead_id, scored, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (lead_id) DO UPDATE SET scored = EXCLUDED.scored, updated_at = EXCLUDED.updated_at`,
      [scored.lead.leadId, JSON.stringify(scored), at],
    )
  }

  async function scoredOf(tx: Tx, leadId: string): Promise<LeadScoredV1 | undefined> {
    const { rows } = await tx.query<{ scored: LeadScoredV1 }>(
      `SELECT scored FROM routed_leads WHERE lead_id = $1`,
      [leadId],
    )
    return rows[0]?.scored
  }

  return { latestAttempt, openCounts, dayCounts, ownerOf, record, setOwner, close, saveScored, scoredOf }
}

export type AssignmentStore = ReturnType<typeof createPgAssignmentStore>
