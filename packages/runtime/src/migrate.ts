import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type pg from 'pg'

/** The runtime's own tables (outbox, inbox), applied to every service schema first. */
export const runtimeMigrationsDir = new URL('../migrations', import.meta.url).pathname

export interface MigrationSource {
  /** Prefix recorded with each file name, so two folders can both have a 001_*.sql. */
  readonly label: string
  readonly dir: string
}

/**
 * Applies numbered SQL files (NNN_name.sql) that are not yet recorded, each in its own
 * transaction with search_path set to the schema, so the SQL uses unqualified names.
 * An advisory lock keeps two replicas starting at once from applying the same file twice.
 */
export async function migrate(
  pool: pg.Pool,
  schema: string,
  sources: readonly MigrationSource[],
): Promise<string[]> {
  const applied: string[] = []
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`leadwire-migrate:${schema}`])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`)
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${ident(schema)}.schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    const done = new Set(
      (await client.query<{ name: string }>(`SELECT name FROM ${ident(schema)}.schema_migrations`)).rows.map(
        (r) => r.name,
      ),
    )
    for (const source of sources) {
      for (const file of await migrationFiles(source.dir)) {
        const name = `${source.label}/${file}`
        if (done.has(name)) continue
        const sql = await readFile(join(source.dir, file), 'utf8')
        await client.query('BEGIN')
        try {
          await client.query(`SET LOCAL search_path TO ${ident(schema)}`)
          await client.query(sql)
          await client.query(`INSERT INTO ${ident(schema)}.schema_migrations (name) VALUES ($1)`, [name])
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK')
          throw new Error(`migration ${name} failed in schema ${schema}: ${(err as Error).message}`, {
            cause: err,
          })
        }
        applied.push(name)
      }
    }
    return applied
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`leadwire-migrate:${schema}`])
      .catch(() => {})
    client.release()
  }
}

async function migrationFiles(dir: string): Promise<string[]> {
  const files = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[]
    throw err
  })
  const sql = files.filter((f) => f.endsWith('.sql')).sort()
  const bad = sql.filter((f) => !/^\d{3}_[a-z0-9_]+\.sql$/.test(f))
  if (bad.length) throw new Error(`migration files must be named NNN_name.sql: ${bad.join(', ')} in ${dir}`)
  return sql
}

/** Quotes an identifier; schema names come from config, never from a request. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
