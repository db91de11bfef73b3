import { leadDeduplicatedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { on, type Subscription } from '@leadwire/runtime'
import { type ResolveDeps, resolveLead } from './resolve-lead.ts'

export type DedupDeps = ResolveDeps

/**
 * leads.enriched.v1 -> leads.deduplicated.v1: every lead is attached to a person (new, merged
 * into a known one, or held for review beside its closest match) and to its company's
 * account, in the transaction that marks the event handled and writes the outgoing event.
 */
export function createDedupSubscriptions(deps: DedupDeps): Subscription[] {
  return [
    on(leadEnrichedV1, async (event, ctx) => {
      const { lead, enrichment } = event.data
      const dedup = await resolveLead(ctx.tx, deps, lead, enrichment)
      ctx.log.debug(
        {
          identityId: dedup.identityId,
          decision: dedup.decision,
          matchProbability: dedup.matchProbability,
          accountId: dedup.account?.accountId,
        },
        'lead resolved',
      )
      ctx.emit(leadDeduplicatedV1, { key: lead.leadId, data: { lead, enrichment, dedup } })
    }),
  ]
}
