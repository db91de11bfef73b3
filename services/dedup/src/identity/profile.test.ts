import { describe, expect, it } from 'vitest'
import { combineProfiles, emptyProfile, mergeProfile, type Submission } from './profile.ts'

const submission = (
  leadId: string,
  at: string,
  fields: Submission['fields'],
  intent = 'webinar',
): Submission => ({
  leadId,
  at,
  fields,
  intent,
  channel: 'inbound_form',
})

describe('mergeProfile (merge rules)', () => {
  const first = mergeProfile(
    emptyProfile,
    submission('l1', '2025-01-01T00:00:00.000Z', {
      email: 'jane@acme.com',
      phone: '14155550100',
      company: 'Acme',
    }),
  )

  it("takes the newer submission's values and keeps the older ones it left empty", () => {
    const next = mergeProfile(
      first,
      submission(
        'l2',
        '2025-02-01T00:00:00.000Z',
        { phone: '14155550199', company: undefined, title: 'CTO' },
        'demo_request',
      ),
    )
    expect(next.fields.phone).toEqual({ value: '14155550199', at: '2025-02-01T00:00:00.000Z', leadId: 'l2' })
    expect(next.fields.email?.value).toBe('jane@acme.com')
    expect(next.fields.company?.value).toBe('Acme')
    expect(next.fields.title?.value).toBe('CTO')
  })

  it('keeps the intent of every submission, newest first, so a returning demo request is not lost', () => {
    const next = mergeProfile(first, submission('l2', '2025-02-01T00:00:00.000Z', {}, 'demo_request'))
    expect(next.intents.map((i) => [i.leadId, i.intent])).toEqual([
      ['l2', 'demo_request'],
      ['l1', 'webinar'],
    ])
  })

  it('does not let an older lead that arrives late overwrite newer data', () => {
    const newer = mergeProfile(first, submission('l2', '2025-03-01T00:00:00.000Z', { phone: '14155550199' }))
    const late = mergeProfile(
      newer,
      submission('l0', '2024-12-01T00:00:00.000Z', { phone: '14155550000', city: 'york' }),
    )
    expect(late.fields.phone?.value).toBe('14155550199')
    expect(late.fields.city?.value).toBe('york')
    expect(late.intents[0]?.leadId).toBe('l2')
  })

  it('is unchanged by the same submission folded in twice', () => {
    const s = submission('l2', '2025-02-01T00:00:00.000Z', { phone: '1' })
    expect(mergeProfile(mergeProfile(first, s), s)).toEqual(mergeProfile(first, s))
  })

  it('combines two profiles field by field, newest value winning, intents of both kept', () => {
    const other = mergeProfile(
      emptyProfile,
      submission('l9', '2025-05-01T00:00:00.000Z', { email: 'j.doe@acme.com' }, 'pricing'),
    )
    const both = combineProfiles(first, other)
    expect(both.fields.email?.value).toBe('j.doe@acme.com')
    expect(both.fields.phone?.value).toBe('14155550100')
    expect(both.intents.map((i) => i.leadId)).toEqual(['l9', 'l1'])
  })
})
