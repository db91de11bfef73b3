import type { Enrichment, LeadSnapshot } from '@leadwire/contracts'

type Derived = Partial<Enrichment>
type Known = (lead: LeadSnapshot, enrichment: Derived) => boolean

/**
 * What "known" means for each field name a playbook may require. A field is known when it is
 * usable downstream: an address that failed to parse or a phone that is not a real number
 * counts as missing even though something was typed.
 */
const fieldKnown: Readonly<Record<string, Known>> = {
  email: (_, e) => e.email !== undefined && e.email.kind !== 'invalid',
  phone: (_, e) => e.phoneE164 !== undefined,
  firstName: (lead) => lead.contact.firstName !== undefined,
  lastName: (lead) => lead.contact.lastName !== undefined,
  title: (lead) => lead.contact.title !== undefined,
  seniority: (_, e) => e.seniority !== undefined,
  department: (_, e) => e.department !== undefined,
  companyName: (lead, e) => lead.company.name !== undefined || e.firmographics?.name !== undefined,
  companyDomain: (_, e) => e.companyDomain !== undefined,
  employees: (_, e) => e.employees !== undefined,
  industry: (_, e) => e.industry !== undefined,
  country: (_, e) => e.country !== undefined,
}

/** Field names this module can judge; any other required name is reported as missing. */
export const knownFieldNames: readonly string[] = Object.keys(fieldKnown)

/** Share of the required fields that are known (1 when nothing is required), and the rest. */
export function measureCompleteness(
  lead: LeadSnapshot,
  enrichment: Derived,
  requiredFields: readonly string[],
): Pick<Enrichment, 'completeness' | 'missing'> {
  const required = [...new Set(requiredFields)]
  const missing = required.filter((field) => !fieldKnown[field]?.(lead, enrichment))
  const completeness = required.length === 0 ? 1 : (required.length - missing.length) / required.length
  return { completeness, missing }
}
