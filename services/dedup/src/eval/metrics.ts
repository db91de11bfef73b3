export interface PairwiseMetrics {
  readonly truePairs: number
  readonly predictedPairs: number
  readonly correctPairs: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

const pairsIn = (n: number) => (n * (n - 1)) / 2

/**
 * Pairwise precision and recall of a clustering against the truth, counted from the
 * cluster-by-entity contingency table instead of listing O(n²) pairs.
 */
export function pairwiseMetrics(predicted: readonly string[], truth: readonly string[]): PairwiseMetrics {
  const cells = new Map<string, number>()
  const predictedSizes = new Map<string, number>()
  const trueSizes = new Map<string, number>()
  predicted.forEach((p, i) => {
    const t = truth[i] ?? ''
    cells.set(`${p}\u0000${t}`, (cells.get(`${p}\u0000${t}`) ?? 0) + 1)
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1)
    trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1)
  })
  const sum = (m: Map<string, number>) => [...m.values()].reduce((acc, n) => acc + pairsIn(n), 0)
  const correctPairs = sum(cells)
  const predictedPairs = sum(predictedSizes)
  const truePairs = sum(trueSizes)
  const precision = predictedPairs ? correctPairs / predictedPairs : 1
  const recall = truePairs ? correctPairs / truePairs : 1
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 }
}
