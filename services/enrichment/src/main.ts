import { runConsumerService } from '@leadwire/runtime'
import { loadEnrichmentConfig } from './config.ts'
import { createEnrichmentService } from './service.ts'

const { config, settings } = loadEnrichmentConfig(process.env)

await runConsumerService(config, ({ pool, redis, names, schema, log }) =>
  createEnrichmentService({ settings, pool, redis, names, schema, log, clock: () => new Date() }),
)
