import { accountInput } from '../accounts/match-account.ts'
import { createMemoryAccounts } from '../accounts/memory-accounts.ts'
import { normalizeDomain } from '../normalize/domain.ts'
import type { LabelledSet } from './load.ts'
import { type PairwiseMetrics, pairwiseMetrics } from './metrics.ts'

export interface AccountEvaluationResult {
  readonly records: number
  readonly accounts: number
  readonly metrics: PairwiseMetrics
  readonly seconds: number
}

/**
 * Organisation records (a company name, maybe a domain, no person) go through the service's
 * lead-to-account matcher instead of the person model: domain first, then trigram similarity
 * of the normalised name with the same thresholds and the same cut-off as the database.
 */
export function evaluateAccounts(set: LabelledSet): AccountEvaluationResult {
  const started = performance.now()
  const store = createMemoryAccounts()
  const predicted = set.raw.map((raw) =>
    store.resolve(
      accountInput({
        name: raw.company,
        domain: raw.domain ? normalizeDomain(raw.domain) : undefined,
        country: raw.country,
        phone: raw.phone,
        postcode: raw.postcode,
      }),
    ),
  )
  return {
    records: set.raw.length,
    accounts: new Set(predicted).size,
    metrics: pairwiseMetrics(predicted, set.entities),
    seconds: (performance.now() - started) / 1000,
  }
}

/** True when a mapping carries organisations only: those are matched as accounts. */
export function isOrganisationSet(set: LabelledSet): boolean {
  const personFields = ['firstName', 'lastName', 'fullName', 'email', 'dob', 'nationalId']
  return set.raw.every((r) => personFields.every((f) => !r[f as keyof typeof r]))
}
