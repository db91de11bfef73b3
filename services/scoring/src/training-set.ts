import type { Playbook } from '@leadwire/playbook'
import type pg from 'pg'
import type { FeatureRecord } from './model/feature-spec.ts'

const DAY_MS = 86_400_000

/** A lead's capture-time features with what sales later said about it. */
export interface HistoryRow {
  leadId: string
  capturedAt: Date
  features: FeatureRecord
  outcomes: string[]
  /** The latest hand-off verdict was a rejection. */
  rejected: boolean
}

/**
 * Converted (1) when an outcome the playbook counts as conversion was recorded; not converted
 * (0) when it was lost, rejected by sales, or old enough without converting; otherwise still
 * open (undefined) and left out, since its label is not known yet.
 */
export function labelOf(
  row: HistoryRow,
  training: Playbook['model']['training'],
  now: Date,
): 0 | 1 | undefined {
  if (row.outcomes.some((o) => (training.converted as readonly string[]).includes(o))) return 1
  if (row.outcomes.includes('lost') || row.rejected) return 0
  const ageDays = (now.getTime() - row.capturedAt.getTime()) / DAY_MS
  return ageDays >= training.notConvertedAfterDays ? 0 : undefined
}

/**
 * The history the model trains on. Features come from `lead_features`, frozen at first sight,
 * never from the lead's later state; outcomes and verdicts are joined only as labels.
 */
export async function readHistory(
  tx: pg.ClientBase,
  window: { from: Date; to: Date },
): Promise<HistoryRow[]> {
  const { rows } = await tx.query<{
    lead_id: string
    captured_at: Date
    features: FeatureRecord
    outcomes: string[]
    rejected: boolean
  }>(
    `SELECT f.lead_id, f.captured_at, f.features,
       coalesce((SELECT array_agg(DISTINCT o.outcome) FROM outcomes o WHERE o.lead_id = f.lead_id), '{}') AS outcomes,
       coalesce((SELECT h.decision = 'rejected' FROM handoffs h WHERE h.lead_id = f.lead_id
                 ORDER BY h.decided_at DESC LIMIT 1), false) AS rejected
     FROM lead_features f
     WHERE f.captured_at >= $1 AND f.captured_at < $2
     ORDER BY f.captured_at, f.lead_id`,
    [window.from, window.to],
  )
  return rows.map((r) => ({
    leadId: r.lead_id,
    capturedAt: r.captured_at,
    features: r.features,
    outcomes: r.outcomes,
    rejected: r.rejected,
  }))
}
