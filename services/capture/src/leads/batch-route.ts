import type { FastifyInstance } from 'fastify'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { callerOf } from '../auth/guard.ts'
import { describe, type FieldProblem, fieldProblems, sendProblem } from '../http/problem.ts'
import { idempotencyHeaders, inServerSpan, type RouteContext, secretKey } from '../http/route-context.ts'
import { prepareLead } from './captured-event.ts'
import { scopedKey } from './idempotency.ts'
import { type BatchRowInput, batchRowInput } from './lead-input.ts'
import type { RowOutcome } from './pg-batch-store.ts'

export const maxBatchRows = 5000
const chunkSize = 500

type RowResult = { index: number } & (RowOutcome | { status: 'invalid'; errors: FieldProblem[] })

const rowResult = z.object({
  index: z.int(),
  status: z.enum(['accepted', 'replayed', 'invalid', 'conflict']),
  leadId: z.uuid().optional(),
  capturedAt: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  detail: z.string().optional(),
})
const batchResult = z.object({
  accepted: z.int(),
  replayed: z.int(),
  invalid: z.int(),
  conflict: z.int(),
  results: z.array(rowResult),
})

// The envelope is checked as a whole; each row on its own, so one bad row is reported in
// its result instead of refusing the other few thousand.
const envelope = z.object({ leads: z.array(z.unknown()).min(1).max(maxBatchRows) }).strict()

/** POST /v1/leads/batch: an event's attendee list or an import, with a result per row. */
export async function batchRoute(parent: FastifyInstance, ctx: RouteContext) {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  app.route({
    method: 'POST',
    url: '/leads/batch',
    bodyLimit: 10 * 1024 * 1024,
    schema: {
      tags: ['leads'],
      summary: `Submit up to ${maxBatchRows} leads at once, with a result per row`,
      description:
        'Rows are stored in chunks of 500, each chunk in one transaction with its outbox events. A row is retried safely with its own `idempotencyKey`, or with the same Idempotency-Key header and the same row order. 202 when at least one row was accepted or replayed; 400 when none was.',
      security: secretKey,
      body: z.object({ leads: z.array(batchRowInput).min(1).max(maxBatchRows) }).strict(),
      headers: idempotencyHeaders,
      response: { 202: batchResult },
    },
    validatorCompiler: (route) => {
      const def = route as unknown as Parameters<typeof validatorCompiler>[0]
      return validatorCompiler(route.httpPart === 'body' ? { ...def, schema: envelope } : def)
    },
    onRequest: ctx.guard('leads:batch'),
    handler: async (req, reply) => {
      const { results, valid } = checkRows(req.body.leads as unknown[])
      const caller = callerOf(req)
      const batchKey = req.headers['idempotency-key']
      await inServerSpan(req, async (traceHeaders) => {
        for (let start = 0; start < valid.length; start += chunkSize) {
          const chunk = valid.slice(start, start + chunkSize).map(({ index, row }) => {
            const { idempotencyKey, ...input } = row
            const key = idempotencyKey ?? (batchKey && `${batchKey}#${index}`)
            const now = ctx.clock()
            const lead = prepareLead(input, { receivedVia: 'batch', traceHeaders, now, names: ctx.names })
            return { index, lead, idempotencyKey: key ? scopedKey(caller, key) : undefined }
          })
          const outcomes = await ctx.leads.acceptMany(chunk)
          chunk.forEach(({ index }, i) => {
            results[index] = { index, ...outcomes[i]! }
          })
        }
      })
      const summary = summarize(results)
      req.log.info(summary, 'batch stored')
      if (summary.accepted + summary.replayed > 0) return reply.code(202).send({ ...summary, results })
      // Nothing stored: a 4xx, still with every row's result so the caller can fix them all.
      const why = results.flatMap((r) => ('errors' in r ? describe(r.errors) : 'detail' in r ? r.detail : []))
      const status = summary.invalid > 0 ? 400 : 409
      const detail = `No row was accepted: ${why.slice(0, 10).join('; ')}`
      return sendProblem(reply, req, status, 'CAPTURE_BATCH_REJECTED', detail, { ...summary, results })
    },
  })
}

function checkRows(rows: readonly unknown[]) {
  const results: RowResult[] = []
  const valid: { index: number; row: BatchRowInput }[] = []
  rows.forEach((raw, index) => {
    const parsed = batchRowInput.safeParse(raw)
    if (parsed.success) valid.push({ index, row: parsed.data })
    else results[index] = { index, status: 'invalid', errors: fieldProblems(parsed.error, `leads.${index}`) }
  })
  return { results, valid }
}

function summarize(results: readonly RowResult[]) {
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length
  return {
    accepted: count('accepted'),
    replayed: count('replayed'),
    invalid: count('invalid'),
    conflict: count('conflict'),
  }
}
