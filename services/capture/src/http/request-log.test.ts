import { describe, expect, it } from 'vitest'
import { maskKey } from './request-log.ts'

describe('request log', () => {
  it('masks a key in the URL, wherever it sits in the query', () => {
    expect(maskKey('/v1/leads?key=lwsk_abc')).toBe('/v1/leads?key=[masked]')
    expect(maskKey('/v1/leads?a=1&key=lwpk_x&b=2')).toBe('/v1/leads?a=1&key=[masked]&b=2')
    expect(maskKey('/v1/leads?monkey=1')).toBe('/v1/leads?monkey=1')
  })
})
