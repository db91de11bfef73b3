import { type EventDefinition, encodeEvent } from '@leadwire/contracts'
import { enqueueOutbox, ident, LeadwireError, type Names } from '@leadwire/runtime'
import type pg from 'pg'
import { captureErrors } from '../http/errors.ts'
import { unscopedKey } from '../leads/idempotency.ts'
import type { FeedbackKind } from '../leads/lead-status.ts'

export interface FeedbackRecord {
  eventId: string
  kind: FeedbackKind
  event: EventDefinition
  leadId: string
  data: Record<string, unknown>
  occurredAt: string
  /** Scoped key; a retry with it returns the original event id. */
  idempotencyKey: string
  fingerprint: string
  traceHeaders: { traceparent?: string; tracestate?: string }
}

export interface Recorded {
  eventId: string
  replayed: boolean
}

/**
 * Feedback has the same guarantees as a lead: the row and its outbox event commit together,
 * and a retry finds its row under the idempotency key instead of publishing twice.
 */
export function createPgFeedbackStore(deps: { pool: pg.Pool; schema: string; names: Names }) {
  const table = `${ident(deps.schema)}.feedback`

  async function record(f: FeedbackRecord): Promise<Recorded> {
    const { eventId } = f
    const encoded = encodeEvent(f.event, {
      id: eventId,
      source: '/leadwire/capture',
      key: f.leadId,
      data: f.data,
      ...f.traceHeaders,
    })
    const client = await deps.pool.connect()
    try {
      await client.query('BEGIN')
      const inserted = await client.query(
        `INSERT INTO ${table} (event_id, lead_id, kind, idempotency_key, fingerprint, data, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
        [eventId, f.leadId, f.kind, f.idempotencyKey, f.fingerprint, f.data, f.occurredAt],
      )
      if (inserted.rowCount === 0) {
        await client.query('ROLLBACK')
        return await replay(client, f)
      }
      await enqueueOutbox(client, deps.schema, [{ ...encoded, topic: deps.names.topic(f.event.topic) }])
      await client.query('COMMIT')
      return { eventId, replayed: false }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      // The lead id references a captured lead; anything else is a caller's mistake.
      if ((err as { code?: string }).code === '23503') throw captureErrors.leadNotFound(f.leadId)
      throw err
    } finally {
      client.release()
    }
  }

  async function replay(client: pg.PoolClient, f: FeedbackRecord): Promise<Recorded> {
    const { rows } = await client.query<{ event_id: string; fingerprint: string }>(
      `SELECT event_id, fingerprint FROM ${table} WHERE idempotency_key = $1`,
      [f.idempotencyKey],
    )
    const existing = rows[0]
    if (!existing) throw new Error('an idempotency key conflicted but no feedback holds it')
    if (existing.fingerprint !== f.fingerprint) {
      throw new LeadwireError(
        'CAPTURE_IDEMPOTENCY_CONFLICT',
        `Key '${unscopedKey(f.idempotencyKey)}' was already used for a different ${f.kind} report (event ${existing.event_id}); use a new key for a new report`,
        { statusCode: 409 },
      )
    }
    return { eventId: existing.event_id, replayed: true }
  }

  return { record }
}

export type FeedbackStore = ReturnType<typeof createPgFeedbackStore>
