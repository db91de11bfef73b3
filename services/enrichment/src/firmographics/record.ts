import { getCountries } from 'libphonenumber-js/max'
import { bandOf } from './bands.ts'
import type { CompanyRecord } from './types.ts'

export interface RawCompany {
  name?: string | null | undefined
  industry?: string | null | undefined
  employees?: number | string | null | undefined
  employeeBand?: string | null | undefined
  revenueBand?: string | null | undefined
  country?: string | null | undefined
  technologies?: readonly string[] | string | null | undefined
}

// Vendors send a country as a code ('US') or an English name ('United States'); both are read.
const englishNames = new Intl.DisplayNames(['en'], { type: 'region' })
const codes: ReadonlySet<string> = new Set(getCountries())
const codeByName: ReadonlyMap<string, string> = new Map(
  [...codes].map((code) => [englishNames.of(code)?.toLowerCase() ?? code, code]),
)
const aliases: Readonly<Record<string, string>> = { usa: 'US', uk: 'GB', 'united states of america': 'US' }

export function countryCode(raw: string | null | undefined): string | undefined {
  const lower = raw?.trim().toLowerCase()
  if (!lower) return undefined
  const alias = aliases[lower]
  if (alias) return alias
  if (/^[a-z]{2}$/.test(lower)) return codes.has(lower.toUpperCase()) ? lower.toUpperCase() : undefined
  return codeByName.get(lower)
}

const text = (raw: string | null | undefined, max = 200): string | undefined => {
  const t = raw?.trim()
  return t ? t.slice(0, max) : undefined
}

function headCount(raw: number | string | null | undefined): number | undefined {
  const n = typeof raw === 'string' ? Number(raw.replaceAll(',', '').trim() || Number.NaN) : raw
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10_000_000 ? n : undefined
}

/** Technologies as a list, or one cell separated by ';' or '|'; trimmed, de-duplicated, bounded. */
function techList(raw: RawCompany['technologies']): string[] {
  const items = typeof raw === 'string' ? raw.split(/[;|]/) : (raw ?? [])
  const seen = new Map<string, string>()
  for (const item of items) {
    const t = text(item, 64)
    if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t)
  }
  return [...seen.values()].slice(0, 50)
}

/** One clean record from what a CSV row or a vendor response said; junk becomes absent. */
export function toCompanyRecord(raw: RawCompany): CompanyRecord {
  const employees = headCount(raw.employees)
  const record: Record<string, unknown> = {
    name: text(raw.name),
    industry: text(raw.industry, 100),
    employees,
    employeeBand: text(raw.employeeBand, 32) ?? (employees === undefined ? undefined : bandOf(employees)),
    revenueBand: text(raw.revenueBand, 32),
    country: countryCode(raw.country),
    technologies: techList(raw.technologies),
  }
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key]
  return record as unknown as CompanyRecord
}
