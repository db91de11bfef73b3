import { describe, expect, it } from 'vitest'
import { maskKey } from './request-log.ts'

describe('request log', () => {
  it('masks a key in the URL, wherever it sits in the query', () => {
    expect(maskKey('/v1/leads?key=lwsk_abc')).toBe('/v1/leads?key=[masked]')
    expect(maskKey('/v1/leads?a=1&key=lwpk_x&b=2')).toBe('/v1/leads?a=1&key=[masked]&b=2')
    expect(maskKey('/v1/leads?monkey=1')).toBe('/v1/leads?monkey=1')
  })

  it('masks a key however the URL spells it: an encoded name, another parameter, the path', () => {
    expect(maskKey('/v1/leads?%6Bey=lwsk_abc')).toBe('/v1/leads?%6Bey=[masked]')
    expect(maskKey('/v1/leads?api_key=lwsk_abc&x=1')).toBe('/v1/leads?api_key=[masked]&x=1')
    expect(maskKey('/v1/leads?t=lw%73k_abc')).toBe('/v1/leads?t=[masked]')
    expect(maskKey('/v1/leads/lwsk_abc/touches')).toBe('/v1/leads/[masked]/touches')
    expect(maskKey('/v1/leads?lwsk_abc')).toBe('/v1/leads?[masked]')
    expect(maskKey('/v1/leads/%E0%A4%A?key=%')).toBe('/v1/leads/%E0%A4%A?key=[masked]')
  })
})
