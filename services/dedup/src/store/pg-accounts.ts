import { randomUUID } from 'node:crypto'
import type { DedupResult } from '@leadwire/contracts'
import type pg from 'pg'
import {
  type AccountCandidate,
  type AccountInput,
  accountSearchThreshold,
  pickAccount,
} from '../accounts/match-account.ts'

type Db = pg.ClientBase
export type AccountMatch = NonNullable<DedupResult['account']>

interface AccountRow {
  id: string
  name: string | null
  normalized_name: string | null
  country: string | null
  phone: string | null
  postcode: string | null
  owner_rep_id: string | null
  crm_id: string | null
  domain: string | null
  similarity?: number
}

const columns = `a.id, a.name, a.normalized_name, a.country, a.phone, a.postcode, a.owner_rep_id, a.crm_id,
  (SELECT min(domain) FROM account_domains d WHERE d.account_id = a.id) AS domain`

/**
 * Links a lead to its company's account: by domain first (exact, indexed), then by a trigram
 * search of the normalised name (GIN index) confirmed by country, phone or postcode unless
 * the name is near-identical. With neither, the lead's company becomes a new account, so the
 * next lead from it lands on the same one. Runs in the lead's transaction; accounts are
 * serialised by the same advisory locks as people when their domain or name is a lock key.
 */
export async function matchAccount(
  db: Db,
  input: AccountInput,
  displayName?: string,
): Promise<AccountMatch | undefined> {
  if (!input.domain && !input.name) return undefined
  if (input.domain) {
    const { rows } = await db.query<AccountRow>(
      `SELECT ${columns} FROM account_domains d JOIN accounts a ON a.id = d.account_id WHERE d.domain = $1`,
      [input.domain],
    )
    if (rows[0]) return toMatch(rows[0], 'domain', [])
  }
  const picked = input.name ? pickAccount(input, await searchByName(db, input.name)) : undefined
  if (picked) {
    const row = picked.candidate as AccountCandidate & AccountRow
    if (input.domain) await addDomain(db, input.domain, row.id)
    return { ...toMatch(row, 'name', picked.corroboratedBy), similarity: round(picked.candidate.similarity) }
  }
  const id = await createAccount(db, input, displayName, 'lead')
  return { accountId: id, name: displayName, domain: input.domain, matchedBy: 'new', corroboratedBy: [] }
}

async function searchByName(db: Db, name: string): Promise<(AccountCandidate & AccountRow)[]> {
  await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
    String(accountSearchThreshold),
  ])
  const { rows } = await db.query<AccountRow & { similarity: number }>(
    `SELECT ${columns}, public.similarity(a.normalized_name, $1) AS similarity
     FROM accounts a WHERE a.normalized_name OPERATOR(public.%) $1
     ORDER BY similarity DESC, a.id LIMIT 10`,
    [name],
  )
  return rows.map((r) => ({ ...r, normalizedName: r.normalized_name, similarity: Number(r.similarity) }))
}

export async function createAccount(
  db: Db,
  input: AccountInput & { ownerRepId?: string; crmId?: string },
  displayName: string | undefined,
  source: 'lead' | 'crm',
): Promise<string> {
  const id = randomUUID()
  await db.query(
    `INSERT INTO accounts (id, name, normalized_name, country, phone, postcode, owner_rep_id, crm_id, source, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
    [
      id,
      displayName ?? input.name ?? null,
      input.name ?? null,
      input.country ?? null,
      input.phone ?? null,
      input.postcode ?? null,
      input.ownerRepId ?? null,
      input.crmId ?? null,
      source,
    ],
  )
  if (input.domain) await addDomain(db, input.domain, id)
  return id
}

async function addDomain(db: Db, domain: string, accountId: string): Promise<void> {
  await db.query(
    'INSERT INTO account_domains (domain, account_id) VALUES ($1, $2) ON CONFLICT (domain) DO NOTHING',
    [domain, accountId],
  )
}

function toMatch(
  row: AccountRow,
  matchedBy: AccountMatch['matchedBy'],
  corroboratedBy: AccountMatch['corroboratedBy'],
): AccountMatch {
  const match: AccountMatch = { accountId: row.id, matchedBy, corroboratedBy }
  return {
    ...match,
    ...(row.name && { name: row.name }),
    ...(row.domain && { domain: row.domain }),
    ...(row.owner_rep_id && { ownerRepId: row.owner_rep_id }),
    ...(row.crm_id && { crmId: row.crm_id }),
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000

/**
 * An account as the CRM knows it, created or updated by its CRM id. Its domains are taken over
 * from any account leads created first: the CRM's record, with its owner, is the one to route to.
 */
export async function upsertCrmAccount(
  db: Db,
  input: AccountInput & { crmId: string; ownerRepId?: string | undefined },
  displayName: string,
  domains: readonly string[],
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE accounts SET name = $2, normalized_name = $3, country = $4, phone = $5, postcode = $6, owner_rep_id = $7
     WHERE crm_id = $1 RETURNING id`,
    [
      input.crmId,
      displayName,
      input.name ?? null,
      input.country ?? null,
      input.phone ?? null,
      input.postcode ?? null,
      input.ownerRepId ?? null,
    ],
  )
  const id = rows[0]?.id ?? (await createAccount(db, input, displayName, 'crm'))
  await db.query(
    `INSERT INTO account_domains (domain, account_id) SELECT d, $2 FROM unnest($1::text[]) AS d
     ON CONFLICT (domain) DO UPDATE SET account_id = excluded.account_id`,
    [domains, id],
  )
  return id
}
