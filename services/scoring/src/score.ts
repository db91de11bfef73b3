import type { Score } from '@leadwire/contracts'
import { type LeadFacts, matchesConditions, type Playbook } from '@leadwire/playbook'
import { leadFacts, type ScoreInput, withScore } from './facts.ts'
import type { FeatureRecord } from './model/feature-spec.ts'
import type { TrainedModel } from './model/model.ts'
import { predict } from './model/predict.ts'
import { modelContributions } from './model-points.ts'
import { nextBestAction } from './next-best-action.ts'
import { fitContributions, intentContributions, round1, sumPoints } from './rubric.ts'

export type { ActivitySeen, ScoreInput } from './facts.ts'

/** A registered model and this lead's capture-time features, when a model exists. */
export interface ModelInput {
  version: string
  model: TrainedModel
  features: FeatureRecord
}

/**
 * Scores a lead against the playbook's rubric: fit and intent contributions, then (once a model
 * is registered) the model's calibrated probability, which with `combine: add` also adds its
 * points; then the stage from the SQL and MQL definitions, the segment (which may look at the
 * stage and score) and the next best action.
 */
export function scoreLead(playbook: Playbook, input: ScoreInput, model?: ModelInput): Score {
  const facts = leadFacts(playbook, input)
  const fitParts = fitContributions(playbook, facts)
  const intentParts = intentContributions(playbook, facts)
  const fit = sumPoints(fitParts)
  const intent = sumPoints(intentParts)
  const prediction = model && predict(model.model, model.features)
  const modelParts =
    prediction && playbook.model.combine === 'add' ? modelContributions(playbook.model, prediction) : []
  const total = round1(fit + intent + sumPoints(modelParts))
  const scored = withScore(facts, { fit, intent, total })
  const stage = stageOf(playbook, scored)
  const score: Score = {
    fit,
    intent,
    total,
    stage,
    segment: segmentOf(playbook, { ...scored, stage }),
    contributions: [...fitParts, ...intentParts, ...modelParts],
    rubricVersion: playbook.version,
    modelVersion: model?.version ?? null,
    ...(prediction && { probability: Math.round(prediction.probability * 10_000) / 10_000 }),
    scoredAt: input.now.toISOString(),
  }
  return { ...score, nextBestAction: nextBestAction(playbook, input, score) }
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
