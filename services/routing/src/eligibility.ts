import type { Directory, Rep } from './directory.ts'

export interface Workload {
  /** Open leads per rep id, from the capacity counters. */
  openCounts?: Readonly<Record<string, number>> | undefined
  /** Reps already tried for this lead (a re-route after an escalation). */
  exclude?: readonly string[] | undefined
}

/** Why a rep cannot take a lead now, or undefined when they can. */
export function ineligibility(rep: Rep, work: Workload, checkCapacity = true): string | undefined {
  if (!rep.active) return 'inactive'
  if (work.exclude?.includes(rep.id)) return 'already tried for this lead'
  const open = work.openCounts?.[rep.id] ?? 0
  if (checkCapacity && open >= rep.capacity.maxOpen) return `at capacity (${open}/${rep.capacity.maxOpen})`
  return undefined
}

export interface Pool {
  eligible: Rep[]
  /** `rep-id: reason` for each rep left out, for the trace. */
  skipped: string[]
}

/** Reps of the team in directory order (stable for round robin), split by eligibility. */
export function teamPool(directory: Directory, teamId: string, work: Workload): Pool {
  return poolOf(
    directory.reps.filter((r) => r.team === teamId),
    work,
  )
}

export function onCallPool(directory: Directory, teamId: string, work: Workload): Pool {
  const ids = directory.teams.find((t) => t.id === teamId)?.onCall ?? []
  const reps = ids
    .map((id) => directory.reps.find((r) => r.id === id))
    .filter((r): r is Rep => r !== undefined)
  return poolOf(reps, work)
}

function poolOf(reps: readonly Rep[], work: Workload): Pool {
  const pool: Pool = { eligible: [], skipped: [] }
  for (const rep of reps) {
    const why = ineligibility(rep, work)
    if (why) pool.skipped.push(`${rep.id}: ${why}`)
    else pool.eligible.push(rep)
  }
  return pool
}
