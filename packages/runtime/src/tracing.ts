import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base'
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node'

let provider: NodeTracerProvider | undefined

type Attributes = Record<string, string | number | boolean>

/**
 * Registers the tracer provider and the W3C propagator. Spans are exported over OTLP/HTTP
 * when an endpoint is given; without one they are still created, so `traceparent` keeps
 * carrying one trace id from the HTTP request through every Kafka hop.
 */
export function startTracing(opts: {
  service: string
  otlpEndpoint?: string | undefined
  processors?: SpanProcessor[]
}) {
  const spanProcessors = [...(opts.processors ?? [])]
  if (opts.otlpEndpoint) {
    spanProcessors.push(
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${opts.otlpEndpoint}/v1/traces` })),
    )
  }
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': `leadwire-${opts.service}`,
      'service.namespace': 'leadwire',
    }),
    spanProcessors,
  })
  provider.register({ propagator: new W3CTraceContextPropagator() })
  return provider
}

export async function stopTracing(): Promise<void> {
  await provider?.shutdown()
  provider = undefined
}

export const tracer = () => trace.getTracer('leadwire')

type Carrier = Record<string, string | string[] | Buffer | (string | Buffer)[] | undefined>

const getter = {
  keys: (carrier: Carrier) => Object.keys(carrier),
  get: (carrier: Carrier, key: string) => {
    const v = carrier[key]
    const first = Array.isArray(v) ? v[0] : v
    return first === undefined ? undefined : first.toString()
  },
}

export function extractContext(headers: Carrier | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, getter) : ROOT_CONTEXT
}

/** The W3C trace headers of the active span, to store with an outgoing event. */
export function currentTraceHeaders(): { traceparent?: string; tracestate?: string } {
  const carrier: Record<string, string> = {}
  propagation.inject(context.active(), carrier)
  return carrier
}

/** Starts a producer span under the context an event carries and returns the headers that continue it. */
export function startProducerSpan(
  name: string,
  headers: Record<string, string>,
  attributes: Attributes,
): { span: Span; headers: Record<string, string> } {
  const span = tracer().startSpan(name, { kind: SpanKind.PRODUCER, attributes }, extractContext(headers))
  const carrier: Record<string, string> = {}
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier)
  return { span, headers: { ...headers, ...carrier } }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * The attributes on-call searches a lead's trace by: lead id, segment, rep and, on an SLA
 * step, its level. They are read from whichever shape the event has (a lead snapshot with
 * score and assignment, or a flat feedback/breach event), so every hop carries the same keys.
 */
export function leadAttributes(data: unknown, leadId?: string): Attributes {
  const d = (data ?? {}) as Record<string, Record<string, unknown> | undefined>
  const found = {
    'leadwire.lead_id': text(leadId) ?? text(d.lead?.leadId) ?? text(d.leadId),
    'leadwire.segment': text(d.score?.segment) ?? text(d.assignment?.segment) ?? text(d.segment),
    'leadwire.rep_id': text(d.assignment?.repId) ?? text(d.repId),
    'leadwire.sla_level': text(d.level),
  }
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as Attributes
}

export async function inSpan<T>(
  name: string,
  opts: { parent?: Context; kind?: SpanKind; attributes?: Attributes },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = opts.parent ?? context.active()
  return tracer().startActiveSpan(
    name,
    { kind: opts.kind ?? SpanKind.INTERNAL, attributes: opts.attributes ?? {} },
    parent,
    async (span) => {
      try {
        return await fn(span)
      } catch (err) {
        span.recordException(err as Error)
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message })
        throw err
      } finally {
        span.end()
      }
    },
  )
}

export { SpanKind, SpanStatusCode }
