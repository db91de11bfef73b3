import { describe, expect, it } from 'vitest'
import { type FeedbackFact, leadStatus } from './lead-status.ts'

const fact = (kind: FeedbackFact['kind'], occurredAt: string, data: Record<string, unknown> = {}) => ({
  kind,
  occurredAt: `2026-03-11T${occurredAt}:00.000Z`,
  data,
})

describe('lead status from CRM feedback', () => {
  it('is captured until the CRM reports something, and activity alone does not change it', () => {
    expect(leadStatus([])).toBe('captured')
    expect(leadStatus([fact('activity', '10:00', { activity: 'pricing_page' })])).toBe('captured')
  })

  it('moves forward through touch, handoff and outcome', () => {
    const facts = [
      fact('contacted', '10:00'),
      fact('handoff', '10:05', { decision: 'accepted' }),
      fact('outcome', '11:00', { outcome: 'opportunity' }),
    ]
    expect(leadStatus(facts)).toBe('opportunity')
    expect(leadStatus([...facts, fact('outcome', '12:00', { outcome: 'won' })])).toBe('won')
  })

  it('does not move back when a first touch is reported late', () => {
    const facts = [fact('outcome', '11:00', { outcome: 'won' }), fact('contacted', '12:00')]
    expect(leadStatus(facts)).toBe('won')
  })

  it('takes the later of two handoff decisions', () => {
    const facts = [
      fact('handoff', '10:30', { decision: 'rejected', reason: 'wrong_territory' }),
      fact('handoff', '10:05', { decision: 'accepted' }),
    ]
    expect(leadStatus(facts)).toBe('rejected')
  })
})
