import { loadPlaybook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { planClock } from './clock.ts'

let playbook: Awaited<ReturnType<typeof loadPlaybook>>
beforeAll(async () => {
  playbook = await loadPlaybook(new URL('../../../infra/seed/playbook.yaml', import.meta.url).pathname)
})

const iso = (d: Date) => d.toISOString()

describe('planClock with the default playbook', () => {
  it('gives an enterprise demo request 5 calendar minutes, with a warning at 80% and a page at 10 minutes', () => {
    const saturdayNight = new Date('2026-12-06T03:00:00Z')
    const plan = planClock(playbook, 'enterprise_demo', saturdayNight)
    expect(iso(plan.dueAt)).toBe('2026-12-06T03:05:00.000Z')
    expect(plan.rule).toBe('enterprise_demo: 5m calendar')
    expect(plan.steps.map((s) => [s.level, s.action, iso(s.fireAt)])).toEqual([
      ['warning', 'notify', '2026-12-06T03:04:00.000Z'],
      ['breach', 'notify', '2026-12-06T03:05:00.000Z'],
      ['escalation', 'page', '2026-12-06T03:10:00.000Z'],
    ])
  })

  it('runs a mid-market clock in business time: a Friday-evening lead is due Monday morning', () => {
    const fridayEvening = new Date('2026-12-04T23:30:00Z') // 18:30 in New York, after Friday's 17:00 close
    const plan = planClock(playbook, 'mid_market', fridayEvening)
    expect(iso(plan.dueAt)).toBe('2026-12-07T14:15:00.000Z') // Monday 09:15
  })

  it('makes a general visitor due at the close of the same business day', () => {
    const tuesdayMorning = new Date('2026-12-01T15:00:00Z') // 10:00 in New York
    expect(iso(planClock(playbook, 'general', tuesdayMorning).dueAt)).toBe('2026-12-01T23:00:00.000Z')
  })

  it('falls back to the catch-all segment for a name the playbook no longer has', () => {
    expect(planClock(playbook, 'retired_segment', new Date('2026-12-01T15:00:00Z')).segment).toBe('general')
  })
})
