import {
  activityTypes,
  handoffRejectReasons,
  leadActivityRecordedV1,
  leadContactedV1,
  leadHandedOffV1,
  leadOutcomeRecordedV1,
  repId,
  timestamp,
} from '@leadwire/contracts'
import { z } from 'zod'

const when = (what: string) =>
  timestamp.optional().describe(`${what}; defaults to the moment capture received the report`)

export const activityInput = z
  .object({
    activity: z.enum(activityTypes),
    activityId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Your id for this activity; the same id again is recorded once'),
    occurredAt: when('When it happened'),
    properties: leadActivityRecordedV1.schema.shape.properties.unwrap().optional(),
  })
  .strict()
  .describe(
    'Engagement by the lead: email open or click, content download, pricing page, webinar, demo request, reply',
  )

export const touchInput = z
  .object({
    repId,
    channel: leadContactedV1.schema.shape.channel,
    contactedAt: when('When the rep reached out'),
    crm: z
      .object({ system: z.string().min(1).max(100), recordId: z.string().min(1).max(200) })
      .strict()
      .optional(),
  })
  .strict()
  .describe('A rep touched the lead (the first touch stops the SLA clock)')

export const handoffInput = z
  .object({
    repId,
    decision: leadHandedOffV1.schema.shape.decision,
    reason: z.enum(handoffRejectReasons).optional().describe('Required when the lead is rejected'),
    note: z.string().trim().min(1).max(2000).optional().describe('Required when the reason is `other`'),
    decidedAt: when('When the rep decided'),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.decision === 'rejected' && !h.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `a rejection needs a reason: ${handoffRejectReasons.join(', ')}`,
      })
    }
    if (h.decision === 'accepted' && h.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only a rejection takes a reason' })
    }
    if (h.reason === 'other' && !h.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'say why in a note when the reason is other' })
    }
  })
  .describe('The assigned rep accepted or rejected the lead')

export const outcomeInput = z
  .object({
    outcome: leadOutcomeRecordedV1.schema.shape.outcome,
    opportunityId: z.string().min(1).max(200).optional(),
    amount: z.number().nonnegative().max(1e12).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
      .optional(),
    reason: z.string().trim().min(1).max(500).optional().describe('Why it was won or lost'),
    occurredAt: when('When the outcome happened'),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.amount !== undefined && !o.currency) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount needs its currency' })
    }
  })
  .describe('A sales outcome: opportunity created, won or lost')

export type ActivityInput = z.infer<typeof activityInput>
export type TouchInput = z.infer<typeof touchInput>
export type HandoffInput = z.infer<typeof handoffInput>
export type OutcomeInput = z.infer<typeof outcomeInput>
