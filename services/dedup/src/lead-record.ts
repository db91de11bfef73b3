import type { Enrichment, LeadSnapshot } from '@leadwire/contracts'
import type { RawRecord } from './matching/record.ts'
import { isFreeMailDomain, normalizeDomain } from './normalize/domain.ts'

// Custom form fields that carry what the snapshot has no slot for, by their usual names.
const customAliases: Readonly<Record<'dob' | 'city' | 'postcode' | 'street' | 'region', readonly string[]>> =
  {
    dob: ['dob', 'date_of_birth', 'birthdate', 'birth_date'],
    city: ['city', 'town', 'locality'],
    postcode: ['postcode', 'postal_code', 'zip', 'zipcode', 'zip_code'],
    street: ['street', 'address', 'address1', 'address_1', 'street_address'],
    region: ['state', 'region', 'province'],
  }

function custom(lead: LeadSnapshot, names: readonly string[]): string | undefined {
  for (const [key, value] of Object.entries(lead.custom)) {
    if (names.includes(key.toLowerCase()) && (typeof value === 'string' || typeof value === 'number')) {
      return String(value)
    }
  }
  return undefined
}

/** The work domain of a lead: the company's, else its email's unless that is a free-mail one. */
export function leadDomain(lead: LeadSnapshot, enrichment: Enrichment): string | undefined {
  const explicit = lead.company.domain ?? enrichment.companyDomain
  if (explicit) return normalizeDomain(explicit)
  const email =
    enrichment.email?.kind !== 'invalid' ? (enrichment.email?.normalized ?? lead.contact.email) : undefined
  const fromEmail = email ? normalizeDomain(email) : undefined
  // A role address (sales@acme.com) is still the company's; a free or throw-away one is not.
  const kind = enrichment.email?.kind
  const personal = kind ? kind === 'free' || kind === 'disposable' : fromEmail && isFreeMailDomain(fromEmail)
  return personal ? undefined : fromEmail
}

/** A lead as the matcher's raw fields: what was submitted, plus what enrichment validated. */
export function leadRawRecord(lead: LeadSnapshot, enrichment: Enrichment): RawRecord {
  const { contact, company } = lead
  const email = enrichment.email
    ? enrichment.email.kind !== 'invalid'
      ? enrichment.email.normalized
      : undefined
    : contact.email
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email,
    // A validated number first; the raw one is read in the lead's country or dropped.
    phone: enrichment.phoneE164 ?? contact.phone,
    country: enrichment.country ?? company.country ?? enrichment.phoneCountry,
    company: company.name ?? enrichment.firmographics?.name,
    domain: leadDomain(lead, enrichment),
    dob: custom(lead, customAliases.dob),
    city: custom(lead, customAliases.city),
    postcode: custom(lead, customAliases.postcode),
    street: custom(lead, customAliases.street),
    region: custom(lead, customAliases.region),
  }
}
