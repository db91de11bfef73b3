export const leadStatuses = [
  'captured',
  'contacted',
  'accepted',
  'rejected',
  'opportunity',
  'won',
  'lost',
] as const
export type LeadStatus = (typeof leadStatuses)[number]

export type FeedbackKind = 'activity' | 'contacted' | 'handoff' | 'outcome'

export interface FeedbackFact {
  kind: FeedbackKind
  occurredAt: string
  data: Record<string, unknown>
}

// How far along the funnel each status is: a late-reported first touch must not move a won
// lead back to "contacted", and a rejected lead can still become an opportunity later.
const stageOf: Record<LeadStatus, number> = {
  captured: 0,
  contacted: 1,
  accepted: 2,
  rejected: 2,
  opportunity: 3,
  won: 4,
  lost: 4,
}

function statusOf(fact: FeedbackFact): LeadStatus | undefined {
  if (fact.kind === 'contacted') return 'contacted'
  if (fact.kind === 'handoff') return fact.data.decision as 'accepted' | 'rejected'
  if (fact.kind === 'outcome') return fact.data.outcome as 'opportunity' | 'won' | 'lost'
  return undefined
}

/** The furthest status the CRM has reported; the latest wins among equals (accepted, then rejected). */
export function leadStatus(facts: readonly FeedbackFact[]): LeadStatus {
  let status: LeadStatus = 'captured'
  let at = ''
  for (const fact of facts) {
    const next = statusOf(fact)
    if (!next) continue
    const further = stageOf[next] > stageOf[status]
    if (further || (stageOf[next] === stageOf[status] && fact.occurredAt >= at)) {
      status = next
      at = fact.occurredAt
    }
  }
  return status
}
