import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import {
  type LeadNurturedV1,
  type LeadScoredV1,
  leadActivityRecordedV1,
  leadDeduplicatedV1,
} from '@leadwire/contracts'
import { exampleLeadDeduplicated } from '@leadwire/contracts/examples'
import { loadPlaybook } from '@leadwire/playbook'
import { createTestNamespace, deliver, type TestNamespace, takeOutbox } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScoringSubscriptions } from '../src/consumer.ts'
import { quietSmallFit } from './kafka-support.ts'

let ns: TestNamespace
let subs: ReturnType<typeof createScoringSubscriptions>
const now = new Date()

beforeAll(async () => {
  ns = await createTestNamespace()
  await ns.migrate()
  const playbook = await loadPlaybook(
    fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url)),
  )
  subs = createScoringSubscriptions({ playbook, clock: () => now })
})
afterAll(() => ns.cleanup())

describe('scoring consumer', () => {
  it('hands a sales-ready lead to routing with its contributions', async () => {
    const base = exampleLeadDeduplicated
    const data = { ...base, lead: { ...base.lead, leadId: randomUUID(), capturedAt: now.toISOString() } }
    await deliver(ns, 'scoring', subs, leadDeduplicatedV1, data)
    const [out] = await takeOutbox(ns, 'scoring')
    expect(out?.type).toBe('io.leadwire.lead.scored.v1')
    const { score } = out!.data as LeadScoredV1
    expect(['sql', 'mql']).toContain(score.stage)
    expect(score.contributions.reduce((s, c) => s + c.points, 0)).toBeCloseTo(score.total, 5)
  })

  it('nurtures a lead without intent, then promotes it to routing when it books a demo', async () => {
    const data = quietSmallFit(now)
    await deliver(ns, 'scoring', subs, leadDeduplicatedV1, data)
    const [nurtured] = await takeOutbox(ns, 'scoring')
    expect(nurtured?.type).toBe('io.leadwire.lead.nurtured.v1')
    expect((nurtured!.data as LeadNurturedV1).exitCriteria.length).toBeGreaterThan(0)

    const activity = {
      leadId: data.lead.leadId,
      activityId: `a-${randomUUID()}`,
      activity: 'demo_request' as const,
      occurredAt: now.toISOString(),
    }
    await deliver(ns, 'scoring', subs, leadActivityRecordedV1, activity)
    const [promoted] = await takeOutbox(ns, 'scoring')
    expect(promoted?.type).toBe('io.leadwire.lead.scored.v1')
    expect((promoted!.data as LeadScoredV1).score.stage).not.toBe('nurture')

    // A further activity after the hand-over does not route the lead again.
    await deliver(ns, 'scoring', subs, leadActivityRecordedV1, {
      ...activity,
      activityId: `a-${randomUUID()}`,
    })
    expect(await takeOutbox(ns, 'scoring')).toEqual([])
  })
})
