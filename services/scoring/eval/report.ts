import type { CalibrationBin, Metrics } from '../src/model/metrics.ts'
import type { Evaluation, EvaluationOptions } from './evaluation.ts'

const metricRows: [keyof Metrics, string][] = [
  ['rocAuc', 'ROC AUC'],
  ['prAuc', 'PR AUC'],
  ['logLoss', 'log loss'],
  ['brier', 'Brier'],
  ['accuracy', 'accuracy at p >= 0.5'],
]

const f3 = (n: number) => n.toFixed(3)
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)))
const meanSd = (xs: number[]) => `${f3(mean(xs))} ± ${f3(sd(xs))}`

/** The evaluation as Markdown tables, ready to paste into the service README. */
export function formatEvaluation(result: Evaluation, opts: EvaluationOptions): string {
  const { split, folds } = result
  const k = folds.length
  const lines = [
    `${result.rows} rows, ${result.positives} positive (${((100 * result.positives) / result.rows).toFixed(1)}%), ${result.features} features; seed ${opts.seed}.`,
    '',
    `| metric | model, ${Math.round(100 * (1 - opts.testShare))}/${Math.round(100 * opts.testShare)} test | rubric only, same split | model, ${k}-fold mean ± sd | rubric only, ${k}-fold |`,
    '|---|---|---|---|---|',
    ...metricRows.map(
      ([key, label]) =>
        `| ${label} | ${f3(split.model[key])} | ${f3(split.rubric[key])} | ${meanSd(folds.map((f) => f.model[key]))} | ${meanSd(folds.map((f) => f.rubric[key]))} |`,
    ),
    '',
    `Calibration on the ${Math.round(100 * opts.testShare)}% test split (predicted probability bins):`,
    '',
    '| bin | model: leads | model: mean predicted | model: observed | rubric: leads | rubric: mean predicted | rubric: observed |',
    '|---|---|---|---|---|---|---|',
    ...calibrationRows(split.calibration.model, split.calibration.rubric),
  ]
  return lines.join('\n')
}

function calibrationRows(model: CalibrationBin[], rubric: CalibrationBin[]): string[] {
  const cells = (b: CalibrationBin | undefined) =>
    b ? `${b.count} | ${f3(b.meanPredicted)} | ${f3(b.observedRate)}` : '0 | – | –'
  return Array.from({ length: 10 }, (_, i) => {
    const at = (bins: CalibrationBin[]) => bins.find((b) => Math.round(b.from * 10) === i)
    return `| ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)} | ${cells(at(model))} | ${cells(at(rubric))} |`
  })
}
