import { describe, expect, it } from 'vitest'
import { expiryFrom, generateToken, hashToken, isExpired, kindOfToken, validateNewKey } from './api-key.ts'

describe('API keys', () => {
  it('makes long random tokens whose prefix tells the kind, and hashes them one way', () => {
    const token = generateToken('secret')
    expect(token).toMatch(/^lwsk_[A-Za-z0-9_-]{32}$/)
    expect(kindOfToken(token)).toBe('secret')
    expect(kindOfToken(generateToken('public'))).toBe('public')
    expect(generateToken('secret')).not.toBe(token)
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('accepts exact origins only: scheme, host and port, nothing after', () => {
    const key = (origins: string[]) => validateNewKey({ name: 'site', kind: 'public', origins })
    expect(key(['https://www.acme.example', 'http://localhost:8080'])).toEqual([])
    expect(key(['https://www.acme.example/'])).toEqual([expect.stringContaining('scheme://host[:port]')])
    expect(key(['www.acme.example'])).toHaveLength(1)
  })

  it('refuses an unknown scope, a nameless key and a rate that is not a positive whole number', () => {
    const problems = validateNewKey({
      name: ' ',
      kind: 'secret',
      scopes: ['leads:delete' as 'leads:read'],
      ratePerMinute: 0,
    })
    expect(problems).toHaveLength(3)
  })

  it('reads an expiry as a span from now or as an ISO 8601 moment, and refuses anything else', () => {
    const now = new Date('2026-03-01T12:00:00Z')
    expect(expiryFrom({ expiresIn: '90d' }, now)?.toISOString()).toBe('2026-05-30T12:00:00.000Z')
    expect(expiryFrom({ expiresIn: '12h' }, now)?.toISOString()).toBe('2026-03-02T00:00:00.000Z')
    expect(expiryFrom({ expiresAt: '2026-12-31' }, now)?.toISOString()).toBe('2026-12-31T00:00:00.000Z')
    expect(expiryFrom({ expiresAt: '2026-12-31T23:59:59+02:00' }, now)?.toISOString()).toBe(
      '2026-12-31T21:59:59.000Z',
    )
    expect(expiryFrom({}, now)).toBeUndefined()
    for (const bad of [
      { expiresIn: '0d' },
      { expiresIn: '90' },
      { expiresIn: '1y' },
      { expiresAt: '31/12/2026' },
    ]) {
      expect(() => expiryFrom(bad, now)).toThrow(/e\.g\./)
    }
    expect(() => expiryFrom({ expiresIn: '1d', expiresAt: '2027-01-01' }, now)).toThrow(/not both/)
  })

  it('refuses a key that would already have expired; a key expires at its moment exactly', () => {
    const now = new Date('2026-03-01T12:00:00Z')
    const key = (expiresAt: Date) => validateNewKey({ name: 'k', kind: 'secret', expiresAt }, now)
    expect(key(new Date('2026-03-01T12:00:01Z'))).toEqual([])
    expect(key(now)).toEqual([expect.stringContaining('in the future')])
    expect(key(new Date('nonsense'))).toHaveLength(1)
    expect(isExpired({ expiresAt: now }, now)).toBe(true)
    expect(isExpired({ expiresAt: undefined }, now)).toBe(false)
  })
})
