import { calibrated, fitPlatt } from './calibration.ts'
import { encode, fitEncoder } from './encoder.ts'
import type { FeatureRecord, FeatureSpec } from './feature-spec.ts'
import { fitLogistic, logitOf } from './logistic.ts'
import type { TrainedModel } from './model.ts'
import { complement, stratifiedFolds } from './random.ts'

export interface TrainOptions {
  l2: number
  /** Folds for the out-of-fold logits the calibration is fitted on. */
  folds: number
  seed: number
}

export interface Training {
  model: TrainedModel
  /** Calibrated probabilities for each training row from a model that did not see it. */
  outOfFold: number[]
}

const pick = <T>(items: readonly T[], at: readonly number[]) => at.map((i) => items[i]!)

function fitUncalibrated(
  records: readonly FeatureRecord[],
  labels: readonly number[],
  features: readonly FeatureSpec[],
  l2: number,
) {
  const encoder = fitEncoder(features, records)
  const fit = fitLogistic(
    records.map((r) => encode(encoder, r)),
    labels,
    { l2 },
  )
  return { encoder, intercept: fit.intercept, weights: fit.weights }
}

/**
 * Trains the whole model: k-fold out-of-fold logits, Platt calibration on them, then the final
 * regression on every row. The evaluation command and the service's training both call this,
 * so what the README measures is what the service runs.
 */
export function trainModel(
  records: readonly FeatureRecord[],
  labels: readonly number[],
  features: readonly FeatureSpec[],
  opts: TrainOptions,
): Training {
  const positives = labels.filter((y) => y === 1).length
  const k = Math.max(2, Math.min(opts.folds, positives, labels.length - positives))
  const logits = new Array<number>(labels.length).fill(0)
  for (const held of stratifiedFolds(labels, k, opts.seed)) {
    const train = complement(labels.length, held)
    const part = fitUncalibrated(pick(records, train), pick(labels, train), features, opts.l2)
    for (const i of held) logits[i] = logitOf(part, encode(part.encoder, records[i]!))
  }
  const calibration = fitPlatt(logits, labels)
  const final = fitUncalibrated(records, labels, features, opts.l2)
  const model: TrainedModel = {
    kind: 'logistic_regression',
    ...final,
    calibration,
    l2: opts.l2,
    baseRate: positives / labels.length,
    rows: labels.length,
    positives,
  }
  return { model, outOfFold: logits.map((z) => calibrated(calibration, z)) }
}
