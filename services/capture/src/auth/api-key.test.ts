import { describe, expect, it } from 'vitest'
import { generateToken, hashToken, kindOfToken, validateNewKey } from './api-key.ts'

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
})
