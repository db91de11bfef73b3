import type { LeadRoutedV1, LeadScoredV1 } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { LeadwireError } from '@leadwire/runtime'
import type pg from 'pg'
import type { Directory, Rep } from './directory.ts'
import type { AssignmentStore } from './pg-assignment-store.ts'
import { pickCandidate } from './pick.ts'
import { routingReason } from './reason.ts'
import type { Cursors } from './redis-cursors.ts'
import { planRoute, type RouteMethod, type RoutePlan } from './rules.ts'

export type RoutedAssignment = LeadRoutedV1['assignment']

export interface RouterDeps {
  playbook: Playbook
  directory: Directory
  assignments: AssignmentStore
  cursors: Cursors
  clock: () => Date
}

export interface RouteOptions {
  attempt: number
  /** Reps who may not take this attempt (the one an escalation moves the lead away from). */
  exclude?: readonly string[] | undefined
}

interface PickState extends RouteOptions {
  now: Date
  cursor: number
  openCounts: Readonly<Record<string, number>>
}

// Only rotations read the cursor; asking Redis for the others would just skip turns.
const rotates = (method: RouteMethod) => method === 'round_robin' || method === 'dedicated'

/**
 * Plans, picks and records one routing attempt inside the caller's transaction, and makes
 * the rep the owner of the person if nobody is yet. Returns undefined when this attempt of
 * the lead was already recorded, so the caller emits nothing: a lead is never routed twice.
 */
export function createRouter(deps: RouterDeps) {
  const { playbook, directory, assignments } = deps

  async function route(
    scored: LeadScoredV1,
    tx: pg.ClientBase,
    opts: RouteOptions,
  ): Promise<RoutedAssignment | undefined> {
    const now = deps.clock()
    const { identityId } = scored.dedup
    const knownOwner = await assignments.ownerOf(tx, identityId)
    const openCounts = await assignments.openCounts(tx)
    const plan = planRoute(playbook, directory, {
      scored,
      now,
      knownOwner,
      openCounts,
      exclude: opts.exclude,
    })
    const cursor = rotates(plan.method) ? await deps.cursors.next(plan.teamId) : 0
    const rep = pickCandidate(plan, { cursor, openCounts })
    if (!rep && plan.queue === undefined) {
      // planRoute only returns an empty pool together with a queue; this is a bug, not bad data.
      throw new LeadwireError('ROUTING_NO_PICK', `no rep picked from a ${plan.method} plan without a queue`)
    }
    const assignment = buildAssignment(plan, rep, { ...opts, now, cursor, openCounts })
    const recorded = await assignments.record(tx, {
      ...assignment,
      leadId: scored.lead.leadId,
      teamId: plan.teamId,
      segment: plan.segment,
      identityId,
      routedAt: now,
    })
    if (!recorded) return undefined
    if (rep) await assignments.setOwner(tx, identityId, rep.id, now)
    return assignment
  }

  function buildAssignment(plan: RoutePlan, rep: Rep | undefined, s: PickState): RoutedAssignment {
    const team = directory.teams.find((t) => t.id === plan.teamId)
    const segment = playbook.segments.find((x) => x.name === plan.segment)
    const reason = routingReason({
      method: plan.method,
      segment: segment?.description ?? plan.segment,
      teamName: team?.name ?? plan.teamId,
      rep,
      queue: plan.queue,
      attempt: s.attempt,
    })
    const who = rep ? { repId: rep.id, repName: rep.name, repEmail: rep.email } : { queue: plan.queue }
    return {
      ...who,
      teamId: plan.teamId,
      method: plan.method,
      reason,
      trace: [...plan.trace, { rule: 'pick', outcome: pickOutcome(plan, rep, s) }],
      attempt: s.attempt,
      routedAt: s.now.toISOString(),
    }
  }

  return { route }
}

export type Router = ReturnType<typeof createRouter>

function pickOutcome(plan: RoutePlan, rep: Rep | undefined, s: PickState): string {
  if (!rep) return `no rep; queued in ${plan.queue}`
  if (rotates(plan.method)) return `${rep.id} at position ${s.cursor} of the ${plan.teamId} rotation`
  if (plan.method === 'load_balanced') {
    return `${rep.id} has the lowest load (${s.openCounts[rep.id] ?? 0}/${rep.capacity.maxOpen} open)`
  }
  return `${rep.id} (${plan.method})`
}
