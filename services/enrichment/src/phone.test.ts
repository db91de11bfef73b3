import { describe, expect, it } from 'vitest'
import { parsePhone } from './phone.ts'

describe('parsePhone', () => {
  it('reads a national number with the company country as the default', () => {
    expect(parsePhone('(415) 555-2671', 'US')).toEqual({ e164: '+14155552671', country: 'US' })
    expect(parsePhone('030 123456', 'DE')).toEqual({ e164: '+4930123456', country: 'DE' })
  })

  it('reads an international number whatever the default country', () => {
    expect(parsePhone('+44 20 7946 0958', 'US')).toEqual({ e164: '+442079460958', country: 'GB' })
    expect(parsePhone('0044 20 7946 0958', 'DE')).toEqual({ e164: '+442079460958', country: 'GB' })
  })

  it('leaves out the country of a number that belongs to none', () => {
    expect(parsePhone('+800 1234 5678')).toEqual({ e164: '+80012345678' })
  })

  it('rejects numbers that are not real, and national numbers without a country', () => {
    expect(parsePhone('12345', 'US')).toBeUndefined()
    expect(parsePhone('555-0100', 'US')).toBeUndefined()
    expect(parsePhone('(415) 555-2671')).toBeUndefined()
    expect(parsePhone('call me', 'US')).toBeUndefined()
  })

  it('ignores a default country that is not an ISO code', () => {
    expect(parsePhone('(415) 555-2671', 'XX')).toBeUndefined()
  })
})
