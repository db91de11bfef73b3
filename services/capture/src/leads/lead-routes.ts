import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { callerOf } from '../auth/guard.ts'
import { useFormFields } from '../http/body-parsers.ts'
import {
  formOrSecretKey,
  idempotencyHeaders,
  inServerSpan,
  type RouteContext,
} from '../http/route-context.ts'
import { prepareLead } from './captured-event.ts'
import { fromFormFields } from './form-fields.ts'
import { scopedKey } from './idempotency.ts'
import { leadInput } from './lead-input.ts'
import { allowedRedirect } from './redirect.ts'

export const acceptedLead = z.object({
  leadId: z.uuid(),
  status: z.literal('accepted'),
  capturedAt: z.string(),
  replayed: z.boolean().describe('True when this answers a retry of a submission already accepted'),
})

const isForm = (req: FastifyRequest) =>
  req.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded') ?? false

/** POST /v1/leads: one lead, as JSON from a server or as fields from a plain HTML form. */
export async function leadRoutes(parent: FastifyInstance, ctx: RouteContext) {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  useFormFields(app)
  const redirects = new WeakMap<FastifyRequest, string>()

  app.route({
    method: 'POST',
    url: '/leads',
    schema: {
      tags: ['leads'],
      summary: 'Submit one lead (JSON, or urlencoded from a plain HTML form)',
      description:
        'Answers 202 once the lead is committed with its outbox event. An HTML form may add a `redirect` field: on success the browser is sent there with 303 (only to the key’s origins).',
      security: formOrSecretKey,
      consumes: ['application/json', 'application/x-www-form-urlencoded'],
      body: leadInput,
      headers: idempotencyHeaders,
      response: { 202: acceptedLead, 303: z.null().describe('Form posts with `redirect`: go there') },
    },
    onRequest: ctx.guard('leads:create'),
    preValidation: async (req) => {
      if (!isForm(req)) return
      const form = fromFormFields(req.body as unknown as Record<string, string>)
      req.body = form.body as typeof req.body
      if (form.redirect) redirects.set(req, form.redirect)
    },
    handler: async (req, reply) => {
      const caller = callerOf(req)
      // Checked before anything is stored: a refused redirect must not leave a lead behind.
      const redirect = allowedRedirect(redirects.get(req), caller?.origins ?? [])
      const { formId, submissionId } = req.body.source
      const key =
        req.headers['idempotency-key'] ?? (formId && submissionId && `form:${formId}:${submissionId}`)
      const result = await inServerSpan(req, (traceHeaders) => {
        const lead = prepareLead(req.body, {
          receivedVia: isForm(req) ? 'form' : 'api',
          traceHeaders,
          now: ctx.clock(),
          names: ctx.names,
        })
        return ctx.leads.accept(lead, key ? scopedKey(caller, key) : undefined)
      })
      req.log.info({ leadId: result.leadId, replayed: result.replayed }, 'lead accepted')
      if (redirect) return reply.code(303).header('location', redirect).send(null)
      return reply.code(202).send({ ...result, status: 'accepted' as const })
    },
  })
}
