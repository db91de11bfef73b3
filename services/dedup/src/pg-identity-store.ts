import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { MatchKeys } from './normalize.ts'

export interface ResolveInput {
  readonly leadId: string
  readonly keys: MatchKeys
  /** When the lead was seen; orders identities, so the oldest match wins. */
  readonly at: Date
}

export interface Resolution {
  readonly identityId: string
  readonly isDuplicate: boolean
  /** The first lead of the identity this lead joined. */
  readonly duplicateOf?: string
  /** Key kinds this lead shares with that identity, sorted. */
  readonly matchedOn: string[]
}

export interface IdentityStore {
  /** Runs inside a transaction the caller opened and commits. */
  resolve(client: pg.ClientBase, input: ResolveInput): Promise<Resolution>
}

/** pg.Client or a pooled client, with a transaction open. */
type Db = pg.ClientBase

interface KeyOwner {
  kind: string
  identity_id: string
  first_lead_id: string
  created_at: Date
}

interface LeadRow {
  identity_id: string
  is_duplicate: boolean
  duplicate_of: string | null
  matched_on: string[]
}

/**
 * Exact-key identity resolution on Postgres, safe across replicas without locks of its own.
 * Every lead first claims its keys for a fresh identity with INSERT ... ON CONFLICT DO
 * NOTHING; the primary key on (kind, value) makes a transaction that claims a key another
 * has claimed but not committed wait for that commit, after which (READ COMMITTED) the next
 * statement sees the winner. If any key belongs to another identity the lead joins the
 * oldest one and the fresh identity, never visible outside this transaction, is dropped.
 * Keys are claimed in sorted order so two leads sharing two keys cannot deadlock. Under
 * REPEATABLE READ or SERIALIZABLE the same races surface as 40001, which callers retry.
 */
export function createPgIdentityStore(): IdentityStore {
  return { resolve }
}

async function resolve(client: Db, { leadId, keys, at }: ResolveInput): Promise<Resolution> {
  const known = await findResolution(client, leadId)
  if (known) return known
  const fresh = randomUUID()
  if (!(await claimLead(client, leadId, fresh, at))) {
    // Another transaction resolved this lead and committed while this one waited on its row.
    await client.query('DELETE FROM identities WHERE id = $1', [fresh])
    const answer = await findResolution(client, leadId)
    if (!answer) throw new Error(`identity of lead ${leadId} vanished after a conflict`)
    return answer
  }
  const [kinds, values] = sortedKeys(keys)
  await claimKeys(client, kinds, values, fresh)
  const others = (await keyOwners(client, kinds, values)).filter((o) => o.identity_id !== fresh)
  const target = oldest(others)
  if (!target) return { identityId: fresh, isDuplicate: false, matchedOn: [] }
  const matchedOn = [
    ...new Set(others.filter((o) => o.identity_id === target.identity_id).map((o) => o.kind)),
  ].sort()
  await join(client, { leadId, fresh, target, matchedOn, at })
  return { identityId: target.identity_id, isDuplicate: true, duplicateOf: target.first_lead_id, matchedOn }
}

async function findResolution(client: Db, leadId: string): Promise<Resolution | undefined> {
  const { rows } = await client.query<LeadRow>(
    'SELECT identity_id, is_duplicate, duplicate_of, matched_on FROM identity_leads WHERE lead_id = $1',
    [leadId],
  )
  const row = rows[0]
  if (!row) return undefined
  const answer = { identityId: row.identity_id, isDuplicate: row.is_duplicate, matchedOn: row.matched_on }
  return row.duplicate_of ? { ...answer, duplicateOf: row.duplicate_of } : answer
}

/** Records the lead against a fresh identity; false when the lead was already resolved. */
async function claimLead(client: Db, leadId: string, fresh: string, at: Date): Promise<boolean> {
  const { rowCount } = await client.query(
    `WITH identity AS (
       INSERT INTO identities (id, first_lead_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3) RETURNING id
     )
     INSERT INTO identity_leads (lead_id, identity_id, is_duplicate, created_at)
     SELECT $2, id, false, $3 FROM identity
     ON CONFLICT (lead_id) DO NOTHING`,
    [fresh, leadId, at],
  )
  return rowCount === 1
}

/** Parallel arrays of key kinds and values, in one global order so claims cannot deadlock. */
function sortedKeys(keys: MatchKeys): [string[], string[]] {
  const entries = Object.entries(keys)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .sort(([k1, v1], [k2, v2]) => compare(k1, k2) || compare(v1, v2))
  return [entries.map(([kind]) => kind), entries.map(([, value]) => value)]
}

async function claimKeys(client: Db, kinds: string[], values: string[], fresh: string): Promise<void> {
  await client.query(
    `INSERT INTO identity_keys (kind, value, identity_id)
     SELECT kind, value, $3 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(kind, value, n) ORDER BY n
     ON CONFLICT (kind, value) DO NOTHING`,
    [kinds, values, fresh],
  )
}

// One primary-key probe per key.
async function keyOwners(client: Db, kinds: string[], values: string[]): Promise<KeyOwner[]> {
  const { rows } = await client.query<KeyOwner>(
    `SELECT k.kind, k.identity_id, i.first_lead_id, i.created_at
     FROM unnest($1::text[], $2::text[]) AS q(kind, value)
     JOIN identity_keys k ON k.kind = q.kind AND k.value = q.value
     JOIN identities i ON i.id = k.identity_id`,
    [kinds, values],
  )
  return rows
}

interface JoinInput {
  leadId: string
  fresh: string
  target: KeyOwner
  matchedOn: string[]
  at: Date
}

/** Moves the lead and the keys it claimed from its fresh identity to the one it matched. */
async function join(client: Db, { leadId, fresh, target, matchedOn, at }: JoinInput): Promise<void> {
  await client.query('UPDATE identity_keys SET identity_id = $2 WHERE identity_id = $1', [
    fresh,
    target.identity_id,
  ])
  await client.query(
    `UPDATE identity_leads SET identity_id = $2, is_duplicate = true, duplicate_of = $3, matched_on = $4 WHERE lead_id = $1`,
    [leadId, target.identity_id, target.first_lead_id, matchedOn],
  )
  await client.query('DELETE FROM identities WHERE id = $1', [fresh])
  await client.query(
    'UPDATE identities SET lead_count = lead_count + 1, last_seen_at = greatest(last_seen_at, $2) WHERE id = $1',
    [target.identity_id, at],
  )
}

function oldest(owners: KeyOwner[]): KeyOwner | undefined {
  return owners.toSorted(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || compare(a.identity_id, b.identity_id),
  )[0]
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
