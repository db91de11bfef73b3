import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runEvaluation } from '../eval/evaluate.ts'
import { parseMapping } from '../eval/mapping.ts'
import { seededRandom } from '../src/model/random.ts'

// The evaluation command on a small CSV this test writes: a label that follows the plan and
// the visits, and a "sales tag" column that copies the label, as a leaking column would.
let dir: string
const playbook = fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url))
const mappingFile = fileURLToPath(new URL('../eval/leads-features.json', import.meta.url))
const opts = { seed: 42, testShare: 0.3, folds: 3 }

function fixtureCsv(rows: number): string {
  const random = seededRandom(9)
  const lines = ['id,Converted,Plan,Visits,Form,Sales Tag']
  for (let i = 0; i < rows; i++) {
    const plan = random() < 0.5 ? 'Pro' : 'Select'
    const visits = Math.floor(random() * 30)
    const form = random() < 0.3 ? 'Demo' : 'Newsletter'
    const z = -1.5 + (plan === 'Pro' ? 1.2 : 0) + 0.08 * visits + (form === 'Demo' ? 1 : 0)
    const label = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0
    lines.push(`${i},${label},${plan},${random() < 0.05 ? '' : visits},${form},${label ? 'Closed' : 'Lost'}`)
  }
  return lines.join('\r\n')
}

const mapping = (features: object[]) => ({
  label: { column: 'Converted', positive: ['1'] },
  leaking: ['Sales Tag'],
  model: { l2: 1, folds: 3 },
  features,
  rubric: { playbook, facts: { intent: { column: 'Form', map: { Demo: 'demo_request' } } } },
})
const goodFeatures = [
  { name: 'plan', column: 'Plan', type: 'categorical', minCount: 5 },
  { name: 'visits', column: 'Visits', type: 'numeric', log: true, bins: 4 },
  { name: 'form', column: 'Form', type: 'categorical' },
]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scoring-eval-'))
  await writeFile(join(dir, 'leads.csv'), fixtureCsv(900))
  await writeFile(join(dir, 'features.json'), JSON.stringify(mapping(goodFeatures)))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the evaluation command', () => {
  it('trains and tests the model beside the rubric-only baseline, with a calibration table', async () => {
    const { result, text } = await runEvaluation(join(dir, 'leads.csv'), join(dir, 'features.json'), opts)
    expect(result.split.model.count).toBe(270)
    expect(result.folds).toHaveLength(3)
    expect(result.split.model.rocAuc).toBeGreaterThan(0.7)
    expect(result.split.model.rocAuc).toBeGreaterThan(result.split.rubric.rocAuc)
    for (const metric of ['ROC AUC', 'PR AUC', 'log loss', 'Brier']) expect(text).toContain(`| ${metric} |`)
    expect(text).toContain('| model, 70/30 test | rubric only, same split | model, 3-fold mean ± sd |')
    expect(text).toMatch(/\| 0\.0–0\.1 \| \d+ \|/)
  })

  it('gives the same numbers for the same seed', async () => {
    const a = await runEvaluation(join(dir, 'leads.csv'), join(dir, 'features.json'), opts)
    const b = await runEvaluation(join(dir, 'leads.csv'), join(dir, 'features.json'), opts)
    expect(a.text).toBe(b.text)
  })

  it.each([
    [
      'a leaking column',
      { name: 'tag', column: 'Sales Tag', type: 'categorical' },
      /leak the outcome: 'Sales Tag'/,
    ],
    ['the label itself', { name: 'converted', column: 'Converted', type: 'categorical' }, /'Converted'/],
  ])('refuses a mapping that reads %s', (_, feature, error) => {
    expect(() => parseMapping(mapping([...goodFeatures, feature]))).toThrow(error)
  })

  it('keeps every leaking column of Leads.csv out of the committed mapping', async () => {
    const committed = parseMapping(JSON.parse(await readFile(mappingFile, 'utf8')))
    expect(committed.leaking).toEqual(
      expect.arrayContaining([
        'Tags',
        'Lead Quality',
        'Last Notable Activity',
        'Asymmetrique Activity Index',
      ]),
    )
    expect(committed.leaking.filter((c) => c.startsWith('Asymmetrique'))).toHaveLength(4)
  })

  it('runs from the command line', async () => {
    const command = fileURLToPath(new URL('../eval/evaluate.ts', import.meta.url))
    const args = [command, join(dir, 'leads.csv'), join(dir, 'features.json'), '--folds', '3']
    const { stdout } = await promisify(execFile)(process.execPath, args)
    expect(stdout).toMatch(/^900 rows, \d+ positive/)
  })
})
