import { describe, expect, it } from 'vitest'
import { leadInput } from './lead-input.ts'
import { assessSpam } from './spam-signals.ts'

const now = new Date('2026-03-11T14:00:00.000Z')
const lead = (extra: Record<string, unknown> = {}, contact: Record<string, unknown> = {}) =>
  leadInput.parse({
    contact: { firstName: 'Ada', email: 'ada@analytical-engines.com', ...contact },
    ...extra,
  })
const signalsOf = (input: ReturnType<typeof lead>) => assessSpam(input, now).signals.map((s) => s.signal)

describe('spam signals at intake', () => {
  it('finds nothing in an ordinary lead and scores it 0', () => {
    expect(assessSpam(lead(), now)).toEqual({ score: 0, signals: [] })
  })

  it('flags a filled-in honeypot', () => {
    expect(signalsOf(lead({ antiSpam: { honeypot: 'http://spam.example' } }))).toEqual(['honeypot'])
  })

  it('flags a form submitted under three seconds after it was shown, not one that took longer', () => {
    expect(signalsOf(lead({ antiSpam: { startedAt: now.getTime() - 800 } }))).toEqual(['too_fast'])
    expect(signalsOf(lead({ antiSpam: { startedAt: now.getTime() - 45_000 } }))).toEqual([])
  })

  it('ignores a start time in the future (a client clock running ahead)', () => {
    expect(signalsOf(lead({ antiSpam: { startedAt: now.getTime() + 60_000 } }))).toEqual([])
  })

  it('flags a disposable email domain', () => {
    expect(signalsOf(lead({}, { email: 'someone@mailinator.com' }))).toEqual(['disposable_email'])
    expect(signalsOf(lead({}, { email: 'someone@eu.Mailinator.com' }))).toEqual(['disposable_email'])
  })

  it('flags a link in a name, and three links across the custom fields', () => {
    expect(signalsOf(lead({}, { firstName: 'Cheap pills www.pills.example' }))).toEqual(['link_stuffed'])
    const custom = { message: 'see https://a.example https://b.example and http://c.example' }
    expect(signalsOf(lead({ custom }))).toEqual(['link_stuffed'])
    expect(signalsOf(lead({ custom: { message: 'our site is https://acme.example' } }))).toEqual([])
  })

  it('combines signals so that two add up but the score never passes 1', () => {
    const both = assessSpam(
      lead({ antiSpam: { honeypot: 'x', startedAt: now.getTime() - 100 } }, { email: 'a@mailinator.com' }),
      now,
    )
    expect(both.signals).toHaveLength(3)
    expect(both.score).toBeGreaterThan(0.9)
    expect(both.score).toBeLessThanOrEqual(1)
  })
})
