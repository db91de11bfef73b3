import { writeFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { createKafka, createLogger, ensureTopics, ident, topicPlan } from '@leadwire/runtime'
import {
  type PrivateBroker,
  type PrivatePostgres,
  type PrivateRedis,
  privateBroker,
  privatePostgres,
  privateRedis,
} from '@leadwire/stack/private-infra'
import type { ServiceName } from '@leadwire/stack/services'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin } from 'kafkajs'
import { createPgKeyStore } from '../../services/capture/src/auth/pg-key-store.ts'
import { type DecisionLog, decisionLog } from './decisions.ts'
import { createFleet, type Fleet } from './fleet.ts'
import { type LeadStream, leadStream, type Submission } from './stream.ts'

const consumerServices = ['enrichment', 'dedup', 'scoring', 'routing', 'sla-watchdog'] as const

export interface FaultSuiteOptions {
  /** Leads per second the stream posts throughout. */
  ratePerSecond: number
  /** How long a fault-free window lasts, before the first fault and after each recovery. */
  calmSeconds: number
  /** How long scoring stays stopped in the back-pressure case. */
  backPressureSeconds: number
  /** Give up waiting for a recovery (and report it) after this long. */
  recoveryTimeoutSeconds: number
  /** Run only these faults (by name); all by default. */
  only?: readonly string[]
  logDir: string
  /** Where to write every submission, decision and window as JSON, for a closer look. */
  rawFile?: string
  progress?: (line: string) => void
}

export interface FaultResult {
  fault: string
  /** POSTs made while this fault's window was open. */
  sent: number
  /** Answered 202. */
  accepted: number
  /** In the capture store: every 202, plus any lead committed whose answer was lost. */
  stored: number
  /** Stored leads with a first routing decision on the topics. */
  routed: number
  /** Stored leads with no first decision, plus 202s the store does not hold. */
  missing: number
  /** Leads with two distinct decisions for one routing attempt. */
  duplicated: number
  /** Routing decisions without their SLA clock, with a clock for another rep, or with a step overdue. */
  timersBroken: number
  /** From the fault (or, for back-pressure, the restart) until every lead flowed normally. */
  recoveryMs: number
  /** POSTs answered with something other than 202, by status (0: no answer). */
  refused: Record<string, number>
  /** 429s and 503s that did not say when to retry. */
  withoutRetryAfter: number
  notes: string[]
}

interface Window {
  fault: string
  openedAt: number
  injectedAt: number
  restoredAt: number
  recoverFrom: 'inject' | 'restore'
  closedAt: number
  notes: string[]
}

interface Ctx {
  fleet: Fleet
  broker: PrivateBroker
  postgres: PrivatePostgres
  redis: PrivateRedis
  admin: Admin
  ns: TestNamespace
  opts: FaultSuiteOptions
  note(text: string): void
}

interface Fault {
  name: string
  recoverFrom: 'inject' | 'restore'
  /** Breaks something and puts it back (restart); returns once it has been put back. */
  run(ctx: Ctx): Promise<void>
}

const killAndRestart = (name: ServiceName): Fault => ({
  name: `SIGKILL ${name}`,
  recoverFrom: 'inject',
  async run({ fleet }) {
    const victim = fleet.first(name)
    await fleet.kill(victim)
    await fleet.restart(name, victim.port)
  },
})

/** Group state as the broker reports it, e.g. Stable, PreparingRebalance. */
async function groupState(admin: Admin, groupId: string): Promise<string> {
  const { groups } = await admin.describeGroups([groupId])
  return groups[0]?.state ?? 'Unknown'
}

