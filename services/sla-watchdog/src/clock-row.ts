import type { ClockStep, Deadline } from './clock.ts'
import type { ClockHours } from './working-hours.ts'

/** What routing decided and the deadline plan made from it. */
export interface NewClock {
  leadId: string
  attempt: number
  segment: string
  repId: string | undefined
  teamId: string | undefined
  rule: string
  capturedAt: Date
  routedAt: Date
  dueAt: Date
  steps: readonly ClockStep[]
  traceparent: string | undefined
  /** Absent on clocks started before the hours were recorded (migration 002). */
  deadline?: Deadline | undefined
  hours?: ClockHours | undefined
}

export type ClockState = 'running' | 'stopped' | 'cancelled'
export type EndReason = 'touched' | 'rerouted' | 'duplicate' | 'spam' | 'not_a_lead'

export interface Clock extends NewClock {
  state: ClockState
  /** Index into `steps` of the next step to fire; `steps.length` once all have fired. */
  nextStep: number
}

export interface ClockRow {
  lead_id: string
  attempt: number
  segment: string
  rep_id: string | null
  team_id: string | null
  rule: string
  captured_at: Date
  routed_at: Date
  due_at: Date
  state: ClockState
  next_step: number
  steps: { step: number; level: ClockStep['level']; action: ClockStep['action']; fireAt: string }[]
  traceparent: string | null
  deadline: Deadline | null
  hours: ClockHours | null
}

export function fromRow(r: ClockRow): Clock {
  return {
    leadId: r.lead_id,
    attempt: r.attempt,
    segment: r.segment,
    repId: r.rep_id ?? undefined,
    teamId: r.team_id ?? undefined,
    rule: r.rule,
    capturedAt: r.captured_at,
    routedAt: r.routed_at,
    dueAt: r.due_at,
    state: r.state,
    nextStep: r.next_step,
    steps: r.steps.map((s) => ({ ...s, fireAt: new Date(s.fireAt) })),
    traceparent: r.traceparent ?? undefined,
    deadline: r.deadline ?? undefined,
    hours: r.hours ?? undefined,
  }
}
