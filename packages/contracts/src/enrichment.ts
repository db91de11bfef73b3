import { z } from 'zod'
import { department, seniority, timestamp } from './primitives.ts'

export const emailKinds = ['work', 'free', 'disposable', 'role', 'invalid'] as const

export const provenance = z.object({
  source: z.string().min(1).max(64).describe("'submitted', 'derived' or a provider name"),
  at: timestamp,
})

export const firmographics = z.object({
  name: z.string().optional(),
  industry: z.string().optional(),
  employeeBand: z.string().optional(),
  revenueBand: z.string().optional(),
  country: z.string().optional(),
  technologies: z.array(z.string()).default([]),
})

export const enrichment = z.object({
  email: z
    .object({
      normalized: z.string(),
      domain: z.string(),
      kind: z.enum(emailKinds),
    })
    .optional(),
  companyDomain: z.string().optional(),
  phoneE164: z.string().optional(),
  phoneCountry: z.string().length(2).optional(),
  seniority: seniority.optional(),
  department: department.optional(),
  country: z.string().length(2).optional(),
  region: z.string().optional(),
  timezone: z.string().optional(),
  employees: z.int().positive().optional().describe('Best known employee count (submitted wins)'),
  industry: z.string().optional().describe('Best known industry (submitted wins)'),
  firmographics: firmographics.optional(),
  provenance: z.record(z.string(), provenance).describe('Where each enriched field came from, and when'),
  completeness: z.number().min(0).max(1).describe('Share of the required fields that are known'),
  missing: z.array(z.string()).describe('Required fields still unknown'),
  providers: z
    .array(
      z.object({
        name: z.string(),
        status: z.enum(['hit', 'miss', 'error', 'skipped']),
        detail: z
          .string()
          .max(200)
          .optional()
          .describe(
            "Why, in a few words: 'cached', 'timeout', 'http 503', 'circuit open', 'budget exhausted'",
          ),
      }),
    )
    .default([])
    .describe('What each firmographic provider answered'),
})

export type Enrichment = z.infer<typeof enrichment>
