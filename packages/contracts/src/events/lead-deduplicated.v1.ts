import { z } from 'zod'
import { dedupResult } from '../dedup-result.ts'
import { defineEvent } from '../define-event.ts'
import { enrichment } from '../enrichment.ts'
import { leadSnapshot } from '../lead.ts'

export const leadDeduplicatedV1 = defineEvent({
  type: 'io.leadwire.lead.deduplicated.v1',
  topic: 'leads.deduplicated.v1',
  description: 'A lead was matched against known identities: new person, or a duplicate with evidence.',
  schema: z.object({ lead: leadSnapshot, enrichment, dedup: dedupResult }),
})
