import { randomUUID } from 'node:crypto'
import { leadContactedV1, leadRoutedV1 } from '@leadwire/contracts'
import type { Subscription } from '@leadwire/runtime'
import { createTestNamespace, deliver, type TestNamespace, takeOutbox } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { after, contacted, minutes, routed, tuesdayMorning } from './builders.ts'
import { clocksOf, firstTouchOf, service, watchdogSubscriptions } from './support.ts'

let ns: TestNamespace
let subs: Subscription[]

beforeAll(async () => {
  ns = await createTestNamespace('sla')
  await ns.migrate()
  subs = await watchdogSubscriptions()
})
afterAll(() => ns.cleanup())

const route = (data = routed()) => deliver(ns, service, subs, leadRoutedV1, data)
const touch = (leadId: string, at: string, repId?: string) =>
  deliver(ns, service, subs, leadContactedV1, contacted(leadId, at, repId))
const iso = (d: Date | null) => d?.toISOString()

describe('sla-watchdog consumer', () => {
  it('starts a clock due 5 minutes after an enterprise demo request is routed, with 3 steps', async () => {
    const data = routed()
    await route(data)
    const [clock] = await clocksOf(ns, data.lead.leadId)
    expect(clock).toMatchObject({
      attempt: 1,
      segment: 'enterprise_demo',
      rep_id: 'rep_0142',
      team_id: 'enterprise-ae-west',
      rule: 'enterprise_demo: 5m calendar',
      state: 'running',
      next_step: 0,
    })
    expect(iso(clock!.due_at)).toBe(after(tuesdayMorning, minutes(5)).toISOString())
    expect(iso(clock!.next_fire_at)).toBe(after(tuesdayMorning, minutes(4)).toISOString())
    expect(clock!.steps.map((s) => [s.level, s.action, s.fireAt])).toEqual([
      ['warning', 'notify', after(tuesdayMorning, minutes(4)).toISOString()],
      ['breach', 'notify', after(tuesdayMorning, minutes(5)).toISOString()],
      ['escalation', 'page', after(tuesdayMorning, minutes(10)).toISOString()],
    ])
    expect(await takeOutbox(ns, service)).toEqual([])
  })

  it('starts one clock when the same routing attempt arrives twice, under two event ids', async () => {
    const data = routed()
    expect(await route(data)).toBe('handled')
    expect(await route(data)).toBe('handled')
    expect(await clocksOf(ns, data.lead.leadId)).toHaveLength(1)
  })

  it('cancels the clock of attempt 1 when the lead is re-routed', async () => {
    const first = routed()
    const leadId = first.lead.leadId
    await route(first)
    const rerouteAt = after(tuesdayMorning, minutes(10)).toISOString()
    await route(routed({ leadId, attempt: 2, repId: 'rep_0077', routedAt: rerouteAt }))
    const clocks = await clocksOf(ns, leadId)
    expect(clocks.map((c) => [c.attempt, c.state, c.rep_id])).toEqual([
      [1, 'cancelled', 'rep_0142'],
      [2, 'running', 'rep_0077'],
    ])
    expect(clocks[0]!.next_fire_at).toBeNull()
  })

  it('stops the clock at the first touch and records speed-to-lead in calendar and business time', async () => {
    // Captured a minute before Tuesday's 18:00 close in New York, touched a minute after Wednesday's 09:00 open.
    const data = routed({ capturedAt: '2026-12-01T22:59:00.000Z', routedAt: '2026-12-01T22:59:01.000Z' })
    const leadId = data.lead.leadId
    await route(data)
    await touch(leadId, '2026-12-02T14:01:00.000Z')
    expect((await clocksOf(ns, leadId))[0]).toMatchObject({ state: 'stopped', next_fire_at: null })
    expect(await firstTouchOf(ns, leadId)).toMatchObject({
      rep_id: 'rep_0142',
      speed_calendar_ms: String(15 * 3_600_000 + minutes(2)),
      speed_business_ms: String(minutes(2)),
      within_sla: false,
    })
  })

  it('counts only the first touch of a lead', async () => {
    const data = routed()
    const leadId = data.lead.leadId
    await route(data)
    await touch(leadId, after(tuesdayMorning, minutes(3)).toISOString(), 'rep_0142')
    await touch(leadId, after(tuesdayMorning, minutes(30)).toISOString(), 'rep_0999')
    expect(await firstTouchOf(ns, leadId)).toMatchObject({
      rep_id: 'rep_0142',
      speed_calendar_ms: String(minutes(3) + 5000),
      within_sla: true,
    })
  })

  it('starts the clock stopped when the touch was handled before the routed event', async () => {
    const data = routed()
    const leadId = data.lead.leadId
    await touch(leadId, after(tuesdayMorning, minutes(2)).toISOString())
    expect(await firstTouchOf(ns, leadId)).toMatchObject({ routed_at: null, speed_calendar_ms: null })
    await route(data)
    expect((await clocksOf(ns, leadId))[0]).toMatchObject({ state: 'stopped', next_fire_at: null })
    expect(await firstTouchOf(ns, leadId)).toMatchObject({
      speed_calendar_ms: String(minutes(2) + 5000),
      within_sla: true,
    })
  })

  it('falls back to the catch-all segment for a segment the playbook does not know', async () => {
    const data = routed({ segment: 'enterprise', leadId: randomUUID() })
    await route(data)
    expect((await clocksOf(ns, data.lead.leadId))[0]).toMatchObject({ segment: 'general', state: 'running' })
  })
})
