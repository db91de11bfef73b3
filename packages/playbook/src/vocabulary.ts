/*
 * The words a playbook may use. They mirror @leadwire/contracts (which this package does not
 * depend on, so RevOps tooling can validate a playbook without the event schemas); a test in
 * services/scoring checks that the two lists never drift apart.
 */
export const channels = ['inbound_form', 'outbound_reply', 'event', 'referral', 'import'] as const
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
export const seniorities = ['c_level', 'vp', 'director', 'manager', 'individual_contributor'] as const
export const stages = ['sql', 'mql', 'nurture'] as const
export const emailKinds = ['work', 'free', 'disposable', 'role', 'invalid'] as const
export const activityTypes = [
  'page_view',
  'pricing_page',
  'demo_request',
  'content_download',
  'webinar',
  'email_open',
  'email_click',
  'outbound_reply',
] as const

/** An intent signal: what the form asked for, or something the lead did later. */
export const signalTypes = [
  ...intents,
  'page_view',
  'pricing_page',
  'email_open',
  'email_click',
  'outbound_reply',
] as const
export type SignalType = (typeof signalTypes)[number]

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]

export const slaClocks = ['calendar', 'business'] as const
export const escalationLevels = ['warning', 'breach', 'escalation'] as const
export const escalationActions = ['notify', 'reroute', 'page'] as const
export const coverageMethods = [
  'dedicated',
  'round_robin',
  'load_balanced',
  'first_available',
  'original_owner',
] as const
export type CoverageMethod = (typeof coverageMethods)[number]
export const coverageHours = ['always', 'business'] as const
