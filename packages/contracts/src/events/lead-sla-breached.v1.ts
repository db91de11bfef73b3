import { z } from 'zod'
import { defineEvent } from '../define-event.ts'
import { leadId, repId, segment, teamId, timestamp } from '../primitives.ts'

export const leadSlaBreachedV1 = defineEvent({
  type: 'io.leadwire.lead.sla-breached.v1',
  topic: 'leads.sla-breached.v1',
  description: 'A first-touch SLA step fired: a warning before the deadline, the breach, or an escalation.',
  schema: z.object({
    leadId,
    repId: repId.optional(),
    teamId: teamId.optional(),
    segment,
    level: z.enum(['warning', 'breach', 'escalation']),
    step: z.int().min(0).describe('Position in the escalation chain; 0 is the first step'),
    action: z.enum(['notify', 'reroute', 'page']).optional(),
    attempt: z.int().min(1).describe('The routing attempt whose clock fired'),
    rule: z.string().describe('The playbook rule that set the deadline, e.g. "enterprise: 5m calendar"'),
    routedAt: timestamp,
    dueAt: timestamp,
    firedAt: timestamp,
    // Additive (optional) since the first release: the rule in parts, for readers that filter on it.
    deadline: z
      .object({
        firstTouch: z.string().describe('The SLA as the playbook states it: 5m, 1h, same_business_day'),
        clock: z.enum(['calendar', 'business']),
        timezone: z.string().describe('The zone business time was counted in'),
        hoursFrom: z
          .enum(['rep', 'team', 'playbook'])
          .describe('Whose working hours set the deadline: the assignee, the team, or the playbook default'),
      })
      .optional(),
  }),
})
