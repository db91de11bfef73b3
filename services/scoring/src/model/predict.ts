import { calibrated } from './calibration.ts'
import { encode } from './encoder.ts'
import type { FeatureRecord } from './feature-spec.ts'
import { logitOf } from './logistic.ts'
import type { TrainedModel } from './model.ts'

export interface FeatureContribution {
  feature: string
  /** The value the lead had, as text (or `missing`). */
  value: string
  /** Calibrated log-odds this feature adds over an average lead (negative lowers them). */
  logOdds: number
}

export interface Prediction {
  probability: number
  /** Calibrated log-odds of an average training lead; the contributions add up from here. */
  referenceLogOdds: number
  contributions: FeatureContribution[]
}

/**
 * The calibrated probability and why. The columns are standardised, so an average lead has
 * every column at 0 and the calibrated logit is exactly the reference plus each feature's
 * `a * sum(w * x)`: the contributions add up to the prediction, with nothing left over.
 */
export function predict(model: TrainedModel, record: FeatureRecord): Prediction {
  const row = encode(model.encoder, record)
  const a = model.calibration.a
  const byFeature = new Map<string, number>()
  model.encoder.columns.forEach((column, j) => {
    byFeature.set(column.feature, (byFeature.get(column.feature) ?? 0) + a * model.weights[j]! * row[j]!)
  })
  const contributions = model.encoder.features.map((spec) => ({
    feature: spec.name,
    value:
      record[spec.name] === undefined || record[spec.name] === null ? 'missing' : String(record[spec.name]),
    logOdds: byFeature.get(spec.name) ?? 0,
  }))
  return {
    probability: calibrated(model.calibration, logitOf(model, row)),
    referenceLogOdds: a * model.intercept + model.calibration.b,
    contributions: contributions.sort((x, y) => Math.abs(y.logOdds) - Math.abs(x.logOdds)),
  }
}
