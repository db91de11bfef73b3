import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  leadActivityRecordedV1,
  leadDeduplicatedV1,
  leadHandedOffV1,
  leadOutcomeRecordedV1,
} from '@leadwire/contracts'
import { loadPlaybook } from '@leadwire/playbook'
import { withSchemaTransaction } from '@leadwire/runtime'
import { createTestNamespace, deliver, type TestNamespace } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScoringSubscriptions } from '../src/consumer.ts'
import { feedbackReport } from '../src/pg-feedback.ts'
import { syntheticLeads } from '../src/synthetic-history.ts'

let ns: TestNamespace
let subs: ReturnType<typeof createScoringSubscriptions>
const now = new Date()
const at = now.toISOString()
const schema = () => ns.names.schema('scoring')

beforeAll(async () => {
  ns = await createTestNamespace()
  await ns.migrate()
  const playbook = await loadPlaybook(
    fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url)),
  )
  subs = createScoringSubscriptions({ playbook, clock: () => now })
})
afterAll(() => ns.cleanup())

/** A demo request (SQL-ready) and a newsletter sign-up from a paid campaign. */
function twoLeads() {
  const [a, b] = syntheticLeads(2, 5, () => now).map((l) => l.data)
  const demo = {
    ...a!,
    lead: { ...a!.lead, source: { channel: 'inbound_form' as const, intent: 'demo_request' as const } },
  }
  const paid = {
    ...b!,
    lead: {
      ...b!.lead,
      source: { channel: 'inbound_form' as const, intent: 'pricing' as const, utm: { source: 'LinkedIn' } },
    },
  }
  return { demo, paid }
}

describe('the feedback loop', () => {
  it('freezes a lead’s features at capture: a later activity changes the score, not the features', async () => {
    const { demo } = twoLeads()
    await deliver(ns, 'scoring', subs, leadDeduplicatedV1, demo)
    const read = async () =>
      (
        await ns.pool.query(
          `SELECT features, captured_at FROM "${schema()}".lead_features WHERE lead_id = $1`,
          [demo.lead.leadId],
        )
      ).rows
    const before = await read()
    await deliver(ns, 'scoring', subs, leadActivityRecordedV1, {
      leadId: demo.lead.leadId,
      activityId: 'a1',
      activity: 'pricing_page',
      occurredAt: at,
    })
    expect(await read()).toEqual(before)
    expect(before[0].features).toMatchObject({ intent: 'demo_request', channel: 'inbound_form' })
    expect(before[0].captured_at.toISOString()).toBe(demo.lead.capturedAt)
  })

  it('shows per rubric rule and per source which leads sales rejected, why, and which converted', async () => {
    const { demo, paid } = twoLeads()
    await deliver(ns, 'scoring', subs, leadDeduplicatedV1, demo)
    await deliver(ns, 'scoring', subs, leadDeduplicatedV1, paid)
    const handoff = { repId: 'rep-1', decidedAt: at }
    await deliver(ns, 'scoring', subs, leadHandedOffV1, {
      ...handoff,
      leadId: demo.lead.leadId,
      decision: 'accepted',
    })
    await deliver(ns, 'scoring', subs, leadOutcomeRecordedV1, {
      leadId: demo.lead.leadId,
      outcome: 'won',
      occurredAt: at,
    })
    await deliver(ns, 'scoring', subs, leadHandedOffV1, {
      ...handoff,
      leadId: paid.lead.leadId,
      decision: 'rejected',
      reason: 'bad_fit',
    })
    // The CRM resends the rejection: it is counted once.
    await deliver(ns, 'scoring', subs, leadHandedOffV1, {
      ...handoff,
      leadId: paid.lead.leadId,
      decision: 'rejected',
      reason: 'bad_fit',
    })

    const report = await withSchemaTransaction(ns.pool, schema(), (tx) => feedbackReport(tx))
    const rule = (key: string) => report.byRule.find((r) => r.key === key)
    expect(rule('intent.demo_request')).toMatchObject({ accepted: 1, rejected: 0, won: 1, opportunities: 1 })
    expect(rule('intent.pricing')).toMatchObject({
      accepted: 0,
      rejected: 1,
      rejectReasons: { bad_fit: 1 },
      won: 0,
    })
    const source = (key: string) => report.bySource.find((r) => r.key === key)
    expect(source('inbound_form/linkedin')).toMatchObject({
      leads: 1,
      rejected: 1,
      rejectReasons: { bad_fit: 1 },
    })
    expect(source('inbound_form')).toMatchObject({ accepted: 1, won: 1 })
  })

  it('prints the same report from the report command', async () => {
    const command = fileURLToPath(new URL('../src/report-command.ts', import.meta.url))
    const { stdout } = await promisify(execFile)(process.execPath, [command], { env: ns.env })
    expect(stdout).toMatch(/^\| rule \| leads \| handed over \| accepted \| rejected/)
    expect(stdout).toMatch(/\| intent\.pricing \| \d+ \| \d+ \| 0 \| 1 \| 100% \| bad_fit 1 \|/)
    expect(stdout).toMatch(
      /\| inbound_form\/linkedin \| 1 \| 1 \| 0 \| 1 \| 100% \| bad_fit 1 \| 0 \| 0 \| 0 \| 0% \|/,
    )
  })
})
