import { getCountries } from 'libphonenumber-js/max'
import { describe, expect, it } from 'vitest'
import {
  countriesWithoutPrimaryZone,
  countryTimeZones,
  inferTimeZone,
  primaryZoneCountries,
  primaryZoneOf,
  timeZoneOfCountry,
  timeZoneOfPhone,
} from './timezone.ts'

describe('timeZoneOfCountry', () => {
  it("has a primary zone, from the country's own list, for every multi-zone country but US, CA and AU", () => {
    const multiZone = getCountries().filter((c) => countryTimeZones(c).length > 1)
    const covered = [...primaryZoneCountries(), ...countriesWithoutPrimaryZone]
    expect(multiZone.filter((c) => !covered.includes(c))).toEqual([])
    for (const c of primaryZoneCountries()) expect(countryTimeZones(c), c).toContain(primaryZoneOf(c))
  })

  it.each([
    ['FR', 'Europe/Paris'],
    ['GB', 'Europe/London'],
    ['IN', 'Asia/Calcutta'],
    ['JP', 'Asia/Tokyo'],
    ['DE', 'Europe/Berlin'],
    ['ES', 'Europe/Madrid'],
    ['BR', 'America/Sao_Paulo'],
    ['us', undefined],
    ['CA', undefined],
    ['AU', undefined],
    ['XX', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (country, zone) => {
    expect(timeZoneOfCountry(country)).toBe(zone)
  })
})

describe('timeZoneOfPhone', () => {
  it.each([
    ['+14155552671', 'America/Los_Angeles'],
    ['+12125550100', 'America/New_York'],
    ['+13125550100', 'America/Chicago'],
    ['+13035550100', 'America/Denver'],
    ['+16045550100', 'America/Vancouver'],
    ['+61291234567', 'Australia/Sydney'],
    ['+61732345678', 'Australia/Brisbane'],
    ['+61893123456', undefined],
    ['+442079460958', 'Europe/London'],
    ['+4930123456', 'Europe/Berlin'],
    ['+18005550100', undefined],
    ['+80012345678', undefined],
    ['not a number', undefined],
  ])('reads %s as %j (undefined when the range spans zones)', async (e164, zone) => {
    expect(await timeZoneOfPhone(e164)).toBe(zone)
  })
})

describe('inferTimeZone', () => {
  it('prefers the phone range, where the person answers, over the company country', async () => {
    expect(await inferTimeZone('+14155552671', 'DE')).toBe('America/Los_Angeles')
  })

  it('falls back to the country when the phone spans several zones or is absent', async () => {
    expect(await inferTimeZone('+18005550100', 'FR')).toBe('Europe/Paris')
    expect(await inferTimeZone(undefined, 'JP')).toBe('Asia/Tokyo')
    expect(await inferTimeZone(undefined, 'US')).toBeUndefined()
  })
})
