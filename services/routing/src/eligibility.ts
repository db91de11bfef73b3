import type { RoutingFilter } from '@leadwire/playbook'
import { ineligibility, type Workload } from './availability.ts'
import type { Directory, Rep } from './directory.ts'
import { type LeadProfile, misfit } from './filters.ts'

export { ineligibility, type Workload } from './availability.ts'

export interface Skipped {
  repId: string
  reason: string
}

export interface Pool {
  eligible: Rep[]
  /** Each rep left out, and why, for the decision path. */
  skipped: Skipped[]
  /** Filters relaxed because nobody fitted. */
  notes: string[]
}

export interface Fit {
  lead: LeadProfile
  filters: readonly RoutingFilter[]
}

/**
 * Reps of the team in directory order (stable for tie-breaks), narrowed by territory and
 * skills, then split by availability. (Named accounts go to their owner before the pool; see
 * steps.ts.) A filter that no rep of the team fits is relaxed
 * rather than queueing the lead: a lead from an uncovered place still deserves a rep.
 */
export function teamPool(directory: Directory, teamId: string, work: Workload, fit?: Fit): Pool {
  const pool: Pool = { eligible: [], skipped: [], notes: [] }
  let members = directory.reps.filter((r) => r.team === teamId)
  for (const filter of fit?.filters ?? []) {
    const misfits = members.map((r) => ({ repId: r.id, reason: misfit(r, fit!.lead, filter) }))
    const fitting = members.filter((_, i) => misfits[i]?.reason === undefined)
    if (fitting.length === 0) {
      pool.notes.push(`${filter} filter relaxed: no rep of ${teamId} fits`)
      continue
    }
    pool.skipped.push(...(misfits.filter((m) => m.reason !== undefined) as Skipped[]))
    members = fitting
  }
  return split(pool, members, work)
}

/** The shift covering now (primary, then secondary), else the team's standing on-call order. */
export function onCallPool(directory: Directory, teamId: string, work: Workload): Pool {
  const team = directory.teams.find((t) => t.id === teamId)
  const t = work.now?.getTime() ?? Date.now()
  const shift = team?.onCallShifts.find((s) => Date.parse(s.from) <= t && t < Date.parse(s.to))
  const ids = shift ? [shift.primary, ...(shift.secondary ? [shift.secondary] : [])] : (team?.onCall ?? [])
  const reps = ids.map((id) => directory.reps.find((r) => r.id === id)).filter((r): r is Rep => !!r)
  // On call means awake for it: the rep's own working hours do not apply.
  return split({ eligible: [], skipped: [], notes: [] }, reps, { ...work, checkShift: false })
}

function split(pool: Pool, reps: readonly Rep[], work: Workload): Pool {
  for (const rep of reps) {
    const reason = ineligibility(rep, work)
    if (reason) pool.skipped.push({ repId: rep.id, reason })
    else pool.eligible.push(rep)
  }
  return pool
}
