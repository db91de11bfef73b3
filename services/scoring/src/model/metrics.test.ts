import { describe, expect, it } from 'vitest'
import { fitLogistic, sigmoid } from './logistic.ts'
import { prAuc, probabilityMetrics, rocAuc } from './metrics.ts'
import { seededRandom, stratifiedFolds, stratifiedSplit } from './random.ts'

describe('metrics', () => {
  it.each([
    { scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1], roc: 0.75, pr: 0.8333 },
    { scores: [0.9, 0.8, 0.2, 0.1], labels: [1, 1, 0, 0], roc: 1, pr: 1 },
    { scores: [0.5, 0.5, 0.5, 0.5], labels: [1, 0, 1, 0], roc: 0.5, pr: 0.5 },
  ])('ROC AUC $roc and PR AUC $pr for $scores', ({ scores, labels, roc, pr }) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(roc, 4)
    expect(prAuc(scores, labels)).toBeCloseTo(pr, 4)
  })

  it('computes log loss and Brier score', () => {
    const m = probabilityMetrics([0.8, 0.3], [1, 0])
    expect(m.logLoss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 10)
    expect(m.brier).toBeCloseTo((0.04 + 0.09) / 2, 10)
    expect(m.accuracy).toBe(1)
  })
})

describe('logistic regression', () => {
  it('recovers known coefficients from enough data', () => {
    const random = seededRandom(3)
    const rows = Array.from({ length: 4000 }, () => Float64Array.of(random() * 4 - 2, random() * 4 - 2))
    const labels = rows.map((x) => (random() < sigmoid(0.5 + 1.5 * x[0]! - 1 * x[1]!) ? 1 : 0))
    const fit = fitLogistic(rows, labels, { l2: 0.01 })
    expect(fit.intercept).toBeCloseTo(0.5, 0)
    expect(fit.weights[0]).toBeCloseTo(1.5, 0)
    expect(fit.weights[1]).toBeCloseTo(-1, 0)
  })
})

describe('splits', () => {
  const labels = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 1 : 0))

  it('holds out 30% of each class, the same way for the same seed', () => {
    const { train, test } = stratifiedSplit(labels, 0.3, 42)
    expect(test.filter((i) => labels[i] === 1)).toHaveLength(15)
    expect(test).toHaveLength(60)
    expect(train.length + test.length).toBe(200)
    expect(stratifiedSplit(labels, 0.3, 42)).toEqual({ train, test })
    expect(stratifiedSplit(labels, 0.3, 43).test).not.toEqual(test)
  })

  it('puts every row in exactly one fold, each with its share of positives', () => {
    const folds = stratifiedFolds(labels, 5, 1)
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labels.map((_, i) => i))
    for (const fold of folds) expect(fold.filter((i) => labels[i] === 1)).toHaveLength(10)
  })
})
