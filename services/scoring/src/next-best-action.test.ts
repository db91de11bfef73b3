import type { LeadSnapshot } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { scoreLead } from './score.ts'
import {
  buildEnrichment,
  buildInput,
  buildLead,
  minutesAgo,
  seedPlaybook,
  studentInput,
} from './test-builders.ts'

let playbook: Playbook
beforeAll(async () => {
  playbook = await seedPlaybook()
})

const phone = {
  firstName: 'Dana',
  email: 'dana@northwind.example',
  phone: '+13125550100',
  title: 'Director of IT',
}
const nbaOf = (input: ReturnType<typeof buildInput>) => scoreLead(playbook, input).nextBestAction!

describe('next best action: channel', () => {
  it.each<[string, Partial<LeadSnapshot>, Parameters<typeof buildEnrichment>[0], string, RegExp]>([
    ['an SQL with a phone number', { contact: phone }, {}, 'call', /^Sales-qualified with a phone number/],
    [
      'a demo request from a smaller firm with a phone number',
      { contact: phone },
      { employees: 50, seniority: 'manager' },
      'call',
      /^Buying signal \(intent\.demo_request\)/,
    ],
    ['an SQL without a phone number', {}, {}, 'email', /^No phone number on file; their work email/],
    [
      'an outbound reply',
      { contact: phone, source: { channel: 'outbound_reply', originalOwnerId: 'rep-omar' } },
      {},
      'email',
      /same email thread/,
    ],
    [
      'a lead with a phone but no buying signal',
      { contact: phone, source: { channel: 'inbound_form', intent: 'newsletter' } },
      {},
      'email',
      /^No buying signal strong enough for a cold call/,
    ],
    [
      'a disposable mailbox and no phone',
      {},
      { email: { normalized: 'x@mailinator.com', domain: 'mailinator.com', kind: 'disposable' } },
      'linkedin',
      /^No phone and a disposable email address/,
    ],
    [
      'a lead who refused contact',
      { contact: phone, consent: { contact: false } },
      {},
      'linkedin',
      /did not agree/,
    ],
  ])('%s: %s', (_, lead, enrichment, channel, reason) => {
    const nba = nbaOf(buildInput({ lead: buildLead(lead), enrichment: buildEnrichment(enrichment) }))
    expect(nba.channel.value).toBe(channel)
    expect(nba.channel.reason).toMatch(reason)
  })
})

describe("next best action: timing in the lead's time zone", () => {
  it.each([
    ['Chicago, Tuesday 10:00', 'America/Chicago', '2026-03-10T15:00:00Z', 'now', '2026-03-10T15:00:00.000Z'],
    [
      'Tokyo, Wednesday 00:00',
      'Asia/Tokyo',
      '2026-03-10T15:00:00Z',
      'next_business_hour',
      '2026-03-11T00:00:00.000Z',
    ],
    [
      'Berlin, Friday 23:00',
      'Europe/Berlin',
      '2026-03-13T22:00:00Z',
      'next_business_hour',
      '2026-03-16T08:00:00.000Z',
    ],
    [
      'Berlin, Saturday noon',
      'Europe/Berlin',
      '2026-03-14T11:00:00Z',
      'next_business_hour',
      '2026-03-16T08:00:00.000Z',
    ],
    ['Chicago, Friday 16:59', 'America/Chicago', '2026-03-13T21:59:00Z', 'now', '2026-03-13T21:59:00.000Z'],
  ])('%s', (_, timezone, now, value, at) => {
    const nba = nbaOf(buildInput({ enrichment: buildEnrichment({ timezone }), now: new Date(now) }))
    expect(nba.timing).toMatchObject({ value, at, timezone })
    expect(nba.timing.reason).toContain(timezone)
  })

  it('says Monday 09:00 when a Berlin lead arrives on Friday night', () => {
    const input = buildInput({
      enrichment: buildEnrichment({ timezone: 'Europe/Berlin' }),
      now: new Date('2026-03-13T22:00:00Z'),
    })
    expect(nbaOf(input).timing.reason).toBe(
      "23:00 on Friday in the lead's time zone (Europe/Berlin) is outside business hours; the next business hour starts 09:00 on Monday.",
    )
  })

  it("falls back to the playbook's zone when the lead's is unknown, and says so", () => {
    const nba = nbaOf(buildInput({ enrichment: buildEnrichment({ timezone: undefined }) }))
    expect(nba.timing).toMatchObject({ value: 'now', timezone: 'America/New_York' })
    expect(nba.timing.reason).toContain("the playbook's; the lead's zone is unknown")
  })
})

describe('next best action: talking point', () => {
  it("opens with the playbook's line for the strongest intent signal", () => {
    const nba = nbaOf(buildInput())
    expect(nba.talkingPoint.text).toBe(playbook.scoring.intent.rules[0]!.talkingPoint)
    expect(nba.talkingPoint.basedOn).toEqual(['intent.demo_request'])
    expect(nba.talkingPoint.reason).toMatch(/^Strongest intent signal: intent\.demo_request \(\+30 points/)
  })

  it('names the two strongest signals, strongest first', () => {
    const lead = buildLead({ source: { channel: 'inbound_form' } })
    const activities = [
      { activity: 'webinar' as const, occurredAt: minutesAgo(60) },
      { activity: 'pricing_page' as const, occurredAt: minutesAgo(30) },
    ]
    const nba = nbaOf(buildInput({ lead, activities }))
    expect(nba.talkingPoint.basedOn).toEqual(['intent.pricing', 'intent.webinar'])
    expect(nba.talkingPoint.text).toMatch(/budget/)
  })

  it('falls back to the strongest fit when there is no intent yet', () => {
    const nba = nbaOf(studentInput())
    expect(nba.talkingPoint.text).toMatch(/^No buying signal yet: introduce yourself to the Student/)
    expect(nba.talkingPoint.reason).toMatch(/^No intent signal/)
  })
})
