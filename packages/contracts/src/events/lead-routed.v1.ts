import { z } from 'zod'
import { assignment } from '../assignment.ts'
import { dedupResult } from '../dedup-result.ts'
import { defineEvent } from '../define-event.ts'
import { enrichment } from '../enrichment.ts'
import { leadSnapshot } from '../lead.ts'
import { score } from '../score.ts'

export const leadRoutedV1 = defineEvent({
  type: 'io.leadwire.lead.routed.v1',
  topic: 'leads.routed.v1',
  description: 'A lead was assigned to a rep (or a queue) with the reason; CRMs consume this event.',
  schema: z.object({ lead: leadSnapshot, enrichment, dedup: dedupResult, score, assignment }),
})
