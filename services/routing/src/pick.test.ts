import { describe, expect, it } from 'vitest'
import {
  pickCandidate,
  pickLeastLoaded,
  pickRoundRobin,
  pickWeightedRoundRobin,
  weightedRotation,
} from './pick.ts'

const rep = (id: string, weight = 1, maxOpen = 10) => ({ id, weight, capacity: { maxOpen } })
const a = rep('a', 3)
const b = rep('b', 1)
const c = rep('c', 2)

describe('pickers', () => {
  it('rotates through the candidates by cursor', () => {
    expect([1, 2, 3, 4].map((n) => pickRoundRobin(['x', 'y', 'z'], n))).toEqual(['y', 'z', 'x', 'y'])
    expect(pickRoundRobin(['x', 'y'], -1)).toBe('y')
    expect(pickRoundRobin([], 5)).toBeUndefined()
  })

  it('interleaves a weighted rotation so heavy reps are not hit in bursts', () => {
    expect(weightedRotation([a, b, c]).map((r) => r.id)).toEqual(['a', 'b', 'c', 'a', 'c', 'a'])
    const picks = Array.from({ length: 600 }, (_, n) => pickWeightedRoundRobin([a, b, c], n)?.id)
    expect(picks.filter((id) => id === 'a')).toHaveLength(300)
    expect(picks.filter((id) => id === 'b')).toHaveLength(100)
  })

  it('picks the least loaded rep relative to capacity, the earlier one on a tie', () => {
    const small = rep('small', 1, 4)
    expect(pickLeastLoaded([a, small], { a: 5, small: 1 })?.id).toBe('small')
    expect(pickLeastLoaded([a, b], {})?.id).toBe('a')
  })

  it('applies the plan method', () => {
    const candidates = [a, b]
    const state = { cursor: 1, openCounts: { a: 9 } }
    expect(pickCandidate({ method: 'round_robin', candidates }, state)).toMatchObject({ id: 'b' })
    expect(pickCandidate({ method: 'dedicated', candidates }, state)).toMatchObject({ id: 'b' })
    expect(pickCandidate({ method: 'load_balanced', candidates }, state)).toMatchObject({ id: 'b' })
    expect(pickCandidate({ method: 'first_available', candidates }, state)).toMatchObject({ id: 'a' })
    expect(pickCandidate({ method: 'fallback_queue', candidates: [] }, state)).toBeUndefined()
  })
})
