import { readFileSync } from 'node:fs'
import type { WorkingHours } from '@leadwire/contracts'
import { parsePlaybook } from '@leadwire/playbook'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { planClock } from './clock.ts'
import { resolveHours } from './working-hours.ts'

// The seed playbook (New York, Mon-Thu 09-18, Fri 09-17, US holidays) plus two teams with hours
// of their own: an overnight desk and a Berlin team with its own holidays.
const seed = parse(readFileSync(new URL('../../../infra/seed/playbook.yaml', import.meta.url), 'utf8'))
const night = ['00:00-06:00', '22:00-24:00']
const playbook = parsePlaybook(
  JSON.stringify({
    ...seed,
    teamHours: {
      'night-desk': {
        timezone: 'America/New_York',
        businessHours: {
          weekly: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: night, sun: night },
        },
      },
      emea: {
        timezone: 'Europe/Berlin',
        businessHours: {
          weekly: {
            mon: ['08:00-16:00'],
            tue: ['08:00-16:00'],
            wed: ['08:00-16:00'],
            thu: ['08:00-16:00'],
            fri: ['08:00-16:00'],
          },
          holidays: ['2026-12-24', '2026-12-25'],
        },
      },
    },
  }),
  { format: 'json' },
)

const rep = (timezone: string): WorkingHours => ({ timezone, source: 'rep' })

interface Row {
  name: string
  segment: string
  routedAt: string
  teamId?: string
  workingHours?: WorkingHours
  dueAt: string
  rule: string
}

const rows: Row[] = [
  {
    name: 'calendar clock ignores the weekend',
    segment: 'enterprise_demo',
    routedAt: '2026-12-06T03:00:00Z',
    dueAt: '2026-12-06T03:05:00.000Z',
    rule: 'enterprise_demo: 5m calendar',
  },
  {
    name: 'business clock inside hours (Tue 10:00 NY)',
    segment: 'mid_market',
    routedAt: '2026-12-01T15:00:00Z',
    dueAt: '2026-12-01T15:15:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (playbook hours)',
  },
  {
    name: 'Friday 16:50 carries 5 minutes into Monday',
    segment: 'mid_market',
    routedAt: '2026-12-04T21:50:00Z',
    dueAt: '2026-12-07T14:05:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (playbook hours)',
  },
  {
    name: 'Thanksgiving is skipped',
    segment: 'mid_market',
    routedAt: '2026-11-25T22:55:00Z',
    dueAt: '2026-11-27T14:10:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (playbook hours)',
  },
  {
    name: 'a Chicago rep opens an hour after New York',
    segment: 'mid_market',
    routedAt: '2026-12-01T14:30:00Z',
    workingHours: rep('America/Chicago'),
    dueAt: '2026-12-01T15:15:00.000Z',
    rule: 'mid_market: 15m business in America/Chicago (rep hours)',
  },
  {
    name: 'the same lead on playbook hours',
    segment: 'mid_market',
    routedAt: '2026-12-01T14:30:00Z',
    dueAt: '2026-12-01T14:45:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (playbook hours)',
  },
  {
    name: 'a Berlin rep at 17:55 is due next morning',
    segment: 'mid_market',
    routedAt: '2026-12-01T16:55:00Z',
    workingHours: rep('Europe/Berlin'),
    dueAt: '2026-12-02T08:10:00.000Z',
    rule: 'mid_market: 15m business in Europe/Berlin (rep hours)',
  },
  {
    name: 'DST spring forward: Monday opens at 09:00 EDT',
    segment: 'mid_market',
    routedAt: '2026-03-06T21:55:00Z',
    dueAt: '2026-03-09T13:10:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (playbook hours)',
  },
  {
    name: 'DST fall back: Monday opens at 09:00 EST',
    segment: 'mid_market',
    routedAt: '2026-10-30T20:55:00Z',
    dueAt: '2026-11-02T14:10:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (playbook hours)',
  },
  {
    name: 'overnight desk: a lead at 21:50 waits for 22:00',
    segment: 'mid_market',
    teamId: 'night-desk',
    routedAt: '2026-12-02T02:50:00Z',
    dueAt: '2026-12-02T03:15:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (team hours)',
  },
  {
    name: 'overnight desk: 05:55 runs 5 minutes, then from 22:00',
    segment: 'mid_market',
    teamId: 'night-desk',
    routedAt: '2026-12-01T10:55:00Z',
    dueAt: '2026-12-02T03:10:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (team hours)',
  },
  {
    name: 'overnight desk: across midnight',
    segment: 'mid_market',
    teamId: 'night-desk',
    routedAt: '2026-12-02T04:50:00Z',
    dueAt: '2026-12-02T05:05:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (team hours)',
  },
  {
    name: 'overnight desk across the DST gap: 15 real minutes',
    segment: 'mid_market',
    teamId: 'night-desk',
    routedAt: '2026-03-08T05:55:00Z',
    dueAt: '2026-03-08T06:10:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (team hours)',
  },
  {
    name: 'team holidays: Christmas Eve and Day off in Berlin',
    segment: 'mid_market',
    teamId: 'emea',
    routedAt: '2026-12-23T14:55:00Z',
    dueAt: '2026-12-28T07:10:00.000Z',
    rule: 'mid_market: 15m business in Europe/Berlin (team hours)',
  },
  {
    name: 'rep zone with the team’s weekly hours and holidays',
    segment: 'mid_market',
    teamId: 'emea',
    workingHours: rep('Europe/London'),
    routedAt: '2026-12-23T15:55:00Z',
    dueAt: '2026-12-28T08:10:00.000Z',
    rule: 'mid_market: 15m business in Europe/London (rep hours)',
  },
  {
    name: 'an unknown zone on the event falls back',
    segment: 'mid_market',
    workingHours: rep('Mars/Olympus'),
    routedAt: '2026-12-01T15:00:00Z',
    dueAt: '2026-12-01T15:15:00.000Z',
    rule: 'mid_market: 15m business in America/New_York (playbook hours)',
  },
  {
    name: 'same business day: close of today',
    segment: 'general',
    routedAt: '2026-12-01T15:00:00Z',
    dueAt: '2026-12-01T23:00:00.000Z',
    rule: 'general: same_business_day business in America/New_York (playbook hours)',
  },
  {
    name: 'same business day after Friday’s close: Monday’s close',
    segment: 'general',
    routedAt: '2026-12-04T23:00:00Z',
    dueAt: '2026-12-07T23:00:00.000Z',
    rule: 'general: same_business_day business in America/New_York (playbook hours)',
  },
  {
    name: 'same business day on a holiday: the next business day',
    segment: 'general',
    routedAt: '2026-12-25T15:00:00Z',
    dueAt: '2026-12-28T23:00:00.000Z',
    rule: 'general: same_business_day business in America/New_York (playbook hours)',
  },
  {
    name: 'same business day for a Los Angeles rep',
    segment: 'general',
    workingHours: rep('America/Los_Angeles'),
    routedAt: '2026-12-01T15:00:00Z',
    dueAt: '2026-12-02T02:00:00.000Z',
    rule: 'general: same_business_day business in America/Los_Angeles (rep hours)',
  },
]

