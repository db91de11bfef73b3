import { z } from 'zod'
import { defineEvent } from '../define-event.ts'
import { leadSnapshot } from '../lead.ts'
import { spamAssessment } from '../spam.ts'

export const leadCapturedV1 = defineEvent({
  type: 'io.leadwire.lead.captured.v1',
  topic: 'leads.captured.v1',
  description: 'A lead was accepted by the capture API and is durable.',
  schema: z.object({
    lead: leadSnapshot,
    receivedVia: z.enum(['api', 'form', 'batch']),
    // Added within v1 (optional): events written before it simply have no assessment.
    spam: spamAssessment.optional(),
  }),
})
