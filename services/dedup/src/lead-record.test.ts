import type { Enrichment, LeadSnapshot } from '@leadwire/contracts'
import { exampleLead } from '@leadwire/contracts/examples'
import { describe, expect, it } from 'vitest'
import { loadDedupConfig } from './config.ts'
import { leadDomain, leadRawRecord } from './lead-record.ts'

const lead = (over: Partial<LeadSnapshot>): LeadSnapshot => ({ ...exampleLead, ...over })
const enrichment = (over: Partial<Enrichment> = {}): Enrichment => ({
  provenance: {},
  completeness: 1,
  missing: [],
  providers: [],
  ...over,
})
const email = (address: string, kind: NonNullable<Enrichment['email']>['kind']) => ({
  email: { normalized: address, domain: address.split('@')[1] ?? '', kind },
})

describe('leadDomain', () => {
  it.each([
    ['the company domain first', { domain: 'www.acme.com' }, email('j@other.com', 'work'), 'acme.com'],
    ['a work email', {}, email('j@mail.acme.co.uk', 'work'), 'acme.co.uk'],
    ['a role address', {}, email('sales@acme.com', 'role'), 'acme.com'],
    ['never a free-mail one', {}, email('j@gmail.com', 'free'), undefined],
    ['never an invalid one', {}, email('j@acme', 'invalid'), undefined],
  ])('takes %s', (_, company, enriched, domain) => {
    expect(leadDomain(lead({ contact: {}, company }), enrichment(enriched))).toBe(domain)
  })
})

describe('leadRawRecord', () => {
  it('maps contact, company, validated phone and the usual custom fields', () => {
    const raw = leadRawRecord(
      lead({
        contact: { firstName: 'Dana', lastName: 'Whitfield', email: 'Dana@acme.com', phone: '415 555 0142' },
        company: { name: 'Acme', country: 'US' },
        custom: { Postal_Code: 'SW1A 1AA', date_of_birth: '1980-02-03', City: 'London', fleet: 3 },
      }),
      enrichment({ phoneE164: '+14155550142' }),
    )
    expect(raw).toMatchObject({
      firstName: 'Dana',
      lastName: 'Whitfield',
      email: 'Dana@acme.com',
      phone: '+14155550142',
      country: 'US',
      company: 'Acme',
      domain: 'acme.com',
      postcode: 'SW1A 1AA',
      dob: '1980-02-03',
      city: 'London',
    })
  })

  it('drops an email enrichment found invalid', () => {
    expect(
      leadRawRecord(lead({ contact: { email: 'x@y.io' } }), enrichment(email('x@y', 'invalid'))).email,
    ).toBeUndefined()
  })
})

describe('loadDedupConfig', () => {
  it('defaults the thresholds and refuses a review threshold above the merge one', () => {
    expect(loadDedupConfig({}).thresholds).toEqual({ merge: 0.95, review: 0.5 })
    expect(() => loadDedupConfig({ DEDUP_MERGE_THRESHOLD: '0.6', DEDUP_REVIEW_THRESHOLD: '0.7' })).toThrow(
      /must not exceed/,
    )
    expect(() => loadDedupConfig({ DEDUP_MERGE_THRESHOLD: '2' })).toThrow(/DEDUP_MERGE_THRESHOLD/)
  })
})