describe('first-touch deadlines', () => {
  it.each(rows)('$name', (row) => {
    const hours = resolveHours(playbook, { teamId: row.teamId, workingHours: row.workingHours })
    const plan = planClock(playbook, row.segment, new Date(row.routedAt), hours)
    expect(plan.dueAt.toISOString()).toBe(row.dueAt)
    expect(plan.rule).toBe(row.rule)
  })
})

describe('escalation steps in business time', () => {
  it('puts the 80% warning and the 30m reroute of a Friday-evening lead on Monday morning', () => {
    const plan = planClock(playbook, 'mid_market', new Date('2026-12-04T21:50:00Z'))
    expect(plan.steps.map((s) => [s.level, s.action, s.fireAt.toISOString()])).toEqual([
      ['warning', 'notify', '2026-12-07T14:02:00.000Z'],
      ['breach', 'notify', '2026-12-07T14:05:00.000Z'],
      ['escalation', 'reroute', '2026-12-07T14:20:00.000Z'],
    ])
    expect(plan.deadline).toEqual({
      firstTouch: '15m',
      clock: 'business',
      timezone: 'America/New_York',
      hoursFrom: 'playbook',
    })
  })

  it('re-routes an outbound reply one business hour after routing', () => {
    const plan = planClock(playbook, 'outbound_reply', new Date('2026-12-01T22:30:00Z')) // Tue 17:30 NY
    expect(plan.steps.map((s) => [s.level, s.action, s.fireAt.toISOString()])).toEqual([
      ['breach', 'notify', '2026-12-01T23:00:00.000Z'], // the deadline falls on Tuesday's 18:00 close
      ['escalation', 'reroute', '2026-12-02T14:30:00.000Z'],
    ])
  })
})
