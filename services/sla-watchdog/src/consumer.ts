import {
  type LeadContactedV1,
  type LeadHandedOffV1,
  type LeadRoutedV1,
  leadContactedV1,
  leadHandedOffV1,
  leadRoutedV1,
} from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { type HandlerContext, on, type Subscription } from '@leadwire/runtime'
import { planClock } from './clock.ts'
import type { ClockStore, EndReason, NewClock, StartState } from './pg-clock-store.ts'
import type { ClosureStore } from './pg-closure-store.ts'
import type { FirstTouchStore, Measured } from './pg-first-touch-store.ts'
import { speedToLead } from './speed.ts'
import { type ClockHours, resolveHours } from './working-hours.ts'

export interface WatchdogDeps {
  playbook: Playbook
  clocks: ClockStore
  touches: FirstTouchStore
  closures: ClosureStore
}

/** Rejections that say the lead itself is void, so no rep's clock should run for it. */
const closingReasons: ReadonlySet<string> = new Set<EndReason>(['duplicate', 'spam', 'not_a_lead'])

/**
 * leads.routed.v1 starts a first-touch clock per routing attempt (a re-route restarts it for
 * the new owner); leads.contacted.v1 stops it and records speed-to-lead; a handoff rejected as
 * duplicate or spam cancels it. The steps themselves fire from the ticker, not from here.
 */
export function createWatchdogSubscriptions(deps: WatchdogDeps): Subscription[] {
  return [
    on(leadRoutedV1, (event, ctx) => onRouted(deps, event.data, event.traceparent, ctx)),
    on(leadContactedV1, (event, ctx) => onContacted(deps, event.data, ctx)),
    on(leadHandedOffV1, (event, ctx) => onHandoff(deps, event.data, ctx)),
  ]
}

function defaultHours(playbook: Playbook): ClockHours {
  return { zone: playbook.timezone, hours: playbook.businessHours, from: 'playbook' }
}

function measure(deps: WatchdogDeps, clock: NewClock, touchedAt: Date): Measured {
  const hours = clock.hours ?? defaultHours(deps.playbook)
  return {
    capturedAt: clock.capturedAt,
    routedAt: clock.routedAt,
    speed: speedToLead({ ...clock, hours }, touchedAt),
  }
}

async function onRouted(
  deps: WatchdogDeps,
  data: LeadRoutedV1,
  traceparent: string | undefined,
  ctx: HandlerContext,
) {
  const { lead, score, assignment } = data
  const routedAt = new Date(assignment.routedAt)
  const hours = resolveHours(deps.playbook, assignment)
  const plan = planClock(deps.playbook, score.segment, routedAt, hours)
  const clock: NewClock = {
    leadId: lead.leadId,
    attempt: assignment.attempt,
    segment: plan.segment,
    repId: assignment.repId,
    teamId: assignment.teamId,
    rule: plan.rule,
    capturedAt: new Date(lead.capturedAt),
    routedAt,
    dueAt: plan.dueAt,
    steps: plan.steps,
    traceparent,
    deadline: plan.deadline,
    hours,
  }
  await deps.clocks.lockLead(ctx.tx, lead.leadId)
  // The topics race: a touch or a rejection handled before this routed event means the clock
  // starts ended instead of paging someone about a lead already contacted or void.
  const closed = await deps.closures.find(ctx.tx, lead.leadId)
  const early = await deps.touches.find(ctx.tx, lead.leadId)
  const touched = early !== undefined && early.measured === undefined
  let start: StartState = { state: 'running' }
  if (closed) start = { state: 'cancelled', reason: closed.reason, at: closed.closedAt }
  else if (touched) start = { state: 'stopped', reason: 'touched', at: early.touchedAt }
  const started = await deps.clocks.start(ctx.tx, clock, start)
  if (touched) await deps.touches.complete(ctx.tx, lead.leadId, measure(deps, clock, early.touchedAt))
  ctx.log.debug(
    { attempt: clock.attempt, dueAt: plan.dueAt, started, state: start.state },
    'sla clock started',
  )
}

async function onContacted(deps: WatchdogDeps, data: LeadContactedV1, ctx: HandlerContext) {
  const { leadId, repId, contactedAt } = data
  const touchedAt = new Date(contactedAt)
  await deps.clocks.lockLead(ctx.tx, leadId)
  const clock = await deps.clocks.stop(ctx.tx, leadId, touchedAt)
  const first = await deps.touches.record(ctx.tx, {
    leadId,
    repId,
    touchedAt,
    ...(clock && { measured: measure(deps, clock, touchedAt) }),
  })
  if (first && !clock) ctx.log.info('first touch before the routed event; speed-to-lead waits for it')
  ctx.log.debug({ first, attempt: clock?.attempt }, 'lead touched; sla clock stopped')
}

async function onHandoff(deps: WatchdogDeps, data: LeadHandedOffV1, ctx: HandlerContext) {
  // Other rejections (bad fit, wrong territory) are routing's to act on; the clock runs on.
  if (data.decision !== 'rejected' || !data.reason || !closingReasons.has(data.reason)) return
  const reason = data.reason as EndReason
  const at = new Date(data.decidedAt)
  await deps.clocks.lockLead(ctx.tx, data.leadId)
  await deps.closures.record(ctx.tx, data.leadId, { reason, closedAt: at })
  const cancelled = await deps.clocks.cancel(ctx.tx, data.leadId, reason, at)
  ctx.log.info({ reason, cancelled }, 'lead closed as void; sla clock cancelled')
}
