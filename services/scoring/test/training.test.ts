import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  type LeadScoredV1,
  leadDeduplicatedV1,
  leadHandedOffV1,
  leadOutcomeRecordedV1,
} from '@leadwire/contracts'
import { loadPlaybook, type Playbook } from '@leadwire/playbook'
import { withSchemaTransaction } from '@leadwire/runtime'
import { createTestNamespace, deliver, type TestNamespace, takeOutbox } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScoringSubscriptions } from '../src/consumer.ts'
import { parseModel } from '../src/model/model.ts'
import { syntheticLeads } from '../src/synthetic-history.ts'
import { trainFromHistory } from '../src/train-from-history.ts'
import { createTrainingSchedule } from '../src/training-schedule.ts'
import { until } from './kafka-support.ts'

let ns: TestNamespace
let playbook: Playbook
let subs: ReturnType<typeof createScoringSubscriptions>
const now = new Date()
const monthAgo = new Date(now.getTime() - 30 * 86_400_000)
const schema = () => ns.names.schema('scoring')
const train = (dryRun = false) =>
  withSchemaTransaction(ns.pool, schema(), (tx) => trainFromHistory(tx, { playbook, now, dryRun }))

beforeAll(async () => {
  ns = await createTestNamespace()
  await ns.migrate()
  playbook = await loadPlaybook(fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url)))
  subs = createScoringSubscriptions({ playbook, clock: () => now })
})
afterAll(() => ns.cleanup())

/** Leads captured a month ago, each followed by what sales later said about it. */
async function history(count: number, seed: number) {
  for (const [i, { data, converted }] of syntheticLeads(count, seed, () => monthAgo).entries()) {
    await deliver(ns, 'scoring', subs, leadDeduplicatedV1, data)
    const leadId = data.lead.leadId
    const at = now.toISOString()
    if (converted)
      await deliver(ns, 'scoring', subs, leadOutcomeRecordedV1, {
        leadId,
        outcome: 'opportunity',
        occurredAt: at,
      })
    else if (i % 2 === 0)
      await deliver(ns, 'scoring', subs, leadOutcomeRecordedV1, { leadId, outcome: 'lost', occurredAt: at })
    else
      await deliver(ns, 'scoring', subs, leadHandedOffV1, {
        leadId,
        repId: 'rep-1',
        decision: 'rejected',
        reason: 'bad_fit',
        decidedAt: at,
      })
  }
  await takeOutbox(ns, 'scoring')
}

async function scoreNew() {
  const [lead] = syntheticLeads(1, 99, () => now)
  await deliver(ns, 'scoring', subs, leadDeduplicatedV1, lead!.data)
  const [out] = await takeOutbox(ns, 'scoring')
  return (out!.data as LeadScoredV1).score
}

describe('training from the service’s own history', () => {
  it('registers no model while the history is short, and the rubric alone decides', async () => {
    await history(30, 1)
    const result = await train()
    expect(result).toMatchObject({ status: 'skipped' })
    expect(result.status === 'skipped' && result.reason).toMatch(/^30 labelled leads/)
    expect((await ns.pool.query(`SELECT count(*)::int AS n FROM "${schema()}".models`)).rows[0].n).toBe(0)
    const score = await scoreNew()
    expect(score.modelVersion).toBeNull()
    expect(score.probability).toBeUndefined()
  })

  it('trains on enough history and records the model in the registry', async () => {
    await history(400, 2)
    const result = await train()
    expect(result.status).toBe('registered')
    const { rows } = await ns.pool.query(`SELECT * FROM "${schema()}".models`)
    expect(rows).toHaveLength(1)
    const row = rows[0]
    expect(row.version).toMatch(/^lr-\d{8}T\d{6}-[0-9a-f]{8}$/)
    expect(row.window_to.getTime()).toBe(now.getTime())
    expect(row.window_from.getTime()).toBe(now.getTime() - 365 * 86_400_000)
    expect(row.features).toEqual(playbook.model.features)
    expect(row.leads).toBe(430)
    expect(row.metrics.rocAuc).toBeGreaterThan(0.6)
    expect(row.metrics).toHaveProperty('brier')
    expect(parseModel(row.model).weights.length).toBeGreaterThan(10)
  })

  it('puts the model version, the probability and the model’s points on every later score', async () => {
    const { rows } = await ns.pool.query(`SELECT version FROM "${schema()}".models`)
    const score = await scoreNew()
    expect(score.modelVersion).toBe(rows[0].version)
    expect(score.probability).toBeGreaterThan(0)
    expect(score.contributions.some((c) => c.kind === 'model')).toBe(true)
  })

  it('trains from the train command too (dry run: nothing registered)', async () => {
    const run = promisify(execFile)
    const command = fileURLToPath(new URL('../src/train-command.ts', import.meta.url))
    const env = { ...ns.env, LOG_LEVEL: 'warn' }
    const { stdout } = await run(process.execPath, [command, '--dry-run'], { env })
    expect(stdout).toMatch(/^training: dry_run\nversion lr-/)
    expect(stdout).toContain('430 labelled leads')
    expect((await ns.pool.query(`SELECT count(*)::int AS n FROM "${schema()}".models`)).rows[0].n).toBe(1)
  })

  it('trains only on leads seen at capture whose label is known', async () => {
    // The two leads scored above are open (captured now, no outcome); this outcome has no lead.
    const stray = randomUUID()
    await deliver(ns, 'scoring', subs, leadOutcomeRecordedV1, {
      leadId: stray,
      outcome: 'won',
      occurredAt: now.toISOString(),
    })
    const result = await train(true)
    expect(result.entry?.leads).toBe(430)
  })

  it('retrains on the optional schedule, one model per run', async () => {
    const count = async () =>
      (await ns.pool.query(`SELECT count(*)::int AS n FROM "${schema()}".models`)).rows[0].n
    const before = await count()
    const schedule = createTrainingSchedule({
      pool: ns.pool,
      schema: schema(),
      playbook,
      everyMs: 200,
      log: ns.log,
    })
    schedule.start()
    await until(async () => ((await count()) > before ? true : undefined))
    await schedule.stop()
    const { rows } = await ns.pool.query(
      `SELECT version FROM "${schema()}".models ORDER BY trained_at DESC LIMIT 1`,
    )
    expect((await scoreNew()).modelVersion).toBe(rows[0].version)
  })
})
