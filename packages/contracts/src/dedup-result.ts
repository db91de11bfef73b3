import { z } from 'zod'
import { leadId } from './primitives.ts'

export const matchEvidence = z.object({
  field: z.string(),
  comparator: z.string(),
  level: z.string().describe('Which agreement level the pair reached on this field'),
  weight: z.number().describe('log2 Bayes factor this field added to the match weight'),
})

export const dedupResult = z.object({
  identityId: z.uuid().describe('The person this lead belongs to; stable across their leads'),
  isDuplicate: z.boolean(),
  duplicateOf: leadId.optional().describe('The earliest lead of the same identity'),
  matchWeight: z.number().optional(),
  matchProbability: z.number().min(0).max(1).optional(),
  matchedOn: z
    .array(z.string())
    .default([])
    .describe('Exact keys shared with the identity: email, phone, nameCompany'),
  evidence: z
    .array(matchEvidence)
    .default([])
    .describe('Per-field weights when a probabilistic match decided'),
})

export type DedupResult = z.infer<typeof dedupResult>
