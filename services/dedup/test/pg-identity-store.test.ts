import { randomBytes, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type MatchKeys, normalizeEmail } from '../src/normalize.ts'
import { createPgIdentityStore, type ResolveInput } from '../src/pg-identity-store.ts'

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const migration = new URL('../migrations/001_identities.sql', import.meta.url)
const store = createPgIdentityStore()

let schema: string
let pool: pg.Pool

beforeEach(async () => {
  schema = `dedup_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`).finally(() => admin.end())
  pool = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}`, max: 12 })
  await pool.query(await readFile(migration, 'utf8'))
})

afterEach(async () => {
  await pool.query(`DROP SCHEMA ${schema} CASCADE`)
  await pool.end()
})

async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  } finally {
    client.release()
  }
}

const resolve = (input: ResolveInput) => inTransaction((client) => store.resolve(client, input))

function lead(keys: MatchKeys, at = '2025-03-01T12:00:00Z'): ResolveInput {
  return { leadId: randomUUID(), keys, at: new Date(at) }
}

const emailKey = (raw: string) => normalizeEmail(raw) ?? ''

async function count(table: string): Promise<number> {
  return Number((await pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count)
}

describe('createPgIdentityStore().resolve', () => {
  it('creates a new identity for a lead that matches nobody, owning all its keys', async () => {
    const first = lead({ email: 'jane@acme.com', phone: '14155552671', nameCompany: 'jane doe|acme' })
    const result = await resolve(first)
    expect(result).toEqual({ identityId: expect.any(String), isDuplicate: false, matchedOn: [] })
    const { rows } = await pool.query('SELECT kind FROM identity_keys WHERE identity_id = $1 ORDER BY kind', [
      result.identityId,
    ])
    expect(rows.map((r) => r.kind)).toEqual(['email', 'nameCompany', 'phone'])
    expect(await count('identities')).toBe(1)
  })

  it('marks a lead whose email differs only by +tag and case as a duplicate, and adopts its new keys', async () => {
    const first = lead({ email: emailKey('Jane.Doe@Acme.com') })
    const original = await resolve(first)
    const second = await resolve(lead({ email: emailKey('jane.doe+webinar@ACME.com'), phone: '14155552671' }))
    expect(second).toEqual({
      identityId: original.identityId,
      isDuplicate: true,
      duplicateOf: first.leadId,
      matchedOn: ['email'],
    })
    const third = await resolve(lead({ phone: '14155552671' }))
    expect(third).toMatchObject({
      identityId: original.identityId,
      duplicateOf: first.leadId,
      matchedOn: ['phone'],
    })
    const { rows } = await pool.query('SELECT lead_count FROM identities WHERE id = $1', [
      original.identityId,
    ])
    expect(rows[0].lead_count).toBe(3)
    expect(await count('identities')).toBe(1)
  })

  it('marks a lead sharing only the phone number as a duplicate', async () => {
    const first = lead({ email: 'jane@acme.com', phone: '442079460958' })
    const original = await resolve(first)
    const second = await resolve(lead({ email: 'j.doe@gmail.com', phone: '442079460958' }))
    expect(second).toEqual({
      identityId: original.identityId,
      isDuplicate: true,
      duplicateOf: first.leadId,
      matchedOn: ['phone'],
    })
  })

  it('joins the oldest identity when the keys match two', async () => {
    const older = lead({ email: 'jane@acme.com' }, '2025-01-01T00:00:00Z')
    const newer = lead({ phone: '14155552671' }, '2025-02-01T00:00:00Z')
    const olderIdentity = await resolve(older)
    await resolve(newer)
    const both = await resolve(lead({ email: 'jane@acme.com', phone: '14155552671' }))
    expect(both).toMatchObject({
      identityId: olderIdentity.identityId,
      duplicateOf: older.leadId,
      matchedOn: ['email'],
    })
  })

  it('returns the same answer when the same lead is resolved twice, changing nothing', async () => {
    const first = lead({ email: 'jane@acme.com' })
    const second = lead({ email: 'jane@acme.com' })
    const answers = [await resolve(first), await resolve(second)]
    expect([await resolve(first), await resolve(second)]).toEqual(answers)
    const { rows } = await pool.query('SELECT lead_count FROM identities')
    expect(rows).toEqual([{ lead_count: 2 }])
  })

  it('ends two concurrent transactions with the same email in one identity', async () => {
    const a = lead({ email: emailKey('Jane@Acme.com') })
    const b = lead({ email: emailKey('jane+ads@acme.com') })
    const [ra, rb] = await Promise.all([resolve(a), resolve(b)])
    expect(ra.identityId).toBe(rb.identityId)
    expect([ra.isDuplicate, rb.isDuplicate].sort()).toEqual([false, true])
    const firstLead = ra.isDuplicate ? b.leadId : a.leadId
    expect((ra.isDuplicate ? ra : rb).duplicateOf).toBe(firstLead)
    expect(await count('identities')).toBe(1)
    expect(await count('identity_keys')).toBe(1)
  })

  it('waits for the transaction holding a key and joins its identity once it commits', async () => {
    const holder = await pool.connect()
    try {
      await holder.query('BEGIN')
      const first = lead({ email: 'jane@acme.com', phone: '14155552671' })
      const original = await store.resolve(holder, first)
      // Same keys in the other order: still no deadlock, because claims are sorted.
      let settled = false
      const waiting = resolve(lead({ phone: '14155552671', email: 'jane@acme.com' })).finally(() => {
        settled = true
      })
      await new Promise((done) => setTimeout(done, 200))
      expect(settled).toBe(false)
      await holder.query('COMMIT')
      expect(await waiting).toMatchObject({ identityId: original.identityId, duplicateOf: first.leadId })
    } finally {
      holder.release()
    }
  })

  it('keeps one identity when many replicas resolve leads with shared keys at once', async () => {
    const leads = Array.from({ length: 10 }, (_, i) =>
      lead(
        i % 2
          ? { email: 'jane@acme.com', phone: '14155552671' }
          : { phone: '14155552671', email: 'jane@acme.com' },
      ),
    )
    const results = await Promise.all(leads.map(resolve))
    expect(new Set(results.map((r) => r.identityId)).size).toBe(1)
    expect(results.filter((r) => !r.isDuplicate)).toHaveLength(1)
    const { rows } = await pool.query('SELECT lead_count FROM identities')
    expect(rows).toEqual([{ lead_count: 10 }])
  })

  it('gives one answer when a second transaction resolves the same lead before the first commits', async () => {
    const same = lead({ email: 'jane@acme.com' })
    const holder = await pool.connect()
    try {
      await holder.query('BEGIN')
      const first = await store.resolve(holder, same)
      const second = resolve(same)
      await new Promise((done) => setTimeout(done, 100))
      await holder.query('COMMIT')
      expect(await second).toEqual(first)
    } finally {
      holder.release()
    }
    expect(await count('identities')).toBe(1)
    expect(await count('identity_leads')).toBe(1)
  })

  it('gives a lead without keys an identity of its own', async () => {
    const [r1, r2] = [await resolve(lead({})), await resolve(lead({}))]
    expect(r1.identityId).not.toBe(r2.identityId)
    expect([r1.isDuplicate, r2.isDuplicate]).toEqual([false, false])
  })
})
