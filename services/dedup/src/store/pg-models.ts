import type pg from 'pg'
import { comparisons } from '../matching/comparisons.ts'
import type { ModelParams } from '../matching/model.ts'

/** The newest trained parameters whose levels still fit today's comparisons, if any. */
export async function latestModel(db: pg.ClientBase | pg.Pool): Promise<ModelParams | undefined> {
  const { rows } = await db.query<{ params: ModelParams }>(
    'SELECT params FROM match_models ORDER BY id DESC LIMIT 1',
  )
  const params = rows[0]?.params
  return params && fitsComparisons(params) ? params : undefined
}

export async function saveModel(
  db: pg.ClientBase | pg.Pool,
  params: ModelParams,
  records: number,
  pairs: number,
) {
  await db.query('INSERT INTO match_models (params, records, pairs) VALUES ($1, $2, $3)', [
    JSON.stringify(params),
    records,
    pairs,
  ])
}

// A model trained before a level was added would misread every later level: ignore it.
function fitsComparisons(params: ModelParams): boolean {
  return comparisons.every((c) => {
    const p = params.comparisons[c.name]
    return p !== undefined && p.m.length === c.levels.length && p.u.length === c.levels.length
  })
}
