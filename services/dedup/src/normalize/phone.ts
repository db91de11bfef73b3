import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js'

/**
 * E.164 digits without the '+': '+1 (415) 555-2671' -> '14155552671'. A number without a
 * country code is read in the lead's country when one is known; one that is not a valid
 * number there is dropped, since junk ('111-1111') would merge strangers.
 */
export function normalizePhone(raw: string, defaultCountry?: string): string | undefined {
  const text = raw.trim()
  if (!text) return undefined
  const country = defaultCountry?.toUpperCase() as CountryCode | undefined
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined)
  if (!parsed?.isValid()) return undefined
  return parsed.number.slice(1)
}
