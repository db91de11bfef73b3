import type { FastifyCorsOptions } from '@fastify/cors'
import type { FastifyRequest } from 'fastify'
import { isExpired } from './api-key.ts'
import type { KeyStore } from './pg-key-store.ts'

/**
 * CORS answers only for origins a public form key names. With `?key=` in the URL the key's
 * own origins decide; otherwise (a preflight carries no Authorization header) the origin must
 * belong to some active public key, and the guard checks the actual request's key later.
 */
export function corsOptions(keys: KeyStore, clock: () => Date): FastifyCorsOptions {
  async function allowedOrigin(req: FastifyRequest): Promise<string | false> {
    const origin = req.headers.origin
    if (!origin) return false
    const fromUrl = (req.query as Record<string, unknown> | undefined)?.key
    if (typeof fromUrl === 'string' && fromUrl) {
      const key = await keys.findByToken(fromUrl)
      const usable = key?.kind === 'public' && !isExpired(key, clock())
      return usable && key.origins.includes(origin) ? origin : false
    }
    return (await keys.isKnownOrigin(origin)) ? origin : false
  }

  return {
    delegator: async (req: FastifyRequest) => ({
      origin: await allowedOrigin(req),
      methods: ['POST'],
      allowedHeaders: ['content-type', 'authorization', 'idempotency-key', 'traceparent'],
      exposedHeaders: [
        'location',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
      ],
      maxAge: 600,
    }),
  }
}
