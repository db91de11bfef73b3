import {
  type LeadDeduplicatedV1,
  leadActivityRecordedV1,
  leadDeduplicatedV1,
  leadNurturedV1,
  leadScoredV1,
} from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { type HandlerContext, on, type Subscription } from '@leadwire/runtime'
import { nurtureReason } from './nurture.ts'
import { pgLeadState } from './pg-lead-state.ts'
import { scoreLead } from './score.ts'

export interface ScoringDeps {
  playbook: Playbook
  clock: () => Date
}

/**
 * leads.deduplicated.v1 -> leads.scored.v1 (MQL/SQL, on to routing) or leads.nurture.v1 (with
 * the reason and what would bring it back). A later activity re-scores a nurtured lead and
 * hands it over once it qualifies; a lead is handed to routing once.
 */
export function createScoringSubscriptions(deps: ScoringDeps): Subscription[] {
  async function scoreAndEmit(data: LeadDeduplicatedV1, ctx: HandlerContext, wasNurtured: boolean) {
    const input = {
      ...data,
      activities: await pgLeadState.activities(ctx.tx, data.lead.leadId),
      now: deps.clock(),
    }
    const score = scoreLead(deps.playbook, input)
    const ready = score.stage !== 'nurture'
    await pgLeadState.save(ctx.tx, {
      data,
      stage: score.stage,
      total: score.total,
      handedOver: ready,
      scoredAt: score.scoredAt,
    })
    ctx.log.debug({ stage: score.stage, total: score.total, segment: score.segment }, 'lead scored')
    if (ready) {
      ctx.emit(leadScoredV1, { key: data.lead.leadId, data: { ...data, score } })
    } else if (!wasNurtured) {
      ctx.emit(leadNurturedV1, {
        key: data.lead.leadId,
        data: { ...data, score, ...nurtureReason(deps.playbook, score, input) },
      })
    }
  }

  return [
    on(leadDeduplicatedV1, async (event, ctx) => {
      const known = await pgLeadState.lock(ctx.tx, event.data.lead.leadId)
      if (known?.handedOver) return ctx.log.info('lead already handed to routing; not scored again')
      await scoreAndEmit(event.data, ctx, false)
    }),
    on(leadActivityRecordedV1, async (event, ctx) => {
      const a = event.data
      if (!(await pgLeadState.addActivity(ctx.tx, a))) return
      const known = await pgLeadState.lock(ctx.tx, a.leadId)
      // Not seen yet: the activity waits in the table and counts when the lead arrives.
      if (!known || known.handedOver) return
      await scoreAndEmit(known.data, ctx, true)
    }),
  ]
}
