import { randomUUID } from 'node:crypto'
import { type LeadEnrichedV1, leadCapturedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { exampleLeadCaptured } from '@leadwire/contracts/examples'
import { createTestNamespace, deliver, type TestNamespace, takeOutbox } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEnrichmentSubscriptions } from '../src/consumer.ts'

let ns: TestNamespace
const subs = createEnrichmentSubscriptions({
  requiredFields: ['email', 'phone', 'title', 'employees'],
  clock: () => new Date('2026-12-04T10:00:00Z'),
})

beforeAll(async () => {
  ns = await createTestNamespace()
  await ns.migrate()
})
afterAll(() => ns.cleanup())

const captured = (contact: Record<string, string>) => {
  const leadId = randomUUID()
  return {
    ...exampleLeadCaptured,
    lead: { ...exampleLeadCaptured.lead, leadId, contact, company: { name: 'Initech' } },
  }
}

describe('enrichment consumer', () => {
  it('emits leads.enriched.v1 with derived fields, their provenance and completeness', async () => {
    const data = captured({ email: 'Jo.Park@Initech.com', title: 'Sr. Director, IT' })
    await deliver(ns, 'enrichment', subs, leadCapturedV1, data)
    const [out] = await takeOutbox(ns, 'enrichment')
    expect(out?.type).toBe(leadEnrichedV1.type)
    const { enrichment } = out!.data as LeadEnrichedV1
    expect(enrichment.email).toEqual({
      normalized: 'jo.park@initech.com',
      domain: 'initech.com',
      kind: 'work',
    })
    expect(enrichment).toMatchObject({
      companyDomain: 'initech.com',
      seniority: 'director',
      department: 'it',
    })
    expect(enrichment.provenance.seniority?.source).toBe('derived')
    expect(enrichment.missing).toContain('phone')
  })

  it('has its effect once when the same event is delivered twice', async () => {
    const data = captured({ email: 'twice@globex.com' })
    const id = randomUUID()
    expect(await deliver(ns, 'enrichment', subs, leadCapturedV1, data, id)).toBe('handled')
    expect(await deliver(ns, 'enrichment', subs, leadCapturedV1, data, id)).toBe('duplicate')
    expect(await takeOutbox(ns, 'enrichment')).toHaveLength(1)
  })
})
