import type { Playbook } from '@leadwire/playbook'
import type { Logger } from '@leadwire/runtime'
import { withSchemaTransaction } from '@leadwire/runtime'
import type pg from 'pg'
import { trainFromHistory } from './train-from-history.ts'

/**
 * The optional training schedule: every `everyMs`, one replica (a transaction-scoped advisory
 * lock decides which) trains on the history and registers the model if it qualifies.
 */
export function createTrainingSchedule(opts: {
  pool: pg.Pool
  schema: string
  playbook: Playbook
  everyMs: number
  log: Logger
}) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  async function runOnce() {
    const result = await withSchemaTransaction(opts.pool, opts.schema, async (tx) => {
      const { rows } = await tx.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [`${opts.schema}:train`],
      )
      if (!rows[0]?.locked) return undefined
      return trainFromHistory(tx, { playbook: opts.playbook, now: new Date() })
    })
    if (!result) return
    const { status, entry } = result
    const detail = { status, version: entry?.version, rocAuc: entry?.metrics.rocAuc, leads: entry?.leads }
    opts.log.info(
      { ...detail, reason: 'reason' in result ? result.reason : undefined },
      'scheduled training ran',
    )
  }

  return {
    runOnce,
    start() {
      timer = setInterval(() => {
        running = runOnce().catch((err) => opts.log.error({ err }, 'scheduled training failed'))
      }, opts.everyMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
