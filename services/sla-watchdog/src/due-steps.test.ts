import { describe, expect, it } from 'vitest'
import { breachData, dueSteps } from './due-steps.ts'
import type { Clock } from './pg-clock-store.ts'

const at = (m: number) => new Date(Date.UTC(2026, 11, 1, 15, m))
const clock: Clock = {
  leadId: '3f1c2a9e-8b7d-4e6f-9a5b-1c2d3e4f5a6b',
  attempt: 1,
  segment: 'enterprise_demo',
  repId: 'rep_0142',
  teamId: undefined,
  rule: 'enterprise_demo: 5m calendar',
  capturedAt: at(0),
  routedAt: at(0),
  dueAt: at(5),
  steps: [
    { step: 0, level: 'warning', action: 'notify', fireAt: at(4) },
    { step: 1, level: 'breach', action: 'notify', fireAt: at(5) },
    { step: 2, level: 'escalation', action: 'page', fireAt: at(10) },
  ],
  traceparent: undefined,
  state: 'running',
  nextStep: 0,
}

describe('dueSteps', () => {
  it('returns nothing before the next step is due', () => {
    expect(dueSteps(clock, at(3))).toEqual({ steps: [], nextStep: 0 })
  })

  it('fires a step exactly at its time and moves on past it', () => {
    const due = dueSteps({ ...clock, nextStep: 1 }, at(5))
    expect(due.steps.map((s) => s.level)).toEqual(['breach'])
    expect(due.nextStep).toBe(2)
  })

  it('returns every overdue step in order after downtime', () => {
    expect(dueSteps(clock, at(60)).steps.map((s) => s.step)).toEqual([0, 1, 2])
    expect(dueSteps(clock, at(60)).nextStep).toBe(3)
  })
})

describe('breachData', () => {
  it('carries the attempt, the rule and the times, leaving an absent team out', () => {
    const data = breachData(clock, clock.steps[1]!, at(6))
    expect(data).toMatchObject({ level: 'breach', step: 1, attempt: 1, firedAt: at(6).toISOString() })
    expect(data.teamId).toBeUndefined()
  })
})
