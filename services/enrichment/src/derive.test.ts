import { enrichment as enrichmentSchema, type LeadSnapshot } from '@leadwire/contracts'
import { describe, expect, it } from 'vitest'
import { enrichLead } from './assemble.ts'

const now = new Date('2025-03-01T12:00:00.000Z')
const at = now.toISOString()

function buildLead(
  overrides: { contact?: LeadSnapshot['contact']; company?: LeadSnapshot['company'] } = {},
): LeadSnapshot {
  return {
    leadId: '0b6f7c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
    capturedAt: '2025-03-01T11:59:59.000Z',
    contact: overrides.contact ?? {},
    company: overrides.company ?? {},
    source: { channel: 'inbound_form' },
    consent: {},
    custom: {},
  }
}

describe('enrichLead without providers', () => {
  it('derives every field it can from a typical form fill, each with provenance', async () => {
    const lead = buildLead({
      contact: { email: 'Jane.Doe@Acme.com', phone: '(415) 555-2671', title: 'VP of Sales' },
      company: { name: 'Acme', employees: 800, industry: 'Software', country: 'US' },
    })
    const result = await enrichLead(lead, { now, requiredFields: ['email', 'phone', 'seniority', 'country'] })
    expect(result).toMatchObject({
      email: { normalized: 'jane.doe@acme.com', domain: 'acme.com', kind: 'work' },
      companyDomain: 'acme.com',
      phoneE164: '+14155552671',
      phoneCountry: 'US',
      seniority: 'vp',
      department: 'sales',
      country: 'US',
      region: 'NAMER',
      timezone: 'America/Los_Angeles',
      employees: 800,
      industry: 'Software',
      completeness: 1,
      missing: [],
      providers: [],
    })
    expect(result.provenance).toEqual({
      email: { source: 'derived', at },
      companyDomain: { source: 'derived', at },
      phoneE164: { source: 'derived', at },
      phoneCountry: { source: 'derived', at },
      seniority: { source: 'derived', at },
      department: { source: 'derived', at },
      country: { source: 'submitted', at },
      employees: { source: 'submitted', at },
      industry: { source: 'submitted', at },
      region: { source: 'derived', at },
      timezone: { source: 'derived', at },
    })
    expect(enrichmentSchema.parse(result)).toEqual(result)
  })

  it('never overrides a submitted company domain or country with a derived one', async () => {
    const lead = buildLead({
      contact: { email: 'jane@acme-mail.com', phone: '+44 20 7946 0958' },
      company: { domain: 'https://www.Acme.io/', country: 'DE' },
    })
    const result = await enrichLead(lead, { now, requiredFields: [] })
    expect(result.companyDomain).toBe('acme.io')
    expect(result.provenance.companyDomain?.source).toBe('submitted')
    expect(result.country).toBe('DE')
    expect(result.phoneCountry).toBe('GB')
  })

  it('takes no company domain from a free, disposable or invalid address', async () => {
    for (const email of ['jane@gmail.com', 'jane@mailinator.com', 'jane@acme']) {
      expect(
        (await enrichLead(buildLead({ contact: { email } }), { now, requiredFields: [] })).companyDomain,
      ).toBeUndefined()
    }
  })

  it('takes the company domain from a role address', async () => {
    const result = await enrichLead(buildLead({ contact: { email: 'sales@acme.de' } }), {
      now,
      requiredFields: [],
    })
    expect(result).toMatchObject({ email: { kind: 'role' }, companyDomain: 'acme.de', country: 'DE' })
  })

  it('finds the country from the phone when none was submitted, else from the ccTLD', async () => {
    const byPhone = await enrichLead(
      buildLead({ contact: { email: 'jane@acme.fr', phone: '+44 20 7946 0958' } }),
      {
        now,
        requiredFields: [],
      },
    )
    expect(byPhone.country).toBe('GB')
    const byDomain = await enrichLead(buildLead({ contact: { email: 'jane@acme.fr' } }), {
      now,
      requiredFields: [],
    })
    expect(byDomain).toMatchObject({ country: 'FR', provenance: { country: { source: 'derived', at } } })
    const generic = await enrichLead(buildLead({ contact: { email: 'jane@acme.io' } }), {
      now,
      requiredFields: [],
    })
    expect(generic.country).toBeUndefined()
  })

  it('reports the share of required fields known and lists the rest', async () => {
    const lead = buildLead({ contact: { email: 'jane@acme.com', phone: 'not a phone', title: 'CTO' } })
    const result = await enrichLead(lead, {
      now,
      requiredFields: [
        'email',
        'phone',
        'companyDomain',
        'title',
        'seniority',
        'employees',
        'industry',
        'country',
      ],
    })
    expect(result.completeness).toBe(0.5)
    expect(result.missing).toEqual(['phone', 'employees', 'industry', 'country'])
  })

  it('counts an invalid email and an unknown field name as missing, and nothing required as complete', async () => {
    const lead = buildLead({ contact: { email: 'jane@acme' } })
    expect(await enrichLead(lead, { now, requiredFields: ['email', 'shoeSize'] })).toMatchObject({
      completeness: 0,
      missing: ['email', 'shoeSize'],
    })
    expect((await enrichLead(lead, { now, requiredFields: [] })).completeness).toBe(1)
  })

  it('derives nothing from an empty lead and leaves the lead untouched', async () => {
    const lead = buildLead()
    const before = structuredClone(lead)
    const result = await enrichLead(lead, { now, requiredFields: ['email'] })
    expect(result).toEqual({ provenance: {}, completeness: 0, missing: ['email'], providers: [] })
    expect(lead).toEqual(before)
  })
})
