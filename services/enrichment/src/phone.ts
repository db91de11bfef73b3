import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max'

export interface ParsedPhone {
  readonly e164: string
  /** Absent for numbers that belong to no single country (+800, some shared NANP services). */
  readonly country?: string
}

/**
 * Parses a phone number as typed ('(415) 555-2671', '+44 20 7946 0958', '030 123456') to E.164.
 * National formats need the default country (the submitted company country). The full
 * metadata is used so that validity means a real number range, not just a plausible length.
 */
export function parsePhone(raw: string, defaultCountry?: string): ParsedPhone | undefined {
  const country = defaultCountry?.toUpperCase()
  const phone = parsePhoneNumberFromString(raw, isCountryCode(country) ? country : undefined)
  if (!phone?.isValid()) return undefined
  return phone.country ? { e164: phone.number, country: phone.country } : { e164: phone.number }
}

/** True for ISO 3166-1 alpha-2 codes that have a telephone numbering plan (nearly all of them). */
export function isCountryCode(code: string | undefined): code is CountryCode {
  return code !== undefined && /^[A-Z]{2}$/.test(code) && isSupportedCountry(code)
}
