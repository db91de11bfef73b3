import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticPeople } from '../src/bench/synthetic.ts'
import { defaultParams } from '../src/matching/default-params.ts'
import { createModelHolder } from '../src/model-holder.ts'
import { resolveLead } from '../src/resolve-lead.ts'
import { trainFromStore } from '../src/train-from-store.ts'
import { createDedupNamespace, type DedupNamespace, enrichedLead, inTx } from './support.ts'

let d: DedupNamespace
beforeAll(async () => {
  d = await createDedupNamespace('dt')
})
afterAll(() => d.ns.cleanup())

describe('training on the store', () => {
  it('learns parameters from stored leads without labels, and the service picks them up', async () => {
    const people = syntheticPeople(150, 3)
    for (const [i, p] of people.entries()) {
      const lead = enrichedLead({
        contact: { firstName: p.firstName, lastName: p.lastName, email: p.email },
        company: { name: p.company },
      })
      await inTx(d.ns, (tx) => resolveLead(tx, d.deps, lead.lead, lead.enrichment))
      if (i % 2 === 0) {
        const again = enrichedLead({
          contact: { firstName: p.firstName, lastName: p.lastName },
          company: { name: p.company },
        })
        await inTx(d.ns, (tx) => resolveLead(tx, d.deps, again.lead, again.enrichment))
      }
    }
    const run = await inTx(d.ns, (tx) => trainFromStore(tx))
    expect(run.records).toBe(225)
    expect(run.params.comparisons.lastName?.m[0]).toBeGreaterThan(run.params.comparisons.lastName?.u[0] ?? 1)
    const holder = createModelHolder({ pool: d.ns.pool, schema: d.schema, log: d.ns.log })
    expect(holder.current()).toBe(defaultParams)
    await holder.refresh()
    expect(holder.current().prior).toBeCloseTo(run.params.prior, 12)
  })
})
