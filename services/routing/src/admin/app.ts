import { timingSafeEqual } from 'node:crypto'
import type { Playbook } from '@leadwire/playbook'
import type { Logger } from '@leadwire/runtime'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import type pg from 'pg'
import { DirectoryError } from '../directory.ts'
import type { DirectoryStore } from '../pg-directory-store.ts'
import { directoryRoutes } from './directory-routes.ts'
import { problem } from './problem.ts'
import { readRoutes } from './read-routes.ts'

export interface AdminDeps {
  token: string
  pool: pg.Pool
  schema: string
  playbook: Playbook
  directory: DirectoryStore
  log: Logger
}

/**
 * Routing's admin API: the rep directory (read, upsert, delete, replace), the decision log by
 * lead and the pools' fairness. Every route needs `Authorization: Bearer <token>`; every
 * error is application/problem+json and 5xx never carry internals.
 */
export function buildAdminApp(deps: AdminDeps) {
  const app = Fastify({ loggerInstance: deps.log.child({ component: 'admin-http' }) })
  const expected = Buffer.from(deps.token)
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '')
    // Constant-time compare: the token must not leak through response timing.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return problem(reply, 401, 'unauthorized', 'a valid bearer token is required')
    }
  })
  app.setNotFoundHandler((req, reply) =>
    problem(reply, 404, 'not-found', `no route ${req.method} ${req.url}`),
  )
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (err instanceof DirectoryError) {
      return problem(reply, 422, 'directory-invalid', 'the directory would be invalid', err.issues)
    }
    const status = err.statusCode ?? 500
    if (status >= 500) {
      deps.log.error({ err }, 'admin request failed')
      return problem(reply, 500, 'internal', 'the request could not be completed')
    }
    return problem(reply, status, (err.code ?? 'bad-request').toLowerCase(), err.message)
  })
  app.register(directoryRoutes, deps)
  app.register(readRoutes, deps)
  return app
}
