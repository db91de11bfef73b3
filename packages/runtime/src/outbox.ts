import type { KafkaRecord } from '@leadwire/contracts'
import type pg from 'pg'
import { ident } from './migrate.ts'

export interface OutboxRecord extends KafkaRecord {
  topic: string
}

/** The NOTIFY channel the relay of one schema listens on. */
export const outboxChannel = (schema: string) => `leadwire_outbox_${schema}`

/**
 * Writes events to the outbox inside the caller's transaction. They reach Kafka only if the
 * transaction commits; the NOTIFY is delivered on commit too, which wakes the relay at once.
 */
export async function enqueueOutbox(client: pg.ClientBase, schema: string, records: readonly OutboxRecord[]) {
  if (records.length === 0) return
  const values: unknown[] = []
  const rows = records.map((r, i) => {
    values.push(r.topic, r.key, r.value, JSON.stringify(r.headers))
    return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}::jsonb)`
  })
  values.push(outboxChannel(schema))
  // One round trip for both: a data-modifying CTE runs whether or not the query reads it.
  await client.query(
    `WITH inserted AS (INSERT INTO ${ident(schema)}.outbox (topic, key, value, headers) VALUES ${rows.join(', ')})
     SELECT pg_notify($${values.length}, '')`,
    values,
  )
}

/**
 * Opens the handler's transaction with its schema first on the search path and records the
 * event id as handled, in one round trip (a simple-protocol batch, hence the escaped literals:
 * the id comes from a message header). Returns false when the id was already there: the caller
 * rolls back and skips the effect, which is how a redelivered message has its effect once.
 */
export async function beginAndClaim(
  client: pg.ClientBase,
  schema: string,
  eventId: string,
  topic: string,
): Promise<boolean> {
  const results = (await client.query(
    `BEGIN; SET LOCAL search_path TO ${ident(schema)};
     INSERT INTO ${ident(schema)}.processed_events (event_id, topic)
     VALUES (${client.escapeLiteral(eventId)}, ${client.escapeLiteral(topic)}) ON CONFLICT (event_id) DO NOTHING`,
  )) as unknown as pg.QueryResult[]
  return results[results.length - 1]?.rowCount === 1
}
