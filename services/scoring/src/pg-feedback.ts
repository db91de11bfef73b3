import type { LeadHandedOffV1, LeadOutcomeRecordedV1 } from '@leadwire/contracts'
import type pg from 'pg'

/** Sales' verdicts and outcomes as the CRM reported them; a resent one is stored once. */
export const pgFeedback = {
  async recordHandoff(tx: pg.ClientBase, h: LeadHandedOffV1): Promise<void> {
    await tx.query(
      `INSERT INTO handoffs (lead_id, rep_id, decision, reason, decided_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [h.leadId, h.repId, h.decision, h.reason ?? null, h.decidedAt],
    )
  },

  async recordOutcome(tx: pg.ClientBase, o: LeadOutcomeRecordedV1): Promise<void> {
    await tx.query(
      `INSERT INTO outcomes (lead_id, outcome, reason, amount, occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [o.leadId, o.outcome, o.reason ?? null, o.amount ?? null, o.occurredAt],
    )
  },
}

export interface FeedbackRow {
  /** The rubric rule (or model feature, or source) the row is about. */
  key: string
  leads: number
  handedOver: number
  accepted: number
  rejected: number
  /** Rejection reasons and how often each was given. */
  rejectReasons: Record<string, number>
  opportunities: number
  won: number
  lost: number
}

// Per lead: the latest hand-off verdict and whether any outcome was an opportunity or a win.
const PER_LEAD = `
  WITH verdict AS (
    SELECT DISTINCT ON (lead_id) lead_id, decision, reason FROM handoffs ORDER BY lead_id, decided_at DESC
  ), result AS (
    SELECT lead_id, bool_or(outcome IN ('opportunity', 'won')) AS opportunity,
           bool_or(outcome = 'won') AS won, bool_or(outcome = 'lost') AS lost
    FROM outcomes GROUP BY lead_id
  )
  SELECT l.lead_id, l.source, l.score, l.handed_over, v.decision, v.reason, r.opportunity, r.won, r.lost
  FROM leads l LEFT JOIN verdict v USING (lead_id) LEFT JOIN result r USING (lead_id)
  WHERE l.score IS NOT NULL`

const TALLY = `
  count(*)::int AS leads,
  count(*) FILTER (WHERE handed_over)::int AS "handedOver",
  count(*) FILTER (WHERE decision = 'accepted')::int AS accepted,
  count(*) FILTER (WHERE decision = 'rejected')::int AS rejected,
  coalesce(jsonb_object_agg(reason, n) FILTER (WHERE decision = 'rejected' AND reason IS NOT NULL), '{}') AS "rejectReasons",
  count(*) FILTER (WHERE opportunity)::int AS opportunities,
  count(*) FILTER (WHERE won)::int AS won,
  count(*) FILTER (WHERE lost)::int AS lost`

/**
 * Feedback per rubric rule (every rule that gave a lead points) and per source. Reading it
 * RevOps sees which rules and sources produce leads sales rejects, and which convert.
 */
export async function feedbackReport(db: pg.Pool | pg.ClientBase) {
  const byRule = await db.query<FeedbackRow>(`
    WITH per_lead AS (${PER_LEAD}),
    hits AS (
      SELECT c->>'rule' AS key, p.* FROM per_lead p, jsonb_array_elements(p.score->'contributions') c
      WHERE (c->>'points')::numeric > 0
    ),
    counted AS (SELECT *, count(*) OVER (PARTITION BY key, decision, reason) AS n FROM hits)
    SELECT key, ${TALLY} FROM counted GROUP BY key ORDER BY key`)
  const bySource = await db.query<FeedbackRow>(`
    WITH per_lead AS (${PER_LEAD}),
    counted AS (SELECT source AS key, p.*, count(*) OVER (PARTITION BY source, decision, reason) AS n FROM per_lead p)
    SELECT key, ${TALLY} FROM counted GROUP BY key ORDER BY key`)
  return { byRule: byRule.rows, bySource: bySource.rows }
}
