import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trigramSimilarity } from '../src/accounts/trigram.ts'
import { resolveLead } from '../src/resolve-lead.ts'
import { upsertCrmAccount } from '../src/store/pg-accounts.ts'
import { createDedupNamespace, type DedupNamespace, enrichedLead, inTx, tag } from './support.ts'

let d: DedupNamespace
beforeAll(async () => {
  d = await createDedupNamespace('da')
})
afterAll(() => d.ns.cleanup())

const resolve = (lead: ReturnType<typeof enrichedLead>) =>
  inTx(d.ns, (tx) => resolveLead(tx, d.deps, lead.lead, lead.enrichment))

describe('lead-to-account matching on Postgres', () => {
  it('links a lead without a work domain to a CRM account by fuzzy name confirmed by country', async () => {
    const t = tag()
    await inTx(d.ns, (tx) =>
      upsertCrmAccount(
        tx,
        { name: `northwind logistics ${t}`, country: 'US', crmId: `crm-${t}`, ownerRepId: 'rep_7' },
        `Northwind Logistics ${t}`,
        [`northwind-${t}.com`],
      ),
    )
    const lead = enrichedLead({
      contact: { firstName: 'Dana', email: `dana${t}@gmail.com` },
      company: { name: `Northwind Logistic ${t} Inc.`, country: 'US' },
    })
    const r = await resolve(lead)
    expect(r.account).toMatchObject({
      matchedBy: 'name',
      corroboratedBy: ['country'],
      ownerRepId: 'rep_7',
      crmId: `crm-${t}`,
    })
    const byDomain = await resolve(enrichedLead({ contact: { email: `ops@northwind-${t}.com` } }))
    expect(byDomain.account).toMatchObject({ matchedBy: 'domain', accountId: r.account?.accountId })
  })

  it('computes trigram similarity exactly as pg_trgm does, so the evaluation measures the database search', async () => {
    const pairs = [
      ['northwind logistics', 'northwind logistic'],
      ['aalborg university', 'aalborg university denmark'],
      ['ibm almaden research center', 'almaden'],
      ['acme', 'acme'],
      ['a b c', 'xyz'],
    ]
    for (const [a, b] of pairs) {
      const { rows } = await d.ns.pool.query('SELECT public.similarity($1, $2) AS s', [a, b])
      expect(trigramSimilarity(a!, b!)).toBeCloseTo(Number(rows[0].s), 5)
    }
  })
})
