import type { EvaluationResult } from './run.ts'
import type { AccountEvaluationResult } from './run-accounts.ts'

const pct = (x: number) => x.toFixed(4)

/** The lines an operator reads after an evaluation run. */
export function formatResult(name: string, r: EvaluationResult): string {
  const m = r.metrics
  return [
    `${name}`,
    `  records            ${r.records}`,
    `  pairs compared     ${r.pairsCompared} (EM trained on ${r.trainingPairs} candidate pairs, ${r.emIterations} iterations)`,
    `  merged / review    ${r.merged} / ${r.heldForReview}`,
    `  true pairs         ${m.truePairs}`,
    `  predicted pairs    ${m.predictedPairs} (${m.correctPairs} correct)`,
    `  precision          ${pct(m.precision)}`,
    `  recall             ${pct(m.recall)}`,
    `  F1                 ${pct(m.f1)}`,
    `  time               ${r.seconds.toFixed(2)} s`,
    '',
  ].join('\n')
}

/** Organisation sets run through the account matcher; truth is connected components. */
export function formatAccountResult(name: string, r: AccountEvaluationResult): string {
  const m = r.metrics
  return [
    `${name} (organisations: lead-to-account matcher)`,
    `  records            ${r.records}`,
    `  accounts formed    ${r.accounts}`,
    `  true pairs         ${m.truePairs}`,
    `  predicted pairs    ${m.predictedPairs} (${m.correctPairs} correct)`,
    `  precision          ${pct(m.precision)}`,
    `  recall             ${pct(m.recall)}`,
    `  F1                 ${pct(m.f1)}`,
    `  time               ${r.seconds.toFixed(2)} s`,
    '',
  ].join('\n')
}
