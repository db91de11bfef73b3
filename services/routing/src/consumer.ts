import {
  type LeadHandedOffV1,
  type LeadOutcomeRecordedV1,
  type LeadScoredV1,
  type LeadSlaBreachedV1,
  leadHandedOffV1,
  leadOutcomeRecordedV1,
  leadRoutedV1,
  leadScoredV1,
  leadSlaBreachedV1,
} from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { type HandlerContext, LeadwireError, on, type Subscription } from '@leadwire/runtime'
import type { AssignmentStore } from './pg-assignment-store.ts'
import type { LedgerStore } from './pg-ledger-store.ts'
import type { RoutedAssignment, Router } from './route.ts'
import { segmentFor } from './rules.ts'

export interface RoutingDeps {
  playbook: Playbook
  router: Router
  assignments: AssignmentStore
  ledger: LedgerStore
  clock: () => Date
}

/** Rejections that say the lead should not have counted against the rep. */
const CREDITED_BACK: readonly string[] = ['duplicate', 'bad_fit']

/**
 * leads.scored.v1 -> leads.routed.v1 (attempt 1); a `reroute` escalation on
 * leads.sla-breached.v1 -> the next attempt with another rep; a rejected handoff or a won/lost
 * outcome closes the assignment, which frees the rep's capacity.
 */
export function createRoutingSubscriptions(deps: RoutingDeps): Subscription[] {
  return [
    on(leadScoredV1, (event, ctx) => routeScored(deps, event.data, ctx)),
    on(leadSlaBreachedV1, (event, ctx) => reroute(deps, event.data, ctx)),
    on(leadHandedOffV1, (event, ctx) => closeOnRejection(deps, event.data, ctx)),
    on(leadOutcomeRecordedV1, (event, ctx) => closeOnOutcome(deps, event.data, ctx)),
  ]
}

async function routeScored(deps: RoutingDeps, scored: LeadScoredV1, ctx: HandlerContext) {
  const { tx, log } = ctx
  const leadId = scored.lead.leadId
  // Kept even for a re-score, so a later re-route hands over the lead as last scored.
  await deps.assignments.saveScored(tx, scored, deps.clock())
  const latest = await deps.assignments.latestAttempt(tx, leadId)
  if (latest) {
    log.info({ attempt: latest.attempt }, 're-scored lead is already routed; not routed again')
    return
  }
  const assignment = await deps.router.route(scored, tx, { attempt: 1 })
  if (assignment) emitRouted(ctx, scored, assignment)
}

async function reroute(deps: RoutingDeps, breach: LeadSlaBreachedV1, ctx: HandlerContext) {
  // notify and page are for people; they read leads.sla-breached.v1 themselves.
  if (breach.action !== 'reroute') return
  const { tx, log } = ctx
  const latest = await deps.assignments.latestAttempt(tx, breach.leadId)
  // A timer of an attempt already re-routed, rejected or closed must not move the lead again.
  if (!latest?.open || latest.attempt !== breach.attempt) {
    log.info({ attempt: breach.attempt, latest }, 'escalation is for an attempt no longer open; ignored')
    return
  }
  const scored = await deps.assignments.scoredOf(tx, breach.leadId)
  if (!scored) {
    throw new LeadwireError(
      'ROUTING_LEAD_UNKNOWN',
      `lead ${breach.leadId} is assigned but its data is missing`,
    )
  }
  const now = deps.clock()
  await deps.assignments.close(tx, breach.leadId, 'rerouted', now)
  // The rep loses the lead, so it no longer counts against their share of the pool.
  await deps.ledger.creditBack(tx, breach.leadId, latest.attempt, 'reassigned', now)
  const step = segmentFor(deps.playbook, breach.segment).sla.escalation[breach.step]
  const assignment = await deps.router.route(scored, tx, {
    attempt: latest.attempt + 1,
    exclude: latest.repId ? [latest.repId] : [],
    target: step?.to ?? 'next_rep',
    previousRepId: latest.repId,
  })
  if (assignment) emitRouted(ctx, scored, assignment)
}

async function closeOnRejection(deps: RoutingDeps, handoff: LeadHandedOffV1, ctx: HandlerContext) {
  if (handoff.decision !== 'rejected') return
  const latest = await deps.assignments.latestAttempt(ctx.tx, handoff.leadId)
  // A late rejection from a rep the lead has already moved away from says nothing about now.
  if (!latest?.open || latest.repId !== handoff.repId) {
    ctx.log.info({ repId: handoff.repId }, 'rejection from a rep who is not the assignee; ignored')
    return
  }
  const now = deps.clock()
  await deps.assignments.close(ctx.tx, handoff.leadId, `rejected:${handoff.reason}`, now)
  if (handoff.reason && CREDITED_BACK.includes(handoff.reason)) {
    await deps.ledger.creditBack(ctx.tx, handoff.leadId, latest.attempt, `rejected:${handoff.reason}`, now)
  }
  ctx.log.info({ repId: handoff.repId, reason: handoff.reason }, 'assignment closed: rejected by the rep')
}

async function closeOnOutcome(deps: RoutingDeps, outcome: LeadOutcomeRecordedV1, ctx: HandlerContext) {
  // An opportunity is still being worked: the lead keeps counting against the rep.
  if (outcome.outcome === 'opportunity') return
  const closed = await deps.assignments.close(ctx.tx, outcome.leadId, outcome.outcome, deps.clock())
  ctx.log.info({ outcome: outcome.outcome, closed }, 'assignment closed by an outcome')
}

function emitRouted(ctx: HandlerContext, scored: LeadScoredV1, assignment: RoutedAssignment) {
  const { lead, enrichment, dedup, score } = scored
  ctx.emit(leadRoutedV1, { key: lead.leadId, data: { lead, enrichment, dedup, score, assignment } })
  const { method, repId, teamId, queue, attempt } = assignment
  ctx.log.info({ method, repId, teamId, queue, attempt }, 'lead routed')
}
