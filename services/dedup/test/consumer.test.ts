import { type LeadDeduplicatedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { deliver, takeOutbox } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDedupSubscriptions } from '../src/consumer.ts'
import { createDedupNamespace, type DedupNamespace, enrichedLead, tag } from './support.ts'

let d: DedupNamespace
beforeAll(async () => {
  d = await createDedupNamespace('du')
})
afterAll(() => d.ns.cleanup())

const dedupOf = async () => ((await takeOutbox(d.ns, 'dedup'))[0]!.data as LeadDeduplicatedV1).dedup

describe('dedup consumer on the runtime transaction path', () => {
  it('publishes a new person, then a returning one as a duplicate of the first lead with its evidence', async () => {
    const subs = createDedupSubscriptions(d.deps)
    const t = tag()
    const first = enrichedLead({ contact: { firstName: 'Mia', email: `mia.wong.${t}@umbrella.com` } })
    expect(await deliver(d.ns, 'dedup', subs, leadEnrichedV1, first)).toBe('handled')
    const a = await dedupOf()
    expect(a).toMatchObject({ isDuplicate: false, matchedOn: [], decision: 'distinct' })

    const again = enrichedLead({ contact: { firstName: 'Mia', email: `Mia.Wong.${t}+webinar@Umbrella.com` } })
    await deliver(d.ns, 'dedup', subs, leadEnrichedV1, again)
    const b = await dedupOf()
    expect(b).toMatchObject({
      isDuplicate: true,
      identityId: a.identityId,
      duplicateOf: first.lead.leadId,
      decision: 'merge',
    })
    expect(b.matchedOn).toContain('email')
  })

  it('handles a redelivered event once', async () => {
    const subs = createDedupSubscriptions(d.deps)
    const lead = enrichedLead({ contact: { email: `redelivered-${tag()}@acme.com` } })
    const id = crypto.randomUUID()
    expect(await deliver(d.ns, 'dedup', subs, leadEnrichedV1, lead, id)).toBe('handled')
    expect(await deliver(d.ns, 'dedup', subs, leadEnrichedV1, lead, id)).toBe('duplicate')
    expect(await takeOutbox(d.ns, 'dedup')).toHaveLength(1)
  })
})
