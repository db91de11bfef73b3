import {
  type LeadDeduplicatedV1,
  leadActivityRecordedV1,
  leadDeduplicatedV1,
  leadHandedOffV1,
  leadNurturedV1,
  leadOutcomeRecordedV1,
  leadScoredV1,
} from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { type HandlerContext, on, type Subscription } from '@leadwire/runtime'
import { captureFeatures } from './capture-features.ts'
import { nurtureReason } from './nurture.ts'
import { pgFeedback } from './pg-feedback.ts'
import { pgLeadFeatures } from './pg-lead-features.ts'
import { pgLeadState } from './pg-lead-state.ts'
import { createModelCache } from './pg-model-registry.ts'
import { type ModelInput, scoreLead } from './score.ts'

export interface ScoringDeps {
  playbook: Playbook
  clock: () => Date
}

/**
 * leads.deduplicated.v1 -> leads.scored.v1 (MQL/SQL, on to routing) or leads.nurture.v1 (with
 * the reason and what would bring it back). A later activity re-scores a nurtured lead and
 * hands it over once it qualifies; a lead is handed to routing once. Hand-offs and outcomes
 * are stored as the feedback the model trains on and RevOps reads.
 */
export function createScoringSubscriptions(deps: ScoringDeps): Subscription[] {
  const currentModel = createModelCache()

  async function modelInput(ctx: HandlerContext, data: LeadDeduplicatedV1): Promise<ModelInput | undefined> {
    const entry = await currentModel(ctx.tx)
    if (!entry) return undefined
    // The model sees the lead as it was captured, even when an activity triggers the re-score.
    const features =
      (await pgLeadFeatures.get(ctx.tx, data.lead.leadId)) ?? captureFeatures(deps.playbook, data)
    return { version: entry.version, model: entry.model, features }
  }

  async function scoreAndEmit(data: LeadDeduplicatedV1, ctx: HandlerContext, wasNurtured: boolean) {
    const input = {
      ...data,
      activities: await pgLeadState.activities(ctx.tx, data.lead.leadId),
      now: deps.clock(),
    }
    const score = scoreLead(deps.playbook, input, await modelInput(ctx, data))
    const ready = score.stage !== 'nurture'
    await pgLeadState.save(ctx.tx, { data, score, handedOver: ready })
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
      const data = event.data
      const known = await pgLeadState.lock(ctx.tx, data.lead.leadId)
      if (known?.handedOver) return ctx.log.info('lead already handed to routing; not scored again')
      const features = captureFeatures(deps.playbook, data)
      await pgLeadFeatures.record(ctx.tx, data.lead.leadId, data.lead.capturedAt, features)
      await scoreAndEmit(data, ctx, false)
    }),
    on(leadActivityRecordedV1, async (event, ctx) => {
      const a = event.data
      if (!(await pgLeadState.addActivity(ctx.tx, a))) return
      const known = await pgLeadState.lock(ctx.tx, a.leadId)
      // Not seen yet: the activity waits in the table and counts when the lead arrives.
      if (!known || known.handedOver) return
      await scoreAndEmit(known.data, ctx, true)
    }),
    on(leadHandedOffV1, async (event, ctx) => pgFeedback.recordHandoff(ctx.tx, event.data)),
    on(leadOutcomeRecordedV1, async (event, ctx) => pgFeedback.recordOutcome(ctx.tx, event.data)),
  ]
}
