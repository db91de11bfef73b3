import { timingSafeEqual } from 'node:crypto'
import { LeadwireError } from '@leadwire/runtime'
import type { FastifyInstance } from 'fastify'

/**
 * The review and account routes change who is who, so they sit behind a bearer token, and
 * answer errors as `{ code, detail }` without 5xx internals. Without DEDUP_API_TOKEN they
 * refuse every call: an open merge editor is worse than none (routing's admin API does the same).
 */
export function guardApi(app: FastifyInstance, token: string | undefined): void {
  app.addHook('onRequest', async (req) => {
    if (!token) {
      throw new LeadwireError('DEDUP_API_DISABLED', 'the review API is off until DEDUP_API_TOKEN is set', {
        statusCode: 401,
      })
    }
    if (!sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
      throw new LeadwireError('DEDUP_UNAUTHORIZED', 'a valid bearer token is required', { statusCode: 401 })
    }
  })
  app.setErrorHandler((err, req, reply) => {
    const e = err as { code?: string; statusCode?: number; message: string; validation?: unknown }
    const status = e.validation ? 400 : (e.statusCode ?? 500)
    if (status >= 500) req.log.error({ err }, 'dedup api request failed')
    const code = e.validation ? 'DEDUP_BAD_REQUEST' : (e.code ?? 'DEDUP_ERROR')
    return reply.code(status).send({ code, detail: status >= 500 ? 'internal error' : e.message })
  })
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
