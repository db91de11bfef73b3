import type { Enrichment, LeadSnapshot } from '@leadwire/contracts'
import { measureCompleteness } from './completeness.ts'
import { countryFromDomain } from './country.ts'
import { classifyEmail, isCompanyEmail, normalizeDomain } from './email.ts'
import { parsePhone } from './phone.ts'
import { classifyTitle } from './title.ts'

export interface DeriveOptions {
  readonly now: Date
  /** Field names the playbook needs before a lead can be scored, e.g. 'email', 'country'. */
  readonly requiredFields: readonly string[]
}

type Source = 'submitted' | 'derived'
type Fields = Omit<Enrichment, 'provenance' | 'completeness' | 'missing' | 'providers' | 'firmographics'>

/**
 * Everything that can be worked out from the lead itself, with no provider call: the email
 * classified, the company domain, the phone in E.164, seniority and department from the
 * title, the country. A submitted value always wins over a derived one, and each field
 * records which it was.
 */
export function deriveEnrichment(lead: LeadSnapshot, { now, requiredFields }: DeriveOptions): Enrichment {
  const sources: Partial<Record<keyof Fields, Source>> = {}
  const fields: Fields = {}
  const set = <K extends keyof Fields>(key: K, value: Fields[K] | undefined, source: Source) => {
    if (value === undefined || fields[key] !== undefined) return
    fields[key] = value
    sources[key] = source
  }

  const email = lead.contact.email === undefined ? undefined : classifyEmail(lead.contact.email)
  set('email', email, 'derived')
  const submittedDomain = lead.company.domain === undefined ? undefined : normalizeDomain(lead.company.domain)
  set('companyDomain', submittedDomain, 'submitted')
  set('companyDomain', email && isCompanyEmail(email) ? email.domain : undefined, 'derived')

  const phone =
    lead.contact.phone === undefined ? undefined : parsePhone(lead.contact.phone, lead.company.country)
  set('phoneE164', phone?.e164, 'derived')
  set('phoneCountry', phone?.country, 'derived')

  const title = lead.contact.title === undefined ? undefined : classifyTitle(lead.contact.title)
  set('seniority', title?.seniority, 'derived')
  set('department', title?.department, 'derived')

  set('country', lead.company.country, 'submitted')
  set('country', phone?.country, 'derived')
  set('country', countryFromDomain(fields.companyDomain ?? domainOfUsableEmail(email) ?? ''), 'derived')
  set('employees', lead.company.employees, 'submitted')
  set('industry', lead.company.industry, 'submitted')

  const at = now.toISOString()
  const provenance = Object.fromEntries(Object.entries(sources).map(([key, source]) => [key, { source, at }]))
  return { ...fields, provenance, ...measureCompleteness(lead, fields, requiredFields), providers: [] }
}

// A free-mail domain still hints at a country (web.de, yahoo.co.uk); a throwaway one does not.
function domainOfUsableEmail(email: ReturnType<typeof classifyEmail> | undefined): string | undefined {
  return email && (email.kind === 'free' || isCompanyEmail(email)) ? email.domain : undefined
}
