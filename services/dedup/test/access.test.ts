import { randomUUID } from 'node:crypto'
import { createMetrics } from '@leadwire/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDedupApp } from '../src/app.ts'
import { createReviewService } from '../src/review/review-service.ts'
import { count, createDedupNamespace, type DedupNamespace } from './support.ts'

// The review queue and the account import change who is who: each route refuses a request
// without the right bearer token, and every call while no token is configured at all.
const token = 'access-test-review-token-0123'
let d: DedupNamespace
let app: ReturnType<typeof buildDedupApp>
let unconfigured: ReturnType<typeof buildDedupApp>

function build(configured: string | undefined) {
  return buildDedupApp({
    log: d.ns.log,
    ops: { registry: createMetrics('dedup').registry, checks: {} },
    reviews: {
      reviews: createReviewService({ pool: d.ns.pool, schema: d.schema, names: d.ns.names }),
      token: configured,
    },
    accounts: { pool: d.ns.pool, schema: d.schema, token: configured },
  })
}

beforeAll(async () => {
  d = await createDedupNamespace('dac')
  app = build(token)
  unconfigured = build(undefined)
  await Promise.all([app.ready(), unconfigured.ready()])
})
afterAll(async () => {
  await Promise.all([app?.close(), unconfigured?.close()])
  await d.ns.cleanup()
})

type Method = 'GET' | 'POST'
const id = randomUUID()
const routes: [Method, string, object?][] = [
  ['GET', '/reviews'],
  ['GET', `/reviews/${id}`],
  ['POST', `/reviews/${id}/confirm`, { reviewer: 'mallory' }],
  ['POST', `/reviews/${id}/split`, { reviewer: 'mallory' }],
  [
    'POST',
    '/accounts',
    { crmId: 'sf-evil', name: 'Evil Corp', domains: ['evil.example'], ownerRepId: 'rep-x' },
  ],
]
const badCredentials: [string, Record<string, string>][] = [
  ['no token', {}],
  ['a wrong token', { authorization: 'Bearer wrong-token-0123456789' }],
  ['the token with a character more', { authorization: `Bearer ${token}x` }],
  ['the token under another scheme', { authorization: `Basic ${token}` }],
]

describe.each(routes)('%s %s', (method, url, payload) => {
  it.each(badCredentials)('refuses %s: 401', async (_name, headers) => {
    const res = await app.inject({ method, url, headers, ...(payload && { payload }) })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('DEDUP_UNAUTHORIZED')
  })

  it('refuses every call while no token is configured, whatever the caller sends', async () => {
    for (const authorization of [undefined, 'Bearer undefined', 'Bearer ', `Bearer ${token}`]) {
      const headers = authorization === undefined ? {} : { authorization }
      const res = await unconfigured.inject({ method, url, headers, ...(payload && { payload }) })
      expect(res.statusCode).toBe(401)
      expect(res.json()).toMatchObject({
        code: 'DEDUP_API_DISABLED',
        detail: expect.stringContaining('DEDUP_API_TOKEN'),
      })
    }
  })
})

describe('dedup api access', () => {
  it('imported nothing while refusing, keeps the probes open, and lets the right token through', async () => {
    expect(await count(d.ns, 'accounts')).toBe(0)
    for (const probe of ['/healthz', '/metrics']) {
      expect((await app.inject({ method: 'GET', url: probe })).statusCode).toBe(200)
      expect((await unconfigured.inject({ method: 'GET', url: probe })).statusCode).toBe(200)
    }
    const ok = await app.inject({
      method: 'GET',
      url: '/reviews',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(ok.statusCode).toBe(200)
  })
})
