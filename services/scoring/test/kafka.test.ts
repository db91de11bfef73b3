import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import {
  type LeadScoredV1,
  leadActivityRecordedV1,
  leadDeduplicatedV1,
  leadHandedOffV1,
  leadNurturedV1,
  leadOutcomeRecordedV1,
  leadScoredV1,
} from '@leadwire/contracts'
import { loadPlaybook } from '@leadwire/playbook'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureFeatures, serviceFeatureSpecs } from '../src/capture-features.ts'
import { createScoringSubscriptions } from '../src/consumer.ts'
import { trainModel } from '../src/model/train.ts'
import { syntheticLeads } from '../src/synthetic-history.ts'
import { quietSmallFit, type Running, registerModel, startOnKafka, until } from './kafka-support.ts'

// The scoring consumer on the real broker and Postgres: events produced to its namespaced
// topics, handled by the runtime's loop, published by the outbox relay, read back from Kafka.
let ns: TestNamespace
let run: Running
const seen = new Map<string, { type: string; data: unknown }[]>()
const version = `lr-kafka-${randomUUID().slice(0, 8)}`

beforeAll(async () => {
  ns = await createTestNamespace('k')
  await ns.migrate()
  const playbook = await loadPlaybook(
    fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url)),
  )
  const history = syntheticLeads(400, 3, () => new Date())
  const trained = trainModel(
    history.map((h) => captureFeatures(playbook, h.data)),
    history.map((h) => (h.converted ? 1 : 0)),
    serviceFeatureSpecs(playbook),
    { l2: 1, folds: 5, seed: 42 },
  )
  await registerModel(ns, version, trained.model, playbook.model.features)
  run = await startOnKafka(ns, createScoringSubscriptions({ playbook, clock: () => new Date() }), (event) => {
    const leadId = (event.data as LeadScoredV1).lead.leadId
    seen.set(leadId, [...(seen.get(leadId) ?? []), event])
  })
})

afterAll(async () => {
  await run?.stop()
  await ns.cleanup(run?.admin)
  await run?.admin.disconnect()
})

const eventsOf = (leadId: string, count: number) =>
  until(() => ((seen.get(leadId)?.length ?? 0) >= count ? seen.get(leadId) : undefined))

describe('scoring on the real broker', () => {
  it('scores a demo request into leads.scored.v1 with the model, its probability and the next best action', async () => {
    const [lead] = syntheticLeads(1, 8, () => new Date())
    const data = {
      ...lead!.data,
      lead: {
        ...lead!.data.lead,
        source: { channel: 'inbound_form' as const, intent: 'demo_request' as const },
      },
    }
    data.enrichment = { ...data.enrichment, seniority: 'vp', employees: 2000, industry: 'Software' }
    await run.produce(leadDeduplicatedV1, data.lead.leadId, data)
    const [out] = await eventsOf(data.lead.leadId, 1)
    expect(out!.type).toBe(leadScoredV1.type)
    const { score } = out!.data as LeadScoredV1
    expect(score).toMatchObject({ stage: 'sql', modelVersion: version })
    expect(score.probability).toBeGreaterThan(0.5)
    expect(score.contributions.some((c) => c.rule === 'model.intent')).toBe(true)
    expect(score.nextBestAction?.talkingPoint.basedOn).toEqual(['intent.demo_request'])
  })

  it('nurtures a lead the model rates low, then promotes it to leads.scored.v1 when it books a demo', async () => {
    // Director at an 800-person school: 42 by the rubric, about 29 once the model has its say.
    const quiet = quietSmallFit()
    const data = {
      ...quiet,
      lead: { ...quiet.lead, company: { name: 'Lakeside School', employees: 800 } },
      enrichment: {
        ...quiet.enrichment,
        seniority: 'director' as const,
        employees: 800,
        industry: 'Education',
      },
    }
    const leadId = data.lead.leadId
    await run.produce(leadDeduplicatedV1, leadId, data)
    const [nurtured] = await eventsOf(leadId, 1)
    expect(nurtured!.type).toBe(leadNurturedV1.type)
    expect((nurtured!.data as LeadScoredV1).score.contributions.some((c) => c.kind === 'model')).toBe(true)
    const activity = {
      leadId,
      activityId: `a-${randomUUID()}`,
      activity: 'demo_request' as const,
      occurredAt: new Date().toISOString(),
    }
    await run.produce(leadActivityRecordedV1, leadId, activity)
    const [, promoted] = await eventsOf(leadId, 2)
    expect(promoted!.type).toBe(leadScoredV1.type)
    expect((promoted!.data as LeadScoredV1).score.stage).not.toBe('nurture')
  })

  it('stores hand-offs and outcomes the CRM publishes', async () => {
    const leadId = randomUUID()
    const at = new Date().toISOString()
    await run.produce(leadHandedOffV1, leadId, {
      leadId,
      repId: 'rep-9',
      decision: 'rejected',
      reason: 'spam',
      decidedAt: at,
    })
    await run.produce(leadOutcomeRecordedV1, leadId, { leadId, outcome: 'lost', occurredAt: at })
    const schema = ns.names.schema('scoring')
    const stored = await until(async () => {
      const h = await ns.pool.query(`SELECT reason FROM "${schema}".handoffs WHERE lead_id = $1`, [leadId])
      const o = await ns.pool.query(`SELECT outcome FROM "${schema}".outcomes WHERE lead_id = $1`, [leadId])
      return h.rows.length && o.rows.length ? { handoff: h.rows[0], outcome: o.rows[0] } : undefined
    })
    expect(stored).toEqual({ handoff: { reason: 'spam' }, outcome: { outcome: 'lost' } })
  })
})
