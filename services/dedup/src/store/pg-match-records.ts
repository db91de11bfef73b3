import { createHash } from 'node:crypto'
import type pg from 'pg'
import { candidatesPerKey, isIdentifierKey } from '../matching/blocking.ts'
import type { Candidate } from '../matching/decide.ts'
import type { MatchRecord } from '../matching/record.ts'

type Db = pg.ClientBase

/**
 * Serialises every transaction that could match the same person: a lead takes a transaction
 * advisory lock on each of its blocking keys (and its own id) before it searches, so a
 * near-identical lead on another replica, which must share at least one key to be found at
 * all, waits for this one to commit and then finds its record. Locks are taken in one global
 * order, so two leads sharing several keys cannot deadlock. The schema is part of each lock,
 * so namespaces on one database never wait for each other.
 */
export async function lockKeys(db: Db, schema: string, keys: readonly string[]): Promise<void> {
  const ids = [...new Set(keys.map((k) => lockId(`${schema}\u0000${k}`)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  )
  // unnest keeps array order and the aggregate consumes rows in that order.
  await db.query('SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k', [ids.map(String)])
}

function lockId(text: string): bigint {
  return createHash('sha256').update(text).digest().readBigInt64BE(0)
}

interface CandidateRow {
  id: string
  lead_id: string
  identity_id: string
  record: MatchRecord
}

/**
 * The records filed under a lead's keys, by the rule of candidatesPerKey: one bounded
 * backward scan of the (key, record_id) primary key per key, at most `perKey + 1` entries
 * read, whatever the size of the store; records are fetched only for the keys kept.
 */
export async function findCandidates(
  db: Db,
  keys: readonly string[],
  perKey = candidatesPerKey,
): Promise<Candidate[]> {
  if (!keys.length) return []
  const { rows } = await db.query<CandidateRow>(
    `SELECT r.id, r.lead_id, r.identity_id, r.record
     FROM unnest($1::text[], $3::bool[]) AS q(key, identifier)
     CROSS JOIN LATERAL (
       SELECT array_agg(record_id ORDER BY record_id DESC) AS ids FROM (
         SELECT record_id FROM match_keys WHERE key = q.key ORDER BY record_id DESC LIMIT $2 + 1
       ) AS newest
     ) AS b
     CROSS JOIN LATERAL unnest(
       CASE WHEN q.identifier OR cardinality(b.ids) <= $2 THEN b.ids[1:$2] ELSE '{}'::bigint[] END
     ) AS c(record_id)
     JOIN match_records r ON r.id = c.record_id
     GROUP BY r.id`,
    [keys, perKey, keys.map(isIdentifierKey)],
  )
  return rows.map((r) => ({ recordId: r.id, leadId: r.lead_id, identityId: r.identity_id, record: r.record }))
}

export interface NewRecord {
  readonly leadId: string
  readonly identityId: string
  readonly record: MatchRecord
  readonly keys: readonly string[]
  readonly at: Date
}

/** Files a lead's record under its keys. */
export async function insertRecord(db: Db, r: NewRecord): Promise<void> {
  await db.query(
    `WITH rec AS (
       INSERT INTO match_records (lead_id, identity_id, record, created_at) VALUES ($1, $2, $3, $4) RETURNING id
     )
     INSERT INTO match_keys (key, record_id) SELECT k, rec.id FROM rec, unnest($5::text[]) AS k`,
    [r.leadId, r.identityId, JSON.stringify(r.record), r.at, r.keys],
  )
}
