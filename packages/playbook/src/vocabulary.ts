import { activityTypes, intents } from '@leadwire/contracts'

// The words events use come from the contracts, the one source of truth for them.
export { activityTypes, channels, emailKinds, intents, seniorities, stages } from '@leadwire/contracts'

/** An intent signal: what the form asked for, or something the lead did later. */
export const signalTypes = [...new Set([...intents, ...activityTypes])] as readonly (
  | (typeof intents)[number]
  | (typeof activityTypes)[number]
)[]
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
/** Who an escalation's reroute hands the lead to. */
export const rerouteTargets = ['next_rep', 'manager', 'on_call'] as const
export type RerouteTarget = (typeof rerouteTargets)[number]
/** Rep filters a segment's coverage may apply before distributing. */
export const routingFilters = ['territory', 'skills'] as const
export type RoutingFilter = (typeof routingFilters)[number]
/** Routing rules a segment may order; an escalation's target always runs first, the fallback queue last. */
export const routingRules = [
  'known_owner',
  'account_owner',
  'original_owner',
  'after_hours',
  'team_pool',
] as const
export type RoutingRule = (typeof routingRules)[number]
