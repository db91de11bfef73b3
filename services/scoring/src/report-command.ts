/*
 * Sales feedback per rubric rule and per source: which rules and sources produce leads sales
 * rejects (and why), and which convert.
 *   node services/scoring/src/report-command.ts [--json]
 * Uses DATABASE_URL and LEADWIRE_NAMESPACE like the service.
 */
import { parseArgs } from 'node:util'
import { createLogger, createNames, createPool, loadConfig, withSchemaTransaction } from '@leadwire/runtime'
import { feedbackTable } from './feedback-table.ts'
import { feedbackReport } from './pg-feedback.ts'

async function main() {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } })
  const config = loadConfig(process.env, { service: 'scoring', defaultPort: 0 })
  const pool = createPool(config, createLogger({ service: 'scoring-report', level: config.log.level }))
  try {
    const schema = createNames(config.namespace).schema('scoring')
    const report = await withSchemaTransaction(pool, schema, (tx) => feedbackReport(tx))
    if (values.json) console.log(JSON.stringify(report, null, 2))
    else console.log(`${feedbackTable('rule', report.byRule)}\n\n${feedbackTable('source', report.bySource)}`)
  } finally {
    await pool.end()
  }
}

if (import.meta.main) await main()
