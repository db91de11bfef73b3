import { leadCapturedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { on, type Subscription } from '@leadwire/runtime'
import { completeEnrichment, enoughFor } from './assemble.ts'
import { deriveFields } from './derive.ts'
import type { Waterfall } from './firmographics/waterfall.ts'

export interface EnrichmentDeps {
  requiredFields: readonly string[]
  clock: () => Date
  /** The firmographic providers; without it the lead gets derived fields only. */
  waterfall?: Waterfall
}

/**
 * leads.captured.v1 -> leads.enriched.v1. The waterfall never throws, so a provider outage
 * costs at most its deadline and the lead goes on with what is known, the statuses saying why.
 */
export function createEnrichmentSubscriptions(deps: EnrichmentDeps): Subscription[] {
  return [
    on(leadCapturedV1, async (event, ctx) => {
      const { lead } = event.data
      const now = deps.clock()
      const draft = deriveFields(lead, now)
      const firmographics = await deps.waterfall?.run(
        draft.fields.companyDomain,
        enoughFor(draft, deps.requiredFields),
      )
      const enrichment = await completeEnrichment(lead, draft, {
        now,
        requiredFields: deps.requiredFields,
        ...(firmographics && { firmographics }),
      })
      ctx.log.debug(
        { completeness: enrichment.completeness, providers: enrichment.providers },
        'lead enriched',
      )
      ctx.emit(leadEnrichedV1, { key: lead.leadId, data: { lead, enrichment } })
    }),
  ]
}
