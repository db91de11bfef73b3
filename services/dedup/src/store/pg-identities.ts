import type { DedupResult } from '@leadwire/contracts'
import type pg from 'pg'
import {
  combineProfiles,
  emptyProfile,
  mergeProfile,
  type Profile,
  type Submission,
} from '../identity/profile.ts'

type Db = pg.ClientBase
export type IdentitySummary = NonNullable<DedupResult['identity']>

interface IdentityRow {
  id: string
  first_lead_id: string
  created_at: Date
  last_seen_at: Date
  lead_count: number
  profile: Profile
}

export async function createIdentity(db: Db, id: string, s: Submission): Promise<void> {
  const profile = mergeProfile(emptyProfile, s)
  await db.query(
    `INSERT INTO identities (id, first_lead_id, created_at, last_seen_at, profile) VALUES ($1, $2, $3, $3, $4)`,
    [id, s.leadId, s.at, JSON.stringify(profile)],
  )
}

/**
 * Adds a lead to a known person: one more lead, the newest data, the canonical lead kept.
 * Returns the identity it joined, which is the survivor if this one was merged meanwhile.
 */
export async function joinIdentity(db: Db, id: string, s: Submission): Promise<string> {
  const row = await lockCurrent(db, id)
  const profile = mergeProfile(row.profile, s)
  await db.query(
    `UPDATE identities SET lead_count = lead_count + 1, last_seen_at = greatest(last_seen_at, $2), profile = $3 WHERE id = $1`,
    [row.id, s.at, JSON.stringify(profile)],
  )
  return row.id
}

/**
 * Folds identities into the survivor: their leads and records move, their profiles combine,
 * and each keeps a pointer to the survivor so an id published earlier can still be followed.
 * The survivor keeps its id and canonical (first) lead, so the owner routing gave it stays.
 * Returns the identities actually absorbed (one merged meanwhile is followed, not repeated).
 */
export async function mergeIdentities(
  db: Db,
  survivor: string,
  others: readonly string[],
): Promise<string[]> {
  const target = await lockCurrent(db, survivor)
  let profile = target.profile
  let leads = 0
  const absorbed: string[] = []
  // Sorted, so two transactions folding overlapping identities lock rows in the same order.
  for (const id of [...others].sort()) {
    const other = await lockCurrent(db, id)
    if (other.id === target.id || absorbed.includes(other.id)) continue
    absorbed.push(other.id)
    profile = combineProfiles(profile, other.profile)
    leads += other.lead_count
  }
  if (!absorbed.length) return []
  await db.query('UPDATE match_records SET identity_id = $1 WHERE identity_id = ANY($2::uuid[])', [
    target.id,
    absorbed,
  ])
  await db.query(
    'UPDATE identity_leads SET identity_id = $1, is_duplicate = true, duplicate_of = $3 WHERE identity_id = ANY($2::uuid[])',
    [target.id, absorbed, target.first_lead_id],
  )
  await db.query(
    'UPDATE identities SET merged_into = $1 WHERE id = ANY($2::uuid[]) OR merged_into = ANY($2::uuid[])',
    [target.id, absorbed],
  )
  await db.query(
    `UPDATE identities SET lead_count = lead_count + $2, profile = $3,
       last_seen_at = (SELECT max(last_seen_at) FROM identities WHERE id = $1 OR merged_into = $1)
     WHERE id = $1`,
    [target.id, leads, JSON.stringify(profile)],
  )
  return absorbed
}

/** Of several identities, the one to keep: the oldest, so the first owner stays the owner. */
export async function oldestIdentity(db: Db, ids: readonly string[]): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM identities WHERE id = ANY($1::uuid[]) ORDER BY created_at, id LIMIT 1',
    [ids],
  )
  return rows[0]?.id
}

/** Identities a reviewer split from this one: never merged with it automatically. */
export async function excludedFrom(db: Db, id: string): Promise<Set<string>> {
  const { rows } = await db.query<{ other: string }>(
    'SELECT other_identity_id AS other FROM identity_exclusions WHERE identity_id = $1',
    [id],
  )
  return new Set(rows.map((r) => r.other))
}

export async function summarise(
  db: Db,
  id: string,
  mergedIdentityIds: readonly string[] = [],
): Promise<IdentitySummary> {
  const { rows } = await db.query<IdentityRow>('SELECT * FROM identities WHERE id = $1', [id])
  const row = rows[0]
  if (!row) throw new Error(`identity ${id} not found`)
  return {
    canonicalLeadId: row.first_lead_id,
    leadCount: row.lead_count,
    firstSeenAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    mergedIdentityIds: [...mergedIdentityIds],
    recentIntents: row.profile.intents.map((i) => ({ ...i })),
  }
}

/** Locks an identity, following it to its survivor if another transaction merged it first. */
async function lockCurrent(db: Db, id: string): Promise<IdentityRow> {
  for (let current = id; ; ) {
    const { rows } = await db.query<IdentityRow & { merged_into: string | null }>(
      'SELECT * FROM identities WHERE id = $1 FOR UPDATE',
      [current],
    )
    const row = rows[0]
    if (!row) throw new Error(`identity ${current} not found`)
    if (!row.merged_into) return row
    current = row.merged_into
  }
}
