import type { LeadRoutedV1, LeadScoredV1 } from '@leadwire/contracts'
import type { Playbook, RerouteTarget } from '@leadwire/playbook'
import { LeadwireError } from '@leadwire/runtime'
import type pg from 'pg'
import { type Decision, decide } from './decide.ts'
import type { Directory } from './directory.ts'
import { leadProfile, namedAccountReps } from './filters.ts'
import type { AssignmentStore } from './pg-assignment-store.ts'
import type { LedgerStore } from './pg-ledger-store.ts'
import { routingReason } from './reason.ts'
import { planRoute, type RoutePlan, segmentFor } from './rules.ts'
import { slaOf } from './sla.ts'

export type RoutedAssignment = LeadRoutedV1['assignment']

export interface RouterDeps {
  playbook: Playbook
  /** Where the directory is read from: routing's own tables, inside the routing transaction. */
  directory: { load(tx: pg.ClientBase): Promise<Directory> }
  assignments: AssignmentStore
  ledger: LedgerStore
  clock: () => Date
}

export interface RouteOptions {
  attempt: number
  /** Reps who may not take this attempt (the one an escalation moves the lead away from). */
  exclude?: readonly string[] | undefined
  /** An escalation step's target; undefined for a first routing. */
  target?: RerouteTarget | undefined
  previousRepId?: string | undefined
}

/**
 * Plans, picks and records one routing attempt inside the caller's transaction. Every pool
 * the lead may be drawn from is locked before open counts and credits are read, so replicas
 * never exceed a capacity nor take the same turn. Returns undefined when this attempt was
 * already recorded, so the caller emits nothing: a lead is never routed twice.
 */
export function createRouter(deps: RouterDeps) {
  const { playbook, assignments, ledger } = deps

  async function route(scored: LeadScoredV1, tx: pg.ClientBase, opts: RouteOptions) {
    const now = deps.clock()
    const { identityId } = scored.dedup
    const directory = await deps.directory.load(tx)
    const knownOwner = await assignments.ownerOf(tx, identityId)
    await ledger.lockPools(tx, poolsFor(playbook, directory, scored, knownOwner))
    const openCounts = await assignments.openCounts(tx)
    const dayCounts = await assignments.dayCounts(tx, directory.reps, now)
    const { exclude, target } = opts
    const input = { scored, now, knownOwner, openCounts, dayCounts, exclude, target }
    const plan = planRoute(playbook, directory, input)
    const decision = decide(plan, await ledger.rows(tx, plan.teamId), openCounts, directory)
    const { rep } = decision
    if (!rep && plan.queue === undefined) {
      // planRoute only returns an empty pool together with a queue; this is a bug, not bad data.
      throw new LeadwireError('ROUTING_NO_PICK', `no rep picked from a ${plan.method} plan without a queue`)
    }
    const assignment = buildAssignment(directory, plan, decision, opts, now)
    const recorded = await assignments.record(tx, {
      ...assignment,
      leadId: scored.lead.leadId,
      teamId: plan.teamId,
      segment: plan.segment,
      identityId,
      routedAt: now,
      slaDueAt: new Date(assignment.slaDueAt!),
    })
    if (!recorded) return undefined
    if (rep && decision.counted) {
      await ledger.save(tx, plan.teamId, decision.credits, decision.eligibleIds, now)
      const counted = { leadId: scored.lead.leadId, attempt: opts.attempt, pool: plan.teamId, repId: rep.id }
      await ledger.recordCounted(tx, { ...counted, at: now })
    }
    if (rep) await assignments.setOwner(tx, identityId, rep.id, now)
    return assignment
  }

  function buildAssignment(
    directory: Directory,
    plan: RoutePlan,
    d: Decision,
    opts: RouteOptions,
    now: Date,
  ): RoutedAssignment {
    const { rep } = d
    const team = directory.teams.find((t) => t.id === plan.teamId)
    const segment = playbook.segments.find((x) => x.name === plan.segment)
    const reason = routingReason({
      method: plan.method,
      segment: segment?.description ?? plan.segment,
      teamName: team?.name ?? plan.teamId,
      rep,
      queue: plan.queue,
      attempt: opts.attempt,
      target: opts.target,
    })
    const who = rep ? { repId: rep.id, repName: rep.name, repEmail: rep.email } : { queue: plan.queue }
    const trace = [...plan.trace, { rule: 'pick', outcome: d.pickOutcome }]
    const { workingHours, slaDueAt } = slaOf(playbook, plan.segment, plan.teamId, rep, now)
    return {
      ...who,
      teamId: plan.teamId,
      method: plan.method,
      reason,
      trace,
      attempt: opts.attempt,
      routedAt: now.toISOString(),
      segment: plan.segment,
      slaDueAt: slaDueAt.toISOString(),
      ...(workingHours ? { workingHours } : {}),
      ...(opts.previousRepId ? { previousRepId: opts.previousRepId } : {}),
      decision: { ...d.path, rules: trace },
    }
  }

  return { route }
}

export type Router = ReturnType<typeof createRouter>

/** The teams a plan may draw from: the segment's, and the owners' when they differ. */
function poolsFor(playbook: Playbook, directory: Directory, scored: LeadScoredV1, knownOwner?: string) {
  const teamOf = (id?: string) => directory.reps.find((r) => r.id === id)?.team
  const named = namedAccountReps(directory.reps, leadProfile(scored)).map((r) => r.id)
  const owners = [knownOwner, scored.lead.source.originalOwnerId, ...named].map(teamOf)
  const coverage = segmentFor(playbook, scored.score.segment).coverage.team
  return [coverage, ...owners].filter((t): t is string => t !== undefined)
}
