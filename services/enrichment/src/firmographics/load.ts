import type { Readable } from 'node:stream'
import type pg from 'pg'
import { readCompaniesCsv } from './csv.ts'
import { createPgFirmographicStore, type StoredCompany } from './pg-store.ts'

export interface LoadResult {
  readonly written: number
  /** Unusable rows, by line; when there are any nothing is written. */
  readonly rejected: readonly { line: number; error: string }[]
}

/**
 * Loads a CSV into the store all or nothing, in batches inside one transaction: a file with a
 * bad row changes nothing, so a half-loaded store never feeds the pipeline. A domain listed
 * twice keeps its last row, as a spreadsheet's later edit would.
 */
export async function loadCompaniesCsv(
  pool: pg.Pool,
  schema: string,
  input: Readable | string,
  opts: { loadedFrom: string; batchSize?: number; maxReported?: number },
): Promise<LoadResult> {
  const batchSize = opts.batchSize ?? 500
  const store = createPgFirmographicStore(pool, schema)
  const rejected: { line: number; error: string }[] = []
  const client = await pool.connect()
  let written = 0
  let batch = new Map<string, StoredCompany>()
  const flush = async () => {
    if (rejected.length === 0) written += await store.upsert(client, [...batch.values()], opts.loadedFrom)
    batch = new Map()
  }
  try {
    await client.query('BEGIN')
    for await (const row of readCompaniesCsv(input)) {
      if ('error' in row) {
        if (rejected.length < (opts.maxReported ?? 50)) rejected.push(row)
        continue
      }
      batch.set(row.company.domain, row.company)
      if (batch.size >= batchSize) await flush()
    }
    await flush()
    await client.query(rejected.length ? 'ROLLBACK' : 'COMMIT')
    return { written: rejected.length ? 0 : written, rejected }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
