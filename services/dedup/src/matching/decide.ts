import type { Comparison } from './comparisons.ts'
import { comparisons } from './comparisons.ts'
import { type ModelParams, type PairScore, scorePair } from './model.ts'
import type { MatchRecord } from './record.ts'

export type Outcome = 'merge' | 'review' | 'distinct'

/** Match probabilities at or above which a pair is merged, or held for a person to review. */
export interface Thresholds {
  readonly merge: number
  readonly review: number
}

export interface Candidate {
  readonly recordId: string
  readonly leadId: string
  readonly identityId: string
  readonly record: MatchRecord
}

export interface Scored {
  readonly candidate: Candidate
  readonly score: PairScore
}

export interface Decision {
  readonly outcome: Outcome
  /** The best-scoring candidate record, when there was any candidate. */
  readonly best?: Scored
  /** Every other identity that also scored at or above the merge threshold. */
  readonly alsoMerge: readonly string[]
  readonly compared: number
}

/**
 * Scores a record against its candidates and decides: merge into the identity of the best
 * one, hold the pair for review, or treat the record as a new person. An identity is as
 * close as its closest record, so a returning lead matches whichever earlier lead it is
 * most like.
 */
export function decide(
  record: MatchRecord,
  candidates: readonly Candidate[],
  params: ModelParams,
  thresholds: Thresholds,
  list: readonly Comparison[] = comparisons,
): Decision {
  const bestByIdentity = new Map<string, Scored>()
  for (const candidate of candidates) {
    const score = scorePair(record, candidate.record, params, list)
    const seen = bestByIdentity.get(candidate.identityId)
    if (!seen || score.weight > seen.score.weight)
      bestByIdentity.set(candidate.identityId, { candidate, score })
  }
  const ranked = [...bestByIdentity.values()].sort((x, y) => y.score.weight - x.score.weight)
  const best = ranked[0]
  const compared = candidates.length
  if (!best) return { outcome: 'distinct', alsoMerge: [], compared }
  const p = best.score.probability
  const outcome: Outcome = p >= thresholds.merge ? 'merge' : p >= thresholds.review ? 'review' : 'distinct'
  const alsoMerge =
    outcome === 'merge'
      ? ranked
          .slice(1)
          .filter((s) => s.score.probability >= thresholds.merge)
          .map((s) => s.candidate.identityId)
      : []
  return { outcome, best, alsoMerge, compared }
}
