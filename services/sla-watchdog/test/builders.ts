import { randomUUID } from 'node:crypto'
import type { LeadContactedV1, LeadHandedOffV1, LeadRoutedV1, WorkingHours } from '@leadwire/contracts'
import { exampleLeadContacted, exampleLeadRouted } from '@leadwire/contracts/examples'

export const minutes = (n: number) => n * 60_000
export const after = (at: string, ms: number) => new Date(new Date(at).getTime() + ms)

/** A Tuesday, 10:00 in New York: inside the default playbook's business hours. */
export const tuesdayMorning = '2026-12-01T15:00:00.000Z'

export interface RoutedOptions {
  leadId?: string
  segment?: string
  attempt?: number
  repId?: string
  capturedAt?: string
  routedAt?: string
  teamId?: string
  workingHours?: WorkingHours
}

/** The example routed lead as an enterprise demo request, with a fresh id unless given one. */
export function routed(opts: RoutedOptions = {}): LeadRoutedV1 {
  const { lead, score, assignment } = exampleLeadRouted
  const routedAt = opts.routedAt ?? tuesdayMorning
  return {
    ...exampleLeadRouted,
    lead: {
      ...lead,
      leadId: opts.leadId ?? randomUUID(),
      capturedAt: opts.capturedAt ?? after(routedAt, -5000).toISOString(),
    },
    score: { ...score, segment: opts.segment ?? 'enterprise_demo' },
    assignment: {
      ...assignment,
      attempt: opts.attempt ?? 1,
      repId: opts.repId ?? assignment.repId,
      teamId: opts.teamId ?? assignment.teamId,
      routedAt,
      ...(opts.workingHours && { workingHours: opts.workingHours }),
    },
  }
}

export function contacted(leadId: string, contactedAt: string, repId = 'rep_0142'): LeadContactedV1 {
  return { ...exampleLeadContacted, leadId, repId, contactedAt }
}

export function rejected(leadId: string, reason: NonNullable<LeadHandedOffV1['reason']>, decidedAt: string) {
  return { leadId, repId: 'rep_0142', decision: 'rejected', reason, decidedAt } satisfies LeadHandedOffV1
}
