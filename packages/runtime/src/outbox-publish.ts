import { eventByType } from '@leadwire/contracts'
import type { Message, Producer } from 'kafkajs'
import type { OutboxRow } from './outbox-relay.ts'
import { leadAttributes, SpanStatusCode, startProducerSpan } from './tracing.ts'

/**
 * Sends rows with a producer span each, child of the span the row was written in. Each message
 * carries its new span's traceparent, so the next hop's process span hangs under the publish.
 */
export async function publishRows(producer: Producer, rows: readonly OutboxRow[]): Promise<void> {
  const sends = rows.map((r) => ({ row: r, ...publishSpan(r) }))
  try {
    await producer.sendBatch({
      topicMessages: groupByTopic(sends.map((s) => ({ ...s.row, headers: s.headers }))),
      acks: -1,
    })
  } catch (err) {
    for (const { span } of sends) {
      span.recordException(err as Error)
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message })
    }
    throw err
  } finally {
    for (const { span } of sends) span.end()
  }
}

function publishSpan(row: OutboxRow) {
  const type = row.headers.ce_type
  // Named by the registry topic, so a namespaced copy's spans read like production's.
  const base = (type && eventByType(type)?.topic) || row.topic
  return startProducerSpan(`${base} publish`, row.headers, {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'send',
    'messaging.destination.name': row.topic,
    ...(row.headers.ce_id && { 'messaging.message.id': row.headers.ce_id }),
    ...(type && { 'cloudevents.event_type': type }),
    ...leadAttributes(parseData(row.value), row.key),
  })
}

function parseData(value: Buffer): unknown {
  try {
    return JSON.parse(value.toString('utf8'))
  } catch {
    return undefined
  }
}

function groupByTopic(rows: readonly OutboxRow[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>()
  for (const r of rows) {
    const list = byTopic.get(r.topic) ?? []
    list.push({ key: r.key, value: r.value, headers: r.headers })
    byTopic.set(r.topic, list)
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }))
}
