import { pickByLedger } from './ledger.ts'
import type { RouteMethod } from './rules.ts'

interface Candidate {
  id: string
  weight: number
  capacity: { maxOpen: number }
}

/** Rotating methods read and write the pool's fairness ledger. */
export const rotates = (method: RouteMethod): boolean => method === 'round_robin' || method === 'dedicated'

/** The rep with the lowest share of their capacity in use; the earlier one on a tie. */
export function pickLeastLoaded<T extends Candidate>(
  candidates: readonly T[],
  openCounts: Readonly<Record<string, number>>,
): T | undefined {
  let best: T | undefined
  let bestLoad = Number.POSITIVE_INFINITY
  for (const rep of candidates) {
    const load = (openCounts[rep.id] ?? 0) / rep.capacity.maxOpen
    if (load < bestLoad) [best, bestLoad] = [rep, load]
  }
  return best
}

/** Applies the plan's method to its candidates; undefined means the lead waits in `plan.queue`. */
export function pickCandidate<T extends Candidate>(
  plan: { method: RouteMethod; candidates: readonly T[] },
  state: { credits: Readonly<Record<string, number>>; openCounts: Readonly<Record<string, number>> },
): T | undefined {
  if (plan.candidates.length === 0) return undefined
  if (rotates(plan.method)) return pickByLedger(plan.candidates, state.credits)
  if (plan.method === 'load_balanced') return pickLeastLoaded(plan.candidates, state.openCounts)
  return plan.candidates[0]
}
