import type { LeadScoredV1 } from '@leadwire/contracts'
import type { RoutingFilter } from '@leadwire/playbook'
import type { Rep } from './directory.ts'

/** What the filters compare, read from the lead as enriched. Custom fields carry the rest. */
export interface LeadProfile {
  country?: string | undefined
  region?: string | undefined
  state?: string | undefined
  accounts: string[]
  industry?: string | undefined
  product?: string | undefined
  language?: string | undefined
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
const has = (list: readonly string[], v: string | undefined) =>
  v !== undefined && list.some((x) => same(x, v))

export function leadProfile({ lead, enrichment }: LeadScoredV1): LeadProfile {
  const { company, custom } = lead
  const accounts = [enrichment.companyDomain, company.domain, company.name].filter(
    (v): v is string => v !== undefined,
  )
  return {
    country: enrichment.country ?? company.country,
    region: enrichment.region ?? text(custom.region),
    state: text(custom.state),
    accounts,
    industry: enrichment.industry ?? company.industry,
    product: text(custom.product),
    language: text(custom.language),
  }
}

/** Why a rep's territory or skills do not fit the lead, or undefined when they do. */
export function misfit(rep: Rep, lead: LeadProfile, filter: RoutingFilter): string | undefined {
  if (filter === 'territory') {
    const t = rep.territories
    if (!t) return undefined
    const any = t.countries.length + t.regions.length + t.states.length + t.accounts.length > 0
    const fits =
      has(t.countries, lead.country) ||
      has(t.regions, lead.region) ||
      has(t.states, lead.state) ||
      lead.accounts.some((a) => has(t.accounts, a))
    return !any || fits
      ? undefined
      : `territory does not cover ${lead.state ?? lead.country ?? 'an unknown place'}`
  }
  const s = rep.skills
  if (!s) return undefined
  const checks = [
    ['industry', s.industries, lead.industry],
    ['product', s.products, lead.product],
    ['language', s.languages, lead.language],
  ] as const
  for (const [name, list, value] of checks) {
    if (list.length > 0 && value !== undefined && !has(list, value)) return `no ${name} skill for ${value}`
  }
  return undefined
}

/** A named account match wins over everything else: those reps alone, when there are some. */
export function namedAccountReps(reps: readonly Rep[], lead: LeadProfile): Rep[] {
  return reps.filter((r) => lead.accounts.some((a) => has(r.territories?.accounts ?? [], a)))
}
