import { type Comparison, compareRecords } from './comparisons.ts'
import { estimateParameters } from './em.ts'
import type { LevelParams, ModelParams } from './model.ts'
import type { MatchRecord } from './record.ts'

export interface TrainingOptions {
  /** Random pairs drawn to estimate u; nearly all of them are different people. */
  readonly randomPairs?: number
  readonly seed?: number
  readonly maxIterations?: number
}

/**
 * Learns m, u and the prior from unlabelled data, the way Splink does: u from random pairs
 * (which are almost never the same person), then m and the prior by expectation maximisation
 * over the candidate pairs that blocking produced, with u held.
 */
export function trainModel(
  records: readonly MatchRecord[],
  candidatePairs: readonly Int8Array[],
  list: readonly Comparison[],
  opts: TrainingOptions = {},
): ModelParams & { iterations: number } {
  const u = estimateU(records, list, opts.randomPairs ?? 100_000, opts.seed ?? 42)
  const start: ModelParams = {
    prior: 0.1,
    comparisons: Object.fromEntries(
      list.map((c) => [c.name, { m: initialM(c.levels.length), u: u[c.name] ?? [] }]),
    ),
  }
  const fitted = estimateParameters(candidatePairs, start, list, {
    fixU: true,
    maxIterations: opts.maxIterations ?? 50,
  })
  // EM's prior is the share of matches among candidate pairs, which only says how tight
  // blocking is. Decisions need the chance that two records picked at random are one person
  // (Splink's λ): the matches EM expects, over every pair the store could form.
  const n = records.length
  const expectedMatches = fitted.prior * candidatePairs.length
  const prior = n > 1 ? Math.min(Math.max(expectedMatches / ((n * (n - 1)) / 2), 1e-9), 0.5) : start.prior
  return { ...fitted, prior }
}

/** Level frequencies over random pairs of records; a smoothed count keeps unseen levels possible. */
export function estimateU(
  records: readonly MatchRecord[],
  list: readonly Comparison[],
  samples: number,
  seed: number,
): Record<string, number[]> {
  const counts = list.map((c) => new Float64Array(c.levels.length).fill(0.5))
  const random = mulberry32(seed)
  const n = records.length
  for (let s = 0; n > 1 && s < samples; s++) {
    const i = Math.floor(random() * n)
    const j = (i + 1 + Math.floor(random() * (n - 1))) % n
    const vector = compareRecords(records[i] as MatchRecord, records[j] as MatchRecord, list)
    vector.forEach((level, k) => {
      const row = counts[k] as Float64Array
      if (level >= 0) row[level] = (row[level] ?? 0) + 1
    })
  }
  return Object.fromEntries(
    list.map((c, k) => {
      const row = counts[k] as Float64Array
      const sum = row.reduce((a, b) => a + b, 0)
      return [c.name, [...row].map((x) => x / sum)]
    }),
  )
}

/** A starting m that trusts the first (exact) level most: EM only needs the right ordering. */
export function initialM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, i) => (i === levels - 1 ? 0.05 : 0.9 / 2 ** i))
  const sum = raw.reduce((a, b) => a + b, 0)
  return raw.map((x) => x / sum)
}

export function withLevelParams(params: ModelParams, name: string, p: LevelParams): ModelParams {
  return { ...params, comparisons: { ...params.comparisons, [name]: p } }
}

/** A small seeded generator, so training on the same data gives the same model. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
