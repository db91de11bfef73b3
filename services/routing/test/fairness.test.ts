import { type LeadRoutedV1, leadHandedOffV1, leadScoredV1, leadSlaBreachedV1 } from '@leadwire/contracts'
import { deliver } from '@leadwire/stack/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rejection, rerouteEscalation, scoredLead } from './builders.ts'
import { emitted, type RoutingFixture, routedSince, routingFixture, subscriptionsFor } from './support.ts'

let fx: RoutingFixture
beforeEach(async () => {
  fx = await routingFixture()
})
afterEach(() => fx.cleanup())

const subs = () => subscriptionsFor(fx)
async function route(): Promise<LeadRoutedV1['assignment'] & { leadId: string }> {
  const lead = scoredLead()
  await deliver(fx.ns, 'routing', subs(), leadScoredV1, lead)
  const [out] = await routedSince(fx)
  return { ...out!, leadId: lead.lead.leadId }
}
const credits = async () =>
  Object.fromEntries(
    (await fx.ledger.all(fx.ns.pool, fx.schema))
      .filter((r) => r.pool === 'mid-market-sdr')
      .map((r) => [r.repId, r.credits]),
  )

describe('fairness ledger in the service', () => {
  it.each([
    ['duplicate', 1],
    ['bad_fit', 1],
    ['spam', 2],
  ] as const)('a lead rejected as %s leaves the rep with %i credit(s)', async (reason, left) => {
    const a = await route()
    await route()
    const b = await route()
    expect(b.repId).toBe(a.repId)
    await deliver(fx.ns, 'routing', subs(), leadHandedOffV1, { ...rejection(b.leadId, b.repId!), reason })
    await deliver(fx.ns, 'routing', subs(), leadHandedOffV1, { ...rejection(b.leadId, b.repId!), reason })
    expect((await credits())[a.repId!]).toBe(left)
  })

  it('credits a reassigned lead back to the rep it was taken from, once', async () => {
    const a = await route()
    const escalation = rerouteEscalation(a.leadId, a.repId!)
    await deliver(fx.ns, 'routing', subs(), leadSlaBreachedV1, escalation)
    const [moved] = await routedSince(fx)
    expect(moved).toMatchObject({ attempt: 2, previousRepId: a.repId })
    expect(await credits()).toEqual({ [a.repId!]: 0, [moved!.repId!]: 1 })
  })

  it('does not flood a rep back from leave, nor reset the others', async () => {
    const away = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T14:00:00Z' }
    await fx.directoryStore.update(fx.ns.pool, fx.playbook, (d) => ({
      ...d,
      reps: d.reps.map((r) =>
        (r as { id: string }).id === 'rep-tom-okafor' ? { ...(r as object), outOfOffice: [away] } : r,
      ),
    }))
    const early = subscriptionsFor(fx, { clock: () => new Date('2026-03-09T15:00:00Z') })
    for (let i = 0; i < 6; i++) await deliver(fx.ns, 'routing', early, leadScoredV1, scoredLead())
    await emitted(fx)
    expect(await credits()).toEqual({ 'rep-priya-nair': 6 })
    // Tom rejoins at Priya's level: they alternate, instead of Tom taking the next six.
    const reps: string[] = []
    for (let i = 0; i < 4; i++) reps.push((await route()).repId!)
    expect(reps).toEqual(['rep-priya-nair', 'rep-tom-okafor', 'rep-priya-nair', 'rep-tom-okafor'])
    expect(await credits()).toEqual({ 'rep-priya-nair': 8, 'rep-tom-okafor': 8 })
  })
})
