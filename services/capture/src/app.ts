import cors from '@fastify/cors'
import formbody from '@fastify/formbody'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import {
  currentTraceHeaders,
  extractContext,
  inSpan,
  type Logger,
  type OpsRoutesOptions,
  opsRoutes,
  SpanKind,
} from '@leadwire/runtime'
import Fastify from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { z } from 'zod'
import { fromFormFields, leadInput } from './lead-input.ts'
import type { LeadStore, ReceivedVia } from './pg-lead-store.ts'
import { problemHandler } from './problem.ts'

export interface CaptureDeps {
  store: LeadStore
  log: Logger
  ops: OpsRoutesOptions
  clock?: () => Date
}

const accepted = z.object({
  leadId: z.uuid(),
  status: z.literal('accepted'),
  capturedAt: z.string(),
  replayed: z.boolean().describe('True when this answers a retry of a submission already accepted'),
})

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .optional()
    .describe('Retries with the same key return the same lead; defaults to formId + submissionId'),
})

/** The capture HTTP API; no I/O happens until the returned app is started. */
export function buildApp(deps: CaptureDeps) {
  const clock = deps.clock ?? (() => new Date())
  const app = Fastify({
    loggerInstance: deps.log,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(problemHandler)
  app.register(cors, {
    origin: true,
    methods: ['POST'],
    allowedHeaders: ['content-type', 'idempotency-key', 'traceparent'],
  })
  app.register(formbody)
  app.register(swagger, {
    openapi: { info: { title: 'leadwire capture API', version: '1.0.0' } },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  })
  app.register(swaggerUi, { routePrefix: '/docs' })
  app.register(opsRoutes, deps.ops)

  app.after(() => {
    app.route({
      method: 'POST',
      url: '/v1/leads',
      schema: {
        tags: ['leads'],
        summary: 'Submit one lead (JSON, or urlencoded from a plain HTML form)',
        body: leadInput,
        headers: idempotencyHeaders,
        response: { 202: accepted },
      },
      preValidation: async (req) => {
        if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
          req.body = fromFormFields(req.body as unknown as Record<string, string>) as typeof req.body
        }
      },
      handler: async (req, reply) => {
        const body = req.body
        const receivedVia: ReceivedVia = req.headers['content-type']?.startsWith('application/json')
          ? 'api'
          : 'form'
        const formKey =
          body.source.formId && body.source.submissionId
            ? `form:${body.source.formId}:${body.source.submissionId}`
            : undefined
        const result = await inSpan(
          'POST /v1/leads',
          {
            parent: extractContext(req.headers),
            kind: SpanKind.SERVER,
            attributes: { 'http.route': '/v1/leads' },
          },
          () =>
            deps.store.accept(body, {
              idempotencyKey: req.headers['idempotency-key'] ?? formKey,
              receivedVia,
              traceHeaders: currentTraceHeaders(),
              now: clock(),
            }),
        )
        req.log.info({ leadId: result.leadId, replayed: result.replayed }, 'lead accepted')
        return reply.code(202).send({ ...result, status: 'accepted' as const })
      },
    })
  })
  return app
}
