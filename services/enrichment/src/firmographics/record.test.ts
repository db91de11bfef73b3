import { describe, expect, it } from 'vitest'
import { countryCode, toCompanyRecord } from './record.ts'

describe('countryCode', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    [' de ', 'DE'],
    ['United States', 'US'],
    ['united states of america', 'US'],
    ['USA', 'US'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['Germany', 'DE'],
    ['Japan', 'JP'],
    ['XX', undefined],
    ['Atlantis', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j', (raw, code) => {
    expect(countryCode(raw)).toBe(code)
  })
})

describe('toCompanyRecord', () => {
  it('cleans every part and fills the band from a head count', () => {
    expect(
      toCompanyRecord({
        name: '  Initech ',
        industry: 'Software',
        employees: '1,200',
        country: 'United States',
        technologies: 'Salesforce; Okta |salesforce;;',
      }),
    ).toEqual({
      name: 'Initech',
      industry: 'Software',
      employees: 1200,
      employeeBand: '1001-5000',
      country: 'US',
      technologies: ['Salesforce', 'Okta'],
    })
  })

  it('keeps a stated band over the computed one and drops junk', () => {
    expect(
      toCompanyRecord({
        name: '',
        employees: 'lots',
        employeeBand: '1K-5K',
        country: 'Narnia',
        technologies: null,
      }),
    ).toEqual({ employeeBand: '1K-5K', technologies: [] })
  })

  it('bounds the technology list', () => {
    const many = Array.from({ length: 80 }, (_, i) => `Tool ${i}`)
    expect(toCompanyRecord({ technologies: many }).technologies).toHaveLength(50)
  })
})
