import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AdminFixture, adminFixture, type RoutingFixture } from './support.ts'

// Every route of routing's admin API refuses a request without the right bearer token, before
// it reads or changes anything. (Without ROUTING_ADMIN_TOKEN, main.ts does not start it at all.)
const token = 'access-test-admin-token-0123456789'
let fx: RoutingFixture
let app: AdminFixture['app']
let close: () => Promise<void>
beforeAll(async () => {
  ;({ fx, app, close } = await adminFixture(token))
})
afterAll(() => close())

type Method = 'GET' | 'PUT' | 'DELETE'
const routes: [Method, string, object?][] = [
  ['GET', '/v1/directory'],
  ['PUT', '/v1/directory', { teams: [], reps: [] }],
  ['PUT', '/v1/directory/reps/rep-ava-chen', { name: 'Mallory' }],
  ['DELETE', '/v1/directory/reps/rep-ava-chen'],
  ['PUT', '/v1/directory/teams/enterprise-ae', { name: 'Mallory' }],
  ['DELETE', '/v1/directory/teams/enterprise-ae'],
  ['GET', `/v1/leads/${randomUUID()}/decisions`],
  ['GET', '/v1/fairness'],
  ['GET', '/v1/no-such-route'],
]
const badCredentials: [string, Record<string, string>][] = [
  ['no token', {}],
  ['a wrong token', { authorization: 'Bearer wrong-token-0123456789abcdef00' }],
  ['the token with a character more', { authorization: `Bearer ${token}x` }],
  ['the token cut short', { authorization: `Bearer ${token.slice(0, -1)}` }],
  ['the token under another scheme', { authorization: `Basic ${token}` }],
  ['the token in the query', {}],
]

const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
  app.inject({ method, url, headers, ...(payload && { payload }) })

describe.each(routes)('%s %s', (method, url, payload) => {
  it.each(badCredentials)('refuses %s: 401 problem+json', async (name, headers) => {
    const target = name === 'the token in the query' ? `${url}?token=${token}` : url
    const res = await call(method, target, headers, payload)
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 401, type: 'https://leadwire.dev/problems/unauthorized' })
  })
})

describe('routing admin access', () => {
  it('changed nothing while refusing, and lets the right token through', async () => {
    const res = await call('GET', '/v1/directory', { authorization: `Bearer ${token}` })
    expect(res.statusCode).toBe(200)
    const directory = res.json() as { reps: { id: string }[]; teams: { id: string }[] }
    expect(directory.reps.map((r) => r.id)).toContain('rep-ava-chen')
    expect(directory.teams.map((t) => t.id)).toContain('enterprise-ae')
    expect(directory.reps).toHaveLength(fx.directory.reps.length)
  })
})
