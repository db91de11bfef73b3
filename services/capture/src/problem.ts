import { LeadwireError } from '@leadwire/runtime'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

export interface FieldProblem {
  field: string
  message: string
}

/**
 * RFC 9457 problem details. Validation errors name each field; 5xx never leak internals.
 */
export function problemHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors: FieldProblem[] = err.validation.map((v) => ({
      field: fieldName(v.instancePath, v.params),
      message: v.message ?? 'is invalid',
    }))
    return send(reply, req, 400, {
      type: 'https://leadwire.dev/problems/invalid-lead',
      title: 'The submitted lead is invalid',
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    })
  }
  if (err instanceof LeadwireError && err.statusCode < 500) {
    return send(reply, req, err.statusCode, {
      type: problemType(err.code),
      title: err.message,
      code: err.code,
    })
  }
  if (err.statusCode && err.statusCode < 500) {
    return send(reply, req, err.statusCode, {
      type: problemType(err.code ?? 'bad-request'),
      title: err.message,
    })
  }
  req.log.error({ err }, 'request failed')
  return send(reply, req, 503, {
    type: problemType('unavailable'),
    title: 'The lead could not be stored right now; retry with the same Idempotency-Key',
  })
}

function fieldName(instancePath: string, params: unknown): string {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.')
  const keys = (params as { keys?: string[] } | undefined)?.keys
  if (keys?.length) return keys.map((k) => (base ? `${base}.${k}` : k)).join(', ')
  return base || '(body)'
}

const problemType = (code: string) =>
  `https://leadwire.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`

function send(reply: FastifyReply, req: FastifyRequest, status: number, body: Record<string, unknown>) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ status, instance: req.url, ...body })
}
