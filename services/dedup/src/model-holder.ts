import type { Logger } from '@leadwire/runtime'
import { ident } from '@leadwire/runtime'
import type pg from 'pg'
import { defaultParams } from './matching/default-params.ts'
import type { ModelParams } from './matching/model.ts'
import { latestModel } from './store/pg-models.ts'

// A model trained by `train-model.ts` is picked up within this long, without a restart.
const refreshMs = 5 * 60_000

/** The parameters scoring uses now: the newest trained model of this schema, else the defaults. */
export function createModelHolder(opts: { pool: pg.Pool; schema: string; log: Logger }) {
  let params: ModelParams = defaultParams
  let source: 'default' | 'trained' = 'default'
  let timer: NodeJS.Timeout | undefined

  async function refresh(): Promise<void> {
    const client = await opts.pool.connect()
    try {
      await client.query(`SET search_path TO ${ident(opts.schema)}`)
      const trained = await latestModel(client)
      const next = trained ? 'trained' : 'default'
      if (next !== source) opts.log.info({ source: next }, 'match model loaded')
      params = trained ?? defaultParams
      source = next
    } finally {
      await client.query('RESET search_path').catch(() => {})
      client.release()
    }
  }

  return {
    current: () => params,
    refresh,
    start() {
      timer = setInterval(() => {
        refresh().catch((err) =>
          opts.log.warn({ err }, 'could not reload the match model; keeping the last one'),
        )
      }, refreshMs)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
    },
  }
}
