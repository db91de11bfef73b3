import { describe, expect, it } from 'vitest'
import { ineligibility, type Workload } from './availability.ts'
import type { Rep } from './directory.ts'

const rep = (over: Partial<Rep> = {}): Rep => ({
  id: 'rep-x',
  name: 'X',
  email: 'x@leadwire.example',
  team: 'team-x',
  timezone: 'Europe/Berlin',
  weight: 1,
  active: true,
  capacity: { maxOpen: 10, maxPerDay: 3 },
  outOfOffice: [{ from: '2026-08-03T00:00:00+02:00', to: '2026-08-15T00:00:00+02:00' }],
  workingHours: {
    weekly: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], fri: ['09:00-17:00'] },
    holidays: ['2026-12-24'],
  },
  ...over,
})
const la = rep({ timezone: 'America/Los_Angeles' })
const shift = (at: string): Workload => ({ now: new Date(at), checkShift: true })

// Europe moves to summer time on 2026-03-29, the US on 2026-03-08: the same UTC instant
// falls on different local hours either side of each change.
const cases: [string, Rep, Workload, string | undefined][] = [
  [
    'Berlin Friday 08:30 CET, before the change: off shift',
    rep(),
    shift('2026-03-27T07:30:00Z'),
    'off shift (Europe/Berlin)',
  ],
  ['Berlin Monday 09:30 CEST, after the change: on shift', rep(), shift('2026-03-30T07:30:00Z'), undefined],
  [
    'Los Angeles Friday 08:30 PST: off shift',
    la,
    shift('2026-03-06T16:30:00Z'),
    'off shift (America/Los_Angeles)',
  ],
  ['Los Angeles Monday 09:30 PDT: on shift', la, shift('2026-03-09T16:30:00Z'), undefined],
  ['shift hours ignored outside business hours', rep(), { now: new Date('2026-03-27T07:30:00Z') }, undefined],
  [
    'a holiday on the rep’s local date, not UTC',
    rep(),
    shift('2026-12-23T23:30:00Z'),
    'on holiday (2026-12-24)',
  ],
  [
    'out of office, first minute',
    rep(),
    shift('2026-08-03T07:00:00Z'),
    'out of office until 2026-08-15T00:00:00+02:00',
  ],
  [
    'back from the office, on the end instant',
    rep(),
    shift('2026-08-14T22:00:00Z'),
    'off shift (Europe/Berlin)',
  ],
  ['back and on shift the Monday after', rep(), shift('2026-08-17T08:00:00Z'), undefined],
  ['at capacity', rep(), { openCounts: { 'rep-x': 10 } }, 'at capacity (10/10)'],
  ['daily cap reached', rep(), { dayCounts: { 'rep-x': 3 } }, 'daily cap reached (3/3)'],
  ['inactive first', rep({ active: false }), { openCounts: { 'rep-x': 10 } }, 'inactive'],
  ['already tried', rep(), { exclude: ['rep-x'] }, 'already tried for this lead'],
  ['no hours: always on shift', rep({ workingHours: undefined }), shift('2026-03-28T03:00:00Z'), undefined],
]

describe('rep availability', () => {
  it.each(cases)('%s', (_name, r, work, expected) => {
    expect(ineligibility(r, work)).toBe(expected)
  })

  it('lets an owner keep a lead at capacity, but not while away', () => {
    expect(ineligibility(rep(), { openCounts: { 'rep-x': 12 } }, false)).toBeUndefined()
    expect(ineligibility(rep(), { now: new Date('2026-08-05T10:00:00Z') }, false)).toMatch(/out of office/)
  })
})
