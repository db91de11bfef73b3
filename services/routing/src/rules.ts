import type { LeadScoredV1, routingMethods } from '@leadwire/contracts'
import { isBusinessTime, type Playbook, type RerouteTarget, type Segment } from '@leadwire/playbook'
import type { Directory, Rep } from './directory.ts'
import type { Skipped, Workload } from './eligibility.ts'
import { type StepContext, stepsFor } from './steps.ts'

export type RouteMethod = (typeof routingMethods)[number]
export type Trace = { rule: string; outcome: string }[]

export interface RouteInput extends Workload {
  scored: LeadScoredV1
  now: Date
  /** The rep who already owns this person or account (a returning identity). */
  knownOwner?: string | undefined
  /** Set on a re-route: who the playbook's escalation step hands the lead to. */
  target?: RerouteTarget | undefined
}

export interface RoutePlan {
  segment: string
  teamId: string
  method: RouteMethod
  /** Eligible reps in stable order; pick one with the method (see pick.ts). */
  candidates: Rep[]
  /** Set when no rep is eligible: the lead waits in this queue. */
  queue?: string
  trace: Trace
  filteredOut: Skipped[]
  /** The candidates are the team's pool (not an owner, manager or on-call pick). */
  pooled?: boolean
}

/**
 * Decides who may take a scored lead by running the segment's rules in order (steps.ts; by
 * default an escalation's target, the known owner, a named account's owner, the original
 * owner of an outbound reply, the on-call rep off hours for 24/7 segments, the segment's team
 * narrowed by territory and skills, and last the fallback queue). Every rule considered leaves a line in the trace; every rep left
 * out is listed with the reason.
 */
export function planRoute(playbook: Playbook, directory: Directory, input: RouteInput): RoutePlan {
  const trace: Trace = []
  const filteredOut: Skipped[] = []
  const segment = segmentFor(playbook, input.scored.score.segment, trace)
  const inHours = isBusinessTime(playbook.businessHours, playbook.timezone, input.now)
  const ctx: StepContext = {
    directory,
    input,
    coverage: segment.coverage,
    inHours,
    work: { ...input, checkShift: inHours },
    trace,
    filteredOut,
    plan: (teamId, method, candidates) => ({
      segment: segment.name,
      teamId,
      method,
      candidates,
      trace,
      filteredOut,
    }),
  }
  for (const step of stepsFor(segment.coverage)) {
    const plan = step(ctx)
    if (plan) return plan
  }
  throw new Error('the fallback queue step always plans')
}

/** The scored segment, or the catch-all when the playbook changed since the lead was scored. */
export function segmentFor(playbook: Playbook, name: string, trace: Trace = []): Segment {
  const found = playbook.segments.find((s) => s.name === name)
  const segment = found ?? playbook.segments.at(-1)!
  const outcome = found ? name : `'${name}' is not in playbook ${playbook.version}; using ${segment.name}`
  trace.push({ rule: 'segment', outcome })
  return segment
}
