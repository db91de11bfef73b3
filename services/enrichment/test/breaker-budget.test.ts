import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisBudget } from '../src/firmographics/budget.ts'
import { createRedisAnswerCache } from '../src/firmographics/cache.ts'
import { createHttpProvider } from '../src/firmographics/http-provider.ts'
import { createWaterfall } from '../src/firmographics/waterfall.ts'
import { clearbitBody, type FakeProvider, startFakeProvider } from './fake-provider.ts'
import { cacheSettings, type EnrichmentFixture, enrichmentFixture } from './support.ts'

let fx: EnrichmentFixture
let vendor: FakeProvider
let healthy = false

beforeAll(async () => {
  fx = await enrichmentFixture('eb')
  vendor = await startFakeProvider(() => (healthy ? { company: clearbitBody('Acme') } : { status: 500 }))
})
afterAll(async () => {
  await vendor?.close()
  await fx?.cleanup()
})

const all = () => true
let n = 0
const freshDomain = () => `company-${++n}.com`

describe('circuit breaker against a failing vendor', () => {
  it('opens after repeated failures, stops calling, and closes after a good trial call', async () => {
    healthy = false
    const w = createWaterfall({
      entries: [fx.remote('brk', vendor.url, { failures: 3 })],
      deadlineMs: 5000,
      log: fx.ns.log,
    })
    for (let i = 0; i < 3; i++) expect((await w.run(freshDomain(), all)).statuses[0]?.status).toBe('error')
    const before = vendor.requests.length
    expect((await w.run(freshDomain(), all)).statuses[0]).toEqual({
      name: 'brk',
      status: 'skipped',
      detail: 'circuit open',
    })
    expect(vendor.requests.length).toBe(before)

    healthy = true
    fx.advance(30_000)
    expect((await w.run(freshDomain(), all)).statuses[0]).toEqual({ name: 'brk', status: 'hit' })
    expect((await w.run(freshDomain(), all)).statuses[0]).toEqual({ name: 'brk', status: 'hit' })
    expect(vendor.requests.length).toBe(before + 2)
  })
})

describe('per-minute budget in Redis', () => {
  it('is shared by replicas, and a new minute brings a new allowance', async () => {
    healthy = true
    // Two replicas: each its own provider, breaker and waterfall, one budget in Redis.
    const replicas = [1, 2].map(() =>
      createWaterfall({
        entries: [fx.remote('budgeted', vendor.url, { perMinute: 3 })],
        deadlineMs: 5000,
        log: fx.ns.log,
      }),
    )
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await replicas[i % 2]!.run(freshDomain(), all)).statuses[0])
    expect(statuses.map((s) => s?.status)).toEqual(['hit', 'hit', 'hit', 'skipped', 'skipped'])
    expect(statuses[3]?.detail).toBe('budget exhausted')
    fx.advance(60_000)
    expect((await replicas[0]!.run(freshDomain(), all)).statuses[0]?.status).toBe('hit')
  })
})

describe('Redis unreachable', () => {
  it('passes over a budgeted vendor instead of holding the lead', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    })
    dead.on('error', () => {})
    try {
      const budget = createRedisBudget(dead, fx.ns.names, { provider: 'x', perMinute: 10, clock: fx.clock })
      const cache = createRedisAnswerCache(dead, fx.ns.names, cacheSettings)
      const provider = createHttpProvider(
        { name: 'x', url: vendor.url, apiKey: 'k', timeoutMs: 1000, retries: 0, retryBaseMs: 5 },
        { budget, clock: fx.clock },
      )
      const w = createWaterfall({
        entries: [fx.local(), { provider, cache }],
        deadlineMs: 5000,
        log: fx.ns.log,
      })
      expect((await w.run(freshDomain(), all)).statuses).toEqual([
        { name: 'local', status: 'miss' },
        { name: 'x', status: 'skipped', detail: 'budget unavailable' },
      ])
    } finally {
      dead.disconnect()
    }
  })
})
