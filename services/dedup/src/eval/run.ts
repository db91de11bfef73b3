import { blockingKeys } from '../matching/blocking.ts'
import { compareRecords, comparisons } from '../matching/comparisons.ts'
import { decide, type Thresholds } from '../matching/decide.ts'
import { createMemoryIndex } from '../matching/memory-index.ts'
import type { ModelParams } from '../matching/model.ts'
import { buildRecord, type MatchRecord } from '../matching/record.ts'
import { defaultThresholds } from '../matching/settings.ts'
import { trainModel } from '../matching/training.ts'
import type { LabelledSet } from './load.ts'
import { type PairwiseMetrics, pairwiseMetrics } from './metrics.ts'

export interface EvaluationResult {
  readonly records: number
  readonly trainingPairs: number
  readonly pairsCompared: number
  readonly merged: number
  readonly heldForReview: number
  readonly emIterations: number
  readonly metrics: PairwiseMetrics
  readonly seconds: number
  readonly params: ModelParams
}

/**
 * Runs the service's matching over a labelled set: the same normalisation, blocking keys
 * and per-key cap, the same scoring and thresholds, records arriving one at a time as leads
 * do. The model is trained on the set itself (EM, no labels); the labels are read only to
 * count the pairs it got right.
 */
export function evaluate(set: LabelledSet, thresholds: Thresholds = defaultThresholds): EvaluationResult {
  const started = performance.now()
  const records = set.raw.map(buildRecord)
  const keys = records.map(blockingKeys)
  const trainingPairs = candidateVectors(records, keys)
  const params = trainModel(records, trainingPairs, comparisons)
  const index = createMemoryIndex()
  let pairsCompared = 0
  let merged = 0
  let heldForReview = 0
  records.forEach((record, i) => {
    const decision = decide(record, index.candidates(keys[i] ?? []), params, thresholds)
    pairsCompared += decision.compared
    if (decision.outcome === 'merge' && decision.best) {
      merged++
      const into = decision.best.candidate.identityId
      index.add(record, keys[i] ?? [], into)
      for (const other of decision.alsoMerge) index.merge(into, other)
      return
    }
    if (decision.outcome === 'review') heldForReview++
    index.add(record, keys[i] ?? [])
  })
  const predicted = records.map((_, i) => String(index.identityOf(i)))
  return {
    records: records.length,
    trainingPairs: trainingPairs.length,
    pairsCompared,
    merged,
    heldForReview,
    emIterations: params.iterations,
    metrics: pairwiseMetrics(predicted, set.entities),
    seconds: (performance.now() - started) / 1000,
    params,
  }
}

/** Comparison vectors of every pair blocking would put in front of the scorer. */
function candidateVectors(records: readonly MatchRecord[], keys: readonly string[][]): Int8Array[] {
  const index = createMemoryIndex()
  const vectors: Int8Array[] = []
  records.forEach((record, i) => {
    for (const c of index.candidates(keys[i] ?? []))
      vectors.push(compareRecords(record, c.record, comparisons))
    index.add(record, keys[i] ?? [])
  })
  return vectors
}
