import type pg from 'pg'
import type { FeatureRecord } from './model/feature-spec.ts'

/** Capture-time features, written once per lead; a later write (a redelivery) changes nothing. */
export const pgLeadFeatures = {
  async record(tx: pg.ClientBase, leadId: string, capturedAt: string, features: FeatureRecord) {
    await tx.query(
      `INSERT INTO lead_features (lead_id, captured_at, features) VALUES ($1, $2, $3)
       ON CONFLICT (lead_id) DO NOTHING`,
      [leadId, capturedAt, features],
    )
  },

  async get(tx: pg.ClientBase, leadId: string): Promise<FeatureRecord | undefined> {
    const { rows } = await tx.query<{ features: FeatureRecord }>(
      'SELECT features FROM lead_features WHERE lead_id = $1',
      [leadId],
    )
    return rows[0]?.features
  },
}
