import { describe, expect, it } from 'vitest'
import { fromFormFields } from './form-fields.ts'

describe('form fields to a lead', () => {
  it('maps flat names, nested paths, numbers and checkboxes, and takes `redirect` aside', () => {
    const { body, redirect } = fromFormFields({
      email: 'sam@globex.io',
      company: 'Globex',
      employees: '250',
      'company.industry': 'Energy',
      utm_source: 'linkedin',
      'consent.marketing': 'on',
      'custom.budget': '50k',
      redirect: 'https://www.globex.example/thanks',
    })
    expect(body).toEqual({
      contact: { email: 'sam@globex.io' },
      company: { name: 'Globex', employees: 250, industry: 'Energy' },
      source: { utm: { source: 'linkedin' } },
      consent: { marketing: true },
      custom: { budget: '50k' },
    })
    expect(redirect).toBe('https://www.globex.example/thanks')
  })

  it('turns the honeypot and start time into anti-spam hints, dropping a start time that is not a number', () => {
    expect(fromFormFields({ email: 'a@b.co', _hp: 'x', _started: '1700000000000' }).body.antiSpam).toEqual({
      honeypot: 'x',
      startedAt: 1700000000000,
    })
    expect(fromFormFields({ email: 'a@b.co', _hp: '', _started: 'NaN' }).body.antiSpam).toBeUndefined()
    // A zero or an overflowing start time used to reach the schema and cost the lead a 400.
    for (const started of ['0', '99999999999999999999']) {
      expect(fromFormFields({ email: 'a@b.co', _started: started }).body.antiSpam).toBeUndefined()
    }
  })

  it('refuses field names that would reach an object prototype', () => {
    expect(() => fromFormFields({ '__proto__.polluted': 'yes' })).toThrow(/not allowed/)
    expect(() => fromFormFields({ 'custom.constructor': 'x' })).toThrow(/not allowed/)
    expect(() => fromFormFields({ constructor: 'x' })).toThrow(/not allowed/)
    expect(fromFormFields({ toString: 'x' }).body).toEqual({ toString: 'x' })
  })
})
