import { score as scoreSchema } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { captureFeatures, serviceFeatureSpecs } from './capture-features.ts'
import { trainModel } from './model/train.ts'
import { type ModelInput, scoreLead } from './score.ts'
import { syntheticLeads } from './synthetic-history.ts'
import { buildEnrichment, buildInput, buildLead, NOW, seedPlaybook } from './test-builders.ts'

let playbook: Playbook
let model: ModelInput['model']
beforeAll(async () => {
  playbook = await seedPlaybook()
  const history = syntheticLeads(600, 11, () => NOW)
  const records = history.map((h) => captureFeatures(playbook, h.data))
  const labels = history.map((h) => (h.converted ? 1 : 0))
  model = trainModel(records, labels, serviceFeatureSpecs(playbook), { l2: 1, folds: 5, seed: 42 }).model
})

const withModel = (input: ReturnType<typeof buildInput>): ModelInput => ({
  version: 'lr-test',
  model,
  features: captureFeatures(playbook, input),
})
const modelPart = (s: ReturnType<typeof scoreLead>) => s.contributions.filter((c) => c.kind === 'model')
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10

describe('the rubric and the model together', () => {
  it('lets the rubric alone decide while no model exists', () => {
    const score = scoreLead(playbook, buildInput())
    expect(score.modelVersion).toBeNull()
    expect(score.probability).toBeUndefined()
    expect(modelPart(score)).toEqual([])
  })

  it('puts the model version, the probability and per-feature points on the score', () => {
    const input = buildInput()
    const score = scoreLead(playbook, input, withModel(input))
    expect(score.modelVersion).toBe('lr-test')
    expect(score.probability).toBeGreaterThan(0.5)
    expect(modelPart(score).map((c) => c.rule)).toContain('model.intent')
    expect(modelPart(score).find((c) => c.rule === 'model.intent')?.detail).toMatch(
      /^intent = demo_request: \+/,
    )
    expect(sum(score.contributions.map((c) => c.points))).toBe(score.total)
    expect(score.total).toBe(sum([score.fit, score.intent, ...modelPart(score).map((c) => c.points)]))
    expect(scoreSchema.parse(score)).toEqual(score)
  })

  it('keeps the model within its cap, showing the trim', () => {
    const tight = { ...playbook, model: { ...playbook.model, cap: 1 } }
    const input = buildInput()
    const parts = modelPart(scoreLead(tight, input, withModel(input)))
    expect(Math.abs(sum(parts.map((c) => c.points)))).toBeLessThanOrEqual(1)
    expect(parts.at(-1)?.rule).toBe('scoring.model.cap')
  })

  it('only reports the probability when the playbook says combine: report', () => {
    const report = { ...playbook, model: { ...playbook.model, combine: 'report' as const } }
    const input = buildInput()
    const score = scoreLead(report, input, withModel(input))
    expect(score.probability).toBeGreaterThan(0)
    expect(modelPart(score)).toEqual([])
    expect(score.total).toBe(scoreLead(playbook, input).total)
  })

  it('can lift a lead the model rates highly over the MQL threshold', () => {
    // demo request (30) + VP (15) - free mail (10), nothing else known: 35, below MQL (40).
    const lead = buildLead({ company: {}, source: { channel: 'inbound_form', intent: 'demo_request' } })
    const enrichment = buildEnrichment({
      seniority: 'vp',
      email: { normalized: 'x@gmail.com', domain: 'gmail.com', kind: 'free' },
      department: undefined,
      country: undefined,
      industry: undefined,
      employees: undefined,
      completeness: 0.4,
    })
    const input = buildInput({ lead, enrichment })
    const rubricOnly = scoreLead(playbook, input)
    const withIt = scoreLead(playbook, input, withModel(input))
    expect(rubricOnly).toMatchObject({ total: 35, stage: 'nurture' })
    expect(withIt.stage).toBe('mql')
    expect(withIt.probability).toBeGreaterThan(model.baseRate)
  })
})
