import type { Score } from '@leadwire/contracts'
import type { ModelSection } from '@leadwire/playbook'
import type { Prediction } from './model/predict.ts'
import { round1, sumPoints } from './rubric.ts'

type Contribution = Score['contributions'][number]

const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`

/**
 * The model's part of the score, one contribution per feature: `pointsPerLogOdds` points per
 * unit of log-odds the feature adds over an average lead. The calibrated logit is exactly the
 * reference plus those log-odds, so the points explain the probability with nothing hidden;
 * the cap shows as its own contribution, like the rubric's caps.
 */
export function modelContributions(section: ModelSection, prediction: Prediction): Contribution[] {
  const hits = prediction.contributions
    .map(
      (c): Contribution => ({
        rule: `model.${c.feature}`,
        kind: 'model',
        points: round1(section.pointsPerLogOdds * c.logOdds),
        detail: `${c.feature} = ${c.value}: ${signed(c.logOdds, 2)} log-odds`,
      }),
    )
    .filter((c) => c.points !== 0)
  const total = sumPoints(hits)
  const bounded = Math.max(-section.cap, Math.min(section.cap, total))
  if (bounded === total) return hits
  const trim: Contribution = {
    rule: 'scoring.model.cap',
    kind: 'model',
    points: round1(bounded - total),
    detail: `the model adds or removes at most ${section.cap} points`,
  }
  return [...hits, trim]
}
