import { randomUUID } from 'node:crypto'
import type {
  LeadHandedOffV1,
  LeadOutcomeRecordedV1,
  LeadScoredV1,
  LeadSlaBreachedV1,
} from '@leadwire/contracts'
import {
  exampleLeadHandedOff,
  exampleLeadOutcomeRecorded,
  exampleLeadScored,
  exampleLeadSlaBreached,
} from '@leadwire/contracts/examples'

/** The example lead as a fresh mid-market lead of a fresh person, unless told otherwise. */
export function scoredLead(
  over: { leadId?: string; identityId?: string; segment?: string } = {},
): LeadScoredV1 {
  const { lead, dedup, score } = exampleLeadScored
  return {
    ...exampleLeadScored,
    lead: { ...lead, leadId: over.leadId ?? randomUUID() },
    dedup: { ...dedup, identityId: over.identityId ?? randomUUID() },
    score: { ...score, segment: over.segment ?? 'mid_market' },
  }
}

/** The watchdog's last mid-market step: 30 minutes after routing, move the lead on. */
export const rerouteEscalation = (leadId: string, repId: string, attempt = 1): LeadSlaBreachedV1 => ({
  ...exampleLeadSlaBreached,
  leadId,
  repId,
  teamId: 'mid-market-sdr',
  segment: 'mid_market',
  level: 'escalation',
  step: 2,
  action: 'reroute',
  attempt,
  rule: 'mid_market: 15m business',
})

export const rejection = (leadId: string, repId: string): LeadHandedOffV1 => ({
  ...exampleLeadHandedOff,
  leadId,
  repId,
  decision: 'rejected',
  reason: 'bad_fit',
})

export const outcome = (leadId: string, result: LeadOutcomeRecordedV1['outcome']): LeadOutcomeRecordedV1 => ({
  ...exampleLeadOutcomeRecorded,
  leadId,
  outcome: result,
})
