/*
 * Trains the predictive model on scoring's own history and registers it:
 *   node services/scoring/src/train-command.ts [--from 2026-01-01] [--to 2026-03-01] [--dry-run]
 * Uses DATABASE_URL, LEADWIRE_NAMESPACE and PLAYBOOK_PATH like the service. Exits 0 when
 * nothing was registered for lack of history (the rubric keeps deciding), 1 on an error.
 */
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadPlaybook } from '@leadwire/playbook'
import { createLogger, createNames, createPool, loadConfig, withSchemaTransaction } from '@leadwire/runtime'
import { z } from 'zod'
import { type TrainingResult, trainFromHistory } from './train-from-history.ts'

const defaultPlaybook = fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url))

/** One line per fact a RevOps reader wants after a training run. */
export function describeTraining(result: TrainingResult): string {
  const lines = [`training: ${result.status}${'reason' in result ? ` (${result.reason})` : ''}`]
  const e = result.entry
  if (!e) return lines[0]!
  const m = e.metrics
  lines.push(
    `version ${e.version}; window ${e.window.from.toISOString()} .. ${e.window.to.toISOString()}`,
    `${e.leads} labelled leads, ${e.converted} converted; features: ${e.features.join(', ')}`,
    `out-of-fold ROC AUC ${m.rocAuc.toFixed(3)}, PR AUC ${m.prAuc.toFixed(3)}, log loss ${m.logLoss.toFixed(3)}, Brier ${m.brier.toFixed(3)}`,
  )
  return lines.join('\n')
}

async function main() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  })
  const config = loadConfig(process.env, {
    service: 'scoring',
    defaultPort: 0,
    extend: { PLAYBOOK_PATH: z.string().min(1).default(defaultPlaybook) },
  })
  const log = createLogger({ service: 'scoring-train', level: config.log.level })
  const playbook = await loadPlaybook(config.extra.PLAYBOOK_PATH)
  const pool = createPool(config, log)
  try {
    const window = {
      ...(values.from && { from: new Date(values.from) }),
      ...(values.to && { to: new Date(values.to) }),
    }
    const schema = createNames(config.namespace).schema('scoring')
    const result = await withSchemaTransaction(pool, schema, (tx) =>
      trainFromHistory(tx, { playbook, now: new Date(), window, dryRun: values['dry-run'] }),
    )
    console.log(describeTraining(result))
  } finally {
    await pool.end()
  }
}

if (import.meta.main) await main()
