import {
  type EventDefinition,
  type LeadRoutedV1,
  leadHandedOffV1,
  leadOutcomeRecordedV1,
  leadRoutedV1,
  leadScoredV1,
  leadSlaBreachedV1,
} from '@leadwire/contracts'
import type { Subscription } from '@leadwire/runtime'
import { deliver } from '@leadwire/stack/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { outcome, rejection, rerouteEscalation, scoredLead } from './builders.ts'
import { emitted, inTransaction, type RoutingFixture, routingFixture, subscriptionsFor } from './support.ts'

let fx: RoutingFixture
let subs: Subscription[]
beforeEach(async () => {
  fx = await routingFixture()
  subs = subscriptionsFor(fx)
})
afterEach(() => fx.cleanup())

const send = <D extends EventDefinition>(definition: D, data: z.input<D['schema']>, subscriptions = subs) =>
  deliver(fx.ns, 'routing', subscriptions, definition, data)

/** Delivers events, then returns the assignments of the leads.routed.v1 they emitted. */
async function routedBy(deliveries: Promise<unknown>): Promise<LeadRoutedV1['assignment'][]> {
  await deliveries
  const out = await emitted(fx)
  expect(out.every((e) => e.type === leadRoutedV1.type)).toBe(true)
  return out.map((e) => (e.data as LeadRoutedV1).assignment)
}
const routeLead = async (lead = scoredLead(), subscriptions = subs) =>
  (await routedBy(send(leadScoredV1, lead, subscriptions)))[0]

const rows = (leadId: string) =>
  fx.ns.pool
    .query<{ attempt: number; rep_id: string | null; closed_at: Date | null; close_reason: string | null }>(
      `SELECT attempt, rep_id, closed_at, close_reason FROM "${fx.schema}".assignments WHERE lead_id = $1 ORDER BY attempt`,
      [leadId],
    )
    .then((r) => r.rows)
const openCounts = () => inTransaction(fx, (tx) => fx.assignments.openCounts(tx))

describe('routing consumer', () => {
  it('alternates mid-market leads over the active SDRs, skipping the inactive one', async () => {
    const reps: (string | undefined)[] = []
    for (let i = 0; i < 4; i++) reps.push((await routeLead())?.repId)
    expect(new Set(reps)).toEqual(new Set(['rep-priya-nair', 'rep-tom-okafor']))
    expect(reps[1]).not.toBe(reps[0])
    expect(reps.slice(2)).toEqual(reps.slice(0, 2))
    const next = await routeLead()
    expect(next).toMatchObject({ method: 'round_robin', teamId: 'mid-market-sdr', attempt: 1 })
    expect(next?.reason).toMatch(/is next in the Mid-market SDRs rotation\.$/)
    expect(next?.trace).toContainEqual({
      rule: 'coverage.round_robin',
      outcome: 'team mid-market-sdr: 2 eligible (skipped rep-lena-fischer: inactive)',
    })
  })

  it('gives a returning person to the rep who owns them', async () => {
    const identityId = 'b1d2c3e4-0000-4000-8000-000000000001'
    const first = await routeLead(scoredLead({ identityId }))
    const again = await routeLead(scoredLead({ identityId }))
    expect(again).toMatchObject({ method: 'account_owner', repId: first?.repId })
    expect(again?.reason).toContain('already owns this person')
  })

  it('does not route a re-scored lead a second time', async () => {
    const lead = scoredLead()
    expect(await routeLead(lead)).toBeDefined()
    expect(await routeLead({ ...lead, score: { ...lead.score, total: 99 } })).toBeUndefined()
    expect(await rows(lead.lead.leadId)).toHaveLength(1)
  })

  it('moves an escalated lead to another rep as attempt 2 and closes attempt 1', async () => {
    const lead = scoredLead()
    const first = (await routeLead(lead))!
    const [second, ...more] = await routedBy(
      send(leadSlaBreachedV1, rerouteEscalation(lead.lead.leadId, first.repId!)),
    )
    expect(more).toEqual([])
    expect(second).toMatchObject({ attempt: 2, method: 'round_robin', teamId: 'mid-market-sdr' })
    expect(second?.repId).toMatch(/^rep-/)
    expect(second?.repId).not.toBe(first.repId)
    expect(second?.reason).toMatch(/^Re-routed after an SLA escalation \(attempt 2\)/)
    const [one, two] = await rows(lead.lead.leadId)
    expect(one).toMatchObject({ attempt: 1, close_reason: 'rerouted', closed_at: expect.any(Date) })
    expect(two).toMatchObject({ attempt: 2, rep_id: second?.repId, closed_at: null })
  })

  it('ignores an escalation for an attempt that was already re-routed', async () => {
    const lead = scoredLead()
    const first = (await routeLead(lead))!
    const escalation = rerouteEscalation(lead.lead.leadId, first.repId!)
    expect(await routedBy(send(leadSlaBreachedV1, escalation))).toHaveLength(1)
    expect(await routedBy(send(leadSlaBreachedV1, escalation))).toEqual([])
    expect(await rows(lead.lead.leadId)).toHaveLength(2)
  })

  it('closes the assignment when the rep rejects the lead, lowering their open count', async () => {
    const lead = scoredLead()
    const repId = (await routeLead(lead))!.repId!
    expect((await openCounts())[repId]).toBe(1)
    expect(await routedBy(send(leadHandedOffV1, rejection(lead.lead.leadId, repId)))).toEqual([])
    expect((await openCounts())[repId]).toBeUndefined()
    expect((await rows(lead.lead.leadId))[0]).toMatchObject({ close_reason: 'rejected:bad_fit' })
  })

  it('ignores a rejection from a rep who is not the assignee', async () => {
    const lead = scoredLead()
    const repId = (await routeLead(lead))!.repId!
    await send(leadHandedOffV1, rejection(lead.lead.leadId, 'rep-jordan-kim'))
    expect((await openCounts())[repId]).toBe(1)
  })

  it('closes the assignment on a won or lost outcome, not on an opportunity', async () => {
    const lead = scoredLead()
    await routeLead(lead)
    await send(leadOutcomeRecordedV1, outcome(lead.lead.leadId, 'opportunity'))
    expect((await rows(lead.lead.leadId))[0]?.closed_at).toBeNull()
    await send(leadOutcomeRecordedV1, outcome(lead.lead.leadId, 'won'))
    expect((await rows(lead.lead.leadId))[0]).toMatchObject({ close_reason: 'won' })
  })

  it('queues the lead in the fallback queue when every rep is at capacity', async () => {
    const full = { ...fx.directory, reps: fx.directory.reps.map((r) => ({ ...r, capacity: { maxOpen: 1 } })) }
    const tight = subscriptionsFor(fx, { directory: full })
    await routeLead(scoredLead(), tight)
    await routeLead(scoredLead(), tight)
    const queued = (await routeLead(scoredLead(), tight))!
    expect(queued).toMatchObject({ method: 'fallback_queue', queue: 'sdr-queue', teamId: 'mid-market-sdr' })
    expect(queued.repId).toBeUndefined()
    expect(queued.trace.at(-1)).toEqual({ rule: 'pick', outcome: 'no rep; queued in sdr-queue' })
    expect(queued.reason).toContain('waits in the sdr-queue queue')
  })
})
