import { normalizeCompanyName } from '../normalize/company.ts'
import { normalizePhone } from '../normalize/phone.ts'

/** What a lead says about its company, normalised. */
export interface AccountInput {
  readonly domain?: string
  readonly name?: string
  readonly country?: string
  readonly phone?: string
  readonly postcode?: string
}

export interface AccountCandidate {
  readonly id: string
  readonly name?: string | null
  readonly normalizedName?: string | null
  readonly country?: string | null
  readonly phone?: string | null
  readonly postcode?: string | null
  readonly similarity: number
}

export type Corroboration = 'country' | 'phone' | 'postcode'

/**
 * Name similarity needed to link a lead to an account: a near-identical name on its own, or a
 * similar one that the country, phone or postcode confirms. Trigram similarity, because
 * company names differ by word order, abbreviations and typos more than by sound.
 */
export const accountThresholds = { nameAlone: 0.75, nameCorroborated: 0.45 } as const

/** The least similarity a candidate can have and still be linked: the trigram search cut-off. */
export const accountSearchThreshold = accountThresholds.nameCorroborated

export function accountInput(raw: {
  domain?: string
  name?: string
  country?: string
  phone?: string
  postcode?: string
}): AccountInput {
  const name = raw.name ? normalizeCompanyName(raw.name) : undefined
  const country = raw.country?.trim().toUpperCase() || undefined
  const phone = raw.phone ? normalizePhone(raw.phone, country) : undefined
  const postcode = raw.postcode?.toLowerCase().replace(/[^a-z0-9]/g, '') || undefined
  return Object.fromEntries(
    Object.entries({ domain: raw.domain, name, country, phone, postcode }).filter(([, v]) => v),
  ) as AccountInput
}

/** The best name candidate the rules accept, with what confirmed it. */
export function pickAccount(
  input: AccountInput,
  candidates: readonly AccountCandidate[],
): { candidate: AccountCandidate; corroboratedBy: Corroboration[] } | undefined {
  const ranked = [...candidates].sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))
  for (const candidate of ranked) {
    const corroboratedBy = corroborations(input, candidate)
    if (candidate.similarity >= accountThresholds.nameAlone) return { candidate, corroboratedBy }
    if (candidate.similarity >= accountThresholds.nameCorroborated && corroboratedBy.length) {
      return { candidate, corroboratedBy }
    }
  }
  return undefined
}

function corroborations(input: AccountInput, c: AccountCandidate): Corroboration[] {
  const found: Corroboration[] = []
  if (input.country && c.country === input.country) found.push('country')
  if (input.phone && c.phone === input.phone) found.push('phone')
  if (input.postcode && c.postcode === input.postcode) found.push('postcode')
  return found
}
