import { company, consent, contact, customFields, source } from '@leadwire/contracts'
import { z } from 'zod'

const antiSpam = z
  .object({
    honeypot: z
      .string()
      .max(1000)
      .optional()
      .describe('A hidden field people never see; anything in it suggests a bot (form field `_hp`)'),
    startedAt: z
      .int()
      .positive()
      .optional()
      .describe('When the form was shown, in ms since the epoch (form field `_started`)'),
  })
  .strict()
  .describe('Hints for the spam signals; never stored on the lead')

const fields = {
  contact: contact.strict(),
  company: company.strict().default({}),
  source: source
    .extend({
      channel: source.shape.channel.default('inbound_form'),
      utm: source.shape.utm.unwrap().strict().optional(),
    })
    .strict()
    .default({ channel: 'inbound_form' }),
  consent: consent.strict().default({}),
  custom: customFields.default({}),
  antiSpam: antiSpam.optional(),
}

function emailOrPhone(lead: { contact: { email?: string; phone?: string } }, ctx: z.RefinementCtx) {
  if (!lead.contact.email && !lead.contact.phone) {
    ctx.addIssue({
      code: 'custom',
      path: ['contact', 'email'],
      message: 'an email or a phone number is required',
    })
  }
}

/**
 * What a form or integration may send. Unknown fields are rejected with their path rather
 * than silently kept, so a typo in a form field name shows up on the first submission.
 */
export const leadInput = z
  .object(fields)
  .strict()
  .superRefine(emailOrPhone)
  .describe('A lead as a form or integration submits it')

export const idempotencyKey = z.string().min(8).max(200)

/** One row of a batch: a lead, optionally with its own idempotency key. */
export const batchRowInput = z
  .object({
    ...fields,
    idempotencyKey: idempotencyKey
      .optional()
      .describe('Retries of this row return the same lead; defaults to the batch key + row index'),
  })
  .strict()
  .superRefine(emailOrPhone)
  .describe('One lead of a batch')

export type LeadInput = z.infer<typeof leadInput>
export type BatchRowInput = z.infer<typeof batchRowInput>
