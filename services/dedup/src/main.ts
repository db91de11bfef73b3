import { checks, runConsumerService, waitForDependencies } from '@leadwire/runtime'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { accountRoutes } from './accounts/account-routes.ts'
import { loadDedupConfig } from './config.ts'
import { createDedupSubscriptions } from './consumer.ts'
import { createModelHolder } from './model-holder.ts'
import { reviewRoutes } from './review/review-routes.ts'
import { createReviewService } from './review/review-service.ts'

const config = loadDedupConfig(process.env)

await runConsumerService(config, async ({ pool, schema, names, log }) => {
  const model = createModelHolder({ pool, schema, log: log.child({ component: 'model' }) })
  // The learned match parameters must be loaded before the first lead is compared.
  await waitForDependencies(log, { postgres: checks.postgres(pool) })
  await model.refresh()
  return {
    subscriptions: createDedupSubscriptions({ schema, params: model.current, thresholds: config.thresholds }),
    background: model,
    // The review queue and the CRM account import, beside /healthz, /readyz and /metrics.
    routes: async (app) => {
      app.setValidatorCompiler(validatorCompiler)
      app.setSerializerCompiler(serializerCompiler)
      await app.register(reviewRoutes, {
        reviews: createReviewService({ pool, schema, names }),
        token: config.apiToken,
      })
      await app.register(accountRoutes, { pool, schema, token: config.apiToken })
    },
  }
})
