import { z } from 'zod'
import { defineEvent } from '../define-event.ts'
import { leadId, timestamp } from '../primitives.ts'

export const activityTypes = [
  'page_view',
  'pricing_page',
  'demo_request',
  'content_download',
  'webinar',
  'email_open',
  'email_click',
  'outbound_reply',
] as const

export const leadActivityRecordedV1 = defineEvent({
  type: 'io.leadwire.lead.activity-recorded.v1',
  topic: 'leads.activity.v1',
  description: 'Something the lead did (page view, demo request, email engagement) that can change intent.',
  schema: z.object({
    leadId,
    activityId: z.string().min(1).max(200),
    activity: z.enum(activityTypes),
    occurredAt: timestamp,
    properties: z
      .record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean()]))
      .refine((p) => Object.keys(p).length <= 50, { message: 'at most 50 properties' })
      .meta({ maxProperties: 50 })
      .default({}),
  }),
})
