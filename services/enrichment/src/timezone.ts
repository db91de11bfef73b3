import { timezones as zonesOfNumber } from 'libphonenumber-geo-carrier'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * The zone where most of a multi-zone country's people and businesses are. Countries with no
 * clear majority (US, CA, AU) are left out on purpose: a lead there gets a time zone only from
 * its phone number, since a guessed one would have reps calling at 6 a.m. Names are the ones
 * ICU reports (e.g. Europe/Kiev), so they compare equal to `countryTimeZones`.
 */
const primaryZones: Readonly<Record<string, string>> = {
  AR: 'America/Buenos_Aires',
  BR: 'America/Sao_Paulo',
  CD: 'Africa/Kinshasa',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CY: 'Asia/Nicosia',
  DE: 'Europe/Berlin',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  FM: 'Pacific/Ponape',
  GL: 'America/Godthab',
  ID: 'Asia/Jakarta',
  KI: 'Pacific/Tarawa',
  KZ: 'Asia/Almaty',
  MH: 'Pacific/Majuro',
  MN: 'Asia/Ulaanbaatar',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  NZ: 'Pacific/Auckland',
  PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby',
  PS: 'Asia/Hebron',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  UA: 'Europe/Kiev',
  UZ: 'Asia/Tashkent',
}

/** Countries spanning several zones with no majority; see `primaryZones`. */
export const countriesWithoutPrimaryZone: readonly string[] = ['US', 'CA', 'AU']

/** Every IANA zone ICU lists for a country (Intl.Locale#getTimeZones), or [] for an unknown code. */
export function countryTimeZones(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as Intl.Locale & {
      getTimeZones?: () => string[]
    }
    return locale.getTimeZones?.() ?? []
  } catch {
    return []
  }
}

/** The one zone a country is in, its primary zone, or undefined when that would be a guess. */
export function timeZoneOfCountry(country: string | undefined): string | undefined {
  if (country === undefined) return undefined
  const zones = countryTimeZones(country)
  if (zones.length === 1) return zones[0]
  return primaryZones[country.toUpperCase()]
}

/**
 * The zone a phone number's range belongs to (Google's libphonenumber prefix data: +1 415 is
 * America/Los_Angeles), when the range has exactly one; toll-free and mobile ranges that
 * span a whole country have several, and say nothing.
 */
export async function timeZoneOfPhone(e164: string): Promise<string | undefined> {
  const number = parsePhoneNumberFromString(e164)
  if (!number) return undefined
  const zones = (await zonesOfNumber(number))?.filter((z) => z !== 'Etc/Unknown') ?? []
  return zones.length === 1 ? zones[0] : undefined
}

/** The person's zone: the phone's range first (it is where they answer), else the country's. */
export async function inferTimeZone(
  phoneE164: string | undefined,
  country: string | undefined,
): Promise<string | undefined> {
  const byPhone = phoneE164 === undefined ? undefined : await timeZoneOfPhone(phoneE164)
  return byPhone ?? timeZoneOfCountry(country)
}

export const primaryZoneCountries = (): string[] => Object.keys(primaryZones)
export const primaryZoneOf = (country: string): string | undefined => primaryZones[country]
