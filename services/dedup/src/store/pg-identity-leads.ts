import type { DedupResult } from '@leadwire/contracts'
import type pg from 'pg'
import type { Submission } from '../identity/profile.ts'

type Db = pg.ClientBase

/** The answer already published for a lead, with its identity as it is now (merges move it). */
export async function storedResult(db: Db, leadId: string): Promise<DedupResult | undefined> {
  const { rows } = await db.query<{ identity_id: string; result: DedupResult | null }>(
    'SELECT identity_id, result FROM identity_leads WHERE lead_id = $1',
    [leadId],
  )
  const row = rows[0]
  return row?.result ? { ...row.result, identityId: row.identity_id } : undefined
}

/** Records a lead in its person's history, with the answer published for it. */
export async function recordLead(db: Db, s: Submission, result: DedupResult): Promise<void> {
  await db.query(
    `INSERT INTO identity_leads (lead_id, identity_id, is_duplicate, duplicate_of, matched_on, created_at,
       decision, match_probability, match_weight, evidence, intent, channel, result)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      s.leadId,
      result.identityId,
      result.isDuplicate,
      result.duplicateOf ?? null,
      result.matchedOn,
      s.at,
      result.decision ?? 'distinct',
      result.matchProbability ?? null,
      result.matchWeight ?? null,
      JSON.stringify(result.evidence),
      s.intent ?? null,
      s.channel,
      JSON.stringify(result),
    ],
  )
}
