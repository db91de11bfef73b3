import { type Comparison, compareRecords, comparisons } from './comparisons.ts'
import type { MatchRecord } from './record.ts'

/** Fellegi–Sunter parameters of one comparison, one entry per level. */
export interface LevelParams {
  /** P(level | same person) */
  readonly m: readonly number[]
  /** P(level | different people) */
  readonly u: readonly number[]
}

export interface ModelParams {
  /** Prior probability that two candidate records are the same person. */
  readonly prior: number
  readonly comparisons: Readonly<Record<string, LevelParams>>
}

export interface Evidence {
  readonly field: string
  readonly comparator: string
  readonly level: string
  /** log2 Bayes factor this field added to the match weight. */
  readonly weight: number
}

export interface PairScore {
  /** log2 odds that the pair is one person: prior plus each field's Bayes factor. */
  readonly weight: number
  readonly probability: number
  readonly evidence: readonly Evidence[]
  /** Fields that agreed exactly. */
  readonly exact: readonly string[]
}

export const log2Odds = (p: number) => Math.log2(p / (1 - p))

/** Match weight and per-field evidence of a pair of records. */
export function scorePair(
  a: MatchRecord,
  b: MatchRecord,
  params: ModelParams,
  list: readonly Comparison[] = comparisons,
): PairScore {
  return scoreVector(compareRecords(a, b, list), params, list)
}

/** The same, from a pair's comparison vector (level index per comparison, -1 for null). */
export function scoreVector(
  vector: Int8Array,
  params: ModelParams,
  list: readonly Comparison[] = comparisons,
): PairScore {
  let weight = log2Odds(params.prior)
  const evidence: Evidence[] = []
  const exact: string[] = []
  list.forEach((c, i) => {
    const level = vector[i] ?? -1
    const p = params.comparisons[c.name]
    if (level < 0 || !p) return
    const w = Math.log2((p.m[level] ?? 0) / (p.u[level] ?? 1))
    const def = c.levels[level]
    if (!def || !Number.isFinite(w)) return
    weight += w
    evidence.push({ field: c.name, comparator: def.comparator, level: def.name, weight: round(w) })
    if (def.name === 'exact') exact.push(c.name)
  })
  return { weight: round(weight), probability: probabilityOf(weight), evidence, exact }
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
