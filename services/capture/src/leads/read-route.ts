import { leadSnapshot, spamAssessment } from '@leadwire/contracts'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { captureErrors } from '../http/errors.ts'
import { type RouteContext, secretKey } from '../http/route-context.ts'
import { leadStatuses } from './lead-status.ts'

const leadView = z.object({
  leadId: z.uuid(),
  status: z.enum(leadStatuses).describe('How far the CRM has reported the lead along the funnel'),
  delivery: z
    .enum(['queued', 'published'])
    .describe('`queued` while leads.captured.v1 waits for Kafka in the outbox, then `published`'),
  receivedVia: z.enum(['api', 'form', 'batch']),
  capturedAt: z.string(),
  lead: leadSnapshot,
  spam: spamAssessment.nullable(),
  feedback: z.array(
    z.object({
      eventId: z.uuid(),
      kind: z.enum(['activity', 'contacted', 'handoff', 'outcome']),
      occurredAt: z.string(),
      recordedAt: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
})

/** GET /v1/leads/:leadId: what capture knows about a lead and where the CRM says it stands. */
export async function readRoute(parent: FastifyInstance, ctx: RouteContext) {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  app.route({
    method: 'GET',
    url: '/leads/:leadId',
    schema: {
      tags: ['leads'],
      summary: 'Read a lead back, with its status and the feedback recorded for it',
      security: secretKey,
      params: z.object({ leadId: z.uuid() }),
      response: { 200: leadView },
    },
    onRequest: ctx.guard('leads:read'),
    handler: async (req) => {
      const view = await ctx.leads.find(req.params.leadId)
      if (!view) throw captureErrors.leadNotFound(req.params.leadId)
      return view
    },
  })
}
