import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWaterfall, type ProviderEntry } from '../src/firmographics/waterfall.ts'
import { clearbitBody, downUrl, type FakeProvider, startFakeProvider } from './fake-provider.ts'
import { cacheSettings, type EnrichmentFixture, enrichmentFixture } from './support.ts'

// The waterfall against a real HTTP server on loopback (answering, missing, erroring, slow
// or gone), the real Redis for cache and budget, and the real Postgres store.
let fx: EnrichmentFixture
let vendor: FakeProvider
const known: Record<string, string> = { 'initech.com': 'Initech', 'globex.com': 'Globex' }

beforeAll(async () => {
  fx = await enrichmentFixture()
  vendor = await startFakeProvider((d) => (known[d] ? { company: clearbitBody(known[d]) } : { status: 404 }))
  await fx.loadCsv('domain,name,industry,employee_band,country\nhooli.com,Hooli,Software,5001-10000,US\n')
})
afterAll(async () => {
  await vendor?.close()
  await fx?.cleanup()
})

const waterfall = (entries: ProviderEntry[], deadlineMs = 5000) =>
  createWaterfall({ entries, deadlineMs, log: fx.ns.log })
const all = () => true
const cacheKey = (provider: string, domain: string) =>
  fx.ns.names.redisKey('enrichment', 'firmographics', provider, domain)

describe('firmographics waterfall', () => {
  it('asks in the configured order and stops once the lead needs nothing more', async () => {
    const w = waterfall([fx.local(), fx.remote('clearbit', vendor.url)])
    const result = await w.run('hooli.com', all)
    expect(result.statuses).toEqual([
      { name: 'local', status: 'hit' },
      { name: 'clearbit', status: 'skipped', detail: 'not needed' },
    ])
    expect(result.hits[0]?.record).toMatchObject({ name: 'Hooli', employeeBand: '5001-10000' })
    expect(vendor.requestsFor('hooli.com')).toBe(0)
  })

  it('falls through a local miss to the vendor, sends the key, and caches the answer with the TTL', async () => {
    const w = waterfall([fx.local(), fx.remote('clearbit', vendor.url)])
    const first = await w.run('initech.com', all)
    expect(first.statuses).toEqual([
      { name: 'local', status: 'miss' },
      { name: 'clearbit', status: 'hit' },
    ])
    expect(first.hits[0]).toMatchObject({ provider: 'clearbit', record: { name: 'Initech', country: 'US' } })
    expect(vendor.requests.at(-1)?.authorization).toBe('Bearer key-clearbit')
    const ttl = await fx.redis.ttl(cacheKey('clearbit', 'initech.com'))
    expect(ttl).toBeGreaterThan(cacheSettings.negativeTtlSeconds)
    expect(ttl).toBeLessThanOrEqual(cacheSettings.ttlSeconds)

    const again = await w.run('initech.com', all)
    expect(again.statuses[1]).toEqual({ name: 'clearbit', status: 'hit', detail: 'cached' })
    expect(again.hits[0]?.asOf).toEqual(first.hits[0]?.asOf)
    expect(vendor.requestsFor('initech.com')).toBe(1)
  })

  it('caches an unknown company for the shorter negative TTL', async () => {
    const w = waterfall([fx.remote('clearbit', vendor.url)])
    expect((await w.run('unknown-co.com', all)).statuses).toEqual([{ name: 'clearbit', status: 'miss' }])
    const ttl = await fx.redis.ttl(cacheKey('clearbit', 'unknown-co.com'))
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(cacheSettings.negativeTtlSeconds)
    expect((await w.run('unknown-co.com', all)).statuses[0]?.detail).toBe('cached')
    expect(vendor.requestsFor('unknown-co.com')).toBe(1)
  })

  it('retries a failing vendor a bounded number of times, then goes on without caching', async () => {
    const failing = await startFakeProvider(() => ({ status: 503 }))
    try {
      const w = waterfall([
        fx.remote('flaky', failing.url, { retries: 2 }),
        fx.remote('clearbit', vendor.url),
      ])
      const result = await w.run('globex.com', all)
      expect(result.statuses).toEqual([
        { name: 'flaky', status: 'error', detail: 'http 503' },
        { name: 'clearbit', status: 'hit' },
      ])
      expect(failing.requestsFor('globex.com')).toBe(3)
      expect(await fx.redis.exists(cacheKey('flaky', 'globex.com'))).toBe(0)
    } finally {
      await failing.close()
    }
  })

  it('gives up on a slow vendor at its timeout and on a vendor that is down', async () => {
    const slow = await startFakeProvider(() => 'slow')
    try {
      const w = waterfall([
        fx.remote('slow', slow.url, { timeoutMs: 100, retries: 1 }),
        fx.remote('gone', await downUrl()),
      ])
      expect((await w.run('slowpoke.com', all)).statuses).toEqual([
        { name: 'slow', status: 'error', detail: 'timeout' },
        { name: 'gone', status: 'error', detail: 'unreachable' },
      ])
      expect(slow.requestsFor('slowpoke.com')).toBe(2)
    } finally {
      await slow.close()
    }
  })

  it('skips the rest once the deadline for the whole lookup has passed', async () => {
    const slow = await startFakeProvider(() => 'slow')
    try {
      const w = waterfall(
        [fx.remote('slow', slow.url, { timeoutMs: 10_000 }), fx.remote('clearbit', vendor.url)],
        150,
      )
      expect((await w.run('deadline.com', all)).statuses).toEqual([
        { name: 'slow', status: 'skipped', detail: 'deadline' },
        { name: 'clearbit', status: 'skipped', detail: 'deadline' },
      ])
    } finally {
      await slow.close()
    }
  })

  it('reports every provider as skipped when the lead has no company domain', async () => {
    const result = await waterfall([fx.local(), fx.remote('clearbit', vendor.url)]).run(undefined, all)
    expect(result.statuses.map((s) => s.detail)).toEqual(['no company domain', 'no company domain'])
  })
})
