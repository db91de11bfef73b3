import type { RouteMethod } from './rules.ts'

interface Weighted {
  weight: number
}
interface Loaded {
  id: string
  capacity: { maxOpen: number }
}

/*
 * Pickers are pure: the cursor is any integer that advances by one per lead (a Redis INCR
 * per team), so replicas share one rotation. When the candidate list changes (a rep fills
 * up) the rotation shifts; fair over time, not per lead.
 */
const slot = (cursor: number, length: number): number => ((Math.trunc(cursor) % length) + length) % length

export function pickRoundRobin<T>(candidates: readonly T[], cursor: number): T | undefined {
  return candidates.length === 0 ? undefined : candidates[slot(cursor, candidates.length)]
}

/** Rounds interleave reps by weight (A,B,C,A,C,A for weights 3,1,2) so a heavy rep is not hit in bursts. */
export function weightedRotation<T extends Weighted>(candidates: readonly T[]): T[] {
  const rounds = Math.max(0, ...candidates.map((c) => c.weight))
  const rotation: T[] = []
  for (let round = 0; round < rounds; round++) rotation.push(...candidates.filter((c) => c.weight > round))
  return rotation
}

export function pickWeightedRoundRobin<T extends Weighted>(
  candidates: readonly T[],
  cursor: number,
): T | undefined {
  return pickRoundRobin(weightedRotation(candidates), cursor)
}

/** The rep with the lowest share of their capacity in use; the earlier one on a tie. */
export function pickLeastLoaded<T extends Loaded>(
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
export function pickCandidate<T extends Weighted & Loaded>(
  plan: { method: RouteMethod; candidates: readonly T[] },
  state: { cursor: number; openCounts: Readonly<Record<string, number>> },
): T | undefined {
  switch (plan.method) {
    case 'round_robin':
    case 'dedicated':
      return pickWeightedRoundRobin(plan.candidates, state.cursor)
    case 'load_balanced':
      return pickLeastLoaded(plan.candidates, state.openCounts)
    case 'fallback_queue':
      return undefined
    default:
      return plan.candidates[0]
  }
}
