import { describe, expect, it } from 'vitest'
import { clockHours, firstTouchDeadline } from './deadline.ts'
import { loadPlaybook } from './load.ts'

const playbook = await loadPlaybook(new URL('../../../infra/seed/playbook.yaml', import.meta.url).pathname)

// The seed playbook runs in America/New_York; DST began on 2026-03-08 and ends on 2026-11-01.
const cases = [
  ['a calendar clock runs off hours', 'enterprise_demo', '2026-03-07T03:00:00Z', '2026-03-07T03:05:00Z'],
  [
    'a business clock stops over the weekend and the DST change',
    'mid_market',
    '2026-03-06T21:50:00Z',
    '2026-03-09T13:05:00Z',
  ],
  ['a business clock skips a holiday', 'mid_market', '2026-11-25T22:50:00Z', '2026-11-27T14:05:00Z'],
  [
    'a business clock waits for the morning',
    'outbound_reply',
    '2026-07-07T02:00:00Z',
    '2026-07-07T13:30:00Z',
  ],
  [
    'same business day closes at the end of the day',
    'general',
    '2026-03-10T15:00:00Z',
    '2026-03-10T22:00:00Z',
  ],
  [
    'same business day after hours is the next day',
    'general',
    '2026-11-02T23:30:00Z',
    '2026-11-03T23:00:00Z',
  ],
  ['an unknown segment uses the catch-all', 'retired', '2026-03-10T15:00:00Z', '2026-03-10T22:00:00Z'],
] as const

describe('firstTouchDeadline', () => {
  it.each(cases)('%s', (_name, segment, routedAt, due) => {
    expect(firstTouchDeadline(playbook, segment, new Date(routedAt)).toISOString()).toBe(
      new Date(due).toISOString(),
    )
  })

  it('runs in the assignee’s zone: 15 business minutes from Friday 16:50 in Chicago', () => {
    const chicago = clockHours(playbook, 'mid-market-sdr', { zone: 'America/Chicago' })
    // Friday 16:50 CST is 17:50 in New York, after the playbook's Friday close at 17:00.
    const due = firstTouchDeadline(playbook, 'mid_market', new Date('2026-03-06T22:50:00Z'), chicago)
    expect(due.toISOString()).toBe('2026-03-09T14:05:00.000Z') // Monday 09:05 CDT
  })
})
