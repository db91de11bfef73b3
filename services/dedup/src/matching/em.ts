import type { Comparison } from './comparisons.ts'
import type { LevelParams, ModelParams } from './model.ts'

export interface EmOptions {
  readonly maxIterations?: number
  /** Stop once no parameter moves by more than this. */
  readonly tolerance?: number
  /** Keep u as given (estimated from random pairs, as Splink does) and learn m and the prior. */
  readonly fixU?: boolean
}

interface Pattern {
  readonly vector: Int8Array
  readonly count: number
}

// Keeps every level possible: a level never seen in training must not weigh -Infinity later.
const floor = 1e-6

/**
 * Expectation maximisation of Fellegi–Sunter parameters from unlabelled pairs: each round
 * scores every pair with the current m, u and prior (E), then re-estimates them as the
 * match-probability-weighted level frequencies (M). Identical comparison vectors are counted
 * once, so a few hundred thousand pairs train in milliseconds.
 */
export function estimateParameters(
  vectors: readonly Int8Array[],
  start: ModelParams,
  list: readonly Comparison[],
  opts: EmOptions = {},
): ModelParams & { iterations: number } {
  const patterns = countPatterns(vectors)
  let params = start
  let iterations = 0
  for (; iterations < (opts.maxIterations ?? 100); iterations++) {
    const next = maximise(patterns, expect(patterns, params, list), params, list, opts.fixU ?? false)
    const moved = largestChange(params, next)
    params = next
    if (moved < (opts.tolerance ?? 1e-5)) break
  }
  return { ...params, iterations }
}

function countPatterns(vectors: readonly Int8Array[]): Pattern[] {
  const counts = new Map<string, Pattern>()
  for (const vector of vectors) {
    const key = vector.join(',')
    const seen = counts.get(key)
    counts.set(key, { vector, count: (seen?.count ?? 0) + 1 })
  }
  return [...counts.values()]
}

/** P(match | vector) for every pattern, in log space so twenty fields cannot underflow. */
function expect(
  patterns: readonly Pattern[],
  params: ModelParams,
  list: readonly Comparison[],
): Float64Array {
  const out = new Float64Array(patterns.length)
  patterns.forEach(({ vector }, i) => {
    let logOdds = Math.log(params.prior / (1 - params.prior))
    list.forEach((c, k) => {
      const level = vector[k] ?? -1
      const p = params.comparisons[c.name]
      if (level >= 0 && p) logOdds += Math.log((p.m[level] ?? floor) / (p.u[level] ?? floor))
    })
    out[i] = 1 / (1 + Math.exp(-logOdds))
  })
  return out
}

function maximise(
  patterns: readonly Pattern[],
  pMatch: Float64Array,
  current: ModelParams,
  list: readonly Comparison[],
  fixU: boolean,
): ModelParams {
  let matches = 0
  let total = 0
  const mCounts = list.map((c) => new Float64Array(c.levels.length))
  const uCounts = list.map((c) => new Float64Array(c.levels.length))
  patterns.forEach(({ vector, count }, i) => {
    const p = (pMatch[i] ?? 0) * count
    matches += p
    total += count
    list.forEach((_, k) => {
      const level = vector[k] ?? -1
      const m = mCounts[k] as Float64Array
      const u = uCounts[k] as Float64Array
      if (level < 0) return
      m[level] = (m[level] ?? 0) + p
      u[level] = (u[level] ?? 0) + count - p
    })
  })
  const comparisons: Record<string, LevelParams> = {}
  list.forEach((c, k) => {
    const old = current.comparisons[c.name]
    const m = normalise(mCounts[k] as Float64Array, old?.m)
    const u = fixU && old ? old.u : normalise(uCounts[k] as Float64Array, old?.u)
    comparisons[c.name] = { m, u }
  })
  const prior = Math.min(Math.max(matches / Math.max(total, 1), floor), 1 - floor)
  return { prior, comparisons }
}

/** Frequencies that sum to 1, floored; the old ones stay when the field was never present. */
function normalise(counts: Float64Array, fallback: readonly number[] | undefined): number[] {
  const sum = counts.reduce((a, b) => a + b, 0)
  if (sum <= 0 && fallback) return [...fallback]
  const floored = [...counts].map((c) => Math.max(c / Math.max(sum, floor), floor))
  const total = floored.reduce((a, b) => a + b, 0)
  return floored.map((x) => x / total)
}

function largestChange(a: ModelParams, b: ModelParams): number {
  let moved = Math.abs(a.prior - b.prior)
  for (const [name, p] of Object.entries(b.comparisons)) {
    const q = a.comparisons[name]
    if (!q) continue
    p.m.forEach((x, i) => {
      moved = Math.max(moved, Math.abs(x - (q.m[i] ?? 0)))
    })
    p.u.forEach((x, i) => {
      moved = Math.max(moved, Math.abs(x - (q.u[i] ?? 0)))
    })
  }
  return moved
}
