import { score as scoreSchema } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ActivitySeen, scoreLead } from './score.ts'
import {
  buildEnrichment,
  buildInput,
  buildLead,
  daysAgo,
  minutesAgo,
  NOW,
  seedPlaybook,
  studentInput,
} from './test-builders.ts'

let playbook: Playbook
beforeAll(async () => {
  playbook = await seedPlaybook()
})

const sum = (points: number[]) => Math.round(points.reduce((s, p) => s + p, 0) * 10) / 10
function expectContributionsAddUp(score: ReturnType<typeof scoreLead>) {
  const of = (kind: string) => score.contributions.filter((c) => c.kind === kind).map((c) => c.points)
  expect(sum(of('fit'))).toBe(score.fit)
  expect(sum(of('intent'))).toBe(score.intent)
  expect(sum(score.contributions.map((c) => c.points))).toBe(score.total)
}

describe('scoreLead', () => {
  it('scores the DESIGN.md example as an SQL in the enterprise segment', () => {
    const score = scoreLead(playbook, buildInput())
    expect(score).toMatchObject({ stage: 'sql', segment: 'enterprise_demo', rubricVersion: '2026.1-default' })
    expect(score.modelVersion).toBeNull()
    expect(score.scoredAt).toBe(NOW.toISOString())
    expect(score.contributions.map((c) => c.rule)).toEqual(
      expect.arrayContaining(['fit.employees.enterprise', 'fit.industry.target', 'fit.seniority.director']),
    )
    expect(scoreSchema.parse(score)).toEqual(score)
    expectContributionsAddUp(score)
  })

  it('counts a pricing-page visit in the past 7 days as the SQL engagement', () => {
    const lead = buildLead({ source: { channel: 'inbound_form', intent: 'content_download' } })
    const enrichment = buildEnrichment({ employees: 600 })
    const recent = scoreLead(playbook, buildInput({ lead, enrichment, activities: [pricing(daysAgo(3))] }))
    const stale = scoreLead(playbook, buildInput({ lead, enrichment, activities: [pricing(daysAgo(8))] }))
    expect(recent).toMatchObject({ stage: 'sql', segment: 'mid_market' })
    expect(stale.stage).toBe('mql')
  })

  it('keeps an existing customer out of SQL', () => {
    const lead = buildLead({ custom: { existing_customer: 'yes' } })
    expect(scoreLead(playbook, buildInput({ lead })).stage).toBe('mql')
  })

  it('sends a student on a gmail address with no intent to nurture', () => {
    const score = scoreLead(playbook, studentInput())
    expect(score).toMatchObject({ stage: 'nurture', intent: 0, segment: 'general' })
    expect(score.contributions).toEqual([expect.objectContaining({ rule: 'fit.email.free', points: -10 })])
    expectContributionsAddUp(score)
  })

  it('keeps an outbound reply with its segment', () => {
    const lead = buildLead({ source: { channel: 'outbound_reply', originalOwnerId: 'rep-omar' } })
    const score = scoreLead(playbook, buildInput({ lead, enrichment: buildEnrichment({ employees: 300 }) }))
    expect(score).toMatchObject({ stage: 'mql', segment: 'outbound_reply', intent: 25 })
  })
})

describe('intent decay and caps', () => {
  const quiet = buildLead({ source: { channel: 'inbound_form' } })
  const intentOf = (activities: ActivitySeen[]) =>
    scoreLead(playbook, buildInput({ lead: quiet, activities }))

  it('halves a signal after one half-life', () => {
    const fresh = intentOf([webinar(minutesAgo(0))])
    const old = intentOf([webinar(daysAgo(playbook.scoring.intent.halfLifeDays))])
    expect(fresh.intent).toBe(8)
    expect(old.intent).toBe(4)
    expectContributionsAddUp(old)
  })

  it('holds a rule at its cap however many signals arrive', () => {
    const score = intentOf(Array.from({ length: 5 }, () => pricing(minutesAgo(30))))
    expect(score.contributions.find((c) => c.rule === 'intent.pricing')).toMatchObject({ points: 25 })
    expect(score.intent).toBe(25)
  })

  it('holds intent and fit at their total caps, showing the trim as a contribution', () => {
    const lead = buildLead({ source: { channel: 'outbound_reply', intent: 'demo_request' } })
    const activities = [pricing(minutesAgo(5)), pricing(minutesAgo(4)), webinar(minutesAgo(3))]
    const score = scoreLead(playbook, buildInput({ lead, activities }))
    expect(score.intent).toBe(playbook.scoring.intent.cap)
    expect(score.fit).toBe(playbook.scoring.fit.cap)
    expect(score.contributions.map((c) => c.rule)).toEqual(
      expect.arrayContaining(['scoring.intent.cap', 'scoring.fit.cap']),
    )
    expectContributionsAddUp(score)
  })
})

function pricing(occurredAt: string) {
  return { activity: 'pricing_page' as const, occurredAt }
}
function webinar(occurredAt: string) {
  return { activity: 'webinar' as const, occurredAt }
}
