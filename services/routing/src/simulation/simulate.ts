import type { LeadScoredV1 } from '@leadwire/contracts'
import { isBusinessTime, type Playbook } from '@leadwire/playbook'
import { type Decision, decide } from '../decide.ts'
import type { Directory, Rep } from '../directory.ts'
import { fairness, type LedgerRow } from '../ledger.ts'
import { planRoute, segmentFor } from '../rules.ts'

export interface SimulationReport {
  playbook: string
  leads: number
  perRep: Record<string, number>
  queued: Record<string, number>
  fairness: {
    pool: string
    maxDeviation: number
    shares: { repId: string; share: number; target: number }[]
  }[]
  afterHours: { leads: number; toRep: number; coverage: number }
  sla: { met: number; share: number }
}

/**
 * Replays scored leads, in the order given, through the same pure planning and ledger the
 * service uses, with in-memory state. Leads stay open for the whole replay (no outcomes are
 * replayed), so capacity bites as it would in a busy week. A lead counts as meeting its SLA
 * when a rep can act on it in time: a rep on shift or on call, or a business-time clock that
 * only starts when the rep's day does; a queued lead, or a calendar clock off hours with
 * nobody on call, misses.
 */
export function simulate(playbook: Playbook, directory: Directory, leads: readonly LeadScoredV1[]) {
  const report: SimulationReport = {
    playbook: playbook.version,
    leads: leads.length,
    perRep: {},
    queued: {},
    fairness: [],
    afterHours: { leads: 0, toRep: 0, coverage: 1 },
    sla: { met: 0, share: 1 },
  }
  const state = replayState(directory)
  for (const scored of leads) {
    const now = new Date(scored.score.scoredAt)
    const knownOwner = state.owners.get(scored.dedup.identityId)
    const { openCounts } = state
    const plan = planRoute(playbook, directory, {
      scored,
      now,
      knownOwner,
      openCounts,
      dayCounts: state.dayCounts(now),
    })
    const d = decide(plan, state.ledgers.get(plan.teamId) ?? [], openCounts, directory)
    if (d.counted) state.saveLedger(plan.teamId, d)
    const inHours = isBusinessTime(playbook.businessHours, playbook.timezone, now)
    if (!inHours) report.afterHours.leads++
    if (d.rep) {
      state.assign(d.rep, scored.dedup.identityId, now)
      report.perRep[d.rep.id] = (report.perRep[d.rep.id] ?? 0) + 1
      if (!inHours) report.afterHours.toRep++
      const clock = segmentFor(playbook, plan.segment).sla.clock
      if (inHours || plan.method === 'on_call' || clock === 'business') report.sla.met++
    } else if (plan.queue) {
      report.queued[plan.queue] = (report.queued[plan.queue] ?? 0) + 1
    }
  }
  report.afterHours.coverage = ratio(report.afterHours.toRep, report.afterHours.leads)
  report.sla.share = ratio(report.sla.met, report.leads)
  report.fairness = [...state.ledgers].map(([pool, rows]) => poolFairness(directory, pool, rows))
  return report
}

/** What the service keeps in Postgres, in memory: open counts, owners, per-day counts, ledgers. */
function replayState(directory: Directory) {
  const openCounts: Record<string, number> = {}
  const owners = new Map<string, string>()
  const ledgers = new Map<string, LedgerRow[]>()
  const days = new Map<string, number>()
  const localDay = (rep: Rep, at: Date) =>
    `${rep.id}/${new Intl.DateTimeFormat('en-CA', { timeZone: rep.timezone }).format(at)}`
  return {
    openCounts,
    owners,
    ledgers,
    dayCounts: (now: Date) =>
      Object.fromEntries(directory.reps.map((r) => [r.id, days.get(localDay(r, now)) ?? 0])),
    assign(rep: Rep, identityId: string, now: Date) {
      openCounts[rep.id] = (openCounts[rep.id] ?? 0) + 1
      days.set(localDay(rep, now), (days.get(localDay(rep, now)) ?? 0) + 1)
      if (!owners.has(identityId)) owners.set(identityId, rep.id)
    },
    saveLedger(pool: string, d: Decision) {
      const prev = new Map((ledgers.get(pool) ?? []).map((r) => [r.repId, r.eligible]))
      const eligible = (id: string) => (d.eligibleIds ? d.eligibleIds.includes(id) : (prev.get(id) ?? false))
      ledgers.set(
        pool,
        Object.entries(d.credits).map(([repId, credits]) => ({ repId, credits, eligible: eligible(repId) })),
      )
    },
  }
}

function poolFairness(directory: Directory, pool: string, rows: readonly LedgerRow[]) {
  const members = rows.flatMap((r) => {
    const rep = directory.reps.find((x) => x.id === r.repId && x.team === pool)
    return rep ? [{ id: r.repId, credits: r.credits, weight: rep.weight }] : []
  })
  return { pool, ...fairness(members) }
}

const ratio = (n: number, of: number) => (of === 0 ? 1 : Math.round((n / of) * 1000) / 1000)

/** What changes from the current playbook to the candidate, per figure. */
export function compare(current: SimulationReport, candidate: SimulationReport) {
  const reps = [...new Set([...Object.keys(current.perRep), ...Object.keys(candidate.perRep)])].sort()
  return {
    perRep: Object.fromEntries(
      reps.map((r) => [r, { current: current.perRep[r] ?? 0, candidate: candidate.perRep[r] ?? 0 }]),
    ),
    afterHoursCoverage: { current: current.afterHours.coverage, candidate: candidate.afterHours.coverage },
    slaMetShare: { current: current.sla.share, candidate: candidate.sla.share },
    maxDeviation: {
      current: Math.max(0, ...current.fairness.map((f) => f.maxDeviation)),
      candidate: Math.max(0, ...candidate.fairness.map((f) => f.maxDeviation)),
    },
  }
}
