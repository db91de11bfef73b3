import type { Names } from '@leadwire/runtime'
import type { Redis } from 'ioredis'
import type { Answer, CompanyRecord } from './types.ts'

export interface CacheSettings {
  /** How long a found company is kept; firmographics change slowly and vendors bill per call. */
  readonly ttlSeconds: number
  /** How long "unknown" is kept: shorter, since vendors add companies and a retry may find it. */
  readonly negativeTtlSeconds: number
}

export interface AnswerCache {
  get(provider: string, domain: string): Promise<Answer | undefined>
  set(provider: string, domain: string, answer: Answer): Promise<void>
}

type Stored = { found: true; record: CompanyRecord; asOf: string } | { found: false }

/**
 * Provider answers in Redis, shared by every replica, keyed per provider and domain under the
 * namespace. Errors are never cached: the next lead asks again. The stored `asOf` is when the
 * provider answered, so provenance keeps that time rather than the cache read's.
 */
export function createRedisAnswerCache(redis: Redis, names: Names, settings: CacheSettings): AnswerCache {
  const key = (provider: string, domain: string) =>
    names.redisKey('enrichment', 'firmographics', provider, domain)
  return {
    async get(provider, domain) {
      const raw = await redis.get(key(provider, domain))
      if (raw === null) return undefined
      const stored = JSON.parse(raw) as Stored
      return stored.found
        ? { found: true, record: stored.record, asOf: new Date(stored.asOf) }
        : { found: false }
    },
    async set(provider, domain, answer) {
      const stored: Stored = answer.found
        ? { found: true, record: answer.record, asOf: answer.asOf.toISOString() }
        : { found: false }
      const ttl = answer.found ? settings.ttlSeconds : settings.negativeTtlSeconds
      await redis.set(key(provider, domain), JSON.stringify(stored), 'EX', ttl)
    },
  }
}
