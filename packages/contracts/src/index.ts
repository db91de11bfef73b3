export * from './assignment.ts'
export * from './cloudevents.ts'
export * from './dedup-result.ts'
export * from './define-event.ts'
export * from './enrichment.ts'
export * from './events/lead-activity-recorded.v1.ts'
export * from './events/lead-captured.v1.ts'
export * from './events/lead-contacted.v1.ts'
export * from './events/lead-deduplicated.v1.ts'
export * from './events/lead-enriched.v1.ts'
export * from './events/lead-handed-off.v1.ts'
export * from './events/lead-nurtured.v1.ts'
export * from './events/lead-outcome-recorded.v1.ts'
export * from './events/lead-routed.v1.ts'
export * from './events/lead-scored.v1.ts'
export * from './events/lead-sla-breached.v1.ts'
export * from './lead.ts'
export * from './next-best-action.ts'
export * from './primitives.ts'
export * from './registry.ts'
export * from './score.ts'
export * from './spam.ts'

import type { z } from 'zod'
import type { leadActivityRecordedV1 } from './events/lead-activity-recorded.v1.ts'
import type { leadCapturedV1 } from './events/lead-captured.v1.ts'
import type { leadContactedV1 } from './events/lead-contacted.v1.ts'
import type { leadDeduplicatedV1 } from './events/lead-deduplicated.v1.ts'
import type { leadEnrichedV1 } from './events/lead-enriched.v1.ts'
import type { leadHandedOffV1 } from './events/lead-handed-off.v1.ts'
import type { leadNurturedV1 } from './events/lead-nurtured.v1.ts'
import type { leadOutcomeRecordedV1 } from './events/lead-outcome-recorded.v1.ts'
import type { leadRoutedV1 } from './events/lead-routed.v1.ts'
import type { leadScoredV1 } from './events/lead-scored.v1.ts'
import type { leadSlaBreachedV1 } from './events/lead-sla-breached.v1.ts'

export type LeadCapturedV1 = z.infer<typeof leadCapturedV1.schema>
export type LeadEnrichedV1 = z.infer<typeof leadEnrichedV1.schema>
export type LeadDeduplicatedV1 = z.infer<typeof leadDeduplicatedV1.schema>
export type LeadScoredV1 = z.infer<typeof leadScoredV1.schema>
export type LeadNurturedV1 = z.infer<typeof leadNurturedV1.schema>
export type LeadRoutedV1 = z.infer<typeof leadRoutedV1.schema>
export type LeadActivityRecordedV1 = z.infer<typeof leadActivityRecordedV1.schema>
export type LeadContactedV1 = z.infer<typeof leadContactedV1.schema>
export type LeadHandedOffV1 = z.infer<typeof leadHandedOffV1.schema>
export type LeadOutcomeRecordedV1 = z.infer<typeof leadOutcomeRecordedV1.schema>
export type LeadSlaBreachedV1 = z.infer<typeof leadSlaBreachedV1.schema>
