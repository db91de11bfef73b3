import type pg from 'pg'
import { blockingKeys } from './matching/blocking.ts'
import { compareRecords, comparisons } from './matching/comparisons.ts'
import { createMemoryIndex } from './matching/memory-index.ts'
import type { ModelParams } from './matching/model.ts'
import type { MatchRecord } from './matching/record.ts'
import { trainModel } from './matching/training.ts'
import { saveModel } from './store/pg-models.ts'

export interface TrainingRun {
  readonly params: ModelParams
  readonly records: number
  readonly pairs: number
  readonly iterations: number
}

/**
 * Learns the model from this store's own leads, without labels: the newest `maxRecords`
 * records, replayed in arrival order through the service's blocking to get the candidate
 * pairs, then EM (see trainModel). The result is saved; running services load it within
 * minutes. Needs `db` on dedup's schema.
 */
export async function trainFromStore(
  db: pg.ClientBase | pg.Pool,
  maxRecords = 200_000,
): Promise<TrainingRun> {
  const { rows } = await db.query<{ record: MatchRecord }>(
    'SELECT record FROM (SELECT id, record FROM match_records ORDER BY id DESC LIMIT $1) AS r ORDER BY id',
    [maxRecords],
  )
  const records = rows.map((r) => r.record)
  const index = createMemoryIndex()
  const vectors: Int8Array[] = []
  for (const record of records) {
    const keys = blockingKeys(record)
    for (const c of index.candidates(keys)) vectors.push(compareRecords(record, c.record, comparisons))
    index.add(record, keys)
  }
  if (vectors.length < 50)
    throw new Error(`only ${vectors.length} candidate pairs: too few leads to learn from`)
  const { iterations, ...params } = trainModel(records, vectors, comparisons)
  await saveModel(db, params, records.length, vectors.length)
  return { params, records: records.length, pairs: vectors.length, iterations }
}
