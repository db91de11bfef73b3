import { type Playbook, toDocumentIssues } from '@leadwire/playbook'
import { ident } from '@leadwire/runtime'
import type pg from 'pg'
import { assertCoverage, type Directory, DirectoryError, directorySchema } from './directory.ts'

type Db = pg.ClientBase | pg.Pool
export type DirectoryChange = (current: { teams: unknown[]; reps: unknown[] }) => {
  teams: unknown[]
  reps: unknown[]
}

/**
 * The rep directory in routing's schema. Reads validate with the same zod schema as the seed
 * file, so a row can never bypass the rules; writes validate the whole directory after the
 * change (references, on-call members, playbook coverage) under one lock, so two admins
 * editing at once cannot leave it inconsistent.
 */
export function createPgDirectoryStore(schema: string) {
  const t = (name: string) => `${ident(schema)}.${name}`

  async function raw(db: Db) {
    const teams = await db.query<{ doc: unknown }>(
      `SELECT doc FROM ${t('directory_teams')} ORDER BY position`,
    )
    const reps = await db.query<{ doc: unknown }>(`SELECT doc FROM ${t('directory_reps')} ORDER BY position`)
    return { teams: teams.rows.map((r) => r.doc), reps: reps.rows.map((r) => r.doc) }
  }

  async function load(db: Db): Promise<Directory> {
    const parsed = directorySchema.safeParse(await raw(db))
    if (!parsed.success) throw new DirectoryError(toDocumentIssues(parsed.error))
    return parsed.data
  }

  /** Applies `change` to the stored directory if the result is valid; throws DirectoryError if not. */
  async function update(pool: pg.Pool, playbook: Playbook, change: DirectoryChange): Promise<Directory> {
    const tx = await pool.connect()
    try {
      await tx.query('BEGIN')
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${schema}:directory`])
      const next = change(await raw(tx))
      const parsed = directorySchema.safeParse(next)
      if (!parsed.success) throw new DirectoryError(toDocumentIssues(parsed.error))
      assertCoverage(playbook, parsed.data)
      await write(tx, parsed.data)
      await tx.query('COMMIT')
      return parsed.data
    } catch (err) {
      await tx.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      tx.release()
    }
  }

  /** Replaces rows in the given order; unchanged rows keep their position. */
  async function write(tx: pg.ClientBase, d: Directory): Promise<void> {
    for (const [table, items] of [
      ['directory_teams', d.teams],
      ['directory_reps', d.reps],
    ] as const) {
      const ids = items.map((i) => i.id)
      await tx.query(`DELETE FROM ${t(table)} WHERE NOT (id = ANY($1::text[]))`, [ids])
      for (const item of items) {
        const team = 'team' in item ? item.team : null
        await tx.query(
          table === 'directory_reps'
            ? `INSERT INTO ${t(table)} (id, team_id, doc) VALUES ($1, $3, $2)
               ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, team_id = EXCLUDED.team_id, updated_at = now()`
            : `INSERT INTO ${t(table)} (id, doc) VALUES ($1, $2)
               ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()`,
          table === 'directory_reps'
            ? [item.id, JSON.stringify(item), team]
            : [item.id, JSON.stringify(item)],
        )
      }
    }
  }

  /** Loads the seed into an empty directory; a directory already edited is left alone. */
  async function seed(pool: pg.Pool, playbook: Playbook, directory: Directory): Promise<boolean> {
    let seeded = false
    await update(pool, playbook, (current) => {
      if (current.teams.length > 0) return current
      seeded = true
      return directory
    })
    return seeded
  }

  return { load, update, seed }
}

export type DirectoryStore = ReturnType<typeof createPgDirectoryStore>
