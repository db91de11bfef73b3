import { loadConfig, runConsumerService } from '@leadwire/runtime'
import { z } from 'zod'
import { knownFieldNames } from './completeness.ts'
import { createEnrichmentSubscriptions } from './consumer.ts'

const config = loadConfig(process.env, {
  service: 'enrichment',
  defaultPort: 3001,
  extend: {
    ENRICHMENT_REQUIRED_FIELDS: z
      .string()
      .default('email,phone,companyDomain,title,seniority,employees,industry,country')
      .transform((s) => s.split(',').map((f) => f.trim()))
      .pipe(z.array(z.enum(knownFieldNames as [string, ...string[]])).min(1)),
  },
})

await runConsumerService(config, () => ({
  subscriptions: createEnrichmentSubscriptions({
    requiredFields: config.extra.ENRICHMENT_REQUIRED_FIELDS,
    clock: () => new Date(),
  }),
}))