export const faults: readonly Fault[] = [
  ...(['capture', ...consumerServices] as const).map(killAndRestart),
  {
    name: 'Kafka broker SIGKILL + restart',
    recoverFrom: 'inject',
    async run({ broker }) {
      await broker.kill()
      await broker.start()
    },
  },
  {
    name: 'Postgres crash + restart',
    recoverFrom: 'inject',
    async run({ postgres }) {
      await postgres.stop('immediate')
      await postgres.start()
    },
  },
  {
    // Down for a few seconds rather than an instant restart, so requests meet it gone:
    // capture's rate limits and enrichment's cache and budgets must fail open.
    name: 'Redis down 5 s, back empty',
    recoverFrom: 'inject',
    async run({ redis }) {
      await redis.kill()
      await sleep(5000)
      await redis.start()
    },
  },
  {
    name: 'scoring stopped (back-pressure)',
    recoverFrom: 'restore',
    async run({ fleet, opts, note }) {
      const scoring = fleet.first('scoring')
      await fleet.stop(scoring)
      await sleep(opts.backPressureSeconds * 1000)
      note(`scoring was stopped for ${opts.backPressureSeconds} s`)
      await fleet.restart('scoring', scoring.port)
    },
  },
  {
    name: 'two replicas, one SIGKILLed mid-rebalance',
    recoverFrom: 'inject',
    async run({ fleet, admin, ns, note }) {
      // Each consumer service gets a second replica; as soon as its group starts
      // rebalancing to take it in, the first replica is killed. The group must settle on the
      // newcomer (after the dead member's session expires), then on both again.
      await Promise.all(
        consumerServices.map(async (name) => {
          const first = fleet.first(name)
          const second = await fleet.add(name)
          const group = ns.names.group(name)
          const end = Date.now() + 30_000
          let state = await groupState(admin, group)
          while (state === 'Stable' && Date.now() < end) {
            await sleep(20)
            state = await groupState(admin, group)
          }
          await fleet.kill(first)
          note(`${name}: killed in group state ${state}`)
          await second.ready()
          await fleet.restart(name, first.port)
        }),
      )
    },
  },
]

/** Waits until the stream flows normally again: the last answers are 202s and nothing is late. */
async function waitForRecovery(
  stream: LeadStream,
  log: DecisionLog,
  since: number,
  lateMs: number,
  timeoutMs: number,
): Promise<boolean> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const now = Date.now()
    const recent = stream.submissions.filter((s) => s.sentAt > since && s.answeredAt !== undefined)
    const first = log.firstDecisions()
    // Flowing: the newest answer is a 202, a lead sent after the repair has been decided,
    // and no accepted lead has waited longer than a late one would.
    const flowing = recent.at(-1)?.status === 202 && recent.some((s) => s.leadId && first.has(s.leadId))
    const late = stream.accepted().some((s) => s.answeredAt! < now - lateMs && !first.has(s.leadId!))
    if (flowing && !late) return true
    await sleep(250)
  }
  return false
}

/** Every lead in capture's store, by id, with the email it was submitted with. */
async function storedLeads(ns: TestNamespace): Promise<Map<string, string>> {
  const { rows } = await ns.pool.query<{ id: string; email: string }>(
    `SELECT id, payload->'contact'->>'email' AS email FROM ${ident(ns.names.schema('capture'))}.leads`,
  )
  return new Map(rows.map((r) => [r.id, r.email]))
}

interface Clock {
  repId: string | null
  /** A step was due more than 15 s ago and has not fired: the ticker lost it. */
  overdue: boolean
}

async function clocks(ns: TestNamespace): Promise<Map<string, Clock>> {
  const { rows } = await ns.pool.query<{
    lead_id: string
    attempt: number
    rep_id: string | null
    overdue: boolean
  }>(
    `SELECT lead_id, attempt, rep_id,
            state = 'running' AND next_fire_at < now() - interval '15 seconds' AS overdue
       FROM ${ident(ns.names.schema('sla-watchdog'))}.clocks`,
  )
  return new Map(rows.map((r) => [`${r.lead_id}#${r.attempt}`, { repId: r.rep_id, overdue: r.overdue }]))
}

/**
 * The whole fault suite on a private Kafka, Postgres and Redis: one steady stream of leads
 * through the six services while each fault happens in turn, then the checks against the
 * capture store. Returns one row per fault (the first row is the fault-free baseline).
 */
