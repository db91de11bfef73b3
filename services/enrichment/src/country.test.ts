import { describe, expect, it } from 'vitest'
import { countryFromDomain } from './country.ts'

describe('countryFromDomain', () => {
  it.each([
    ['acme.de', 'DE'],
    ['acme.co.uk', 'GB'],
    ['acme.fr', 'FR'],
    ['acme.com', undefined],
    ['acme.io', undefined],
    ['acme.ai', undefined],
    ['acme.eu', undefined],
  ])('reads %s as %j', (domain, country) => {
    expect(countryFromDomain(domain)).toBe(country)
  })
})
