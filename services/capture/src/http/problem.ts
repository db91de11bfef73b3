import { isInfrastructureError, LeadwireError } from '@leadwire/runtime'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { FieldError } from './errors.ts'

export interface FieldProblem {
  field: string
  message: string
}

const titles: Record<number, string> = {
  400: 'The request is invalid',
  401: 'An API key is needed',
  403: 'This key may not do that',
  404: 'Not found',
  409: 'Conflicts with an earlier request',
  413: 'The body is too large',
  414: 'The URL is too long',
  415: 'Unsupported content type',
  429: 'Too many requests',
}

/**
 * RFC 9457 problem details for every error. Validation errors name each field and why;
 * 5xx never leak internals, only a reference to find the request in the logs.
 */
export function problemHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors: FieldProblem[] = err.validation.flatMap((v) =>
      fieldNames(v.instancePath, v.params).map((field) => ({ field, message: v.message ?? 'is invalid' })),
    )
    return sendProblem(reply, req, 400, 'CAPTURE_INVALID_REQUEST', describe(errors), { errors })
  }
  if (err instanceof LeadwireError && err.statusCode < 500) {
    if (err.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="leadwire"')
    const extra = err instanceof FieldError ? { errors: err.errors } : {}
    return sendProblem(reply, req, err.statusCode, err.code as ProblemCode, err.message, extra)
  }
  const known = fastifyProblem(err, req)
  if (known) return sendProblem(reply, req, known.status, known.code, known.detail)
  if (isInfrastructureError(err)) {
    req.log.warn({ err }, 'request failed: a dependency is unavailable')
    reply.header('retry-after', 5)
    return sendProblem(
      reply,
      req,
      503,
      'CAPTURE_UNAVAILABLE',
      'Nothing was stored; retry shortly with the same Idempotency-Key',
    )
  }
  req.log.error({ err }, 'request failed')
  return sendProblem(
    reply,
    req,
    500,
    'CAPTURE_INTERNAL',
    `Something went wrong on our side (reference ${req.id})`,
  )
}

type Known = { status: number; code: ProblemCode; detail: string }

function fastifyProblem(err: FastifyError, req: FastifyRequest): Known | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'CAPTURE_UNSUPPORTED_MEDIA_TYPE',
        detail: `Content type '${req.headers['content-type'] ?? '(none)'}' is not accepted here; send application/json${req.url.split('?')[0] === '/v1/leads' ? ', or application/x-www-form-urlencoded from an HTML form (not multipart/form-data)' : ''}`,
      }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'CAPTURE_BODY_TOO_LARGE',
        detail: `The body is over this endpoint's limit of ${req.routeOptions.bodyLimit} bytes; send less (split a large batch)`,
      }
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        code: 'CAPTURE_BAD_URL',
        detail: 'The path has a broken %-escape; encode each path segment as UTF-8 (encodeURIComponent)',
      }
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        code: 'CAPTURE_URL_TOO_LONG',
        detail: 'A path segment is longer than any id here; check the URL',
      }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'CAPTURE_BAD_CONTENT_LENGTH',
        detail: 'The body length does not match the Content-Length header',
      }
    default:
      return err.statusCode && err.statusCode < 500
        ? { status: err.statusCode, code: 'CAPTURE_BAD_REQUEST', detail: err.message }
        : undefined
  }
}

/** Zod issues as `field: why`, the way the HTTP API names them. */
export function fieldProblems(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.flatMap((i) => {
    const base = [prefix, ...i.path.map(String)].filter(Boolean).join('.')
    const keys = i.code === 'unrecognized_keys' ? i.keys : undefined
    if (keys?.length)
      return keys.map((k) => ({ field: [base, k || '""'].filter(Boolean).join('.'), message: i.message }))
    return [{ field: base || '(body)', message: i.message }]
  })
}

export const describe = (errors: readonly FieldProblem[]) =>
  errors.map((e) => `${e.field}: ${e.message}`).join('; ')

/** One field per unknown key, so each is named on its own; an empty name shows as `""`. */
function fieldNames(instancePath: string, params: unknown): string[] {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.')
  const keys = (params as { keys?: string[] } | undefined)?.keys
  if (keys?.length) return keys.map((k) => [base, k || '""'].filter(Boolean).join('.'))
  return [base || '(body)']
}

export const problemType = (code: string) =>
  `https://leadwire.dev/problems/${code
    .toLowerCase()
    .replace(/^capture_/, '')
    .replaceAll('_', '-')}`

export type ProblemCode = `CAPTURE_${string}`

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: ProblemCode,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  const title =
    titles[status] ?? (status >= 500 ? 'The request could not be completed' : 'The request failed')
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: problemType(code), title, status, detail, instance: req.url.split('?')[0], code, ...extra })
}
