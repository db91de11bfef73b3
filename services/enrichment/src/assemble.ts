import type { Enrichment, LeadSnapshot } from '@leadwire/contracts'
import { measureCompleteness } from './completeness.ts'
import { deriveFallbacks, deriveFields, fallbackCountry } from './derive.ts'
import type { Draft, Fields } from './draft.ts'
import { lowerBound } from './firmographics/bands.ts'
import type { CompanyRecord } from './firmographics/types.ts'
import type { Hit, WaterfallResult } from './firmographics/waterfall.ts'
import { regionOf } from './region.ts'
import { inferTimeZone } from './timezone.ts'

export interface AssembleOptions {
  readonly now: Date
  /** Field names the playbook needs before a lead can be scored, e.g. 'email', 'country'. */
  readonly requiredFields: readonly string[]
  readonly firmographics?: WaterfallResult
}

type Firmographics = NonNullable<Fields['firmographics']>
const blockKeys = ['name', 'industry', 'employeeBand', 'revenueBand', 'country'] as const

/** The lead's fields that firmographics can fill, and how to read each from a record. */
const fillable = {
  employees: (r: CompanyRecord) => r.employees ?? (r.employeeBand ? lowerBound(r.employeeBand) : undefined),
  industry: (r: CompanyRecord) => r.industry,
  country: (r: CompanyRecord) => r.country,
} as const
type Fillable = keyof typeof fillable

/** Enrichment with no provider: what the lead itself gives away. */
export function enrichLead(lead: LeadSnapshot, opts: AssembleOptions): Promise<Enrichment> {
  return completeEnrichment(lead, deriveFields(lead, opts.now), opts)
}

/**
 * Adds the providers' answers to what was derived, then the guesses, region, time zone and
 * completeness. Order is trust: submitted values were set first and stay; provider values fill
 * what the lead did not say; phone and ccTLD guesses fill what is still open.
 */
export async function completeEnrichment(
  lead: LeadSnapshot,
  draft: Draft,
  { now, requiredFields, firmographics }: AssembleOptions,
): Promise<Enrichment> {
  applyHits(draft, firmographics?.hits ?? [])
  deriveFallbacks(draft, now)
  const { fields } = draft
  draft.set('region', regionOf(fields.country), 'derived', now)
  draft.set('timezone', await inferTimeZone(fields.phoneE164, fields.country), 'derived', now)
  return {
    ...fields,
    provenance: draft.provenance,
    ...measureCompleteness(lead, fields, requiredFields),
    providers: [...(firmographics?.statuses ?? [])],
  }
}

/** The first provider to know a value wins it; each value keeps its provider and time. */
function applyHits(draft: Draft, hits: readonly Hit[]): void {
  if (hits.length === 0) return
  const block: Record<string, unknown> = { technologies: [] }
  for (const { provider, record, asOf } of hits) {
    for (const key of blockKeys) {
      if (block[key] !== undefined || record[key] === undefined) continue
      block[key] = record[key]
      draft.note(`firmographics.${key}`, provider, asOf)
    }
    if ((block.technologies as string[]).length === 0 && record.technologies.length > 0) {
      block.technologies = [...record.technologies]
      draft.note('firmographics.technologies', provider, asOf)
    }
    for (const [field, read] of Object.entries(fillable))
      draft.set(field as Fillable, read(record), provider, asOf)
  }
  const first = hits[0]!
  draft.set('firmographics', block as Firmographics, first.provider, first.asOf)
}

/**
 * When the waterfall may stop: once a provider has answered and every required field it can
 * fill is known, submitted, or will be guessed anyway (a country from the phone).
 */
export function enoughFor(draft: Draft, requiredFields: readonly string[]) {
  const open = (Object.keys(fillable) as Fillable[]).filter(
    (f) =>
      requiredFields.includes(f) &&
      draft.fields[f] === undefined &&
      !(f === 'country' && fallbackCountry(draft) !== undefined),
  )
  return (hits: readonly Hit[]): boolean =>
    open.every((f) => hits.some((h) => fillable[f](h.record) !== undefined))
}
