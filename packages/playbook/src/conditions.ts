import { z } from 'zod'
import { channels, emailKinds, intents, seniorities, signalTypes, stages } from './vocabulary.ts'

const nonEmpty = (value: object) => Object.keys(value).length > 0

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .strictObject({
      in: z.array(z.enum(values)).min(1).optional(),
      notIn: z.array(z.enum(values)).min(1).optional(),
    })
    .refine(nonEmpty, { error: 'expected `in` or `notIn`' })

/** Free-text fields (industry, country...) compare case-insensitively. */
const textIn = z
  .strictObject({
    in: z.array(z.string().min(1)).min(1).optional(),
    notIn: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine(nonEmpty, { error: 'expected `in` or `notIn`' })

const range = z
  .strictObject({
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional(),
  })
  .refine(nonEmpty, { error: 'expected at least one of gte, gt, lte, lt' })

/**
 * Conditions over what is known about a lead. Every listed condition must hold (AND); an
 * empty object matches every lead. A fact that is unknown fails `in` and ranges but passes
 * `notIn`: "not a free email" holds when no email is known.
 */
export const conditions = z.strictObject({
  channel: oneOf(channels).optional(),
  intent: oneOf(intents).optional(),
  seniority: oneOf(seniorities).optional(),
  stage: oneOf(stages).optional(),
  emailKind: oneOf(emailKinds).optional(),
  industry: textIn.optional(),
  department: textIn.optional(),
  country: textIn.optional(),
  region: textIn.optional(),
  employees: range.optional(),
  completeness: range.optional(),
  score: range.optional().describe('fit + intent'),
  fit: range.optional(),
  intentScore: range.optional(),
  targetIndustry: z.boolean().optional().describe("industry is one of the playbook's targetIndustries"),
  existingCustomer: z.boolean().optional().describe('see the playbook `customers` section'),
  duplicate: z.boolean().optional().describe('dedup matched an earlier lead of the same person'),
  engaged: z
    .strictObject({
      signals: z.array(z.enum(signalTypes)).min(1),
      withinDays: z.number().positive(),
    })
    .optional()
    .describe('the form intent or a later activity of one of these kinds, recently'),
})

export type Conditions = z.infer<typeof conditions>
export type ConditionField = keyof Conditions
export const conditionFields = Object.keys(conditions.shape) as ConditionField[]

/** Computed by the scoring rubric itself, so fit rules may not depend on them. */
export const scoreFields = [
  'score',
  'fit',
  'intentScore',
  'stage',
] as const satisfies readonly ConditionField[]
