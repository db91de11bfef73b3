import { loadPlaybook, type Playbook } from '@leadwire/playbook'
import { ident } from '@leadwire/runtime'
import type { TestNamespace } from '@leadwire/stack/testing'
import { createWatchdogSubscriptions } from '../src/consumer.ts'
import { createPgClockStore } from '../src/pg-clock-store.ts'
import { createPgClosureStore } from '../src/pg-closure-store.ts'
import { createPgFirstTouchStore } from '../src/pg-first-touch-store.ts'

export const service = 'sla-watchdog'

export const loadSeedPlaybook = () =>
  loadPlaybook(new URL('../../../infra/seed/playbook.yaml', import.meta.url).pathname)

export async function watchdogSubscriptions(playbook?: Playbook) {
  return createWatchdogSubscriptions({
    playbook: playbook ?? (await loadSeedPlaybook()),
    clocks: createPgClockStore(),
    touches: createPgFirstTouchStore(),
    closures: createPgClosureStore(),
  })
}

export interface ClockRow {
  attempt: number
  segment: string
  rep_id: string | null
  team_id: string | null
  rule: string
  routed_at: Date
  due_at: Date
  state: string
  next_step: number
  next_fire_at: Date | null
  ended_at: Date | null
  end_reason: string | null
  deadline: { firstTouch: string; clock: string; timezone: string; hoursFrom: string } | null
  steps: { step: number; level: string; action: string; fireAt: string }[]
}

export async function clocksOf(ns: TestNamespace, leadId: string): Promise<ClockRow[]> {
  const { rows } = await ns.pool.query<ClockRow>(
    `SELECT * FROM ${ident(ns.names.schema(service))}.clocks WHERE lead_id = $1 ORDER BY attempt`,
    [leadId],
  )
  return rows
}

export async function firstTouchOf(ns: TestNamespace, leadId: string) {
  const { rows } = await ns.pool.query(
    `SELECT rep_id, touched_at, routed_at, speed_calendar_ms, speed_business_ms, within_sla
     FROM ${ident(ns.names.schema(service))}.first_touches WHERE lead_id = $1`,
    [leadId],
  )
  return rows[0]
}

/** Empties the service's tables, so one test's clocks never fire in the next one's ticks. */
export async function resetTables(ns: TestNamespace) {
  await ns.pool.query(
    `TRUNCATE ${['clocks', 'first_touches', 'outbox', 'fired_steps', 'closed_leads'].map((t) => `${ident(ns.names.schema(service))}.${t}`).join(', ')}`,
  )
}
