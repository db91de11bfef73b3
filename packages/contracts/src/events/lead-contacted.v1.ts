import { z } from 'zod'
import { defineEvent } from '../define-event.ts'
import { leadId, repId, timestamp } from '../primitives.ts'

export const leadContactedV1 = defineEvent({
  type: 'io.leadwire.lead.contacted.v1',
  topic: 'leads.contacted.v1',
  description: "A rep's first or later touch of a lead, reported by the CRM; stops the SLA clock.",
  schema: z.object({
    leadId,
    repId,
    channel: z.enum(['call', 'email', 'meeting', 'sms', 'social', 'other']),
    contactedAt: timestamp,
    crm: z.object({ system: z.string(), recordId: z.string() }).optional(),
  }),
})
