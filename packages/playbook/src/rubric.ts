import { z } from 'zod'
import { conditions } from './conditions.ts'
import { show } from './errors.ts'
import { signalTypes } from './vocabulary.ts'

export const ruleId = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, {
  error: (iss) => `expected a dotted id like fit.seniority.director, got ${show(iss.input)}`,
})

export const fitRule = z.strictObject({
  id: ruleId,
  description: z.string().optional(),
  when: conditions,
  points: z.number().describe('May be negative, e.g. for a free email address'),
})

export const intentRule = z.strictObject({
  id: ruleId,
  description: z.string().optional(),
  signals: z.array(z.enum(signalTypes)).min(1).describe('Form intents or activity types this rule counts'),
  points: z.number().positive().describe('Points per signal when it just happened'),
  cap: z.number().positive().describe('Most points this rule adds, however many signals'),
  halfLifeDays: z.number().positive().optional().describe('Overrides the rubric half-life'),
  talkingPoint: z
    .string()
    .min(1)
    .optional()
    .describe("What a rep opens with when this is the lead's strongest signal"),
})

export const scoring = z.strictObject({
  fit: z.strictObject({
    cap: z.number().positive().optional().describe('Most fit points in total'),
    rules: z.array(fitRule).min(1),
  }),
  intent: z.strictObject({
    halfLifeDays: z.number().positive().describe('A signal is worth half after this many days'),
    cap: z.number().positive().describe('Most intent points in total'),
    rules: z.array(intentRule).min(1),
  }),
})

export const stageDefinitions = z.strictObject({
  sql: z.strictObject({
    description: z.string().optional(),
    when: conditions.refine((c) => Object.keys(c).length > 0, { error: 'SQL needs at least one condition' }),
    minScore: z.number().optional(),
  }),
  mql: z.strictObject({
    description: z.string().optional(),
    minScore: z.number().describe('fit + intent at or above this is an MQL'),
    when: conditions.default({}),
  }),
})

/**
 * How the playbook tells an existing customer (the SQL definition excludes them): a custom
 * field the form or the CRM sync sets (`true`, `"true"`, `"yes"`, `1`), or a known domain.
 */
export const customers = z.strictObject({
  customField: z.string().min(1).max(64).default('existing_customer'),
  domains: z.array(z.string().min(1)).default([]),
})

export type Scoring = z.infer<typeof scoring>
export type FitRule = z.infer<typeof fitRule>
export type IntentRule = z.infer<typeof intentRule>
export type StageDefinitions = z.infer<typeof stageDefinitions>
export type Customers = z.infer<typeof customers>
