import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Scope, scopes } from '../src/auth/api-key.ts'
import { aLead, type CaptureUnderTest, siteOrigin, startCapture } from './helpers.ts'

// Every capture endpoint but the ops routes and /docs needs a key: one case per endpoint and
// per way a key can be wrong. The app's clock is moved past an expiry; nothing else changes.
let c: CaptureUnderTest
let now = new Date()
let leadId: string
const tokens = {} as Record<'expired' | 'revoked' | 'expiring', string> & Partial<Record<Scope, string>>
let expiresAt: Date

beforeAll(async () => {
  c = await startCapture({ clock: () => now })
  const lead = await c.app.inject({ method: 'POST', url: '/v1/leads', headers: c.auth, payload: aLead() })
  leadId = lead.json().leadId
  expiresAt = new Date(now.getTime() + 60_000)
  const expiring = await c.keys.create({ name: 'contractor', kind: 'secret', expiresAt })
  tokens.expiring = expiring.token
  const expired = await c.keys.create({ name: 'old contractor', kind: 'secret', expiresAt })
  await c.rows(`UPDATE $schema.api_keys SET expires_at = now() - interval '1 day' WHERE id = $1`, [
    expired.id,
  ])
  tokens.expired = expired.token
  const revoked = await c.keys.create({ name: 'leaked', kind: 'secret' })
  await c.keys.revoke(revoked.id)
  tokens.revoked = revoked.token
  // For each scope, a key holding every scope but that one.
  for (const scope of scopes) {
    const others = scopes.filter((s) => s !== scope)
    tokens[scope] = (await c.keys.create({ name: `all but ${scope}`, kind: 'secret', scopes: others })).token
  }
})
afterAll(() => c.close())

interface Endpoint {
  method: 'GET' | 'POST'
  url: () => string
  scope: Scope
  payload?: object
}
const endpoints: Record<string, Endpoint> = {
  'POST /v1/leads': { method: 'POST', url: () => '/v1/leads', scope: 'leads:create', payload: aLead() },
  'POST /v1/leads/batch': {
    method: 'POST',
    url: () => '/v1/leads/batch',
    scope: 'leads:batch',
    payload: { leads: [aLead()] },
  },
  'GET /v1/leads/:id': { method: 'GET', url: () => `/v1/leads/${leadId}`, scope: 'leads:read' },
  'POST /v1/leads/:id/activities': {
    method: 'POST',
    url: () => `/v1/leads/${leadId}/activities`,
    scope: 'feedback:write',
    payload: { activity: 'pricing_page' },
  },
  'POST /v1/leads/:id/touches': {
    method: 'POST',
    url: () => `/v1/leads/${leadId}/touches`,
    scope: 'feedback:write',
    payload: { repId: 'rep-1', channel: 'call' },
  },
  'POST /v1/leads/:id/handoff': {
    method: 'POST',
    url: () => `/v1/leads/${leadId}/handoff`,
    scope: 'feedback:write',
    payload: { repId: 'rep-1', decision: 'accepted' },
  },
  'POST /v1/leads/:id/outcomes': {
    method: 'POST',
    url: () => `/v1/leads/${leadId}/outcomes`,
    scope: 'feedback:write',
    payload: { outcome: 'opportunity' },
  },
}

const call = (e: Endpoint, headers: Record<string, string> = {}, query = '') =>
  c.app.inject({
    method: e.method,
    url: `${e.url()}${query}`,
    headers,
    ...(e.payload && { payload: e.payload }),
  })
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

function expectRefused(
  res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string; detail: string } },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(res.json().code).toBe(code)
  if (status === 401) expect(res.headers['www-authenticate']).toContain('Bearer')
  return res.json()
}

const table = Object.entries(endpoints)

describe.each(table)('%s', (_name, endpoint) => {
  it('refuses a missing key: 401', async () => {
    expectRefused(await call(endpoint), 401, 'CAPTURE_KEY_MISSING')
  })

  it('refuses a wrong key: 401', async () => {
    expectRefused(
      await call(endpoint, bearer('lwsk_not_a_real_key_0123456789abcd')),
      401,
      'CAPTURE_KEY_INVALID',
    )
    expectRefused(
      await call(endpoint, { authorization: `Basic ${c.secretToken}` }),
      401,
      'CAPTURE_KEY_MISSING',
    )
  })

  it('refuses a revoked key: 401', async () => {
    expectRefused(await call(endpoint, bearer(tokens.revoked)), 401, 'CAPTURE_KEY_INVALID')
  })

  it('refuses an expired key: 401 saying it expired, and when', async () => {
    const problem = expectRefused(await call(endpoint, bearer(tokens.expired)), 401, 'CAPTURE_KEY_EXPIRED')
    expect(problem.detail).toMatch(/expired at \d{4}-\d{2}-\d{2}T/)
  })

  it('refuses a key without its scope: 403 naming the scope', async () => {
    const problem = expectRefused(
      await call(endpoint, bearer(tokens[endpoint.scope]!)),
      403,
      'CAPTURE_SCOPE_MISSING',
    )
    expect(problem.detail).toContain(endpoint.scope)
  })

  it('refuses a secret key in the URL: 401, even a valid one', async () => {
    expectRefused(await call(endpoint, {}, `?key=${c.secretToken}`), 401, 'CAPTURE_SECRET_KEY_IN_URL')
  })

  it('lets the right key through', async () => {
    const res = await call(endpoint, c.auth)
    expect(res.statusCode, res.body).toBeLessThan(300)
  })
})

describe.each(table.filter(([, e]) => e.scope !== 'leads:create'))(
  '%s with a public form key',
  (_n, endpoint) => {
    it('is refused: 403, a form key only creates leads', async () => {
      for (const res of [
        await call(endpoint, { origin: siteOrigin }, `?key=${c.formToken}`),
        await call(endpoint, bearer(c.formToken)),
      ]) {
        expect(expectRefused(res, 403, 'CAPTURE_SCOPE_MISSING').detail).toContain('public form key')
      }
    })
  },
)

describe('key expiry', () => {
  it('a key works until its expiry, then is refused with the moment it expired', async () => {
    const post = () => call(endpoints['POST /v1/leads']!, bearer(tokens.expiring))
    expect((await post()).statusCode).toBe(202)
    const before = now
    now = new Date(expiresAt.getTime() + 1)
    try {
      const problem = expectRefused(await post(), 401, 'CAPTURE_KEY_EXPIRED')
      expect(problem.detail).toContain(expiresAt.toISOString())
    } finally {
      now = before
    }
  })

  it('an expired form key is refused, and its origin no longer answers a preflight', async () => {
    const origin = 'https://expired.example'
    const key = await c.keys.create({ name: 'old campaign', kind: 'public', origins: [origin] })
    await c.rows(`UPDATE $schema.api_keys SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      key.id,
    ])
    const post = await c.app.inject({
      method: 'POST',
      url: `/v1/leads?key=${key.token}`,
      headers: { origin },
      payload: aLead(),
    })
    expectRefused(post, 401, 'CAPTURE_KEY_EXPIRED')
    for (const query of ['', `?key=${key.token}`]) {
      const preflight = await c.app.inject({
        method: 'OPTIONS',
        url: `/v1/leads${query}`,
        headers: { origin, 'access-control-request-method': 'POST' },
      })
      expect(preflight.statusCode).toBe(403)
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    }
  })

  it('refuses to make a key that has already expired', async () => {
    await expect(
      c.keys.create({ name: 'past', kind: 'secret', expiresAt: new Date(Date.now() - 1000) }),
    ).rejects.toThrow(/expiry must be a valid moment in the future/)
  })
})