export async function runFaultSuite(opts: FaultSuiteOptions): Promise<FaultResult[]> {
  const say = opts.progress ?? (() => {})
  const selected = faults.filter((f) => !opts.only || opts.only.includes(f.name))
  say('starting a private Kafka, Postgres and Redis')
  const [broker, postgres, redis] = await Promise.all([privateBroker(), privatePostgres(), privateRedis()])
  const cleanups: (() => Promise<unknown>)[] = [
    () => broker.remove(),
    () => postgres.remove(),
    () => redis.remove(),
  ]
  try {
    await Promise.all([broker.start(), postgres.start(), redis.start()])
    const ns = await createTestNamespace('f', {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      KAFKA_BROKERS: broker.brokers.join(','),
      // Info, so the logs kept for a failed run show restarts, rebalances and retries.
      LOG_LEVEL: 'info',
    })
    await ns.migrate()
    // The suite's own clients lose the broker on purpose; their reconnect errors are noise.
    const quiet = createLogger({ service: 'fault-suite', level: 'fatal' })
    const kafka = createKafka({ brokers: broker.brokers, clientId: 'fault-suite', log: quiet })
    const admin = kafka.admin()
    await admin.connect()
    cleanups.unshift(() => admin.disconnect())
    await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
    const key = await createPgKeyStore({ pool: ns.pool, schema: ns.names.schema('capture') }).create({
      name: 'fault suite',
      kind: 'secret',
      ratePerMinute: 1_000_000,
    })

    say('starting the six services')
    const fleet = createFleet({ env: ns.env, logDir: opts.logDir })
    cleanups.unshift(() => fleet.stopAll())
    await fleet.startAll()
    const log = await decisionLog(kafka, ns.names, ns.namespace)
    cleanups.unshift(() => log.stop())

    // Capture comes back on the same port after a kill, as behind a load balancer.
    const captureUrl = `http://127.0.0.1:${fleet.first('capture').port}`
    const stream = leadStream({
      url: () => captureUrl,
      headers: { authorization: `Bearer ${key.token}` },
      ratePerSecond: opts.ratePerSecond,
    })
    const windows: Window[] = []
    const calm = async () => sleep(opts.calmSeconds * 1000)

    // Baseline: how long a lead takes when nothing is wrong, to tell late from normal.
    const baseOpen = Date.now()
    await calm()
    windows.push({
      fault: 'none (baseline)',
      openedAt: baseOpen,
      injectedAt: baseOpen,
      restoredAt: baseOpen,
      recoverFrom: 'inject',
      closedAt: Date.now(),
      notes: [],
    })
    const baseline = latencies(stream, log, baseOpen, Date.now())
    const lateMs = Math.max(3000, 3 * percentile(baseline, 0.99))
    say(`baseline: ${baseline.length} leads, p99 ${percentile(baseline, 0.99)} ms; late means > ${lateMs} ms`)

    const ctx: Ctx = { fleet, broker, postgres, redis, admin, ns, opts, note: () => {} }
    for (const fault of selected) {
      const w: Window = {
        fault: fault.name,
        openedAt: Date.now(),
        injectedAt: 0,
        restoredAt: 0,
        recoverFrom: fault.recoverFrom,
        closedAt: 0,
        notes: [],
      }
      ctx.note = (text) => w.notes.push(text)
      say(`fault: ${fault.name}`)
      const exitsBefore = fleet.unexpectedExits().length
      w.injectedAt = Date.now()
      await fault.run(ctx)
      w.restoredAt = Date.now()
      const ok = await waitForRecovery(stream, log, w.restoredAt, lateMs, opts.recoveryTimeoutSeconds * 1000)
      if (!ok) w.notes.push(`not recovered within ${opts.recoveryTimeoutSeconds} s`)
      await calm()
      w.closedAt = Date.now()
      for (const exit of fleet.unexpectedExits().slice(exitsBefore)) w.notes.push(`crash: ${exit}`)
      windows.push(w)
      say(`  back to normal after ${((Date.now() - w.injectedAt) / 1000).toFixed(1)} s (incl. calm period)`)
    }

    say('stopping the stream and waiting for every stored lead to be decided')
    await stream.stop()
    const drainEnd = Date.now() + opts.recoveryTimeoutSeconds * 1000
    let stored = await storedLeads(ns)
    while (Date.now() < drainEnd) {
      const first = log.firstDecisions()
      if ([...stored.keys()].every((id) => first.has(id))) break
      await sleep(500)
      stored = await storedLeads(ns)
    }
    // A little longer, so a late second decision would still show up as a duplicate.
    await sleep(2000)
    const { rows: fired } = await ns.pool.query<{ level: string; n: string }>(
      `SELECT level, count(*) AS n FROM ${ident(ns.names.schema('sla-watchdog'))}.fired_steps GROUP BY level`,
    )
    say(`SLA steps fired during the run: ${fired.map((f) => `${f.n} ${f.level}`).join(', ') || 'none'}`)
    if (opts.rawFile) {
      const raw = { lateMs, windows, submissions: stream.submissions, decisions: log.all() }
      writeFileSync(opts.rawFile, JSON.stringify(raw))
    }
    return tally(windows, stream, log, stored, await clocks(ns), lateMs)
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {})
  }
}

