import type { LeadSnapshot } from '@leadwire/contracts'
import { countryFromDomain } from './country.ts'
import { createDraft, type Draft } from './draft.ts'
import { classifyEmail, type EmailInfo, isCompanyEmail, normalizeDomain } from './email.ts'
import { parsePhone } from './phone.ts'
import { classifyTitle } from './title.ts'

/**
 * Everything that can be worked out from the lead itself with no network: the email
 * classified, the company domain, the phone in E.164, seniority and department from the title,
 * and what the lead submitted. Guessed countries are left for `deriveFallbacks`, because a
 * firmographic provider knows a company's country better than a phone or a ccTLD does.
 */
export function deriveFields(lead: LeadSnapshot, now: Date): Draft {
  const draft = createDraft()
  const { contact, company } = lead

  const email = contact.email === undefined ? undefined : classifyEmail(contact.email)
  draft.set('email', email, 'derived', now)
  const domain = company.domain === undefined ? undefined : normalizeDomain(company.domain)
  draft.set('companyDomain', domain, 'submitted', now)
  draft.set('companyDomain', email && isCompanyEmail(email) ? email.domain : undefined, 'derived', now)

  const phone = contact.phone === undefined ? undefined : parsePhone(contact.phone, company.country)
  draft.set('phoneE164', phone?.e164, 'derived', now)
  draft.set('phoneCountry', phone?.country, 'derived', now)

  const title = contact.title === undefined ? undefined : classifyTitle(contact.title)
  draft.set('seniority', title?.seniority, 'derived', now)
  draft.set('department', title?.department, 'derived', now)

  draft.set('country', company.country, 'submitted', now)
  draft.set('employees', company.employees, 'submitted', now)
  draft.set('industry', company.industry, 'submitted', now)
  return draft
}

/** The country when nothing better is known: the phone's, else the company domain's ccTLD. */
export function fallbackCountry(draft: Draft): string | undefined {
  const { fields } = draft
  return (
    fields.phoneCountry ?? countryFromDomain(fields.companyDomain ?? usableEmailDomain(fields.email) ?? '')
  )
}

export function deriveFallbacks(draft: Draft, now: Date): void {
  draft.set('country', fallbackCountry(draft), 'derived', now)
}

// A free-mail domain still hints at a country (web.de, yahoo.co.uk); a throwaway one does not.
function usableEmailDomain(email: EmailInfo | undefined): string | undefined {
  return email && (email.kind === 'free' || isCompanyEmail(email)) ? email.domain : undefined
}
