import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parsePlaybook } from './load.ts'
import { modelFeatureNames } from './model.ts'

const seedPath = join(import.meta.dirname, '../../../infra/seed/playbook.yaml')
const seed = () => parse(readFileSync(seedPath, 'utf8'))
const asJson = (doc: unknown) => parsePlaybook(JSON.stringify(doc), { format: 'json' })

describe('the playbook model section', () => {
  it('reads the seed: the model adds points, capped, from capture-time features', () => {
    const { model } = asJson(seed())
    expect(model).toMatchObject({ combine: 'add', pointsPerLogOdds: 10, cap: 25 })
    expect(model.features).toEqual([...modelFeatureNames])
    expect(model.training).toMatchObject({ converted: ['opportunity', 'won'], notConvertedAfterDays: 90 })
  })

  it('is optional: a playbook without it gets the defaults', () => {
    const { model: _, ...rest } = seed()
    expect(asJson(rest).model).toMatchObject({ combine: 'add', cap: 25, training: { minLeads: 200 } })
  })

  it.each([
    [{ combine: 'replace' }, 'model.combine'],
    [{ features: ['channel', 'channel'] }, 'model.features'],
    [{ features: ['outcome'] }, 'model.features[0]'],
    [{ training: { converted: ['lost'] } }, 'model.training.converted[0]'],
    [{ training: { minRocAuc: 0.4 } }, 'model.training.minRocAuc'],
    [{ pointsPerLogOdds: 0 }, 'model.pointsPerLogOdds'],
  ])('rejects %j at %s', (model, path) => {
    const doc = { ...seed(), model: { ...seed().model, ...model } }
    expect(() => asJson(doc)).toThrow(new RegExp(`${path.replace(/[.[\]]/g, '\\$&')}:`))
  })

  it('takes an intent rule talking point as optional text', () => {
    const doc = seed()
    expect(asJson(doc).scoring.intent.rules.find((r) => r.id === 'intent.pricing')?.talkingPoint).toMatch(
      /budget/,
    )
    doc.scoring.intent.rules[0].talkingPoint = ''
    expect(() => asJson(doc)).toThrow(/scoring\.intent\.rules\[0\]\.talkingPoint:/)
  })
})
