import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aLead, type CaptureUnderTest, siteOrigin, startCapture } from './helpers.ts'

let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture({ limits: { perIpPerMinute: 3, perKeyPerMinute: 1000 } })
})
afterAll(() => c.close())

const preflight = (origin: string, query = '') =>
  c.app.inject({
    method: 'OPTIONS',
    url: `/v1/leads${query}`,
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  })

describe('CORS only for a form key’s origins', () => {
  it('answers a preflight from an allowed origin, with and without the key in the URL', async () => {
    for (const res of [await preflight(siteOrigin, `?key=${c.formToken}`), await preflight(siteOrigin)]) {
      expect(res.statusCode).toBe(204)
      expect(res.headers['access-control-allow-origin']).toBe(siteOrigin)
      expect(res.headers['access-control-allow-methods']).toBe('POST')
    }
  })

  it('refuses a preflight from an origin no key lists, or that the given key does not list', async () => {
    const other = await c.keys.create({
      name: 'other site',
      kind: 'public',
      origins: ['https://other.example'],
    })
    for (const res of [
      await preflight('https://evil.example'),
      await preflight(siteOrigin, `?key=${other.token}`),
    ]) {
      expect(res.statusCode).toBe(403)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    }
  })

  it('refuses a form key used from another origin even without CORS (a plain form post)', async () => {
    const res = await c.app.inject({
      method: 'POST',
      url: `/v1/leads?key=${c.formToken}`,
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=x%40evil.example',
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('CAPTURE_ORIGIN_REFUSED')
  })
})

describe('rate limits in Redis', () => {
  it('limits one address using a form key, with Retry-After; secret keys are limited per key instead', async () => {
    const send = () =>
      c.app.inject({
        method: 'POST',
        url: `/v1/leads?key=${c.formToken}`,
        remoteAddress: '198.51.100.7',
        headers: { origin: siteOrigin },
        payload: aLead('burst@initech.com'),
      })
    const answers = [await send(), await send(), await send(), await send()]
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 429])
    expect(answers[3]!.json().code).toBe('CAPTURE_RATE_LIMITED')
    expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThan(0)
    const server = await c.app.inject({
      method: 'POST',
      url: '/v1/leads',
      remoteAddress: '198.51.100.7',
      headers: c.auth,
      payload: aLead('server@initech.com'),
    })
    expect(server.statusCode).toBe(202)
  })

  it('limits a key to its own rate, counted across every replica through Redis', async () => {
    const slow = await c.keys.create({ name: 'slow partner', kind: 'secret', ratePerMinute: 2 })
    const replica = c.build()
    const sendTo = (app: CaptureUnderTest['app']) =>
      app.inject({
        method: 'POST',
        url: '/v1/leads',
        headers: { authorization: `Bearer ${slow.token}` },
        payload: aLead(),
      })
    expect((await sendTo(c.app)).statusCode).toBe(202)
    expect((await sendTo(replica)).statusCode).toBe(202)
    const third = await sendTo(c.app)
    expect(third.statusCode).toBe(429)
    expect(third.json().detail).toContain('API key')
    await replica.close()
  })
})

describe('keys', () => {
  it('stores only a hash of each token', async () => {
    const rows = await c.rows<{ token_hash: string; prefix: string }>(
      'SELECT token_hash, prefix FROM $schema.api_keys',
    )
    expect(rows.length).toBeGreaterThan(1)
    for (const r of rows) {
      expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect([c.formToken, c.secretToken]).not.toContain(r.token_hash)
    }
  })

  it('refuses a public key without origins or with more than the create scope', async () => {
    await expect(c.keys.create({ name: 'no origins', kind: 'public' })).rejects.toThrow(/at least one origin/)
    await expect(
      c.keys.create({ name: 'greedy', kind: 'public', origins: [siteOrigin], scopes: ['leads:read'] }),
    ).rejects.toThrow(/can only create leads/)
  })

  it('stops accepting a revoked key', async () => {
    const key = await c.keys.create({ name: 'temporary', kind: 'secret' })
    await c.keys.revoke(key.id)
    const res = await c.app.inject({
      method: 'POST',
      url: '/v1/leads',
      headers: { authorization: `Bearer ${key.token}` },
      payload: aLead(),
    })
    expect(res.statusCode).toBe(401)
  })
})

describe('a fresh install without any key', () => {
  it('accepts keyless leads (create only) until the first key exists, then asks for one', async () => {
    const fresh = await startCapture({ withKeys: false })
    try {
      const post = () => fresh.app.inject({ method: 'POST', url: '/v1/leads', payload: aLead() })
      const first = await post()
      expect(first.statusCode).toBe(202)
      const read = await fresh.app.inject({ method: 'GET', url: `/v1/leads/${first.json().leadId}` })
      expect(read.statusCode).toBe(401)
      await fresh.keys.create({ name: 'first key', kind: 'secret' })
      expect((await post()).statusCode).toBe(401)
    } finally {
      await fresh.close()
    }
  })

  it('asks for a key from the start when keyless intake is off', async () => {
    const strict = await startCapture({ withKeys: false, keyless: 'never' })
    try {
      expect(
        (await strict.app.inject({ method: 'POST', url: '/v1/leads', payload: aLead() })).statusCode,
      ).toBe(401)
    } finally {
      await strict.close()
    }
  })
})
