import type { Score } from '@leadwire/contracts'
import {
  type ConditionField,
  type Conditions,
  describeCondition,
  evaluateConditions,
  factValue,
  humanize,
  type LeadFacts,
  type Playbook,
} from '@leadwire/playbook'
import { leadFacts, type ScoreInput, withScore } from './facts.ts'
import { sumPoints } from './rubric.ts'

export interface NurtureReason {
  reason: string
  exitCriteria: string[]
}

/**
 * Why a lead is not sales-ready, and what would bring it back to routing, in words a
 * marketer can act on. With the scoring input the criteria name only the conditions that
 * failed, with the current value; without it they list every condition of the definition.
 */
export function nurtureReason(playbook: Playbook, score: Score, input?: ScoreInput): NurtureReason {
  if (score.stage !== 'nurture') return { reason: `already ${humanize(score.stage)}`, exitCriteria: [] }
  const facts = input ? withScore(leadFacts(playbook, input), score) : undefined
  const { mql, sql } = playbook.stages
  const below = score.total < mql.minScore
  const mqlGaps = unmet(mql.when, facts)
  const reason = below
    ? `Score ${score.total} (${parts(score)}) is below the MQL threshold of ${mql.minScore}.`
    : `Score ${score.total} meets the MQL threshold of ${mql.minScore}, but not every MQL condition holds.`
  const exitCriteria = [
    ...(below ? [reachScore(playbook, score)] : []),
    ...mqlGaps.map((gap) => `For MQL, ${gap}.`),
  ]
  const sqlGaps = unmet(sql.when, facts)
  if (sql.minScore !== undefined && score.total < sql.minScore)
    sqlGaps.push(`the score is at least ${sql.minScore}`)
  if (sqlGaps.length > 0) exitCriteria.push(`Or go straight to sales (SQL) when ${sqlGaps.join('; ')}.`)
  return { reason, exitCriteria }
}

/** `fit 12, intent 5`, plus the model's points when it added any. */
function parts(score: Score): string {
  const model = sumPoints(score.contributions.filter((c) => c.kind === 'model'))
  return `fit ${score.fit}, intent ${score.intent}${model === 0 ? '' : `, model ${model}`}`
}

function reachScore(playbook: Playbook, score: Score): string {
  const min = playbook.stages.mql.minScore
  const earned = (id: string) => score.contributions.find((c) => c.rule === id)?.points ?? 0
  const ideas = playbook.scoring.intent.rules
    .filter((rule) => earned(rule.id) < rule.cap)
    .toSorted((a, b) => b.points - a.points)
    .slice(0, 2)
    .map((rule) => `${humanize(rule.signals[0]!)} (+${rule.points})`)
  const hint = ideas.length > 0 ? `, for example: ${ideas.join(', ')}` : ''
  return `Reach a score of ${min} (${Math.ceil(min - score.total)} more points)${hint}.`
}

/** Conditions that fail for these facts, or every condition when the facts are unknown. */
function unmet(when: Conditions, facts: LeadFacts | undefined): string[] {
  const fields = facts
    ? evaluateConditions(when, facts)
        .filter((r) => !r.passed)
        .map((r) => r.field)
    : (Object.keys(when) as ConditionField[])
  return fields.map((field) => describeCondition(field, when[field]!) + currently(field, facts))
}

function currently(field: ConditionField, facts: LeadFacts | undefined): string {
  if (!facts || field === 'engaged' || field === 'existingCustomer' || field === 'duplicate') return ''
  const value = field === 'targetIndustry' ? facts.industry : factValue(field, facts)
  return value === undefined
    ? ' (unknown now)'
    : ` (now ${typeof value === 'string' ? humanize(value) : value})`
}
