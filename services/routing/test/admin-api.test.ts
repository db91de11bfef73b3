import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { leadScoredV1 } from '@leadwire/contracts'
import { deliver } from '@leadwire/stack/testing'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDirectoryFile } from '../src/directory-command.ts'
import { registerFairnessMetrics } from '../src/fairness-metrics.ts'
import { scoredLead } from './builders.ts'
import { type AdminFixture, adminFixture, type RoutingFixture, subscriptionsFor } from './support.ts'

const token = 'test-admin-token-0123456789abcdef'
let fx: RoutingFixture
let app: AdminFixture['app']
let close: () => Promise<void>
beforeAll(async () => {
  ;({ fx, app, close } = await adminFixture(token))
})
afterAll(() => close())

const auth = { authorization: `Bearer ${token}` }
const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object, headers: object = auth) =>
  app.inject({ method, url, headers: { ...headers }, ...(payload ? { payload } : {}) })
const newRep = {
  name: 'Nia Brooks',
  email: 'nia.brooks@leadwire.example',
  team: 'mid-market-sdr',
  timezone: 'America/Chicago',
  capacity: { maxOpen: 30, maxPerDay: 8 },
  territories: { countries: ['us'], states: ['TX'] },
  skills: { languages: ['English', 'Spanish'] },
  workingHours: { weekly: { mon: ['08:00-16:00'] } },
}

describe('routing admin api', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
  ])('refuses a request with %s as problem+json', async (_name, headers) => {
    const res = await call('GET', '/v1/directory', undefined, headers)
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 401, type: 'https://leadwire.dev/problems/unauthorized' })
  })

  it('adds a rep with territories, skills and hours, and lists it', async () => {
    const res = await call('PUT', '/v1/directory/reps/rep-nia-brooks', newRep)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: 'rep-nia-brooks', weight: 1, territories: { countries: ['US'] } })
    const listed = (await call('GET', '/v1/directory')).json()
    expect(listed.reps.map((r: { id: string }) => r.id)).toContain('rep-nia-brooks')
  })

  it('lists every field error of a bad rep at once', async () => {
    const bad = { ...newRep, email: 'nia at work', timezone: 'Mars/Olympus', capacity: { maxOpen: 0 } }
    const res = await call('PUT', '/v1/directory/reps/rep-bad', bad)
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'email',
      'timezone',
      'capacity.maxOpen',
    ])
  })

  it('refuses a change that breaks the directory: an unknown team, a removed on-call rep', async () => {
    const orphan = await call('PUT', '/v1/directory/reps/rep-x', { ...newRep, team: 'no-such-team' })
    expect(orphan.statusCode).toBe(422)
    expect(orphan.json().errors).toContainEqual(
      expect.objectContaining({ message: "no team 'no-such-team' in teams" }),
    )
    const onCall = await call('DELETE', '/v1/directory/reps/rep-ava-chen')
    expect(onCall.statusCode).toBe(422)
    expect(onCall.json().errors[0].message).toMatch(/'rep-ava-chen' is not a rep of team enterprise-ae/)
    const coverage = await call('DELETE', '/v1/directory/teams/outbound')
    expect(coverage.statusCode).toBe(422)
  })

  it('answers 404 for an unknown rep and 400 for a bad lead id', async () => {
    expect((await call('DELETE', '/v1/directory/reps/rep-nobody')).statusCode).toBe(404)
    expect((await call('GET', '/v1/leads/not-a-uuid/decisions')).statusCode).toBe(400)
  })

  it('serves the decision log of a lead and the fairness of its pool', async () => {
    const lead = scoredLead()
    await deliver(fx.ns, 'routing', subscriptionsFor(fx), leadScoredV1, lead)
    const res = await call('GET', `/v1/leads/${lead.lead.leadId}/decisions`)
    expect(res.statusCode).toBe(200)
    const [decision] = res.json().decisions
    expect(decision).toMatchObject({ attempt: 1, method: 'round_robin', segment: 'mid_market' })
    expect(decision.slaDueAt).toBe('2026-03-10T15:15:00+00:00')
    expect(decision.decision.filteredOut).toContainEqual({ repId: 'rep-lena-fischer', reason: 'inactive' })
    const fairness = (await call('GET', '/v1/fairness')).json()
    expect(fairness).toContainEqual(expect.objectContaining({ pool: 'mid-market-sdr' }))
    const registry = new Registry()
    registerFairnessMetrics(registry, { pool: fx.ns.pool, schema: fx.schema, directory: fx.directoryStore })
    const metrics = await registry.metrics()
    expect(metrics).toContain(`leadwire_routing_pool_share{pool="mid-market-sdr",rep="${decision.repId}"} 1`)
    expect(metrics).toContain(
      'leadwire_routing_pool_target_share{pool="mid-market-sdr",rep="rep-tom-okafor"} 0.5',
    )
    expect(metrics).toContain('leadwire_routing_pool_max_deviation{pool="mid-market-sdr"} 0.5')
  })

  it('replaces the directory from a file, refusing one that breaks coverage', async () => {
    const seeded = (await call('GET', '/v1/directory')).json()
    const path = join(tmpdir(), `${fx.ns.namespace}-directory.json`)
    await writeFile(path, JSON.stringify({ ...seeded, teams: seeded.teams.slice(0, 2) }))
    await expect(loadDirectoryFile(fx.ns.pool, fx.schema, fx.playbook, path)).rejects.toThrow(/rep directory/)
    await writeFile(path, JSON.stringify(fx.directory))
    expect(await loadDirectoryFile(fx.ns.pool, fx.schema, fx.playbook, path)).toEqual({ teams: 4, reps: 8 })
    await rm(path)
    expect((await call('GET', '/v1/directory')).json().reps.map((r: { id: string }) => r.id)).not.toContain(
      'rep-nia-brooks',
    )
  })
})
