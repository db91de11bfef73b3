import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statsApi } from '../src/stats-api.ts'
import { service } from './support.ts'

// GET /v1/sla/stats behind SLA_STATS_TOKEN: refused without the right bearer token (and
// entirely while no token is configured), while the probes beside it on the ops port stay open.
const token = 'access-test-stats-token-0123'
let ns: TestNamespace
let api: ReturnType<typeof Fastify>

beforeAll(async () => {
  ns = await createTestNamespace('sla')
  await ns.migrate()
  api = Fastify()
  api.get('/healthz', async () => ({ status: 'ok' }))
  await api.register(statsApi, {
    pool: ns.pool,
    schema: ns.names.schema(service),
    timezone: 'America/New_York',
    clock: () => new Date(),
    token,
  })
})
afterAll(async () => {
  await api?.close()
  await ns?.cleanup()
})

const stats = (headers: Record<string, string>, query = 'by=rep') =>
  api.inject({ method: 'GET', url: `/v1/sla/stats?${query}`, headers })

describe('SLA stats access', () => {
  it.each([
    ['no token', {}, ''],
    ['a wrong token', { authorization: 'Bearer wrong-token-0123456789' }, ''],
    ['the token with a character more', { authorization: `Bearer ${token}x` }, ''],
    ['the token under another scheme', { authorization: `Basic ${token}` }, ''],
    ['the token in the query', {}, `&token=${token}`],
  ])('refuses %s: 401 problem+json', async (_name, headers: Record<string, string>, extra) => {
    const res = await stats(headers, `by=rep${extra}`)
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 401, type: 'https://leadwire.dev/problems/unauthorized' })
  })

  it('refuses every call when no token is configured', async () => {
    const open = Fastify()
    await open.register(statsApi, {
      pool: ns.pool,
      schema: ns.names.schema(service),
      timezone: 'America/New_York',
      clock: () => new Date(),
      token: undefined,
    })
    const res = await open.inject({ method: 'GET', url: '/v1/sla/stats?by=rep' })
    await open.close()
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ detail: expect.stringContaining('SLA_STATS_TOKEN') })
  })

  it('answers the right token, and leaves the probes open', async () => {
    const res = await stats({ authorization: `Bearer ${token}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ by: 'rep', groups: [] })
    expect((await api.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })
})
