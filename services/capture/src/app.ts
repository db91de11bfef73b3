import cors from '@fastify/cors'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { type Logger, type Names, type OpsRoutesOptions, opsRoutes } from '@leadwire/runtime'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { corsOptions } from './auth/cors-policy.ts'
import { createGuard, type GuardOptions } from './auth/guard.ts'
import type { KeyStore } from './auth/pg-key-store.ts'
import { feedbackRoutes } from './feedback/feedback-routes.ts'
import type { FeedbackStore } from './feedback/pg-feedback-store.ts'
import { useStrictJson } from './http/body-parsers.ts'
import { openapiOptions } from './http/openapi.ts'
import { problemHandler, sendProblem } from './http/problem.ts'
import { requestLogger } from './http/request-log.ts'
import type { RouteContext } from './http/route-context.ts'
import { batchRoute } from './leads/batch-route.ts'
import { leadRoutes } from './leads/lead-routes.ts'
import type { LeadStore } from './leads/pg-lead-store.ts'
import { readRoute } from './leads/read-route.ts'
import type { RateLimiter } from './limits/redis-rate-limiter.ts'

export interface CaptureDeps {
  leads: LeadStore
  feedback: FeedbackStore
  keys: KeyStore
  limiter: RateLimiter
  names: Names
  log: Logger
  ops: OpsRoutesOptions
  limits?: GuardOptions['limits']
  keyless?: GuardOptions['keyless']
  /** Trust X-Forwarded-For from a proxy in front (the per-IP limit needs the real client). */
  trustProxy?: boolean
  clock?: () => Date
}

/** Body limit of a single lead or report; a batch has its own. */
export const bodyLimit = 64 * 1024

/** The capture HTTP API; no I/O happens until the returned app is started. */
export function buildApp(deps: CaptureDeps) {
  const app = Fastify({
    loggerInstance: requestLogger(deps.log),
    bodyLimit,
    trustProxy: deps.trustProxy ?? false,
    // A broken %-escape or an overlong path segment is refused before routing; without this
    // fastify answers those in its own JSON shape instead of problem+json.
    frameworkErrors: (err, req, reply) => problemHandler(err, req, reply),
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(problemHandler)
  app.setNotFoundHandler((req, reply) => {
    // @fastify/cors passes a preflight it refused on to here.
    if (req.method === 'OPTIONS' && req.headers.origin) {
      const detail = `${req.headers.origin} is not an origin of any active form key; add it to the key that site uses`
      return sendProblem(reply, req, 403, 'CAPTURE_ORIGIN_REFUSED', detail)
    }
    return sendProblem(
      reply,
      req,
      404,
      'CAPTURE_NOT_FOUND',
      `No route ${req.method} ${req.url.split('?')[0]}; see /docs`,
    )
  })
  useStrictJson(app)
  app.register(swagger, openapiOptions)
  app.register(swaggerUi, { routePrefix: '/docs' })
  app.register(opsRoutes, deps.ops)

  const clock = deps.clock ?? (() => new Date())
  const ctx: RouteContext = {
    leads: deps.leads,
    feedback: deps.feedback,
    names: deps.names,
    clock,
    guard: createGuard({
      keys: deps.keys,
      limiter: deps.limiter,
      limits: deps.limits ?? { perIpPerMinute: 60, perKeyPerMinute: 1200 },
      keyless: deps.keyless ?? 'until-first-key',
      clock,
    }),
  }
  app.register(
    async (api) => {
      await api.register(cors, corsOptions(deps.keys, clock))
      await api.register(leadRoutes, ctx)
      await api.register(batchRoute, ctx)
      await api.register(readRoute, ctx)
      await api.register(feedbackRoutes, ctx)
    },
    { prefix: '/v1' },
  )
  return app
}
