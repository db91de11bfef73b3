import { calibrated, fitPlatt } from '../src/model/calibration.ts'
import {
  type CalibrationBin,
  calibrationTable,
  type Metrics,
  probabilityMetrics,
} from '../src/model/metrics.ts'
import { predict } from '../src/model/predict.ts'
import { complement, stratifiedFolds, stratifiedSplit } from '../src/model/random.ts'
import { trainModel } from '../src/model/train.ts'
import type { Dataset } from './dataset.ts'
import type { Mapping } from './mapping.ts'

export interface EvaluationOptions {
  seed: number
  testShare: number
  folds: number
}

export interface Comparison {
  model: Metrics
  rubric: Metrics
}

export interface Evaluation {
  split: Comparison & { calibration: { model: CalibrationBin[]; rubric: CalibrationBin[] } }
  folds: Comparison[]
  rows: number
  positives: number
  features: number
}

const pick = <T>(items: readonly T[], at: readonly number[]) => at.map((i) => items[i]!)

/**
 * Trains on `train`, predicts `test`: the service's own model code for the model, and the
 * rubric's points mapped to a probability by Platt scaling fitted on the same training rows
 * (points are not probabilities; the mapping keeps their order, so the AUCs are the rubric's).
 */
function trainAndTest(data: Dataset, mapping: Mapping, train: number[], test: number[], seed: number) {
  const labels = pick(data.labels, train)
  const { model } = trainModel(pick(data.records, train), labels, mapping.features, {
    ...mapping.model,
    seed,
  })
  const testLabels = pick(data.labels, test)
  const modelP = test.map((i) => predict(model, data.records[i]!).probability)
  const platt = fitPlatt(pick(data.rubricScores, train), labels)
  const rubricP = test.map((i) => calibrated(platt, data.rubricScores[i]!))
  return { labels: testLabels, modelP, rubricP }
}

/** A fixed-seed stratified split and a stratified k-fold, both training the same model code. */
export function evaluate(data: Dataset, mapping: Mapping, opts: EvaluationOptions): Evaluation {
  const { train, test } = stratifiedSplit(data.labels, opts.testShare, opts.seed)
  const held = trainAndTest(data, mapping, train, test, opts.seed)
  const folds = stratifiedFolds(data.labels, opts.folds, opts.seed).map((fold) => {
    const r = trainAndTest(data, mapping, complement(data.labels.length, fold), fold, opts.seed)
    return { model: probabilityMetrics(r.modelP, r.labels), rubric: probabilityMetrics(r.rubricP, r.labels) }
  })
  return {
    split: {
      model: probabilityMetrics(held.modelP, held.labels),
      rubric: probabilityMetrics(held.rubricP, held.labels),
      calibration: {
        model: calibrationTable(held.modelP, held.labels),
        rubric: calibrationTable(held.rubricP, held.labels),
      },
    },
    folds,
    rows: data.labels.length,
    positives: data.labels.filter((y) => y === 1).length,
    features: mapping.features.length,
  }
}
