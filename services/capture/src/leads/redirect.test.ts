import { describe, expect, it } from 'vitest'
import { allowedRedirect } from './redirect.ts'

const origins = ['https://www.acme.example', 'http://localhost:8080']

describe('form redirect after success', () => {
  it('allows a page on one of the key’s origins', () => {
    expect(allowedRedirect('https://www.acme.example/thanks?from=demo', origins)).toBe(
      'https://www.acme.example/thanks?from=demo',
    )
    expect(allowedRedirect(undefined, origins)).toBeUndefined()
  })

  it.each([
    ['another site', 'https://evil.example/phish'],
    ['a look-alike host', 'https://www.acme.example.evil.example/'],
    ['credentials before the host', 'https://www.acme.example@evil.example/'],
    ['the same host on another port', 'https://www.acme.example:8443/thanks'],
    ['plain http for an https origin', 'http://www.acme.example/thanks'],
    ['a relative path', '/thanks'],
    ['a protocol-relative URL', '//evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
  ])('refuses %s', (_, url) => {
    expect(() => allowedRedirect(url, origins)).toThrow(/not on one of this key's origins/)
  })
})
