import { getCountries } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import { regionCountries, regionOf } from './region.ts'

describe('regionOf', () => {
  it('places every country that has a telephone plan in exactly one region', () => {
    const listed = regionCountries()
    expect(new Set(listed).size).toBe(listed.length)
    expect(getCountries().filter((c) => regionOf(c) === undefined)).toEqual([])
  })

  it.each([
    ['US', 'NAMER'],
    ['CA', 'NAMER'],
    ['PR', 'NAMER'],
    ['MX', 'LATAM'],
    ['BR', 'LATAM'],
    ['JM', 'LATAM'],
    ['GB', 'EMEA'],
    ['DE', 'EMEA'],
    ['AE', 'EMEA'],
    ['IL', 'EMEA'],
    ['IR', 'EMEA'],
    ['KZ', 'EMEA'],
    ['ZA', 'EMEA'],
    ['NG', 'EMEA'],
    ['IN', 'APAC'],
    ['JP', 'APAC'],
    ['SG', 'APAC'],
    ['AU', 'APAC'],
    ['NZ', 'APAC'],
    ['de', 'EMEA'],
    ['XX', undefined],
    [undefined, undefined],
  ])('puts %j in %j', (country, region) => {
    expect(regionOf(country)).toBe(region)
  })
})
