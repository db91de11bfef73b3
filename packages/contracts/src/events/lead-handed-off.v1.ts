import { z } from 'zod'
import { defineEvent } from '../define-event.ts'
import { leadId, repId, timestamp } from '../primitives.ts'

export const handoffRejectReasons = [
  'duplicate',
  'bad_fit',
  'wrong_territory',
  'not_a_lead',
  'spam',
  'other',
] as const

export const leadHandedOffV1 = defineEvent({
  type: 'io.leadwire.lead.handed-off.v1',
  topic: 'leads.handoff.v1',
  description: 'The assigned rep accepted or rejected the lead, with a reason when rejected.',
  schema: z
    .object({
      leadId,
      repId,
      decision: z.enum(['accepted', 'rejected']),
      reason: z.enum(handoffRejectReasons).optional(),
      note: z.string().max(2000).optional(),
      decidedAt: timestamp,
    })
    .refine((h) => h.decision === 'accepted' || h.reason !== undefined, {
      message: 'a rejection needs a reason',
      path: ['reason'],
    }),
})
