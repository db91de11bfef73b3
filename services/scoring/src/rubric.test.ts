import type { Enrichment } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ActivitySeen, scoreLead } from './score.ts'
import { buildEnrichment, buildInput, buildLead, daysAgo, seedPlaybook } from './test-builders.ts'

let playbook: Playbook
beforeAll(async () => {
  playbook = await seedPlaybook()
})

const quiet = buildLead({ source: { channel: 'inbound_form' } })
const fitRules = (enrichment: Partial<Enrichment>) =>
  scoreLead(playbook, buildInput({ lead: quiet, enrichment: buildEnrichment(enrichment) }))
    .contributions.filter((c) => c.kind === 'fit')
    .map((c) => `${c.rule} ${c.points}`)

describe('fit rules from the playbook', () => {
  it.each<[string, Partial<Enrichment>, string[]]>([
    ['1000+ employees', { employees: 1000 }, ['fit.employees.enterprise 25']],
    ['500-999 employees', { employees: 999 }, ['fit.employees.upper_mid_market 20']],
    ['100-499 employees', { employees: 100 }, ['fit.employees.mid_market 12']],
    ['10-99 employees', { employees: 10 }, ['fit.employees.small_business 5']],
    ['a target industry', { industry: 'software' }, ['fit.industry.target 15']],
    ['a VP', { seniority: 'vp' }, ['fit.seniority.executive 15']],
    ['a manager', { seniority: 'manager' }, ['fit.seniority.manager 6']],
    ['a buying department', { department: 'operations' }, ['fit.department.buyer 5']],
    ['a core region', { country: 'GB' }, ['fit.region.core 5']],
    ['complete data', { completeness: 0.8 }, ['fit.completeness.high 5']],
    [
      'a free mailbox',
      { email: { normalized: 'a@gmail.com', domain: 'gmail.com', kind: 'free' } },
      ['fit.email.free -10'],
    ],
    [
      'a disposable mailbox',
      { email: { normalized: 'a@x.io', domain: 'x.io', kind: 'disposable' } },
      ['fit.email.unusable -25'],
    ],
  ])('%s', (_, enrichment, expected) => {
    expect(fitRules(enrichment)).toEqual(expect.arrayContaining(expected))
  })

  it.each<[string, Partial<Enrichment>, string]>([
    ['9 employees', { employees: 9 }, 'fit.employees.small_business'],
    ['an industry outside the targets', { industry: 'Education' }, 'fit.industry.target'],
    ['an individual contributor', { seniority: 'individual_contributor' }, 'fit.seniority.manager'],
    ['incomplete data', { completeness: 0.79 }, 'fit.completeness.high'],
  ])('gives nothing for %s', (_, enrichment, rule) => {
    expect(fitRules(enrichment).some((r) => r.startsWith(`${rule} `))).toBe(false)
  })
})

const intentOf = (activities: ActivitySeen[], rule: string) =>
  scoreLead(playbook, buildInput({ lead: quiet, activities })).contributions.find((c) => c.rule === rule)
    ?.points ?? 0
const at = (activity: ActivitySeen['activity'], days: number): ActivitySeen => ({
  activity,
  occurredAt: daysAgo(days),
})

describe('intent decay', () => {
  it.each<[ActivitySeen['activity'], string, number, number]>([
    ['webinar', 'intent.webinar', 0, 8],
    ['webinar', 'intent.webinar', 14, 4],
    ['webinar', 'intent.webinar', 28, 2],
    ['webinar', 'intent.webinar', 42, 1],
    ['pricing_page', 'intent.pricing', 7, 10.6],
    ['demo_request', 'intent.demo_request', 14, 15],
    ['email_click', 'intent.email_click', 7, 1],
    ['email_click', 'intent.email_click', 14, 0.5],
    ['page_view', 'intent.page_view', 0, 1],
    ['page_view', 'intent.page_view', 70, 0],
  ])('%s (%s) %i days ago is worth %s points', (activity, rule, days, points) => {
    expect(intentOf([at(activity, days)], rule)).toBe(points)
  })

  it.each<[string, ActivitySeen[], string, number]>([
    [
      'two fresh webinars reach the webinar cap',
      [at('webinar', 0), at('webinar', 0), at('webinar', 0)],
      'intent.webinar',
      16,
    ],
    [
      'ten page views stop at five points',
      Array.from({ length: 10 }, () => at('page_view', 0)),
      'intent.page_view',
      5,
    ],
    [
      'an old and a new pricing visit add up',
      [at('pricing_page', 14), at('pricing_page', 0)],
      'intent.pricing',
      22.5,
    ],
  ])('%s', (_, activities, rule, points) => {
    expect(intentOf(activities, rule)).toBe(points)
  })
})
