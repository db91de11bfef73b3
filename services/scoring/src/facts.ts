import type { activityTypes, DedupResult, Enrichment, LeadSnapshot, Score } from '@leadwire/contracts'
import type { LeadFacts, Playbook, Signal } from '@leadwire/playbook'

export interface ActivitySeen {
  activity: (typeof activityTypes)[number]
  occurredAt: string
}

export interface ScoreInput {
  lead: LeadSnapshot
  enrichment: Enrichment
  dedup: DedupResult
  /** Every activity recorded for this lead (or its identity) so far; decay discounts old ones. */
  activities: readonly ActivitySeen[]
  now: Date
}

const CUSTOMER_VALUES = new Set(['true', 'yes', 'y', '1'])

/** What the playbook's conditions look at, flattened from the lead; submitted values win. */
export function leadFacts(playbook: Playbook, input: ScoreInput): LeadFacts {
  const { lead, enrichment, dedup, now } = input
  const industry = enrichment.industry ?? lead.company.industry ?? enrichment.firmographics?.industry
  return {
    channel: lead.source.channel,
    intent: lead.source.intent,
    seniority: enrichment.seniority,
    emailKind: enrichment.email?.kind,
    industry,
    department: enrichment.department,
    country: enrichment.country ?? lead.company.country,
    region: enrichment.region,
    employees: enrichment.employees ?? lead.company.employees,
    completeness: enrichment.completeness,
    targetIndustry: industry !== undefined && includesText(playbook.targetIndustries, industry),
    existingCustomer: isExistingCustomer(playbook, input),
    duplicate: dedup.isDuplicate,
    signals: signalsOf(input),
    now,
  }
}

/** Adds what the rubric computed, for the stage definitions and the segments. */
export const withScore = (
  facts: LeadFacts,
  score: Pick<Score, 'fit' | 'intent' | 'total'> & { stage?: Score['stage'] },
): LeadFacts => ({
  ...facts,
  fit: score.fit,
  intentScore: score.intent,
  score: score.total,
  stage: score.stage,
})

/** The form's own intent and an outbound reply count as signals at capture time. */
function signalsOf({ lead, activities }: ScoreInput): Signal[] {
  const captured = new Date(lead.capturedAt)
  const signals: Signal[] = activities.map((a) => ({ type: a.activity, at: new Date(a.occurredAt) }))
  if (lead.source.intent) signals.push({ type: lead.source.intent, at: captured })
  if (lead.source.channel === 'outbound_reply') signals.push({ type: 'outbound_reply', at: captured })
  return signals
}

function isExistingCustomer(playbook: Playbook, { lead, enrichment }: ScoreInput): boolean {
  const flag = lead.custom[playbook.customers.customField]
  if (
    flag === true ||
    CUSTOMER_VALUES.has(
      String(flag ?? '')
        .trim()
        .toLowerCase(),
    )
  )
    return true
  const domain = enrichment.companyDomain ?? lead.company.domain ?? enrichment.email?.domain
  return domain !== undefined && includesText(playbook.customers.domains, domain)
}

const includesText = (list: readonly string[], value: string): boolean =>
  list.some((item) => item.trim().toLowerCase() === value.trim().toLowerCase())
