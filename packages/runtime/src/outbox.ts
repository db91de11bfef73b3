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
  await client.query(
    `INSERT INTO ${ident(schema)}.outbox (topic, key, value, headers) VALUES ${rows.join(', ')}`,
    values,
  )
  await client.query('SELECT pg_notify($1, $2)', [outboxChannel(schema), ''])
}

/**
 * Records an event id as handled. Returns false when it was already there: the caller skips
 * the effect, which is how a redelivered message has its effect once.
 */
export async function claimEvent(
  client: pg.ClientBase,
  schema: string,
  eventId: string,
  topic: string,
): Promise<boolean> {
  const res = await client.query(
    `INSERT INTO ${ident(schema)}.processed_events (event_id, topic) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`,
    [eventId, topic],
  )
  return res.rowCount === 1
}
