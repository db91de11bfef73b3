import { leadCapturedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { on, type Subscription } from '@leadwire/runtime'
import { deriveEnrichment } from './derive.ts'

export interface EnrichmentDeps {
  requiredFields: readonly string[]
  clock: () => Date
}

/** leads.captured.v1 -> leads.enriched.v1: what can be derived without the network, with provenance. */
export function createEnrichmentSubscriptions(deps: EnrichmentDeps): Subscription[] {
  return [
    on(leadCapturedV1, async (event, ctx) => {
      const { lead } = event.data
      const enrichment = deriveEnrichment(lead, { now: deps.clock(), requiredFields: deps.requiredFields })
      ctx.log.debug({ completeness: enrichment.completeness }, 'lead enriched')
      ctx.emit(leadEnrichedV1, { key: lead.leadId, data: { lead, enrichment } })
    }),
  ]
}
