import type pg from 'pg'
import { ident } from './migrate.ts'

/**
 * Runs `work` in one transaction with the service's schema first on the search path, the way
 * the consumer loop runs handlers, so commands, schedules and HTTP routes write the same
 * unqualified table names. Rolls back on any error.
 */
export async function withSchemaTransaction<T>(
  pool: pg.Pool,
  schema: string,
  work: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const tx = await pool.connect()
  try {
    await tx.query(`BEGIN; SET LOCAL search_path TO ${ident(schema)}`)
    const result = await work(tx)
    await tx.query('COMMIT')
    return result
  } catch (err) {
    await tx.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    tx.release()
  }
}