function latencies(stream: LeadStream, log: DecisionLog, from: number, to: number): number[] {
  const first = log.firstDecisions()
  return stream
    .accepted()
    .filter((s) => s.sentAt >= from && s.sentAt < to)
    .flatMap((s) => {
      const d = first.get(s.leadId!)
      return d ? [d.seenAt - s.answeredAt!] : []
    })
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

function tally(
  windows: Window[],
  stream: LeadStream,
  log: DecisionLog,
  stored: Map<string, string>,
  clockOf: Map<string, Clock>,
  lateMs: number,
): FaultResult[] {
  const first = log.firstDecisions()
  const doubled = new Set(log.doubledAttempts())
  // A POST belongs to the window its outcome happened in: one in flight when capture was
  // killed failed because of that kill, even if it was sent just before.
  const outcomeAt = (s: Submission) => s.answeredAt ?? s.sentAt
  const byEmail = new Map(stream.submissions.map((s) => [s.email, s]))
  return windows.map((w) => {
    const inWindow = (t: number) => t >= w.openedAt && t < w.closedAt
    const sent = stream.submissions.filter((s) => inWindow(outcomeAt(s)))
    const accepted = sent.filter((s) => s.leadId !== undefined)
    // A stored lead goes with its POST, also when that POST got no answer (capture died
    // between the commit and the reply).
    const storedIds = new Set(
      [...stored]
        .filter(([, email]) => {
          const sub = byEmail.get(email)
          return sub !== undefined && inWindow(outcomeAt(sub))
        })
        .map(([id]) => id),
    )
    const routed = [...storedIds].filter((id) => first.has(id)).length
    const lost = accepted.filter((s) => !stored.has(s.leadId!)).length
    const undecided = [...storedIds].filter((id) => !first.has(id)).length
    const decisions = log.all().filter((d) => storedIds.has(d.leadId) && d.kind === 'routed')
    const timersBroken = decisions.filter((d) => {
      const clock = clockOf.get(`${d.leadId}#${d.attempt}`)
      return !clock || (clock.repId ?? undefined) !== d.repId || clock.overdue
    }).length
    // Recovery ends with the last POST refused or the last lead decided late, whichever is
    // later. A lead counts when it was accepted from a little before the fault and became
    // late before the window closed (one accepted at the very end is the next fault's).
    const from = w.recoverFrom === 'inject' ? w.injectedAt : w.restoredAt
    let recoveredAt = from
    for (const s of stream.submissions) {
      const at = outcomeAt(s)
      if (at < w.injectedAt - 5000 || at >= w.closedAt) continue
      if (s.status !== 202) recoveredAt = Math.max(recoveredAt, at)
      const d = s.leadId ? first.get(s.leadId) : undefined
      if (d && d.seenAt - at > lateMs && at + lateMs < w.closedAt)
        recoveredAt = Math.max(recoveredAt, d.seenAt)
    }
    const refused: Record<string, number> = {}
    const errors = new Map<string, number>()
    for (const s of sent) {
      if (s.status !== 202) refused[s.status] = (refused[s.status] ?? 0) + 1
      if (s.error) errors.set(s.error, (errors.get(s.error) ?? 0) + 1)
    }
    const copies = decisions.filter((d) => d.copies > 1).length
    const notes = [...w.notes, ...[...errors].map(([e, n]) => `no answer ${n}×: ${e}`)]
    if (w.recoverFrom === 'restore') {
      const backlog = stream
        .accepted()
        .filter(
          (s) => s.answeredAt! <= w.restoredAt && (first.get(s.leadId!)?.seenAt ?? Infinity) > w.restoredAt,
        )
      notes.push(`${backlog.length} accepted leads were waiting when it came back`)
    }
    if (copies) notes.push(`${copies} routed events delivered more than once (same event id)`)
    return {
      fault: w.fault,
      sent: sent.length,
      accepted: accepted.length,
      stored: storedIds.size,
      routed,
      missing: undecided + lost,
      duplicated: [...storedIds].filter((id) => doubled.has(id)).length,
      timersBroken,
      recoveryMs: w.fault.startsWith('none') ? 0 : recoveredAt - from,
      refused,
      withoutRetryAfter: sent.filter((s) => (s.status === 503 || s.status === 429) && !s.retryAfter).length,
      notes,
    }
  })
}

/** The table the suite prints: one row per fault. */
export function formatTable(results: readonly FaultResult[]): string {
  const head = [
    'fault',
    'sent',
    'accepted',
    'stored',
    'routed',
    'missing',
    'duplicated',
    'timers broken',
    'recovery',
  ]
  const rows = results.map((r) => [
    r.fault,
    String(r.sent),
    String(r.accepted),
    String(r.stored),
    String(r.routed),
    String(r.missing),
    String(r.duplicated),
    String(r.timersBroken),
    `${(r.recoveryMs / 1000).toFixed(1)} s`,
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  const notes = results.flatMap((r) => [
    ...Object.entries(r.refused).map(
      ([status, n]) => `- ${r.fault}: ${n} POSTs answered ${status === '0' ? 'with no answer' : status}`,
    ),
    ...r.notes.map((n) => `- ${r.fault}: ${n}`),
  ])
  return [line(head), rule, ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n')
}
