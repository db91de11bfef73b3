import type { z } from 'zod'
import type { EventDefinition } from './define-event.ts'
import { eventByType } from './registry.ts'

/** Kafka header value as kafkajs hands it over. */
export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined
export type KafkaHeaders = Record<string, HeaderValue>

export interface KafkaRecord {
  key: string
  value: Buffer
  headers: Record<string, string>
}

export interface LeadEvent<T = unknown> {
  id: string
  type: string
  source: string
  time: string | undefined
  subject: string | undefined
  data: T
  traceparent: string | undefined
  tracestate: string | undefined
}

export interface EncodeInput<T> {
  id: string
  source: string
  key: string
  data: T
  time?: string
  traceparent?: string | undefined
  tracestate?: string | undefined
}

const CONTENT_TYPE = 'application/json'

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes as `ce_*` headers, the data
 * as the value, the lead id as the key (and as `ce_subject`, so consumers outside Kafka keep it).
 * The data is validated before it leaves, so a bug upstream cannot poison a topic.
 */
export function encodeEvent<S extends z.ZodType>(
  definition: EventDefinition<S>,
  input: EncodeInput<z.input<S>>,
): KafkaRecord {
  const data = definition.schema.parse(input.data)
  const leadId = leadIdOf(data)
  // The key decides the partition; a key other than the lead id would break per-lead order.
  if (leadId !== undefined && leadId !== input.key) {
    throw new Error(`${definition.type}: key ${input.key} is not the event's lead id ${leadId}`)
  }
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: input.id,
    ce_type: definition.type,
    ce_source: input.source,
    ce_time: input.time ?? new Date().toISOString(),
    ce_subject: input.key,
    'content-type': CONTENT_TYPE,
  }
  if (input.traceparent) headers.traceparent = input.traceparent
  if (input.tracestate) headers.tracestate = input.tracestate
  return { key: input.key, value: Buffer.from(JSON.stringify(data)), headers }
}

export const decodeErrorCodes = [
  'NOT_CLOUDEVENT',
  'UNSUPPORTED_SPECVERSION',
  'UNKNOWN_TYPE',
  'UNEXPECTED_TYPE',
  'UNSUPPORTED_CONTENT_TYPE',
  'MALFORMED_JSON',
  'SCHEMA_MISMATCH',
] as const
const requiredHeaders = ['ce_specversion', 'ce_id', 'ce_type', 'ce_source'] as const

export type DecodeErrorCode = (typeof decodeErrorCodes)[number]

export interface DecodeError {
  code: DecodeErrorCode
  message: string
  issues?: { path: string; message: string }[]
}

export type DecodeResult<T> = { ok: true; event: LeadEvent<T> } | { ok: false; error: DecodeError }

export function headerString(headers: KafkaHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name]
  const first = Array.isArray(raw) ? raw[0] : raw
  return first === undefined ? undefined : first.toString()
}

/**
 * Reads a binary-mode CloudEvent back. With `expected` the type must be one of those
 * definitions (a consumer of one topic); without, any registered type is accepted.
 */
export function decodeEvent<T = unknown>(
  message: { value: Buffer | null; headers?: KafkaHeaders | undefined },
  expected?: readonly EventDefinition[],
): DecodeResult<T> {
  const h = (name: string) => headerString(message.headers, name)
  const specversion = h('ce_specversion')
  const id = h('ce_id')
  const type = h('ce_type')
  const source = h('ce_source')
  if (!specversion || !id || !type || !source) {
    const missing = requiredHeaders.filter((name) => !h(name)).join(', ')
    return fail('NOT_CLOUDEVENT', `missing or empty CloudEvents header: ${missing}`)
  }
  if (specversion !== '1.0')
    return fail('UNSUPPORTED_SPECVERSION', `ce_specversion ${specversion} is not 1.0`)
  const definition = expected ? expected.find((d) => d.type === type) : eventByType(type)
  if (!definition) {
    // A type nobody registered is a producer bug; a registered one on the wrong topic is a
    // routing mistake: the operator fixes different things, so the codes differ.
    if (!eventByType(type)) return fail('UNKNOWN_TYPE', `ce_type ${type} is not a registered event type`)
    const known = expected!.map((d) => d.type).join(', ')
    return fail('UNEXPECTED_TYPE', `ce_type ${type} is not one of ${known}`)
  }
  const contentType = h('content-type') ?? CONTENT_TYPE
  if (!contentType.startsWith(CONTENT_TYPE)) {
    return fail('UNSUPPORTED_CONTENT_TYPE', `content-type ${contentType} is not ${CONTENT_TYPE}`)
  }
  let json: unknown
  try {
    json = JSON.parse(message.value?.toString('utf8') ?? '')
  } catch (err) {
    // V8's message quotes a piece of the value, which may be a person's data; it must not
    // travel on in dlq_error headers and logs. Say where it broke instead.
    const at = /at position (\d+)/.exec((err as Error).message)?.[1]
    const where = at === undefined ? 'it ends early or starts wrong' : `it breaks at character ${at}`
    return fail('MALFORMED_JSON', `value is not JSON (${message.value?.length ?? 0} bytes; ${where})`)
  }
  const parsed = definition.schema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || '(root)',
      message: i.message,
    }))
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ')
    return {
      ok: false,
      error: { code: 'SCHEMA_MISMATCH', message: `data does not match ${type}: ${summary}`, issues },
    }
  }
  return {
    ok: true,
    event: {
      id,
      type,
      source,
      time: h('ce_time'),
      subject: h('ce_subject'),
      data: parsed.data as T,
      // The SDK writes the distributed-tracing extension as ce_traceparent; we write W3C's own header.
      traceparent: h('traceparent') ?? h('ce_traceparent'),
      tracestate: h('tracestate') ?? h('ce_tracestate'),
    },
  }
}

function fail(code: DecodeErrorCode, message: string): { ok: false; error: DecodeError } {
  return { ok: false, error: { code, message } }
}

function leadIdOf(data: unknown): string | undefined {
  const d = data as { leadId?: unknown; lead?: { leadId?: unknown } } | null
  const id = d?.leadId ?? d?.lead?.leadId
  return typeof id === 'string' ? id : undefined
}
