import { enrichment as enrichmentSchema, type LeadSnapshot } from '@leadwire/contracts'
import { describe, expect, it } from 'vitest'
import { completeEnrichment, enoughFor } from './assemble.ts'
import { deriveFields } from './derive.ts'
import type { Hit, WaterfallResult } from './firmographics/waterfall.ts'

const now = new Date('2026-12-04T10:00:00.000Z')
const loadedAt = new Date('2026-11-01T08:00:00.000Z')
const fetchedAt = new Date('2026-12-03T09:00:00.000Z')

const lead = (
  company: LeadSnapshot['company'] = {},
  contact: LeadSnapshot['contact'] = {},
): LeadSnapshot => ({
  leadId: '0b6f7c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
  capturedAt: '2026-12-04T09:59:59.000Z',
  contact: { email: 'jo@initech.com', ...contact },
  company,
  source: { channel: 'inbound_form' },
  consent: {},
  custom: {},
})

const local: Hit = {
  provider: 'local',
  record: {
    name: 'Initech',
    industry: 'Software',
    employeeBand: '501-1000',
    country: 'US',
    technologies: [],
  },
  asOf: loadedAt,
}
const clearbit: Hit = {
  provider: 'clearbit',
  record: { name: 'Initech Inc', employees: 640, revenueBand: '$100M-$250M', technologies: ['Okta'] },
  asOf: fetchedAt,
}
const result = (hits: Hit[]): WaterfallResult => ({
  hits,
  statuses: hits.map((h) => ({ name: h.provider, status: 'hit' })),
})

async function enrich(l: LeadSnapshot, hits: Hit[], requiredFields: string[] = []) {
  return completeEnrichment(l, deriveFields(l, now), { now, requiredFields, firmographics: result(hits) })
}

describe('completeEnrichment with firmographics', () => {
  it('fills what the lead left out, first provider first, each value with its provider and time', async () => {
    const e = await enrich(lead(), [local, clearbit], ['employees', 'industry', 'country', 'companyName'])
    expect(e).toMatchObject({
      employees: 501,
      industry: 'Software',
      country: 'US',
      region: 'NAMER',
      completeness: 1,
      firmographics: {
        name: 'Initech',
        industry: 'Software',
        employeeBand: '501-1000',
        revenueBand: '$100M-$250M',
        country: 'US',
        technologies: ['Okta'],
      },
      providers: [
        { name: 'local', status: 'hit' },
        { name: 'clearbit', status: 'hit' },
      ],
    })
    expect(e.provenance).toMatchObject({
      employees: { source: 'local', at: loadedAt.toISOString() },
      industry: { source: 'local', at: loadedAt.toISOString() },
      country: { source: 'local', at: loadedAt.toISOString() },
      firmographics: { source: 'local', at: loadedAt.toISOString() },
      'firmographics.name': { source: 'local', at: loadedAt.toISOString() },
      'firmographics.revenueBand': { source: 'clearbit', at: fetchedAt.toISOString() },
      'firmographics.technologies': { source: 'clearbit', at: fetchedAt.toISOString() },
      region: { source: 'derived', at: now.toISOString() },
    })
    expect(enrichmentSchema.parse(e)).toEqual(e)
  })

  it('never overwrites a value the lead supplied', async () => {
    const e = await enrich(lead({ employees: 40, industry: 'Fintech', country: 'DE' }), [local, clearbit])
    expect(e).toMatchObject({ employees: 40, industry: 'Fintech', country: 'DE', region: 'EMEA' })
    expect(e.provenance).toMatchObject({
      employees: { source: 'submitted' },
      industry: { source: 'submitted' },
      country: { source: 'submitted' },
    })
    expect(e.firmographics?.country).toBe('US')
  })

  it('trusts a provider country over a phone or ccTLD guess', async () => {
    const l = lead({}, { email: 'jo@initech.fr', phone: '+44 20 7946 0958' })
    const e = await enrich(l, [local])
    expect(e).toMatchObject({ country: 'US', phoneCountry: 'GB', timezone: 'Europe/London' })
  })

  it('uses an exact head count over a band when a provider has one', async () => {
    const e = await enrich(lead(), [clearbit, local])
    expect(e.employees).toBe(640)
    expect(e.provenance.employees?.source).toBe('clearbit')
  })
})

describe('enoughFor', () => {
  it('stops at the first answer when nothing required is left to fill', () => {
    const enough = enoughFor(deriveFields(lead({ employees: 10 }), now), ['employees', 'email'])
    expect(enough([clearbit])).toBe(true)
  })

  it('goes on while a required field no answer has is still unknown', () => {
    const draft = deriveFields(lead(), now)
    expect(enoughFor(draft, ['industry', 'employees'])([clearbit])).toBe(false)
    expect(enoughFor(draft, ['industry', 'employees'])([clearbit, local])).toBe(true)
  })

  it('does not ask for a country the phone will give anyway', () => {
    const draft = deriveFields(lead({}, { phone: '+44 20 7946 0958' }), now)
    expect(enoughFor(draft, ['country'])([clearbit])).toBe(true)
  })
})
