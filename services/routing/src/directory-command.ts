import { loadPlaybook, type Playbook } from '@leadwire/playbook'
import { createLogger, createNames, createPool, loadConfig } from '@leadwire/runtime'
import type pg from 'pg'
import { z } from 'zod'
import { loadDirectory } from './directory.ts'
import { createPgDirectoryStore } from './pg-directory-store.ts'

/**
 * Replaces the stored directory with a YAML or JSON file, validated as a whole (references,
 * on-call members, playbook coverage) before anything is written. Returns the counts.
 */
export async function loadDirectoryFile(pool: pg.Pool, schema: string, playbook: Playbook, path: string) {
  const file = await loadDirectory(path)
  const stored = await createPgDirectoryStore(schema).update(pool, playbook, () => file)
  return { teams: stored.teams.length, reps: stored.reps.length }
}

// `pnpm --filter @leadwire/routing directory:load <file>`: the same config as the service.
if (import.meta.main) {
  const config = loadConfig(process.env, {
    service: 'routing',
    defaultPort: 0,
    extend: {
      PLAYBOOK_PATH: z
        .string()
        .min(1)
        .default(new URL('../../../infra/seed/playbook.yaml', import.meta.url).pathname),
    },
  })
  const path = process.argv[2]
  if (!path) {
    console.error('usage: directory-command.ts <directory.yaml>')
    process.exit(2)
  }
  const log = createLogger({ service: 'routing', level: config.log.level })
  const pool = createPool(config, log)
  try {
    const schema = createNames(config.namespace).schema('routing')
    const counts = await loadDirectoryFile(pool, schema, await loadPlaybook(config.extra.PLAYBOOK_PATH), path)
    log.info(counts, 'directory replaced from file')
  } finally {
    await pool.end()
  }
}
