import { describe, expect, it } from 'vitest'
import { readCompanyResponse } from './http-response.ts'

describe('readCompanyResponse', () => {
  it('reads a Clearbit-style company', () => {
    const body = {
      name: 'Initech',
      domain: 'initech.com',
      category: { sector: 'Information Technology', industry: 'Internet Software & Services' },
      metrics: { employees: 640, employeesRange: '251-1K', estimatedAnnualRevenue: '$100M-$250M' },
      geo: { countryCode: 'US', country: 'United States' },
      tech: ['salesforce', 'okta'],
    }
    expect(readCompanyResponse(body)).toEqual({
      name: 'Initech',
      industry: 'Internet Software & Services',
      employees: 640,
      employeeBand: '251-1K',
      revenueBand: '$100M-$250M',
      country: 'US',
      technologies: ['salesforce', 'okta'],
    })
  })

  it('reads an Apollo-style organization', () => {
    const body = {
      organization: {
        name: 'Globex',
        industry: 'oil & energy',
        estimated_num_employees: 12500,
        annual_revenue_printed: '2.1B',
        country: 'United States',
        technology_names: ['SAP'],
      },
    }
    expect(readCompanyResponse(body)).toMatchObject({
      name: 'Globex',
      industry: 'oil & energy',
      employees: 12500,
      country: 'United States',
      technologies: ['SAP'],
    })
  })

  it('keeps the rest of a record when one field has the wrong type', () => {
    const body = { name: 'Initech', metrics: { employees: 'many' }, tech: 'okta', geo: { countryCode: 'US' } }
    expect(readCompanyResponse(body)).toMatchObject({ name: 'Initech', country: 'US', technologies: [] })
    expect(readCompanyResponse(body)?.employees).toBeUndefined()
  })

  it.each([[null], [{}], ['<html>'], [[1, 2]], [{ name: null }]])('rejects %j', (body) => {
    expect(readCompanyResponse(body)).toBeUndefined()
  })
})
