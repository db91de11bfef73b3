import { describe, expect, it } from 'vitest'
import { pickCandidate, pickLeastLoaded } from './pick.ts'

const rep = (id: string, weight = 1, maxOpen = 10) => ({ id, weight, capacity: { maxOpen } })
const a = rep('a', 3)
const b = rep('b', 1)

describe('pickers', () => {
  it('picks the least loaded rep relative to capacity, the earlier one on a tie', () => {
    const small = rep('small', 1, 4)
    expect(pickLeastLoaded([a, small], { a: 5, small: 1 })?.id).toBe('small')
    expect(pickLeastLoaded([a, b], {})?.id).toBe('a')
  })

  it.each([
    ['round_robin', 'b'],
    ['dedicated', 'b'],
    ['load_balanced', 'b'],
    ['first_available', 'a'],
    ['on_call', 'a'],
    ['account_owner', 'a'],
  ] as const)('applies %s', (method, expected) => {
    const state = { credits: { a: 3, b: 0 }, openCounts: { a: 9 } }
    expect(pickCandidate({ method, candidates: [a, b] }, state)?.id).toBe(expected)
  })

  it('picks nobody for the fallback queue', () => {
    expect(pickCandidate({ method: 'fallback_queue', candidates: [] }, { credits: {}, openCounts: {} })).toBe(
      undefined,
    )
  })
})
