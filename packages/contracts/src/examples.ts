import { leadActivityRecordedV1 } from './events/lead-activity-recorded.v1.ts'
import { leadCapturedV1 } from './events/lead-captured.v1.ts'
import { leadContactedV1 } from './events/lead-contacted.v1.ts'
import { leadDeduplicatedV1 } from './events/lead-deduplicated.v1.ts'
import { leadEnrichedV1 } from './events/lead-enriched.v1.ts'
import { leadHandedOffV1 } from './events/lead-handed-off.v1.ts'
import { leadNurturedV1 } from './events/lead-nurtured.v1.ts'
import { leadOutcomeRecordedV1 } from './events/lead-outcome-recorded.v1.ts'
import { leadRoutedV1 } from './events/lead-routed.v1.ts'
import { leadScoredV1 } from './events/lead-scored.v1.ts'
import { leadSlaBreachedV1 } from './events/lead-sla-breached.v1.ts'
import {
  exampleAt as at,
  exampleAssignment,
  exampleDedup,
  exampleEnrichment,
  exampleLead,
  exampleLeadId,
  exampleScore,
} from './example-lead.ts'
import type * as events from './index.ts'
import type { Score } from './score.ts'

/*
 * One realistic `data` per event type, all about the same lead on its way through the pipeline,
 * for tests and for the message examples of the AsyncAPI document. Wire form, like the parts.
 */

export * from './example-lead.ts'

const pipeline = {
  lead: exampleLead,
  enrichment: exampleEnrichment,
  dedup: exampleDedup,
  score: exampleScore,
}
const nurtureScore: Score = {
  ...exampleScore,
  intent: 0,
  total: 62,
  stage: 'nurture',
  contributions: exampleScore.contributions.filter((c) => c.kind === 'fit'),
}

export const exampleLeadCaptured: events.LeadCapturedV1 = {
  lead: exampleLead,
  receivedVia: 'form',
  spam: { score: 0, signals: [] },
}
export const exampleLeadEnriched: events.LeadEnrichedV1 = { lead: exampleLead, enrichment: exampleEnrichment }
export const exampleLeadDeduplicated: events.LeadDeduplicatedV1 = {
  ...exampleLeadEnriched,
  dedup: exampleDedup,
}
export const exampleLeadScored: events.LeadScoredV1 = pipeline
export const exampleLeadNurtured: events.LeadNurturedV1 = {
  ...pipeline,
  score: nurtureScore,
  reason: 'Good fit but no buying signal in the past 7 days.',
  exitCriteria: ['demo_request', 'pricing_page visit', 'total score of 80 or more'],
}
export const exampleLeadRouted: events.LeadRoutedV1 = { ...pipeline, assignment: exampleAssignment }

export const exampleLeadActivityRecorded: events.LeadActivityRecordedV1 = {
  leadId: exampleLeadId,
  activityId: 'act_7f3k2m',
  activity: 'pricing_page',
  occurredAt: at('14:10:31.000'),
  properties: { url: 'https://leadwire.example/pricing', seconds_on_page: 94 },
}

export const exampleLeadContacted: events.LeadContactedV1 = {
  leadId: exampleLeadId,
  repId: 'rep_0142',
  channel: 'call',
  contactedAt: at('14:05:52.000'),
  crm: { system: 'salesforce', recordId: '00Q5e00000AbCdEF' },
}

export const exampleLeadHandedOff: events.LeadHandedOffV1 = {
  leadId: exampleLeadId,
  repId: 'rep_0142',
  decision: 'accepted',
  decidedAt: at('14:06:40.000'),
}

export const exampleLeadOutcomeRecorded: events.LeadOutcomeRecordedV1 = {
  leadId: exampleLeadId,
  outcome: 'opportunity',
  opportunityId: '0065e00000XyZ123',
  amount: 48000,
  currency: 'USD',
  occurredAt: '2025-03-14T16:30:00.000Z',
}

export const exampleLeadSlaBreached: events.LeadSlaBreachedV1 = {
  leadId: exampleLeadId,
  repId: 'rep_0142',
  teamId: 'enterprise-ae-west',
  segment: 'enterprise_demo',
  level: 'warning',
  step: 0,
  action: 'notify',
  attempt: 1,
  rule: 'enterprise: 5m calendar',
  routedAt: at('14:02:08.104'),
  dueAt: at('14:07:08.104'),
  firedAt: at('14:05:08.104'),
  deadline: { firstTouch: '5m', clock: 'calendar', timezone: 'America/New_York', hoursFrom: 'playbook' },
}

/** Event type → example data, for code that walks the registry. */
export const eventExamples: Readonly<Record<string, unknown>> = Object.freeze({
  [leadCapturedV1.type]: exampleLeadCaptured,
  [leadEnrichedV1.type]: exampleLeadEnriched,
  [leadDeduplicatedV1.type]: exampleLeadDeduplicated,
  [leadScoredV1.type]: exampleLeadScored,
  [leadNurturedV1.type]: exampleLeadNurtured,
  [leadRoutedV1.type]: exampleLeadRouted,
  [leadActivityRecordedV1.type]: exampleLeadActivityRecorded,
  [leadContactedV1.type]: exampleLeadContacted,
  [leadHandedOffV1.type]: exampleLeadHandedOff,
  [leadOutcomeRecordedV1.type]: exampleLeadOutcomeRecorded,
  [leadSlaBreachedV1.type]: exampleLeadSlaBreached,
})
