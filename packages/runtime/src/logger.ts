import { isSpanContextValid, trace } from '@opentelemetry/api'
import { type Logger, pino } from 'pino'

export type { Logger } from 'pino'

// Personal data stays out of logs by default: contact fields wherever a lead is logged.
const pii = ['email', 'phone', 'firstName', 'lastName', 'repEmail']
const redactPaths = [
  ...pii,
  ...pii.map((f) => `*.${f}`),
  ...pii.map((f) => `*.*.${f}`),
  ...pii.map((f) => `*.*.*.${f}`),
]

/**
 * Every line written inside a span carries its trace and span ids, so a log line leads to its
 * trace in Jaeger and a trace to its lines (grep the trace id). Read per line from the active
 * context: a child logger made before the span started still gets the right ids.
 */
export function traceIds(): { traceId?: string; spanId?: string } {
  const ctx = trace.getActiveSpan()?.spanContext()
  return ctx && isSpanContextValid(ctx) ? { traceId: ctx.traceId, spanId: ctx.spanId } : {}
}

export function createLogger(opts: {
  service: string
  level: string
  destination?: NodeJS.WritableStream
}): Logger {
  return pino(
    {
      level: opts.level,
      base: { service: opts.service },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceIds,
    },
    opts.destination ?? process.stdout,
  )
}
