// Loads a firmographics CSV into the local store (all rows or none):
//   node services/enrichment/src/load-firmographics.ts [file.csv]
// The file defaults to ENRICHMENT_FIRMOGRAPHICS_CSV, else the sample in seed/. It applies the
// service's migrations first, so it works on a fresh database; LEADWIRE_NAMESPACE picks the copy.
import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createLogger, createNames, createPool, migrate, runtimeMigrationsDir } from '@leadwire/runtime'
import { loadEnrichmentConfig, sampleCsv } from './config.ts'
import { loadCompaniesCsv } from './firmographics/load.ts'

const { config, settings } = loadEnrichmentConfig(process.env)
const log = createLogger({ service: 'enrichment-load', level: config.log.level })
const file = process.argv[2] ?? settings.firmographicsCsv ?? sampleCsv
const schema = createNames(config.namespace).schema('enrichment')
const pool = createPool(config, log)
try {
  await migrate(pool, schema, [
    { label: 'runtime', dir: runtimeMigrationsDir },
    { label: 'enrichment', dir: fileURLToPath(new URL('../migrations', import.meta.url)) },
  ])
  const result = await loadCompaniesCsv(pool, schema, createReadStream(file), { loadedFrom: file })
  if (result.rejected.length > 0) {
    for (const r of result.rejected)
      log.error({ file, line: r.line, reason: r.error }, 'firmographics CSV row rejected')
    log.error({ file }, 'firmographics CSV rejected; the store is unchanged')
    process.exitCode = 1
  } else {
    log.info({ file, schema, written: result.written }, 'firmographics CSV loaded')
  }
} finally {
  await pool.end()
}
