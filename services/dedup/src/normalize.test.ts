import type { Enrichment, LeadSnapshot } from '@leadwire/contracts'
import { describe, expect, it } from 'vitest'
import {
  matchKeys,
  normalizeCompanyName,
  normalizeEmail,
  normalizePersonName,
  normalizePhone,
} from './normalize.ts'

function buildLead(
  contact: LeadSnapshot['contact'] = {},
  company: LeadSnapshot['company'] = {},
): LeadSnapshot {
  return {
    leadId: '0b6f7c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f',
    capturedAt: '2025-03-01T11:59:59.000Z',
    contact,
    company,
    source: { channel: 'inbound_form' },
    consent: {},
    custom: {},
  }
}

function buildEnrichment(fields: Partial<Enrichment> = {}): Enrichment {
  return { provenance: {}, completeness: 1, missing: [], providers: [], ...fields }
}

describe('normalizeEmail', () => {
  it.each([
    ['Jane.Doe@Acme.com', 'jane.doe@acme.com'],
    ['  jane+newsletter@acme.com ', 'jane@acme.com'],
    ['Jane.Doe+x@gmail.com', 'janedoe@gmail.com'],
    ['j.a.n.e@googlemail.com', 'jane@gmail.com'],
    ['+tag@acme.com', undefined],
    ['jane@', undefined],
    ['acme.com', undefined],
  ])('turns %j into %j', (raw, key) => {
    expect(normalizeEmail(raw)).toBe(key)
  })
})

describe('normalizePhone', () => {
  it('keeps the digits of an international number', () => {
    expect(normalizePhone('+1 (415) 555-2671')).toBe('14155552671')
    expect(normalizePhone('+442079460958')).toBe('442079460958')
  })

  it('refuses numbers without a country code or of impossible length', () => {
    expect(normalizePhone('(415) 555-2671')).toBeUndefined()
    expect(normalizePhone('+1 555')).toBeUndefined()
    expect(normalizePhone('+1234567890123456')).toBeUndefined()
  })
})

describe('normalizePersonName', () => {
  it.each([
    ["O'Brien", 'obrien'],
    ['Núñez-García', 'nunezgarcia'],
    ['De la Cruz', 'delacruz'],
    ['Strauß', 'strauss'],
    ['Søren', 'soren'],
  ])('turns %j into %j', (raw, key) => {
    expect(normalizePersonName(raw)).toBe(key)
  })
})

describe('normalizeCompanyName', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['The Acme Company', 'acme'],
    ['ACME L.L.C.', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Müller & Söhne GmbH', 'muller and sohne'],
    ['Société Générale S.A.', 'societe generale'],
    ['The Company', 'company'],
    ['Inc', 'inc'],
    ['!!!', undefined],
  ])('turns %j into %j', (raw, key) => {
    expect(normalizeCompanyName(raw)).toBe(key)
  })
})

describe('matchKeys', () => {
  it('builds every key the lead has parts for', () => {
    const lead = buildLead(
      { email: 'Jane+web@Acme.com', firstName: 'Jané', lastName: "O'Doe" },
      { name: 'Acme Inc.' },
    )
    const enrichment = buildEnrichment({
      email: { normalized: 'jane+web@acme.com', domain: 'acme.com', kind: 'work' },
      phoneE164: '+14155552671',
    })
    expect(matchKeys(lead, enrichment)).toEqual({
      email: 'jane@acme.com',
      phone: '14155552671',
      nameCompany: 'jane odoe|acme',
    })
  })

  it('leaves out an invalid email, an unvalidated phone and a partial name', () => {
    const lead = buildLead(
      { email: 'jane@acme.com', phone: '+1 111 111 1111', firstName: 'Jane' },
      { name: 'Acme' },
    )
    const enrichment = buildEnrichment({
      email: { normalized: 'jane@acme', domain: 'acme', kind: 'invalid' },
    })
    expect(matchKeys(lead, enrichment)).toEqual({})
  })

  it('falls back to the submitted email when enrichment has none', () => {
    expect(matchKeys(buildLead({ email: 'Jane@Acme.com' }), buildEnrichment())).toEqual({
      email: 'jane@acme.com',
    })
  })
})
