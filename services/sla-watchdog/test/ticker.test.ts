import { PassThrough } from 'node:stream'
import { type LeadSlaBreachedV1, leadContactedV1, leadRoutedV1, leadSlaBreachedV1 } from '@leadwire/contracts'
import { createLogger, type Subscription } from '@leadwire/runtime'
import { createTestNamespace, deliver, type TestNamespace, takeOutbox } from '@leadwire/stack/testing'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTicker, type TickerOptions } from '../src/ticker.ts'
import { after, contacted, minutes, routed, tuesdayMorning } from './builders.ts'
import { clocksOf, resetTables, service, watchdogSubscriptions } from './support.ts'

let ns: TestNamespace
let subs: Subscription[]

beforeAll(async () => {
  ns = await createTestNamespace('sla')
  await ns.migrate()
  subs = await watchdogSubscriptions()
})
beforeEach(() => resetTables(ns))
afterAll(() => ns.cleanup())

/** A ticker whose clock the test moves by hand. */
function ticker(opts: Partial<TickerOptions> = {}) {
  let now = new Date(tuesdayMorning)
  const t = createTicker({
    pool: ns.pool,
    schema: ns.names.schema(service),
    names: ns.names,
    log: ns.log,
    clock: () => now,
    ...opts,
  })
  return {
    ...t,
    at: (minutesAfterRouting: number) => (now = after(tuesdayMorning, minutes(minutesAfterRouting))),
  }
}

async function routeLead() {
  const data = routed()
  await deliver(ns, service, subs, leadRoutedV1, data)
  return data.lead.leadId
}

async function fired() {
  const events = await takeOutbox(ns, service)
  for (const e of events) expect(e.type).toBe(leadSlaBreachedV1.type)
  return events.map((e) => e.data as LeadSlaBreachedV1)
}

describe('sla-watchdog ticker', () => {
  it('fires the warning after 4 minutes and the breach after 5, each once', async () => {
    const leadId = await routeLead()
    const t = ticker()
    t.at(3.9)
    expect(await t.tick()).toBe(0)
    t.at(4.1)
    expect(await t.tick()).toBe(1)
    const [warning] = await fired()
    expect(warning).toEqual({
      leadId,
      repId: 'rep_0142',
      teamId: 'enterprise-ae-west',
      segment: 'enterprise_demo',
      level: 'warning',
      step: 0,
      action: 'notify',
      attempt: 1,
      rule: 'enterprise_demo: 5m calendar',
      routedAt: tuesdayMorning,
      dueAt: after(tuesdayMorning, minutes(5)).toISOString(),
      firedAt: after(tuesdayMorning, minutes(4.1)).toISOString(),
      deadline: { firstTouch: '5m', clock: 'calendar', timezone: 'America/New_York', hoursFrom: 'playbook' },
    })
    t.at(4.9)
    expect(await t.tick()).toBe(0)
    t.at(5)
    expect(await t.tick()).toBe(1)
    expect((await fired()).map((b) => [b.level, b.step])).toEqual([['breach', 1]])
    t.at(9)
    expect(await t.tick()).toBe(0)
    expect(await fired()).toEqual([])
  })

  it('fires every step that came due during downtime at once, in order', async () => {
    const leadId = await routeLead()
    const t = ticker()
    t.at(60)
    expect(await t.tick()).toBe(3)
    expect((await fired()).map((b) => [b.level, b.action, b.step])).toEqual([
      ['warning', 'notify', 0],
      ['breach', 'notify', 1],
      ['escalation', 'page', 2],
    ])
    // Every step fired; the clock still runs so a late touch is measured.
    expect((await clocksOf(ns, leadId))[0]).toMatchObject({
      state: 'running',
      next_step: 3,
      next_fire_at: null,
    })
    expect(await t.tick()).toBe(0)
  })

  it('fires each step once when two replicas tick at the same time', async () => {
    const leads = await Promise.all(Array.from({ length: 30 }, routeLead))
    const replicas = [ticker({ batchSize: 4 }), ticker({ batchSize: 4 })]
    for (const r of replicas) r.at(11)
    const counts = await Promise.all([...replicas, ...replicas].map((r) => r.tick()))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(90)
    const events = await fired()
    expect(new Set(events.map((b) => `${b.leadId}/${b.step}`)).size).toBe(90)
    expect(new Set(events.map((b) => b.leadId))).toEqual(new Set(leads))
    expect(await replicas[0]!.tick()).toBe(0)
  })

  it('fires nothing more once the lead is touched', async () => {
    const leadId = await routeLead()
    const t = ticker()
    t.at(4.5)
    expect(await t.tick()).toBe(1)
    await deliver(
      ns,
      service,
      subs,
      leadContactedV1,
      contacted(leadId, after(tuesdayMorning, minutes(4.6)).toISOString()),
    )
    t.at(30)
    expect(await t.tick()).toBe(0)
    expect((await fired()).map((b) => b.level)).toEqual(['warning'])
  })

  it('fires only the newest attempt after a re-route', async () => {
    const leadId = await routeLead()
    const rerouteAt = after(tuesdayMorning, minutes(2)).toISOString()
    await deliver(ns, service, subs, leadRoutedV1, routed({ leadId, attempt: 2, routedAt: rerouteAt }))
    const t = ticker()
    t.at(6.5)
    expect(await t.tick()).toBe(1)
    expect((await fired()).map((b) => [b.attempt, b.level])).toEqual([[2, 'warning']])
  })

  it('ticks on its own once started, and stop() waits for the tick in flight', async () => {
    await routeLead()
    const t = ticker({ intervalMs: 10 })
    t.at(60)
    t.start()
    const deadline = Date.now() + 5000
    let events: LeadSlaBreachedV1[] = []
    while (events.length < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
      events = events.concat(await fired())
    }
    await t.stop()
    expect(events.map((b) => b.level)).toEqual(['warning', 'breach', 'escalation'])
  })

  it('logs a failed tick while Postgres is unreachable and tries again on the next', async () => {
    const lines: { msg: string }[] = []
    const out = new PassThrough()
    out.on('data', (chunk: Buffer) => lines.push(JSON.parse(chunk.toString())))
    const down = new pg.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:1/test',
      connectionTimeoutMillis: 500,
    })
    const t = ticker({
      pool: down,
      intervalMs: 10,
      log: createLogger({ service, level: 'warn', destination: out }),
    })
    t.start()
    const deadline = Date.now() + 5000
    while (lines.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    await t.stop()
    await down.end()
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines[0]!.msg).toBe('sla tick failed; the next tick retries')
  })
})
