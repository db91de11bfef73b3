import { leadContactedV1, leadHandedOffV1, leadRoutedV1 } from '@leadwire/contracts'
import type { Subscription } from '@leadwire/runtime'
import { createTestNamespace, deliver, type TestNamespace } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { after, contacted, minutes, rejected, routed, tuesdayMorning } from './builders.ts'
import { clocksOf, firstTouchOf, service, watchdogSubscriptions } from './support.ts'

let ns: TestNamespace
let subs: Subscription[]

beforeAll(async () => {
  ns = await createTestNamespace('slx')
  await ns.migrate()
  subs = await watchdogSubscriptions()
})
afterAll(() => ns.cleanup())

const route = (data = routed()) => deliver(ns, service, subs, leadRoutedV1, data)
const at = (m: number) => after(tuesdayMorning, minutes(m)).toISOString()

describe('sla-watchdog stop, restart and cancel', () => {
  it('restarts the clock for the new owner on a re-route, ending the old one as rerouted', async () => {
    const first = routed()
    const leadId = first.lead.leadId
    await route(first)
    await route(routed({ leadId, attempt: 2, repId: 'rep_0077', routedAt: at(10) }))
    const [old, fresh] = await clocksOf(ns, leadId)
    expect(old).toMatchObject({ state: 'cancelled', end_reason: 'rerouted' })
    expect(old!.ended_at?.toISOString()).toBe(at(10))
    expect(fresh).toMatchObject({ state: 'running', rep_id: 'rep_0077', end_reason: null })
    expect(fresh!.due_at.toISOString()).toBe(at(15))
  })

  it.each(['duplicate', 'spam'] as const)('cancels the clock of a lead rejected as %s', async (reason) => {
    const data = routed()
    const leadId = data.lead.leadId
    await route(data)
    await deliver(ns, service, subs, leadHandedOffV1, rejected(leadId, reason, at(1)))
    expect((await clocksOf(ns, leadId))[0]).toMatchObject({
      state: 'cancelled',
      end_reason: reason,
      next_fire_at: null,
    })
  })

  it('keeps the clock running when the rep rejects for bad fit (routing decides what happens next)', async () => {
    const data = routed()
    await route(data)
    await deliver(ns, service, subs, leadHandedOffV1, rejected(data.lead.leadId, 'bad_fit', at(1)))
    expect((await clocksOf(ns, data.lead.leadId))[0]).toMatchObject({ state: 'running' })
  })

  it('starts the clock cancelled when the spam rejection was handled before the routed event', async () => {
    const data = routed()
    await deliver(ns, service, subs, leadHandedOffV1, rejected(data.lead.leadId, 'spam', at(1)))
    await route(data)
    expect((await clocksOf(ns, data.lead.leadId))[0]).toMatchObject({
      state: 'cancelled',
      end_reason: 'spam',
      next_fire_at: null,
    })
  })

  it('counts business speed-to-lead in the rep’s hours carried on the routed event', async () => {
    // Captured 17:59 in Chicago on Tuesday (closed in New York), touched 09:01 Chicago on Wednesday.
    const data = routed({
      segment: 'mid_market',
      capturedAt: '2026-12-01T23:59:00.000Z',
      routedAt: '2026-12-01T23:59:00.000Z',
      workingHours: { timezone: 'America/Chicago', source: 'rep' },
    })
    const leadId = data.lead.leadId
    await route(data)
    const [clock] = await clocksOf(ns, leadId)
    expect(clock!.deadline).toEqual({
      firstTouch: '15m',
      clock: 'business',
      timezone: 'America/Chicago',
      hoursFrom: 'rep',
    })
    // One minute on Tuesday in Chicago (open until 18:00 local), 14 on Wednesday from 09:00.
    expect(clock!.due_at.toISOString()).toBe('2026-12-02T15:14:00.000Z')
    await deliver(ns, service, subs, leadContactedV1, contacted(leadId, '2026-12-02T15:01:00.000Z'))
    expect(await firstTouchOf(ns, leadId)).toMatchObject({
      // On New York's playbook hours this would read 61 minutes.
      speed_business_ms: String(minutes(2)),
      within_sla: true,
    })
    expect((await clocksOf(ns, leadId))[0]).toMatchObject({ state: 'stopped', end_reason: 'touched' })
  })
})
