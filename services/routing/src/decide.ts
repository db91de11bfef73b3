import type { Assignment } from '@leadwire/contracts'
import type { Directory, Rep } from './directory.ts'
import { type LedgerRow, levelReturning } from './ledger.ts'
import { pickCandidate, rotates } from './pick.ts'
import type { RoutePlan } from './rules.ts'

export type DecisionPath = NonNullable<Assignment['decision']>

export interface Decision {
  rep: Rep | undefined
  /** The pool's credits after this pick (levelled, plus one for the rep when it counts). */
  credits: Record<string, number>
  /** Whether the lead counts in the pool's ledger (owners keep leads outside the rotation). */
  counted: boolean
  /** Who could take this pick, when it was drawn from the team's pool. */
  eligibleIds: string[] | undefined
  path: DecisionPath
  pickOutcome: string
}

/**
 * The pure core of a routing decision, shared by the service and the simulation: levels the
 * pool's ledger, picks with the plan's method and describes the whole path.
 */
export function decide(
  plan: RoutePlan,
  ledger: readonly LedgerRow[],
  openCounts: Readonly<Record<string, number>>,
  directory: Directory,
): Decision {
  const pooled = plan.pooled === true
  const credits = levelReturning(ledger, pooled ? plan.candidates : [])
  for (const c of pooled ? plan.candidates : []) credits[c.id] ??= 0
  const rep = pickCandidate(plan, { credits, openCounts })
  const counted = rep !== undefined && plan.method !== 'account_owner' && plan.method !== 'original_owner'
  if (counted && rep) credits[rep.id] = (credits[rep.id] ?? 0) + 1
  const members = directory.reps
    .filter((r) => r.team === plan.teamId)
    .map((r) => ({ repId: r.id, weight: r.weight, credits: credits[r.id] ?? 0, open: openCounts[r.id] ?? 0 }))
  return {
    rep,
    credits,
    counted,
    eligibleIds: pooled ? plan.candidates.map((c) => c.id) : undefined,
    path: {
      segment: plan.segment,
      rules: plan.trace,
      filteredOut: plan.filteredOut,
      ...(rep ? { chosen: rep.id } : {}),
      pool: { id: plan.teamId, members },
    },
    pickOutcome: describePick(plan, rep, credits, openCounts),
  }
}

function describePick(
  plan: RoutePlan,
  rep: Rep | undefined,
  credits: Readonly<Record<string, number>>,
  openCounts: Readonly<Record<string, number>>,
): string {
  if (!rep) return `no rep; queued in ${plan.queue}`
  if (rotates(plan.method) && plan.pooled) {
    return `${rep.id} had the fewest credits per weight in ${plan.teamId} (now ${credits[rep.id]}, weight ${rep.weight})`
  }
  if (plan.method === 'load_balanced') {
    return `${rep.id} has the lowest load (${openCounts[rep.id] ?? 0}/${rep.capacity.maxOpen} open)`
  }
  return `${rep.id} (${plan.method})`
}
