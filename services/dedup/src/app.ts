import { type Logger, type OpsRoutesOptions, opsRoutes } from '@leadwire/runtime'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { type AccountRoutesOptions, accountRoutes } from './accounts/account-routes.ts'
import { type ReviewRoutesOptions, reviewRoutes } from './review/review-routes.ts'

export interface DedupAppDeps {
  log: Logger
  ops: OpsRoutesOptions
  reviews: ReviewRoutesOptions
  accounts: AccountRoutesOptions
}

/**
 * dedup's HTTP surface on its ops port: health, readiness and metrics like every consumer,
 * plus the review queue and the CRM account import. No I/O until the caller listens.
 */
export function buildDedupApp(deps: DedupAppDeps) {
  // Probes hit the ops routes every few seconds: log only what goes wrong.
  const app = Fastify({ loggerInstance: deps.log.child({ component: 'ops-http' }, { level: 'warn' }) })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.register(opsRoutes, deps.ops)
  app.register(reviewRoutes, deps.reviews)
  app.register(accountRoutes, deps.accounts)
  return app
}
