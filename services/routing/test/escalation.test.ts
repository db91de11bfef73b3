import { leadScoredV1, leadSlaBreachedV1 } from '@leadwire/contracts'
import type { Playbook, RerouteTarget } from '@leadwire/playbook'
import { deliver } from '@leadwire/stack/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rerouteEscalation, scoredLead } from './builders.ts'
import { type RoutingFixture, routedSince, routingFixture, subscriptionsFor } from './support.ts'

let fx: RoutingFixture
beforeEach(async () => {
  fx = await routingFixture()
  // The mid-market team gets a manager and an on-call order for these escalations.
  await fx.directoryStore.update(fx.ns.pool, fx.playbook, (d) => ({
    ...d,
    teams: d.teams.map((t) =>
      (t as { id: string }).id === 'mid-market-sdr'
        ? { ...(t as object), manager: 'rep-jordan-kim', onCall: ['rep-priya-nair', 'rep-tom-okafor'] }
        : t,
    ),
  }))
})
afterEach(() => fx.cleanup())

/** The seed playbook with the mid-market reroute step sent to `to`. */
function escalatingTo(to: RerouteTarget): Playbook {
  const playbook = structuredClone(fx.playbook)
  const step = playbook.segments.find((s) => s.name === 'mid_market')!.sla.escalation[2]!
  step.to = to
  return playbook
}

async function escalate(to: RerouteTarget) {
  const subs = subscriptionsFor(fx, { playbook: escalatingTo(to) })
  const lead = scoredLead()
  await deliver(fx.ns, 'routing', subs, leadScoredV1, lead)
  const [first] = await routedSince(fx)
  await deliver(fx.ns, 'routing', subs, leadSlaBreachedV1, rerouteEscalation(lead.lead.leadId, first!.repId!))
  const [second] = await routedSince(fx)
  return { first: first!, second: second! }
}

describe('escalation re-routing per the playbook', () => {
  it('sends the lead to the team manager, recording the previous owner', async () => {
    const { first, second } = await escalate('manager')
    expect(second).toMatchObject({ attempt: 2, repId: 'rep-jordan-kim', previousRepId: first.repId })
    expect(second.reason).toContain('manages Mid-market SDRs')
    expect(second.decision?.rules).toContainEqual({
      rule: 'escalation.manager',
      outcome: 'rep-jordan-kim owns this lead',
    })
  })

  it('sends the lead to the on-call rep who is not the previous owner', async () => {
    const { first, second } = await escalate('on_call')
    expect(first.repId).toBe('rep-priya-nair')
    expect(second).toMatchObject({ attempt: 2, method: 'on_call', repId: 'rep-tom-okafor' })
    expect(second.previousRepId).toBe('rep-priya-nair')
  })

  it('sends the lead to the next rep of the pool by default', async () => {
    const { first, second } = await escalate('next_rep')
    expect(second).toMatchObject({ attempt: 2, method: 'round_robin', previousRepId: first.repId })
    expect(second.decision?.filteredOut).toContainEqual({
      repId: first.repId,
      reason: 'already tried for this lead',
    })
  })
})
