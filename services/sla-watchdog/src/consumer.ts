import { leadContactedV1, leadRoutedV1 } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { on, type Subscription } from '@leadwire/runtime'
import { planClock } from './clock.ts'
import type { ClockStore, NewClock } from './pg-clock-store.ts'
import type { FirstTouchStore, Measured } from './pg-first-touch-store.ts'
import { speedToLead } from './speed.ts'

export interface WatchdogDeps {
  playbook: Playbook
  clocks: ClockStore
  touches: FirstTouchStore
}

/**
 * leads.routed.v1 starts a first-touch clock per routing attempt; leads.contacted.v1 stops it
 * and records speed-to-lead. The steps themselves fire from the ticker, not from here.
 */
export function createWatchdogSubscriptions(deps: WatchdogDeps): Subscription[] {
  const measure = (clock: NewClock, touchedAt: Date): Measured => ({
    capturedAt: clock.capturedAt,
    routedAt: clock.routedAt,
    speed: speedToLead(deps.playbook, clock, touchedAt),
  })

  return [
    on(leadRoutedV1, async (event, ctx) => {
      const { lead, score, assignment } = event.data
      const routedAt = new Date(assignment.routedAt)
      const plan = planClock(deps.playbook, score.segment, routedAt)
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
        traceparent: event.traceparent,
      }
      await deps.clocks.lockLead(ctx.tx, lead.leadId)
      // A touch handled before this routed event (the topics race): the lead is already
      // contacted, so its clock starts stopped instead of paging someone about it.
      const early = await deps.touches.find(ctx.tx, lead.leadId)
      const touched = early !== undefined && early.measured === undefined
      const started = await deps.clocks.start(ctx.tx, clock, touched ? 'stopped' : 'running')
      if (touched) await deps.touches.complete(ctx.tx, lead.leadId, measure(clock, early.touchedAt))
      ctx.log.debug({ attempt: clock.attempt, dueAt: plan.dueAt, started, touched }, 'sla clock started')
    }),

    on(leadContactedV1, async (event, ctx) => {
      const { leadId, repId, contactedAt } = event.data
      const touchedAt = new Date(contactedAt)
      await deps.clocks.lockLead(ctx.tx, leadId)
      const clock = await deps.clocks.stop(ctx.tx, leadId)
      const first = await deps.touches.record(ctx.tx, {
        leadId,
        repId,
        touchedAt,
        ...(clock && { measured: measure(clock, touchedAt) }),
      })
      if (first && !clock) ctx.log.info('first touch before the routed event; speed-to-lead waits for it')
      ctx.log.debug({ first, attempt: clock?.attempt }, 'lead touched; sla clock stopped')
    }),
  ]
}
