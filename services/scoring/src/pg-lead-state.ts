import type { LeadDeduplicatedV1, LeadSnapshot, Score } from '@leadwire/contracts'
import type pg from 'pg'
import type { ScoreInput } from './facts.ts'

export interface LeadState {
  data: LeadDeduplicatedV1
  stage: string
  handedOver: boolean
}

/** Scoring's own memory of leads and activities; every call runs in the handler's transaction. */
export const pgLeadState = {
  async activities(tx: pg.ClientBase, leadId: string): Promise<ScoreInput['activities']> {
    const { rows } = await tx.query<{
      activity: ScoreInput['activities'][number]['activity']
      occurred_at: Date
    }>('SELECT activity, occurred_at FROM activities WHERE lead_id = $1 ORDER BY occurred_at', [leadId])
    return rows.map((r) => ({ activity: r.activity, occurredAt: r.occurred_at.toISOString() }))
  },

  /** False when this activity id was recorded before (a CRM resending it). */
  async addActivity(
    tx: pg.ClientBase,
    a: { activityId: string; leadId: string; activity: string; occurredAt: string },
  ): Promise<boolean> {
    const res = await tx.query(
      'INSERT INTO activities (activity_id, lead_id, activity, occurred_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [a.activityId, a.leadId, a.activity, a.occurredAt],
    )
    return res.rowCount === 1
  },

  /** The lead's state, locked for this transaction so two re-scores cannot both hand it over. */
  async lock(tx: pg.ClientBase, leadId: string): Promise<LeadState | undefined> {
    const { rows } = await tx.query<{ data: LeadDeduplicatedV1; stage: string; handed_over: boolean }>(
      'SELECT data, stage, handed_over FROM leads WHERE lead_id = $1 FOR UPDATE',
      [leadId],
    )
    const row = rows[0]
    return row && { data: row.data, stage: row.stage, handedOver: row.handed_over }
  },

  /** The lead's latest score, kept with its source so feedback can be read per rule and source. */
  async save(
    tx: pg.ClientBase,
    s: { data: LeadDeduplicatedV1; score: Score; handedOver: boolean },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO leads (lead_id, data, stage, total, handed_over, scored_at, score, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (lead_id) DO UPDATE SET data = $2, stage = $3, total = $4,
         handed_over = leads.handed_over OR $5, scored_at = $6, score = $7, source = $8`,
      [
        s.data.lead.leadId,
        s.data,
        s.score.stage,
        s.score.total,
        s.handedOver,
        s.score.scoredAt,
        s.score,
        sourceOf(s.data.lead),
      ],
    )
  },
}

/** Where a lead came from, as RevOps groups it: the channel, and the UTM source when known. */
export const sourceOf = (lead: LeadSnapshot): string =>
  lead.source.utm?.source
    ? `${lead.source.channel}/${lead.source.utm.source.toLowerCase()}`
    : lead.source.channel
