import { z } from 'zod'

export const leadId = z.uuid().describe('The lead id assigned by capture; the Kafka key of every lead event')
export const timestamp = z.iso.datetime({ offset: true }).describe('RFC 3339 date-time')
export const repId = z.string().min(1).max(64)
export const teamId = z.string().min(1).max(64)

export const channels = ['inbound_form', 'outbound_reply', 'event', 'referral', 'import'] as const
export const channel = z.enum(channels)

/** What the form or integration says the person asked for; drives intent scoring. */
export const intents = [
  'demo_request',
  'pricing',
  'contact_sales',
  'content_download',
  'webinar',
  'newsletter',
  'trial',
  'other',
] as const
export const intent = z.enum(intents)

export const seniorities = ['c_level', 'vp', 'director', 'manager', 'individual_contributor'] as const
export const seniority = z.enum(seniorities)

export const departments = [
  'sales',
  'marketing',
  'engineering',
  'it',
  'finance',
  'hr',
  'operations',
  'product',
  'legal',
  'executive',
  'support',
  'other',
] as const
export const department = z.enum(departments)

export const stages = ['sql', 'mql', 'nurture'] as const
export const stage = z.enum(stages)

/** Segment names come from the playbook; the defaults are listed in the playbook package. */
export const segment = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/)
export type Department = (typeof departments)[number]
