// Applies every service's migrations: `npm run migrate` (LEADWIRE_NAMESPACE picks the copy).
import { createLogger, createNames, createPool, loadConfig } from '@leadwire/runtime'
import { migrateAll } from './services.ts'

const config = loadConfig(process.env, { service: 'migrate', defaultPort: 0 })
const log = createLogger({ service: 'migrate', level: config.log.level })
const pool = createPool(config, log)
try {
  const applied = await migrateAll(pool, createNames(config.namespace))
  for (const [service, files] of Object.entries(applied)) {
    log.info({ target: service, applied: files }, files.length ? 'migrations applied' : 'schema up to date')
  }
} finally {
  await pool.end()
}
