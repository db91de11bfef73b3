import { company, consent, contact, customFields, source } from '@leadwire/contracts'
import { z } from 'zod'

/**
 * What a form or integration may send. Unknown fields are rejected with their path rather
 * than silently kept, so a typo in a form field name shows up on the first submission.
 */
export const leadInput = z
  .object({
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
  })
  .strict()
  .superRefine((lead, ctx) => {
    if (!lead.contact.email && !lead.contact.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['contact', 'email'],
        message: 'an email or a phone number is required',
      })
    }
  })
  .describe('A lead as a form or integration submits it')

export type LeadInput = z.infer<typeof leadInput>

// Plain HTML forms send flat names; these common ones map onto the nested shape. Any other
// name may use the nested path itself ("company.industry", "utm.source", "custom.budget").
const aliases: Record<string, string> = {
  email: 'contact.email',
  firstName: 'contact.firstName',
  first_name: 'contact.firstName',
  lastName: 'contact.lastName',
  last_name: 'contact.lastName',
  phone: 'contact.phone',
  title: 'contact.title',
  jobTitle: 'contact.title',
  company: 'company.name',
  website: 'company.domain',
  employees: 'company.employees',
  country: 'company.country',
  formId: 'source.formId',
  submissionId: 'source.submissionId',
  intent: 'source.intent',
  utm_source: 'source.utm.source',
  utm_medium: 'source.utm.medium',
  utm_campaign: 'source.utm.campaign',
  utm_term: 'source.utm.term',
  utm_content: 'source.utm.content',
}

const numeric = new Set(['company.employees'])
const boolean = new Set(['consent.marketing', 'consent.contact'])

/** Turns urlencoded form fields into the nested input; values stay strings unless typed above. */
export function fromFormFields(
  fields: Record<string, string | string[] | undefined>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, raw] of Object.entries(fields)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw
    if (value === undefined || value === '') continue
    const path = (aliases[name] ?? name).replace(/^utm\./, 'source.utm.').split('.')
    const key = path.join('.')
    const typed =
      numeric.has(key) && /^\d+$/.test(value) ? Number(value) : boolean.has(key) ? isTruthy(value) : value
    setPath(out, path, typed)
  }
  return out
}

const isTruthy = (v: string) => ['true', 'on', 'yes', '1'].includes(v.toLowerCase())

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target
  for (const part of path.slice(0, -1)) {
    const next = node[part]
    node[part] = typeof next === 'object' && next !== null ? next : {}
    node = node[part] as Record<string, unknown>
  }
  node[path[path.length - 1]!] = value
}
