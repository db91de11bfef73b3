import { randomBytes } from 'node:crypto'
import { createLogger, createNames, createPool, ident, loadConfig, type Names } from '@leadwire/runtime'
import type { Admin } from 'kafkajs'
import type pg from 'pg'
import { migrateAll } from './services.ts'

/**
 * A private copy of leadwire's storage for one test file: its own namespace, so its schemas,
 * topics, consumer groups and Redis keys never meet another test's, and `cleanup` drops them.
 */
export async function createTestNamespace(prefix = 't') {
  const namespace = `${prefix}${randomBytes(4).toString('hex')}`
  const env = { ...process.env, LEADWIRE_NAMESPACE: namespace, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }
  const config = loadConfig(env, { service: 'test', defaultPort: 0 })
  const log = createLogger({ service: 'test', level: config.log.level })
  const names: Names = createNames(namespace)
  const pool: pg.Pool = createPool(config, log)
  return {
    namespace,
    names,
    config,
    env,
    log,
    pool,
    migrate: () => migrateAll(pool, names),
    async cleanup(admin?: Admin) {
      const { rows } = await pool.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`,
        [`${namespace}\\_%`],
      )
      for (const { nspname } of rows) await pool.query(`DROP SCHEMA ${ident(nspname)} CASCADE`)
      await pool.end()
      if (admin) {
        const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`))
        if (mine.length) await admin.deleteTopics({ topics: mine })
      }
    },
  }
}

export type TestNamespace = Awaited<ReturnType<typeof createTestNamespace>>
