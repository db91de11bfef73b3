import { z } from 'zod'
import { dedupResult } from '../dedup-result.ts'
import { defineEvent } from '../define-event.ts'
import { enrichment } from '../enrichment.ts'
import { leadSnapshot } from '../lead.ts'
import { score } from '../score.ts'

export const leadNurturedV1 = defineEvent({
  type: 'io.leadwire.lead.nurtured.v1',
  topic: 'leads.nurture.v1',
  description: 'A lead is not sales-ready yet: why, and what would bring it back to routing.',
  schema: z.object({
    lead: leadSnapshot,
    enrichment,
    dedup: dedupResult,
    score,
    reason: z.string(),
    exitCriteria: z.array(z.string()),
  }),
})
