import type { LeadSlaBreachedV1 } from '@leadwire/contracts'
import type { ClockStep } from './clock.ts'
import type { Clock } from './clock-row.ts'

export interface DueSteps {
  steps: ClockStep[]
  /** Where the clock goes on after firing them. */
  nextStep: number
}

/**
 * Every step of a clock that is due by `now`, in order. After downtime several can be overdue
 * at once; they all fire in the same tick, so a breach never waits a tick behind its warning.
 */
export function dueSteps(clock: Clock, now: Date): DueSteps {
  let next = clock.nextStep
  while (next < clock.steps.length && clock.steps[next]!.fireAt.getTime() <= now.getTime()) next++
  return { steps: clock.steps.slice(clock.nextStep, next), nextStep: next }
}

/** The leads.sla-breached.v1 data for one fired step. */
export function breachData(clock: Clock, step: ClockStep, firedAt: Date): LeadSlaBreachedV1 {
  return {
    leadId: clock.leadId,
    repId: clock.repId,
    teamId: clock.teamId,
    segment: clock.segment,
    level: step.level,
    step: step.step,
    action: step.action,
    attempt: clock.attempt,
    rule: clock.rule,
    routedAt: clock.routedAt.toISOString(),
    dueAt: clock.dueAt.toISOString(),
    firedAt: firedAt.toISOString(),
    ...(clock.deadline && { deadline: clock.deadline }),
  }
}
