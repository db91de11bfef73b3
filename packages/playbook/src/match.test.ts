import { describe, expect, it } from 'vitest'
import { describeCondition } from './describe.ts'
import { evaluateConditions, type LeadFacts, matchesConditions } from './match.ts'

const now = new Date('2026-03-10T12:00:00Z')
const facts = (over: Partial<LeadFacts> = {}): LeadFacts => ({
  targetIndustry: false,
  existingCustomer: false,
  duplicate: false,
  signals: [],
  now,
  ...over,
})
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

describe('matchesConditions', () => {
  it('matches every lead with no conditions', () => {
    expect(matchesConditions({}, facts())).toBe(true)
  })

  it('needs every condition to hold and reports each', () => {
    const when = { seniority: { in: ['director' as const] }, employees: { gte: 500 } }
    expect(evaluateConditions(when, facts({ seniority: 'director', employees: 200 }))).toEqual([
      { field: 'seniority', passed: true },
      { field: 'employees', passed: false },
    ])
  })

  it('fails `in` and ranges on an unknown fact but passes `notIn`', () => {
    expect(matchesConditions({ industry: { in: ['Software'] } }, facts())).toBe(false)
    expect(matchesConditions({ employees: { gte: 1 } }, facts())).toBe(false)
    expect(matchesConditions({ emailKind: { notIn: ['free'] } }, facts())).toBe(true)
    expect(matchesConditions({ emailKind: { notIn: ['free'] } }, facts({ emailKind: 'free' }))).toBe(false)
  })

  it('compares free text case-insensitively', () => {
    expect(
      matchesConditions(
        { industry: { in: ['Financial Services'] } },
        facts({ industry: 'financial services' }),
      ),
    ).toBe(true)
  })

  it('counts an engagement only inside its window', () => {
    const when = { engaged: { signals: ['pricing_page' as const], withinDays: 7 } }
    expect(matchesConditions(when, facts({ signals: [{ type: 'pricing_page', at: daysAgo(6) }] }))).toBe(true)
    expect(matchesConditions(when, facts({ signals: [{ type: 'pricing_page', at: daysAgo(8) }] }))).toBe(
      false,
    )
    expect(matchesConditions(when, facts({ signals: [{ type: 'page_view', at: daysAgo(1) }] }))).toBe(false)
  })
})

describe('describeCondition', () => {
  it('says each kind of condition in plain words', () => {
    expect(describeCondition('seniority', { in: ['director', 'vp', 'c_level'] })).toBe(
      'seniority is director, VP or C-level',
    )
    expect(describeCondition('employees', { gte: 500 })).toBe('the company has at least 500 employees')
    expect(describeCondition('existingCustomer', false)).toBe('not an existing customer')
    expect(describeCondition('emailKind', { notIn: ['disposable', 'invalid'] })).toBe(
      'the email is not a disposable or invalid address',
    )
    expect(describeCondition('engaged', { signals: ['demo_request', 'pricing_page'], withinDays: 7 })).toBe(
      'engaged via demo request or pricing page in the past 7 days',
    )
  })
})
