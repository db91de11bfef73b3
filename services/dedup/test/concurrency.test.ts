import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveLead } from '../src/resolve-lead.ts'
import { count, createDedupNamespace, type DedupNamespace, enrichedLead, inTx, tag } from './support.ts'

let d: DedupNamespace
beforeAll(async () => {
  d = await createDedupNamespace('dc')
})
afterAll(() => d.ns.cleanup())

const resolve = (lead: ReturnType<typeof enrichedLead>) =>
  inTx(d.ns, (tx) => resolveLead(tx, d.deps, lead.lead, lead.enrichment))

/** Two spellings of one person that share no exact identifier: only fuzzy matching joins them. */
function nearTwins(t: string) {
  return [
    enrichedLead({
      contact: { firstName: 'Katherine', lastName: `Osei${t}`, email: `kosei${t}@wayne.com` },
      company: { name: 'Wayne Enterprises' },
    }),
    enrichedLead({
      contact: { firstName: 'Kathrine', lastName: `Osei${t}`, email: `k.osei${t}@wayne.com` },
      company: { name: 'Wayne Enterprises, Inc.' },
    }),
  ]
}

async function waitersOnAdvisoryLocks(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
  )
  return rows[0].n
}

describe('two replicas resolving near-identical leads at the same instant', () => {
  it('makes the second wait for the first to commit and join its identity', async () => {
    const [a, b] = nearTwins(tag())
    const holder = await d.ns.pool.connect()
    try {
      await holder.query(`BEGIN; SET LOCAL search_path TO ${d.schema}`)
      const first = await resolveLead(holder, d.deps, a!.lead, a!.enrichment)
      const second = resolve(b!)
      // Observed, not timed: the other transaction is queued on one of this lead's key locks.
      while ((await waitersOnAdvisoryLocks(d.ns.pool)) === 0) await new Promise((r) => setTimeout(r, 10))
      await holder.query('COMMIT')
      const joined = await second
      expect(joined).toMatchObject({
        identityId: first.identityId,
        decision: 'merge',
        duplicateOf: a!.lead.leadId,
      })
    } finally {
      holder.release()
    }
  })

  it('ends eight concurrent submissions of one person in one identity', async () => {
    const t = tag()
    const leads = Array.from({ length: 8 }, (_, i) =>
      enrichedLead({
        contact: {
          firstName: i % 2 ? 'Kate' : 'Katherine',
          lastName: `Mensah${t}`,
          email: `kmensah${t}${i % 3 ? '' : `+${i}`}@stark.com`,
        },
        company: { name: i % 2 ? 'Stark Industries' : 'Stark Industries LLC' },
      }),
    )
    const results = await Promise.all(leads.map(resolve))
    expect(new Set(results.map((r) => r.identityId)).size).toBe(1)
    expect(results.filter((r) => !r.isDuplicate)).toHaveLength(1)
    expect(await count(d.ns, 'identities', `id = '${results[0]?.identityId}' AND lead_count = 8`)).toBe(1)
  })
})
