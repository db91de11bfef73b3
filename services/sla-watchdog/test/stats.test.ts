import { leadContactedV1, leadHandedOffV1, leadRoutedV1 } from '@leadwire/contracts'
import { createTestNamespace, deliver, type TestNamespace } from '@leadwire/stack/testing'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statsApi } from '../src/stats-api.ts'
import { createTicker } from '../src/ticker.ts'
import { after, contacted, minutes, rejected, routed, tuesdayMorning } from './builders.ts'
import { service, watchdogSubscriptions } from './support.ts'

let ns: TestNamespace
let api: ReturnType<typeof Fastify>
const at = (m: number) => after(tuesdayMorning, minutes(m))

// Four enterprise demo requests routed Tuesday 10:00 in New York (5-minute calendar SLA):
// A (rep-a) touched at 3 min: met. B (rep-b) never touched: warning, breach, page. C (rep-a)
// touched at 7 min, after its breach: missed. D (rep-b) rejected as spam: counts in neither.
beforeAll(async () => {
  ns = await createTestNamespace('sls')
  await ns.migrate()
  const subs = await watchdogSubscriptions()
  const send = (def: Parameters<typeof deliver>[3], data: unknown) =>
    deliver(ns, service, subs, def, data as never)
  const [a, b, c, d] = [
    routed({ repId: 'rep-a' }),
    routed({ repId: 'rep-b' }),
    routed({ repId: 'rep-a' }),
    routed({ repId: 'rep-b' }),
  ]
  for (const lead of [a, b, c, d]) await send(leadRoutedV1, lead)
  await send(leadContactedV1, contacted(a!.lead.leadId, at(3).toISOString(), 'rep-a'))
  await send(leadHandedOffV1, rejected(d!.lead.leadId, 'spam', at(1).toISOString()))
  let now = at(6)
  const ticker = createTicker({
    pool: ns.pool,
    schema: ns.names.schema(service),
    names: ns.names,
    log: ns.log,
    clock: () => now,
  })
  await ticker.tick()
  await send(leadContactedV1, contacted(c!.lead.leadId, at(7).toISOString(), 'rep-a'))
  now = at(11)
  await ticker.tick()
  api = Fastify()
  await api.register(statsApi, {
    pool: ns.pool,
    schema: ns.names.schema(service),
    timezone: 'America/New_York',
    clock: () => now,
    token: 'stats-test-token-0123456789',
  })
})
afterAll(async () => {
  await api?.close()
  await ns.cleanup()
})

async function stats(query: string) {
  const res = await api.inject({
    method: 'GET',
    url: `/v1/sla/stats?${query}`,
    headers: { authorization: 'Bearer stats-test-token-0123456789' },
  })
  return { status: res.statusCode, body: res.json() }
}

const window = `from=${encodeURIComponent(at(-60).toISOString())}&to=${encodeURIComponent(at(60).toISOString())}`

describe('GET /v1/sla/stats', () => {
  it('gives compliance, speed-to-lead median and p90 (calendar and business) and breach counts', async () => {
    const { status, body } = await stats(window)
    expect(status).toBe(200)
    expect(body.groups).toEqual([
      {
        key: 'all',
        clocks: 4,
        met: 1,
        missed: 2,
        compliance: 1 / 3,
        touched: 2,
        // A waited 3m05s, C 7m05s from capture (captured 5 s before routing).
        speedToLead: {
          calendar: { medianMs: 305_000, p90Ms: 401_000 },
          business: { medianMs: 305_000, p90Ms: 401_000 },
        },
        warnings: 2,
        breaches: 2,
        escalations: 1,
      },
    ])
  })

  it('splits by rep', async () => {
    const { body } = await stats(`${window}&by=rep`)
    expect(
      body.groups.map((g: Record<string, unknown>) => [
        g.key,
        g.clocks,
        g.met,
        g.missed,
        g.breaches,
        g.escalations,
      ]),
    ).toEqual([
      ['rep-a', 2, 1, 1, 1, 0],
      ['rep-b', 2, 0, 1, 1, 1],
    ])
  })

  it('splits by segment and team', async () => {
    expect((await stats(`${window}&by=segment`)).body.groups.map((g: { key: string }) => g.key)).toEqual([
      'enterprise_demo',
    ])
    expect((await stats(`${window}&by=team`)).body.groups.map((g: { key: string }) => g.key)).toEqual([
      'enterprise-ae-west',
    ])
  })

  it('buckets by hour of the week in the playbook zone, or in the one asked for', async () => {
    expect((await stats(`${window}&by=hour_of_week`)).body.groups.map((g: { key: string }) => g.key)).toEqual(
      ['Tue 10:00'],
    )
    const utc = await stats(`${window}&by=hour_of_week&timezone=UTC`)
    expect(utc.body.groups.map((g: { key: string }) => g.key)).toEqual(['Tue 15:00'])
  })

  it('counts nothing outside the window', async () => {
    const later = `from=${encodeURIComponent(at(1).toISOString())}&to=${encodeURIComponent(at(60).toISOString())}`
    expect((await stats(later)).body.groups).toEqual([])
  })

  it('rejects an unknown dimension, an unknown zone and an empty window with 400', async () => {
    const planet = await stats('by=planet')
    expect(planet.status).toBe(400)
    expect(planet.body.errors[0]).toMatch(/^by: /)
    expect((await stats('timezone=Mars/Olympus')).status).toBe(400)
    expect((await stats(`from=${at(5).toISOString()}&to=${at(5).toISOString()}`)).status).toBe(400)
  })
})
