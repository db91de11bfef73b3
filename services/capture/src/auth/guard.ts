import type { FastifyReply, FastifyRequest } from 'fastify'
import { captureErrors } from '../http/errors.ts'
import type { RateLimiter } from '../limits/redis-rate-limiter.ts'
import { type ApiKey, isExpired, kindOfToken, type Scope } from './api-key.ts'
import type { KeyStore } from './pg-key-store.ts'

export interface GuardOptions {
  keys: KeyStore
  limiter: RateLimiter
  limits: { perIpPerMinute: number; perKeyPerMinute: number }
  /**
   * `until-first-key`: a fresh install with no key at all accepts keyless leads (create only),
   * so the walking skeleton works before anyone made a key; `never` always asks for a key.
   */
  keyless: 'until-first-key' | 'never'
  /** Decides whether a key has expired. */
  clock: () => Date
}

/** Who made the request: a key, or `null` for a keyless lead accepted before any key existed. */
const callers = new WeakMap<FastifyRequest, ApiKey | null>()
export const callerOf = (req: FastifyRequest): ApiKey | null => callers.get(req) ?? null

/**
 * A preHandler per scope: finds the key (Authorization: Bearer, or ?key= for public keys),
 * applies the rate limits, then checks scope and origin. The per-IP limit applies to every
 * caller but secret keys, whose traffic comes from a few servers and is limited per key.
 */
export function createGuard(opts: GuardOptions) {
  async function limit(reply: FastifyReply, scope: 'ip' | 'key', id: string, max: number) {
    const d = await opts.limiter.take(scope, id, max)
    reply.header('ratelimit-limit', d.limit)
    reply.header('ratelimit-remaining', d.remaining)
    reply.header('ratelimit-reset', d.resetSeconds)
    if (!d.allowed) {
      reply.header('retry-after', d.resetSeconds)
      throw captureErrors.rateLimited(scope, d.resetSeconds)
    }
  }

  return (scope: Scope) => async (req: FastifyRequest, reply: FastifyReply) => {
    const token = tokenOf(req)
    const found = token ? await opts.keys.findByToken(token) : undefined
    // An expired key counts as no key for the limits: it is limited per address, like a guess.
    const key = found && !isExpired(found, opts.clock()) ? found : undefined
    if (key?.kind !== 'secret') await limit(reply, 'ip', req.ip, opts.limits.perIpPerMinute)
    if (key) await limit(reply, 'key', key.id, key.ratePerMinute ?? opts.limits.perKeyPerMinute)
    if (found?.expiresAt && !key) throw captureErrors.expiredKey(found.expiresAt)
    if (token && !key) throw captureErrors.unknownKey()
    if (!key) {
      if (scope !== 'leads:create' || opts.keyless !== 'until-first-key' || (await opts.keys.anyExist())) {
        throw captureErrors.missingKey()
      }
      callers.set(req, null)
      return
    }
    if (!key.scopes.includes(scope)) throw captureErrors.missingScope(scope, key.kind)
    const origin = req.headers.origin
    if (key.kind === 'public' && origin !== undefined && !key.origins.includes(origin)) {
      throw captureErrors.originRefused(origin)
    }
    callers.set(req, key)
  }
}

function tokenOf(req: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (bearer) return bearer
  const fromUrl = (req.query as Record<string, unknown> | undefined)?.key
  if (typeof fromUrl !== 'string' || fromUrl === '') return undefined
  if (kindOfToken(fromUrl) === 'secret') throw captureErrors.secretKeyInUrl()
  return fromUrl
}

export type Guard = ReturnType<typeof createGuard>
