import { describe, expect, it } from 'vitest'
import { connectedComponents } from './load.ts'
import { pairwiseMetrics } from './metrics.ts'

describe('pairwiseMetrics', () => {
  it('counts pairs from clusters: one wrong merge and one missed pair', () => {
    // truth: {0,1,2} {3} {4,5}; predicted: {0,1} {2,3} {4,5}
    const m = pairwiseMetrics(['a', 'a', 'b', 'b', 'c', 'c'], ['x', 'x', 'x', 'y', 'z', 'z'])
    expect(m).toMatchObject({ truePairs: 4, predictedPairs: 3, correctPairs: 2 })
    expect(m.precision).toBeCloseTo(2 / 3)
    expect(m.recall).toBeCloseTo(0.5)
    expect(m.f1).toBeCloseTo(4 / 7)
  })

  it('closes a non-transitive pair list into connected components', () => {
    expect(
      connectedComponents(
        ['1', '2', '3', '4'],
        [
          ['1', '2'],
          ['2', '3'],
        ],
      ),
    ).toEqual(['3', '3', '3', '4'])
  })
})
