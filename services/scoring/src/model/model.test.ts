import { describe, expect, it } from 'vitest'
import { encode } from './encoder.ts'
import type { FeatureRecord, FeatureSpec } from './feature-spec.ts'
import { logitOf } from './logistic.ts'
import { calibrationTable, probabilityMetrics } from './metrics.ts'
import { parseModel, serializeModel } from './model.ts'
import { predict } from './predict.ts'
import { seededRandom } from './random.ts'
import { trainModel } from './train.ts'

const features: FeatureSpec[] = [
  { name: 'plan', type: 'categorical', minCount: 5 },
  { name: 'visits', type: 'numeric', log: true, bins: 4 },
  { name: 'phone', type: 'boolean' },
]

/** Rows whose label follows a known rule: plan=pro and many visits convert more. */
function dataset(n: number, seed: number) {
  const random = seededRandom(seed)
  const records: FeatureRecord[] = []
  const labels: number[] = []
  for (let i = 0; i < n; i++) {
    const plan = random() < 0.5 ? 'pro' : random() < 0.8 ? 'free' : undefined
    const visits = random() < 0.1 ? undefined : Math.floor(random() * 40)
    const phone = random() < 0.5
    const z = -1 + (plan === 'pro' ? 1.5 : 0) + 0.08 * (visits ?? 10) + (phone ? 0.5 : 0)
    records.push({ plan, visits, phone })
    labels.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0)
  }
  return { records, labels }
}

describe('the scoring model', () => {
  const { records, labels } = dataset(1500, 7)
  const { model, outOfFold } = trainModel(records, labels, features, { l2: 1, folds: 5, seed: 42 })

  it('learns the rule the data follows, out of fold', () => {
    const metrics = probabilityMetrics(outOfFold, labels)
    expect(metrics.rocAuc).toBeGreaterThan(0.7)
    const pro = predict(model, { plan: 'pro', visits: 20, phone: true }).probability
    const free = predict(model, { plan: 'free', visits: 20, phone: true }).probability
    expect(pro).toBeGreaterThan(free)
  })

  it('gives calibrated probabilities: each confident bin converts about as often as predicted', () => {
    const mean = outOfFold.reduce((s, p) => s + p, 0) / outOfFold.length
    expect(mean).toBeCloseTo(model.baseRate, 1)
    for (const bin of calibrationTable(outOfFold, labels).filter((b) => b.count >= 100)) {
      expect(Math.abs(bin.meanPredicted - bin.observedRate)).toBeLessThan(0.1)
    }
  })

  it('explains each prediction: the feature contributions add up to the calibrated log-odds', () => {
    const record = { plan: 'pro', visits: 3, phone: false }
    const p = predict(model, record)
    const logOdds = p.referenceLogOdds + p.contributions.reduce((s, c) => s + c.logOdds, 0)
    expect(1 / (1 + Math.exp(-logOdds))).toBeCloseTo(p.probability, 10)
    expect(p.contributions.find((c) => c.feature === 'plan')).toMatchObject({ value: 'pro' })
    expect(p.contributions.find((c) => c.feature === 'plan')!.logOdds).toBeGreaterThan(0)
  })

  it('survives a save and load round trip with identical predictions', () => {
    const loaded = parseModel(JSON.parse(serializeModel(model)))
    expect(loaded).toEqual(model)
    for (const record of records.slice(0, 50)) {
      expect(predict(loaded, record)).toEqual(predict(model, record))
      expect(logitOf(loaded, encode(loaded.encoder, record))).toBe(
        logitOf(model, encode(model.encoder, record)),
      )
    }
  })

  it('refuses a stored model that is not one', () => {
    expect(() => parseModel({ ...model, kind: 'random_forest' })).toThrow()
  })

  it('reads an unseen level as other and a missing value as missing, without failing', () => {
    expect(
      predict(model, { plan: 'enterprise', visits: undefined, phone: undefined }).probability,
    ).toBeGreaterThan(0)
  })
})
