import { z } from 'zod'
import { defineEvent } from '../define-event.ts'
import { enrichment } from '../enrichment.ts'
import { leadSnapshot } from '../lead.ts'

export const leadEnrichedV1 = defineEvent({
  type: 'io.leadwire.lead.enriched.v1',
  topic: 'leads.enriched.v1',
  description: 'Derived and firmographic fields were added to a lead, each with its provenance.',
  schema: z.object({ lead: leadSnapshot, enrichment }),
})
