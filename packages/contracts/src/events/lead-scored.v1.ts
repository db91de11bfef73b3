import { z } from 'zod'
import { dedupResult } from '../dedup-result.ts'
import { defineEvent } from '../define-event.ts'
import { enrichment } from '../enrichment.ts'
import { leadSnapshot } from '../lead.ts'
import { score } from '../score.ts'

export const leadScoredV1 = defineEvent({
  type: 'io.leadwire.lead.scored.v1',
  topic: 'leads.scored.v1',
  description: 'A lead reached MQL or SQL and is ready for routing; the score lists every contribution.',
  schema: z.object({ lead: leadSnapshot, enrichment, dedup: dedupResult, score }),
})
