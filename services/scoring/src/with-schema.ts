import { ident } from '@leadwire/runtime'
import type pg from 'pg'

/**
 * Runs `fn` in one transaction with scoring's schema first on the search path, as the consumer
 * loop does for handlers, so commands and the schedule use the same unqualified table names.
 */
export async function withSchema<T>(
  pool: pg.Pool,
  schema: string,
  fn: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const tx = await pool.connect()
  try {
    await tx.query(`BEGIN; SET LOCAL search_path TO ${ident(schema)}`)
    const result = await fn(tx)
    await tx.query('COMMIT')
    return result
  } catch (err) {
    await tx.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    tx.release()
  }
}
