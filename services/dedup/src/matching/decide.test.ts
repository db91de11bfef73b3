import { describe, expect, it } from 'vitest'
import { blockingKeys } from './blocking.ts'
import { type Candidate, decide } from './decide.ts'
import { defaultParams } from './default-params.ts'
import { buildRecord, type RawRecord } from './record.ts'
import { defaultThresholds } from './settings.ts'

const candidate = (identityId: string, raw: RawRecord, leadId = identityId): Candidate => ({
  recordId: leadId,
  leadId,
  identityId,
  record: buildRecord(raw),
})
const jane = { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@acme.com', company: 'Acme Inc' }

describe('decide', () => {
  it('merges a returning lead whose email differs only by a tag, with exact fields as evidence', () => {
    const d = decide(
      buildRecord({ ...jane, email: 'Jane.Doe+webinar@acme.com' }),
      [candidate('a', jane)],
      defaultParams,
      defaultThresholds,
    )
    expect(d.outcome).toBe('merge')
    expect(d.best?.score.exact).toEqual(['firstName', 'lastName', 'email', 'company'])
    expect(d.best?.score.evidence.find((e) => e.field === 'email')).toMatchObject({
      level: 'exact',
      comparator: 'exact',
    })
  })

  it('holds a nickname with the same name and company but no shared identifier for review', () => {
    const d = decide(
      buildRecord({ firstName: 'Bob', lastName: 'Smith', company: 'Acme' }),
      [
        candidate('a', {
          firstName: 'Robert',
          lastName: 'Smith',
          company: 'Acme Robotics',
          email: 'rs@acme.com',
        }),
      ],
      defaultParams,
      defaultThresholds,
    )
    expect(d.outcome).toBe('review')
    expect(d.best?.score.evidence.find((e) => e.field === 'firstName')?.level).toBe('nickname')
  })

  it('keeps two people who share only a common first name apart', () => {
    const d = decide(
      buildRecord({ firstName: 'Jane', lastName: 'Roe' }),
      [candidate('a', jane)],
      defaultParams,
      defaultThresholds,
    )
    expect(d.outcome).toBe('distinct')
  })

  it('calls a record without candidates a new person', () => {
    expect(decide(buildRecord(jane), [], defaultParams, defaultThresholds)).toMatchObject({
      outcome: 'distinct',
      compared: 0,
    })
  })

  it('picks the identity of the closest record and names every other identity that also clears the bar', () => {
    const d = decide(
      buildRecord(jane),
      [
        candidate('far', { firstName: 'Jane', lastName: 'Dole' }),
        candidate('a', jane),
        candidate('b', { ...jane, company: undefined }),
      ],
      defaultParams,
      defaultThresholds,
    )
    expect(d.best?.candidate.identityId).toBe('a')
    expect(d.alsoMerge).toEqual(['b'])
    expect(d.compared).toBe(3)
  })

  it('moves the outcome with the thresholds alone', () => {
    const record = buildRecord({ firstName: 'Bob', lastName: 'Smith', company: 'Acme' })
    const c = [candidate('a', { firstName: 'Robert', lastName: 'Smith', company: 'Acme' })]
    expect(decide(record, c, defaultParams, { merge: 0.5, review: 0.1 }).outcome).toBe('merge')
    expect(decide(record, c, defaultParams, { merge: 0.9999, review: 0.9998 }).outcome).toBe('distinct')
  })
})

describe('blockingKeys', () => {
  it('gives near-duplicates a key in common even when each field has a typo', () => {
    const a = blockingKeys(
      buildRecord({ firstName: 'Katherine', lastName: 'Smith', dob: '1980-01-02', postcode: '2000' }),
    )
    const b = blockingKeys(
      buildRecord({ firstName: 'Kathrine', lastName: 'Smyth', dob: '1980-01-02', postcode: '2001' }),
    )
    expect(a.filter((k) => b.includes(k))).not.toEqual([])
  })

  it('files swapped first and last names under the same name key', () => {
    const a = blockingKeys(buildRecord({ firstName: 'Isla', lastName: 'Hall' }))
    const b = blockingKeys(buildRecord({ firstName: 'Hall', lastName: 'Isla' }))
    expect(a.filter((k) => k.startsWith('nm:') && b.includes(k))).toHaveLength(1)
  })

  it('does not file a lead under a shared-inbox local part', () => {
    expect(blockingKeys(buildRecord({ email: 'info@acme.com' }))).toEqual(['e:info@acme.com'])
  })
})
