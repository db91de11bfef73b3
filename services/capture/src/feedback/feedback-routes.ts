import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { callerOf } from '../auth/guard.ts'
import { idempotencyHeaders, inServerSpan, type RouteContext, secretKey } from '../http/route-context.ts'
import { fingerprintOf } from '../leads/captured-event.ts'
import { scopedKey } from '../leads/idempotency.ts'
import { type FeedbackKindSpec, feedbackKinds } from './feedback-kinds.ts'

const recorded = z.object({
  leadId: z.uuid(),
  eventId: z.uuid().describe('The CloudEvents id of the event published for this report'),
  status: z.literal('accepted'),
  replayed: z.boolean().describe('True when this answers a retry of a report already recorded'),
})

/**
 * POST /v1/leads/:leadId/{activities,touches,handoff,outcomes}: what CRMs and the product
 * report back, published as the contract's events through the same outbox as leads.
 */
export async function feedbackRoutes(parent: FastifyInstance, ctx: RouteContext) {
  for (const spec of feedbackKinds) addRoute(parent, ctx, spec as FeedbackKindSpec<Record<string, unknown>>)
}

function addRoute(
  parent: FastifyInstance,
  ctx: RouteContext,
  spec: FeedbackKindSpec<Record<string, unknown>>,
) {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  app.route({
    method: 'POST',
    url: `/leads/:leadId/${spec.path}`,
    bodyLimit: 32 * 1024,
    schema: {
      tags: ['feedback'],
      summary: spec.summary,
      description: `Publishes ${spec.event.type} on ${spec.event.topic} once committed. Without an Idempotency-Key, an identical report counts once.`,
      security: secretKey,
      params: z.object({ leadId: z.uuid() }),
      headers: idempotencyHeaders,
      body: spec.input,
      response: { 202: recorded },
    },
    onRequest: ctx.guard(spec.scope),
    handler: async (req, reply) => {
      const { leadId } = req.params
      const body = req.body as Record<string, unknown>
      const fingerprint = fingerprintOf(body)
      const key = req.headers['idempotency-key'] ?? spec.naturalKey?.(body) ?? `same-report:${fingerprint}`
      const eventId = randomUUID()
      const data = spec.toData(leadId, body, ctx.clock().toISOString(), eventId)
      const result = await inServerSpan(req, (traceHeaders) =>
        ctx.feedback.record({
          eventId,
          kind: spec.kind,
          event: spec.event,
          leadId,
          data,
          occurredAt: data[spec.timeField] as string,
          idempotencyKey: scopedKey(callerOf(req), key, spec.kind, leadId),
          fingerprint,
          traceHeaders,
        }),
      )
      req.log.info(
        { leadId, eventId: result.eventId, kind: spec.kind, replayed: result.replayed },
        'feedback recorded',
      )
      return reply.code(202).send({ leadId, ...result, status: 'accepted' as const })
    },
  })
}
