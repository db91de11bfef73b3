import { z } from 'zod'
import { conditions } from './conditions.ts'
import { isDuration, isEscalationOffset, isFirstTouch } from './duration.ts'
import { show } from './errors.ts'
import {
  coverageHours,
  coverageMethods,
  escalationActions,
  escalationLevels,
  rerouteTargets,
  routingFilters,
  routingRules,
  slaClocks,
} from './vocabulary.ts'

const text = (error: (input: unknown) => string, valid: (s: string) => boolean) =>
  z.string({ error: (iss) => error(iss.input) }).refine(valid, { error: (iss) => error(iss.input) })

export const duration = text((got) => `expected a duration like 5m, got ${show(got)}`, isDuration)

export const firstTouch = text(
  (got) => `expected a duration like 5m, or same_business_day, got ${show(got)}`,
  isFirstTouch,
)

export const escalationOffset = text(
  (got) => `expected a duration like 1h or a share of the SLA like 80%, got ${show(got)}`,
  isEscalationOffset,
)

export const escalationStep = z.strictObject({
  after: escalationOffset.describe('Time after routing, or a share of the first-touch window'),
  level: z.enum(escalationLevels),
  action: z.enum(escalationActions),
  to: z
    .enum(rerouteTargets)
    .optional()
    .describe('For reroute: who takes the lead next (default next_rep in the same pool)'),
})

export const sla = z.strictObject({
  firstTouch: firstTouch.describe('How soon a rep must first touch the lead'),
  clock: z.enum(slaClocks).describe('calendar: the clock always runs; business: only in business hours'),
  escalation: z.array(escalationStep).default([]),
})

export const coverage = z.strictObject({
  team: z.string().min(1).max(64).describe('A team id from the rep directory'),
  method: z.enum(coverageMethods),
  hours: z.enum(coverageHours).describe('always: off-hours leads go to the on-call rep'),
  fallbackQueue: z.string().min(1).max(64).describe('Where the lead waits when no rep is eligible'),
  rules: z
    .array(z.enum(routingRules))
    .optional()
    .describe('Routing rules in order (default: every rule; original_owner only for that method)'),
  filters: z
    .array(z.enum(routingFilters))
    .optional()
    .describe('Rep filters applied before distribution, in order (default: territory, skills)'),
})

/** Matches `segment` in @leadwire/contracts: the name travels on every scored event. */
export const segmentName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, {
    error: (iss) => `expected a snake_case name like mid_market, got ${show(iss.input)}`,
  })
  .max(64)

export const segment = z.strictObject({
  name: segmentName,
  description: z.string().min(1),
  when: conditions.default({}).describe('First segment whose conditions all hold wins'),
  sla,
  coverage,
})

export type Segment = z.infer<typeof segment>
export type Sla = z.infer<typeof sla>
export type EscalationStep = z.infer<typeof escalationStep>
export type Coverage = z.infer<typeof coverage>
