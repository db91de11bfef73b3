import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { ident } from '@leadwire/runtime'
import type { RunningService } from '@leadwire/stack/processes'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routed } from './builders.ts'
import { type Fired, kafkaFor, startWatchdog, until, writeTinyPlaybook } from './processes.ts'
import { service } from './support.ts'

// Real sla-watchdog processes on the real broker and Postgres: two replicas share the clocks,
// one is killed (SIGKILL) while steps are firing, and the clocks outlive every process.
let ns: TestNamespace
let kafka: Awaited<ReturnType<typeof kafkaFor>>
const running: RunningService[] = []
const playbook = writeTinyPlaybook(12)

beforeAll(async () => {
  ns = await createTestNamespace('slp')
  await ns.migrate()
  kafka = await kafkaFor(ns)
})
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop('SIGKILL')))
  await kafka?.close()
  await ns?.cleanup(kafka?.admin)
  await kafka?.admin.disconnect()
  rmSync(dirname(playbook), { recursive: true, force: true })
})

const clocks = async (segment: string) => {
  const { rows } = await ns.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${ident(ns.names.schema(service))}.clocks WHERE segment = $1`,
    [segment],
  )
  return rows[0]!.n
}

/** Steps seen on the topic, by lead/attempt/step, with every distinct event id seen for each. */
function byStep(fired: readonly Fired[], leads: ReadonlySet<string>) {
  const ids = new Map<string, Set<string>>()
  for (const f of fired) {
    if (!leads.has(f.data.leadId)) continue
    const key = `${f.data.leadId}/${f.data.attempt}/${f.data.step}`
    ids.set(key, (ids.get(key) ?? new Set()).add(f.id))
  }
  return ids
}

describe('sla-watchdog replicas', () => {
  it('fires every step exactly once with two replicas and one killed mid-stream, and after a full restart', async () => {
    running.push(await startWatchdog(ns, playbook, 'a'), await startWatchdog(ns, playbook, 'b'))
    const [a, b] = running as [RunningService, RunningService]
    const now = () => new Date().toISOString()
    const fast = Array.from({ length: 40 }, () => routed({ routedAt: now(), capturedAt: now() }))
    const slow = Array.from({ length: 10 }, () =>
      routed({ segment: 'mid_market', routedAt: now(), capturedAt: now() }),
    )
    await kafka.route(...fast, ...slow)
    await until(
      async () => (await clocks('enterprise_demo')) === 40 && (await clocks('mid_market')) === 10,
      'clocks',
    )

    // Kill one replica once steps are reaching the topic; the other carries on alone.
    const fastIds = new Set(fast.map((l) => l.lead.leadId))
    await until(() => byStep(kafka.fired, fastIds).size > 0, 'the first fired step')
    await a.stop('SIGKILL')
    await until(() => byStep(kafka.fired, fastIds).size === 40 * 3, 'all 120 steps')
    const fastSteps = byStep(kafka.fired, fastIds)
    // A crash between a Kafka send and the outbox delete may republish an event: same id, which
    // consumers skip. Two different ids for one step would be a second firing.
    expect([...fastSteps.values()].filter((ids) => ids.size !== 1)).toEqual([])

    // Now no process at all while the mid-market deadlines pass; a fresh one fires them once.
    await b.stop('SIGKILL')
    const slowIds = new Set(slow.map((l) => l.lead.leadId))
    expect(byStep(kafka.fired, slowIds).size).toBe(0)
    const due = Math.max(...slow.map((l) => new Date(l.assignment.routedAt).getTime() + 12_000))
    await until(() => Date.now() > due, 'the mid-market deadlines to pass')
    running.push(await startWatchdog(ns, playbook, 'c'))
    await until(() => byStep(kafka.fired, slowIds).size === 10, 'the 10 overdue breaches')
    expect([...byStep(kafka.fired, slowIds).values()].every((ids) => ids.size === 1)).toBe(true)
    expect(kafka.fired.filter((f) => slowIds.has(f.data.leadId)).map((f) => f.data.level)).toSatisfy(
      (levels: string[]) => levels.every((l) => l === 'breach'),
    )
  })
})
