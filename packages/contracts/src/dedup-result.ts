import { z } from 'zod'
import { leadId, repId, timestamp } from './primitives.ts'

export const matchEvidence = z.object({
  field: z.string(),
  comparator: z.string(),
  level: z.string().describe('Which agreement level the pair reached on this field'),
  weight: z.number().describe('log2 Bayes factor this field added to the match weight'),
})

export const dedupDecisions = ['merge', 'review', 'distinct'] as const

export const matchCandidate = z
  .object({
    identityId: z.uuid(),
    leadId: leadId.describe('The earlier lead this one was compared with'),
    matchProbability: z.number().min(0).max(1),
  })
  .describe('The closest known person, when there was one')

export const dedupReview = z
  .object({
    reviewId: z.uuid(),
    status: z.enum(['pending', 'confirmed', 'split']),
    decidedAt: timestamp.optional(),
    decidedBy: z.string().max(200).optional(),
  })
  .describe('A possible match held for a person to confirm or split')

export const identitySummary = z
  .object({
    canonicalLeadId: leadId.describe('The first lead of the person; kept through every merge'),
    leadCount: z.int().min(1),
    firstSeenAt: timestamp,
    lastSeenAt: timestamp,
    mergedIdentityIds: z
      .array(z.uuid())
      .default([])
      .describe('Identities this lead showed to be the same person, now folded into this one'),
    recentIntents: z
      .array(z.object({ leadId, intent: z.string(), channel: z.string(), at: timestamp }))
      .default([])
      .describe("The person's latest submissions, newest first: a returning lead's intent is never lost"),
  })
  .describe("The person's history as dedup knows it")

export const accountMatch = z
  .object({
    accountId: z.uuid(),
    name: z.string().optional(),
    domain: z.string().optional(),
    matchedBy: z.enum(['domain', 'name', 'new']),
    similarity: z.number().min(0).max(1).optional().describe('Trigram similarity of the names'),
    corroboratedBy: z.array(z.enum(['country', 'phone', 'postcode'])).default([]),
    ownerRepId: repId.optional().describe('Account owner, when the account came from the CRM'),
    crmId: z.string().max(200).optional(),
  })
  .describe('The company account the lead belongs to, so routing can send it to the account owner')

export const dedupResult = z.object({
  identityId: z.uuid().describe('The person this lead belongs to; stable across their leads'),
  isDuplicate: z.boolean(),
  duplicateOf: leadId.optional().describe('The earliest lead of the same identity'),
  matchWeight: z.number().optional(),
  matchProbability: z.number().min(0).max(1).optional(),
  matchedOn: z
    .array(z.string())
    .default([])
    .describe('Fields that agreed exactly with the matched lead: email, phone, firstName, ...'),
  evidence: z
    .array(matchEvidence)
    .default([])
    .describe('Per-field weights when a probabilistic match decided'),
  decision: z
    .enum(dedupDecisions)
    .optional()
    .describe('merge: same person; review: possible match held for review; distinct: a new person'),
  candidate: matchCandidate.optional(),
  review: dedupReview.optional(),
  identity: identitySummary.optional(),
  account: accountMatch.optional(),
})

export type DedupResult = z.infer<typeof dedupResult>
export type DedupDecision = (typeof dedupDecisions)[number]
