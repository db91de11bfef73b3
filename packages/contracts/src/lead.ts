import { z } from 'zod'
import { channel, intent, leadId, timestamp } from './primitives.ts'

const text = (max: number) => z.string().trim().min(1).max(max)

export const contact = z
  .object({
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    email: z.email().max(254).optional(),
    phone: text(40).optional(),
    title: text(200).optional(),
  })
  .describe('The person, as submitted')

export const company = z
  .object({
    name: text(200).optional(),
    domain: text(253).optional(),
    employees: z.int().min(1).max(10_000_000).optional().describe('Employee count as submitted'),
    industry: text(100).optional(),
    country: z.string().length(2).toUpperCase().optional().describe('ISO 3166-1 alpha-2'),
  })
  .describe('The company, as submitted')

export const utm = z.object({
  source: text(200).optional(),
  medium: text(200).optional(),
  campaign: text(200).optional(),
  term: text(200).optional(),
  content: text(200).optional(),
})

export const source = z
  .object({
    channel,
    intent: intent.optional(),
    formId: text(100).optional(),
    submissionId: text(200).optional(),
    campaign: text(200).optional(),
    utm: utm.optional(),
    // Only web addresses: a CRM that renders these as links must never get a javascript: URL.
    pageUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    referrer: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    originalOwnerId: text(64).optional().describe('For outbound replies: the rep who sent the outreach'),
  })
  .describe('Where the lead came from')

export const consent = z
  .object({
    marketing: z.boolean().optional(),
    contact: z.boolean().optional(),
  })
  .describe('Consent flags as given on the form')

export const customFields = z
  .record(z.string().min(1).max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((fields) => Object.keys(fields).length <= 50, { message: 'at most 50 custom fields' })
  // A refinement has no JSON Schema form; maxProperties says the same to integrators.
  .meta({ description: 'Free-form fields from the form, bounded', maxProperties: 50 })

/** The lead as captured; travels on every later lead event so no service reads another's tables. */
export const leadSnapshot = z.object({
  leadId,
  capturedAt: timestamp,
  contact,
  company,
  source,
  consent: consent.default({}),
  custom: customFields.default({}),
})

export type LeadSnapshot = z.infer<typeof leadSnapshot>
export type Contact = z.infer<typeof contact>
export type Company = z.infer<typeof company>
export type Source = z.infer<typeof source>
