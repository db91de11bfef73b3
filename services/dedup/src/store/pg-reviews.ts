import { randomUUID } from 'node:crypto'
import type { DedupResult, Enrichment, LeadSnapshot } from '@leadwire/contracts'
import type pg from 'pg'
import type { Decision } from '../matching/decide.ts'

type Db = pg.ClientBase
export type ReviewStatus = 'pending' | 'confirmed' | 'split'

export interface ReviewRow {
  id: string
  lead_id: string
  identity_id: string
  candidate_identity_id: string
  candidate_lead_id: string
  match_probability: number
  match_weight: number
  evidence: DedupResult['evidence']
  event: { lead: LeadSnapshot; enrichment: Enrichment }
  status: ReviewStatus
  decided_at: Date | null
  decided_by: string | null
  created_at: Date
}

/** Holds a possible match for a person: the lead keeps its own identity until confirmed. */
export async function createReview(
  db: Db,
  r: { leadId: string; identityId: string; decision: Decision; event: ReviewRow['event'] },
): Promise<string> {
  const best = r.decision.best
  if (!best) throw new Error('a review needs a candidate')
  const id = randomUUID()
  await db.query(
    `INSERT INTO reviews (id, lead_id, identity_id, candidate_identity_id, candidate_lead_id, match_probability,
       match_weight, evidence, event, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
    [
      id,
      r.leadId,
      r.identityId,
      best.candidate.identityId,
      best.candidate.leadId,
      best.score.probability,
      best.score.weight,
      JSON.stringify(best.score.evidence),
      JSON.stringify(r.event),
    ],
  )
  return id
}

export async function listReviews(db: Db, status: ReviewStatus, limit: number): Promise<ReviewRow[]> {
  const { rows } = await db.query<ReviewRow>(
    'SELECT * FROM reviews WHERE status = $1 ORDER BY created_at, id LIMIT $2',
    [status, limit],
  )
  return rows
}

export async function getReview(db: Db, id: string, forUpdate = false): Promise<ReviewRow | undefined> {
  const { rows } = await db.query<ReviewRow>(
    `SELECT * FROM reviews WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  )
  return rows[0]
}

export async function closeReview(
  db: Db,
  id: string,
  status: 'confirmed' | 'split',
  by: string | undefined,
): Promise<void> {
  await db.query('UPDATE reviews SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1', [
    id,
    status,
    by ?? null,
  ])
}

/** The identity a possibly merged identity now lives in. */
export async function currentIdentity(db: Db, id: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT coalesce(merged_into, id) AS id FROM identities WHERE id = $1',
    [id],
  )
  return rows[0]?.id ?? id
}

/** Records that a reviewer said two identities are different people, both ways round. */
export async function excludePair(db: Db, a: string, b: string): Promise<void> {
  await db.query(
    `INSERT INTO identity_exclusions (identity_id, other_identity_id) VALUES ($1, $2), ($2, $1) ON CONFLICT DO NOTHING`,
    [a, b],
  )
}
