/*
 * Measures the scoring model on a labelled CSV, beside the rubric-only baseline:
 *   node services/scoring/eval/evaluate.ts <csv> <features.json> [--seed 42] [--folds 5] [--drop a,b]
 * (--drop leaves features out by name, to see what each one is worth.)
 * The mapping file names the label, the leaking columns (refused as features) and the
 * features; see leads-features.json. Not part of `npm test`: it reads data by path.
 */
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadPlaybook } from '@leadwire/playbook'
import { readCsv, toDataset } from './dataset.ts'
import { type EvaluationOptions, evaluate } from './evaluation.ts'
import { parseMapping } from './mapping.ts'
import { formatEvaluation } from './report.ts'

/** Reads the CSV and the mapping, evaluates, and returns the report text. */
export async function runEvaluation(
  csvPath: string,
  mappingPath: string,
  opts: EvaluationOptions & { drop?: readonly string[] },
) {
  const parsed = parseMapping(JSON.parse(await readFile(mappingPath, 'utf8')))
  const mapping = { ...parsed, features: parsed.features.filter((f) => !opts.drop?.includes(f.name)) }
  const playbook = await loadPlaybook(resolve(dirname(mappingPath), mapping.rubric.playbook))
  const data = toDataset(readCsv(await readFile(csvPath, 'utf8')), mapping, playbook)
  const result = evaluate(data, mapping, opts)
  return { result, text: formatEvaluation(result, opts) }
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '42' },
      folds: { type: 'string', default: '5' },
      drop: { type: 'string', default: '' },
    },
  })
  const [csv, mapping] = positionals
  if (!csv || !mapping) {
    console.error(
      'usage: node services/scoring/eval/evaluate.ts <csv> <features.json> [--seed 42] [--folds 5]',
    )
    process.exit(2)
  }
  const drop = values.drop.split(',').filter(Boolean)
  const opts = { seed: Number(values.seed), folds: Number(values.folds), testShare: 0.3, drop }
  const { text } = await runEvaluation(csv, mapping, opts)
  console.log(text)
}
