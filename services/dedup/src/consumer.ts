import { leadDeduplicatedV1, leadEnrichedV1 } from '@leadwire/contracts'
import { on, type Subscription } from '@leadwire/runtime'
import { matchKeys } from './normalize.ts'
import type { IdentityStore } from './pg-identity-store.ts'

export interface DedupDeps {
  identities: IdentityStore
}

/**
 * leads.enriched.v1 -> leads.deduplicated.v1: every lead is attached to an identity (a person),
 * new or known, in the same transaction that marks the event handled.
 */
export function createDedupSubscriptions(deps: DedupDeps): Subscription[] {
  return [
    on(leadEnrichedV1, async (event, ctx) => {
      const { lead, enrichment } = event.data
      const keys = matchKeys(lead, enrichment)
      const found = await deps.identities.resolve(ctx.tx, {
        leadId: lead.leadId,
        keys,
        at: new Date(lead.capturedAt),
      })
      ctx.log.debug(
        { identityId: found.identityId, isDuplicate: found.isDuplicate, matchedOn: found.matchedOn },
        'lead resolved',
      )
      ctx.emit(leadDeduplicatedV1, {
        key: lead.leadId,
        data: {
          lead,
          enrichment,
          dedup: {
            identityId: found.identityId,
            isDuplicate: found.isDuplicate,
            duplicateOf: found.duplicateOf,
            matchedOn: found.matchedOn,
            evidence: [],
          },
        },
      })
    }),
  ]
}
