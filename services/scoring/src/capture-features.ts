import type { LeadDeduplicatedV1 } from '@leadwire/contracts'
import type { ModelFeatureName, Playbook } from '@leadwire/playbook'
import { leadFacts } from './facts.ts'
import type { FeatureRecord, FeatureSpec } from './model/feature-spec.ts'

/** What the pipeline knew when the lead was captured: the lead, its enrichment and dedup. */
export type CaptureSnapshot = Pick<LeadDeduplicatedV1, 'lead' | 'enrichment' | 'dedup'>

/**
 * The model's view of a lead at capture time. It takes the snapshot alone and evaluates the
 * playbook's facts as of the capture instant with no activities, so nothing that happened
 * later (activities, scores, stages, hand-offs, outcomes) can reach a feature.
 */
export function captureFeatures(
  playbook: Playbook,
  snapshot: CaptureSnapshot,
): Record<ModelFeatureName, FeatureRecord[string]> {
  const { lead, enrichment, dedup } = snapshot
  const facts = leadFacts(playbook, {
    lead,
    enrichment,
    dedup,
    activities: [],
    now: new Date(lead.capturedAt),
  })
  return {
    channel: facts.channel,
    intent: facts.intent,
    seniority: facts.seniority,
    department: facts.department,
    emailKind: facts.emailKind,
    industry: facts.industry?.toLowerCase(),
    targetIndustry: facts.targetIndustry,
    country: facts.country?.toUpperCase(),
    region: facts.region,
    employees: facts.employees,
    completeness: facts.completeness,
    duplicate: facts.duplicate,
    existingCustomer: facts.existingCustomer,
    hasPhone: Boolean(lead.contact.phone ?? enrichment.phoneE164),
    utmSource: lead.source.utm?.source?.toLowerCase(),
    utmMedium: lead.source.utm?.medium?.toLowerCase(),
    formId: lead.source.formId,
  }
}

const numeric: Partial<Record<ModelFeatureName, FeatureSpec>> = {
  employees: { name: 'employees', type: 'numeric', log: true, bins: 5 },
  completeness: { name: 'completeness', type: 'numeric', log: false, bins: 0 },
}
const booleans = new Set<ModelFeatureName>(['targetIndustry', 'duplicate', 'existingCustomer', 'hasPhone'])

/** How each feature the playbook lists is encoded; rare levels share an "other" column. */
export function serviceFeatureSpecs(playbook: Playbook): FeatureSpec[] {
  return playbook.model.features.map(
    (name): FeatureSpec =>
      numeric[name] ??
      (booleans.has(name) ? { name, type: 'boolean' } : { name, type: 'categorical', minCount: 5 }),
  )
}
