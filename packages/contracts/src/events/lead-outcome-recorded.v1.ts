import { z } from 'zod'
import { defineEvent } from '../define-event.ts'
import { leadId, timestamp } from '../primitives.ts'

export const leadOutcomeRecordedV1 = defineEvent({
  type: 'io.leadwire.lead.outcome-recorded.v1',
  topic: 'leads.outcome.v1',
  description: 'A sales outcome for the lead: opportunity opened, won or lost.',
  schema: z.object({
    leadId,
    outcome: z.enum(['opportunity', 'won', 'lost']),
    opportunityId: z.string().max(200).optional(),
    amount: z.number().nonnegative().optional(),
    currency: z.string().length(3).optional(),
    reason: z.string().max(500).optional(),
    occurredAt: timestamp,
  }),
})
