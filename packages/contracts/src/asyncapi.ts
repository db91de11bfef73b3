import { encodeEvent } from './cloudevents.ts'
import { eventExamples } from './examples.ts'
import { eventJsonSchema, type JsonSchema } from './json-schema.ts'
import { type TopicDefinition, topics } from './registry.ts'

/** Bump the minor version with every additive change to a v1 event. */
export const asyncApiVersion = '1.0.0'

/**
 * Who reads each topic, from the pipeline in the design brief. `crm` stands for the CRMs that
 * integrators connect; topics nobody in the pipeline reads yet are left out rather than guessed.
 */
export const consumersByTopic: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'leads.captured.v1': ['enrichment'],
  'leads.enriched.v1': ['dedup'],
  'leads.deduplicated.v1': ['scoring'],
  'leads.activity.v1': ['scoring'],
  'leads.scored.v1': ['routing'],
  'leads.sla-breached.v1': ['routing'],
  'leads.routed.v1': ['sla-watchdog', 'crm'],
  'leads.contacted.v1': ['sla-watchdog'],
})

const kafkaBindingVersion = '0.5.0'
const uuid = { type: 'string', format: 'uuid' }

const cloudEventHeaders: JsonSchema = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes in Kafka binary mode, plus W3C trace context.',
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', minLength: 1, description: 'Unique per event; consumers deduplicate on it' },
    ce_type: { type: 'string', description: 'The event type; names the payload schema' },
    ce_source: { type: 'string', format: 'uri-reference', description: 'The producing service' },
    ce_time: { type: 'string', format: 'date-time' },
    ce_subject: { ...uuid, description: 'The lead id, same as the Kafka key' },
    'content-type': { type: 'string', const: 'application/json' },
    traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    tracestate: { type: 'string' },
  },
  required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_subject', 'content-type'],
}

// The example travels through encodeEvent, so its headers and payload are exactly what we emit.
function example(t: TopicDefinition) {
  const data = eventExamples[t.event.type]
  const key = findLeadId(data)
  const record = encodeEvent(t.event, {
    id: '5b0c7a8e-1d2f-4a3b-9c4d-5e6f7a8b9c0d',
    source: `/leadwire/${t.producer}`,
    key,
    data,
    time: '2025-03-11T14:02:09.000Z',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  })
  return { name: 'example', headers: record.headers, payload: JSON.parse(record.value.toString('utf8')) }
}

function findLeadId(data: unknown): string {
  const d = data as { leadId?: string; lead?: { leadId?: string } }
  const id = d.leadId ?? d.lead?.leadId
  if (!id) throw new Error('an example has no leadId to use as the Kafka key')
  return id
}

function message(t: TopicDefinition) {
  // Without `$schema` the payload reads as AsyncAPI's default schema format (a draft-07 superset);
  // zod emits no 2020-12-only keyword for these schemas, which a test keeps true.
  const { $schema: _draft, ...payload } = eventJsonSchema(t.event)
  const headers = {
    allOf: [
      { $ref: '#/components/schemas/CloudEventHeaders' },
      { type: 'object', properties: { ce_type: { const: t.event.type } } },
    ],
  }
  return {
    schema: payload,
    message: {
      name: t.event.type,
      title: t.event.type,
      summary: t.event.description,
      contentType: 'application/json',
      headers,
      payload: { $ref: `#/components/schemas/${t.event.type}` },
      bindings: {
        kafka: { key: { ...uuid, description: 'The lead id' }, bindingVersion: kafkaBindingVersion },
      },
      examples: [example(t)],
    },
  }
}

function operations(t: TopicDefinition): [string, unknown][] {
  const channel = { $ref: `#/channels/${t.name}` }
  const messages = [{ $ref: `#/channels/${t.name}/messages/${t.event.type}` }]
  const op = (service: string, action: 'send' | 'receive'): [string, unknown] => [
    `${service}.${action}.${t.name}`,
    {
      action,
      channel,
      messages,
      summary: `${service} ${action}s ${t.event.type}`,
      tags: [{ name: service }],
    },
  ]
  return [op(t.producer, 'send'), ...(consumersByTopic[t.name] ?? []).map((s) => op(s, 'receive'))]
}

/** The AsyncAPI 3.0.0 document for CRM integrators: one channel per registry topic. */
export function buildAsyncApi(): Record<string, unknown> {
  const built = topics.map((t) => ({ topic: t, ...message(t) }))
  const channels = built.map(({ topic: t }) => [
    t.name,
    {
      address: t.name,
      title: t.name,
      description: t.event.description,
      messages: { [t.event.type]: { $ref: `#/components/messages/${t.event.type}` } },
      bindings: {
        kafka: {
          topic: t.name,
          partitions: t.partitions,
          topicConfiguration: { 'retention.ms': t.retentionMs },
          bindingVersion: kafkaBindingVersion,
        },
      },
    },
  ])
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'leadwire lead events',
      version: asyncApiVersion,
      description:
        'Every lead event, as CloudEvents 1.0 in Kafka binary mode. Each topic is keyed by the lead id; ' +
        'within a v1 type, changes are additive only, so ignore fields you do not know.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: 'localhost:9092', protocol: 'kafka', description: 'The local KRaft broker' } },
    channels: Object.fromEntries(channels),
    operations: Object.fromEntries(topics.flatMap(operations)),
    components: {
      schemas: {
        CloudEventHeaders: cloudEventHeaders,
        ...Object.fromEntries(built.map((b) => [b.topic.event.type, b.schema])),
      },
      messages: Object.fromEntries(built.map((b) => [b.topic.event.type, b.message])),
    },
  }
}
