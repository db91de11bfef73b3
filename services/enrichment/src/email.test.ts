import { describe, expect, it } from 'vitest'
import { classifyEmail, normalizeDomain } from './email.ts'

describe('classifyEmail', () => {
  it('trims and lower-cases the address', () => {
    expect(classifyEmail('  Jane.Doe@Acme.COM ')).toEqual({
      normalized: 'jane.doe@acme.com',
      domain: 'acme.com',
      kind: 'work',
    })
  })

  it.each([
    ['jane@gmail.com', 'free'],
    ['jane@yahoo.co.uk', 'free'],
    ['jane@mailinator.com', 'disposable'],
    ['jane@inbox.mailinator.com', 'disposable'],
    ['info@acme.com', 'role'],
    ['Sales+web@acme.com', 'role'],
    ['customer.service@acme.com', 'role'],
    ['no-reply@acme.com', 'role'],
    ['information@acme.com', 'work'],
    ['jane@acme', 'invalid'],
    ['jane@@acme.com', 'invalid'],
    ['@acme.com', 'invalid'],
    ['jane@-acme.com', 'invalid'],
    ['jane..doe@acme.com', 'invalid'],
    ['jane@acme.c0m', 'invalid'],
  ])('classifies %s as %s', (email, kind) => {
    expect(classifyEmail(email).kind).toBe(kind)
  })

  it('prefers free over role so that a role address always sits on a company domain', () => {
    expect(classifyEmail('info@gmail.com').kind).toBe('free')
  })
})

describe('normalizeDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['WWW.ACME.CO.UK.', 'acme.co.uk'],
    ['acme.com:8080', 'acme.com'],
    ['Acme Inc', undefined],
    ['localhost', undefined],
  ])('turns %j into %j', (raw, domain) => {
    expect(normalizeDomain(raw)).toBe(domain)
  })
})
