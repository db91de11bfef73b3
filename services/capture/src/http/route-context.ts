import { currentTraceHeaders, extractContext, inSpan, type Names, SpanKind } from '@leadwire/runtime'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Guard } from '../auth/guard.ts'
import type { FeedbackStore } from '../feedback/pg-feedback-store.ts'
import type { LeadStore } from '../leads/pg-lead-store.ts'

/** What the /v1 routes share; built once by the app. */
export interface RouteContext {
  leads: LeadStore
  feedback: FeedbackStore
  guard: Guard
  names: Names
  clock: () => Date
}

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only')
    .optional()
    .describe('Retries with the same key return the original result instead of repeating it'),
})

type Security = readonly { [scheme: string]: readonly string[] }[]
export const secretKey: Security = [{ secretKey: [] }]
export const formOrSecretKey: Security = [{ formKey: [] }, { secretKey: [] }]

/**
 * Runs a write in a server span continuing the caller's `traceparent`, and hands it the
 * span's W3C headers to store with the outbox row, so the lead's trace crosses Kafka.
 */
export function inServerSpan<T>(
  req: FastifyRequest,
  fn: (trace: { traceparent?: string; tracestate?: string }) => Promise<T>,
): Promise<T> {
  const route = `${req.method} ${req.routeOptions.url ?? req.url}`
  return inSpan(
    route,
    { parent: extractContext(req.headers), kind: SpanKind.SERVER, attributes: { 'http.route': route } },
    () => fn(currentTraceHeaders()),
  )
}
