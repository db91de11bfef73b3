import { z } from 'zod'
import { nextBestAction } from './next-best-action.ts'
import { segment, stage, timestamp } from './primitives.ts'

export const contribution = z.object({
  rule: z.string().describe('The playbook rule (or model feature, as model.<feature>) that gave the points'),
  kind: z.enum(['fit', 'intent', 'model']),
  points: z.number(),
  detail: z.string().optional(),
})

export const score = z.object({
  fit: z.number(),
  intent: z.number(),
  total: z.number(),
  stage,
  segment,
  contributions: z.array(contribution),
  rubricVersion: z.string(),
  modelVersion: z
    .string()
    .nullable()
    .describe('The predictive model used, or null when the rubric alone decided'),
  probability: z.number().min(0).max(1).optional(),
  scoredAt: timestamp,
  nextBestAction: nextBestAction.optional(),
})

export type Score = z.infer<typeof score>
