import type pg from 'pg'
import type { Metrics } from './model/metrics.ts'
import { parseModel, type TrainedModel } from './model/model.ts'

export interface RegistryEntry {
  version: string
  trainedAt: Date
  window: { from: Date; to: Date }
  features: string[]
  /** Out-of-fold metrics on the training window, and the calibration table. */
  metrics: Metrics & { calibration: unknown }
  model: TrainedModel
  leads: number
  converted: number
}

type Row = {
  version: string
  trained_at: Date
  window_from: Date
  window_to: Date
  features: string[]
  metrics: RegistryEntry['metrics']
  model: unknown
  leads: number
  converted: number
}

const toEntry = (r: Row): RegistryEntry => ({
  version: r.version,
  trainedAt: r.trained_at,
  window: { from: r.window_from, to: r.window_to },
  features: r.features,
  metrics: r.metrics,
  model: parseModel(r.model),
  leads: r.leads,
  converted: r.converted,
})

/** The model registry in scoring's schema: every trained model; the newest one scores. */
export const pgModelRegistry = {
  async register(db: pg.Pool | pg.ClientBase, e: RegistryEntry): Promise<void> {
    await db.query(
      `INSERT INTO models (version, trained_at, window_from, window_to, features, metrics, model, leads, converted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        e.version,
        e.trainedAt,
        e.window.from,
        e.window.to,
        JSON.stringify(e.features),
        e.metrics,
        e.model,
        e.leads,
        e.converted,
      ],
    )
  },

  async newestVersion(db: pg.Pool | pg.ClientBase): Promise<string | undefined> {
    const { rows } = await db.query<{ version: string }>(
      'SELECT version FROM models ORDER BY trained_at DESC, version DESC LIMIT 1',
    )
    return rows[0]?.version
  },

  async get(db: pg.Pool | pg.ClientBase, version: string): Promise<RegistryEntry | undefined> {
    const { rows } = await db.query<Row>('SELECT * FROM models WHERE version = $1', [version])
    return rows[0] && toEntry(rows[0])
  },
}

/**
 * The current model for scoring, re-read only when the newest version changes: each message
 * costs one indexed version lookup, and a newly trained model is used from the next message on.
 */
export function createModelCache() {
  let cached: RegistryEntry | undefined
  return async (db: pg.ClientBase): Promise<RegistryEntry | undefined> => {
    const version = await pgModelRegistry.newestVersion(db)
    if (version === undefined) return undefined
    if (cached?.version !== version) cached = await pgModelRegistry.get(db, version)
    return cached
  }
}
