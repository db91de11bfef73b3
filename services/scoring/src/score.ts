import type { Score } from '@leadwire/contracts'
import { type LeadFacts, matchesConditions, type Playbook } from '@leadwire/playbook'
import { leadFacts, type ScoreInput, withScore } from './facts.ts'
import { fitContributions, intentContributions, round1, sumPoints } from './rubric.ts'

export type { ActivitySeen, ScoreInput } from './facts.ts'

/**
 * Scores a lead against the playbook's rubric: fit and intent contributions, the stage from
 * the SQL and MQL definitions, then the segment (which may look at the stage and score).
 */
export function scoreLead(playbook: Playbook, input: ScoreInput): Score {
  const facts = leadFacts(playbook, input)
  const fitParts = fitContributions(playbook, facts)
  const intentParts = intentContributions(playbook, facts)
  const fit = sumPoints(fitParts)
  const intent = sumPoints(intentParts)
  const total = round1(fit + intent)
  const scored = withScore(facts, { fit, intent, total })
  const stage = stageOf(playbook, scored)
  return {
    fit,
    intent,
    total,
    stage,
    segment: segmentOf(playbook, { ...scored, stage }),
    contributions: [...fitParts, ...intentParts],
    rubricVersion: playbook.version,
    modelVersion: null,
    scoredAt: input.now.toISOString(),
  }
}

/** SQL when every SQL condition holds; else MQL at the score threshold; else nurture. */
export function stageOf(playbook: Playbook, facts: LeadFacts): Score['stage'] {
  const { sql, mql } = playbook.stages
  const score = facts.score ?? 0
  if (matchesConditions(sql.when, facts) && (sql.minScore === undefined || score >= sql.minScore))
    return 'sql'
  if (score >= mql.minScore && matchesConditions(mql.when, facts)) return 'mql'
  return 'nurture'
}

/** The first segment whose conditions hold; the playbook guarantees the last one catches all. */
export function segmentOf(playbook: Playbook, facts: LeadFacts): string {
  return (playbook.segments.find((s) => matchesConditions(s.when, facts)) ?? playbook.segments.at(-1)!).name
}
