import { randomUUID } from 'node:crypto'
import { type LeadDeduplicatedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { exampleLeadEnriched } from '@leadwire/contracts/examples'
import { createTestNamespace, deliver, type TestNamespace, takeOutbox } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDedupSubscriptions } from '../src/consumer.ts'
import { createPgIdentityStore } from '../src/pg-identity-store.ts'

let ns: TestNamespace
const subs = createDedupSubscriptions({ identities: createPgIdentityStore() })

beforeAll(async () => {
  ns = await createTestNamespace()
  await ns.migrate()
})
afterAll(() => ns.cleanup())

function enriched(email: string) {
  const leadId = randomUUID()
  const base = exampleLeadEnriched
  return {
    lead: {
      ...base.lead,
      leadId,
      contact: { ...base.lead.contact, email },
      capturedAt: new Date().toISOString(),
    },
    enrichment: {
      ...base.enrichment,
      phoneE164: undefined,
      email: {
        normalized: email.toLowerCase(),
        domain: email.split('@')[1]!.toLowerCase(),
        kind: 'work' as const,
      },
    },
  }
}

const dedupOf = async () => ((await takeOutbox(ns, 'dedup'))[0]!.data as LeadDeduplicatedV1).dedup

describe('dedup consumer', () => {
  it('gives a new person a new identity and marks a returning one as a duplicate of the first lead', async () => {
    const first = enriched(`mia.wong.${ns.namespace}@umbrella.com`)
    await deliver(ns, 'dedup', subs, leadEnrichedV1, first)
    const a = await dedupOf()
    expect(a).toMatchObject({ isDuplicate: false, matchedOn: [] })

    const again = enriched(`Mia.Wong.${ns.namespace}+webinar@Umbrella.com`)
    await deliver(ns, 'dedup', subs, leadEnrichedV1, again)
    const b = await dedupOf()
    expect(b).toMatchObject({ isDuplicate: true, identityId: a.identityId, duplicateOf: first.lead.leadId })
    expect(b.matchedOn).toContain('email')
  })
})
