import { enqueueOutbox, ident, LeadwireError, type Names } from '@leadwire/runtime'
import type pg from 'pg'
import type { PreparedLead } from './captured-event.ts'
import { unscopedKey } from './idempotency.ts'
import { acceptChunk } from './pg-batch-store.ts'
import { readLead } from './pg-lead-reader.ts'

export interface Accepted {
  leadId: string
  capturedAt: string
  /** True when this was a retry of a submission already accepted. */
  replayed: boolean
}

export const idempotencyConflict = (key: string, leadId: string) =>
  new LeadwireError(
    'CAPTURE_IDEMPOTENCY_CONFLICT',
    `Idempotency key '${key}' was already used for a different lead (${leadId}); use a new key for a new submission`,
    { statusCode: 409 },
  )

/**
 * Stores a lead and its leads.captured.v1 outbox row in one transaction: once `accept`
 * resolves, the lead is durable and will reach Kafka even if Kafka is down right now.
 */
export function createPgLeadStore(deps: { pool: pg.Pool; schema: string; names: Names }) {
  const table = `${ident(deps.schema)}.leads`

  async function accept(p: PreparedLead, idempotencyKey: string | undefined): Promise<Accepted> {
    const client = await deps.pool.connect()
    try {
      await client.query('BEGIN')
      // A concurrent request with the same key waits here for the first to commit, then
      // finds its row: one lead, however many retries race.
      const inserted = await client.query(
        `INSERT INTO ${table} (id, idempotency_key, fingerprint, received_via, payload, spam, captured_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
        [p.leadId, idempotencyKey ?? null, p.fingerprint, p.receivedVia, p.lead, p.spam, p.lead.capturedAt],
      )
      if (inserted.rowCount === 0) {
        await client.query('ROLLBACK')
        return await replay(client, idempotencyKey!, p.fingerprint)
      }
      await enqueueOutbox(client, deps.schema, [p.record])
      await client.query('COMMIT')
      return { leadId: p.leadId, capturedAt: p.lead.capturedAt, replayed: false }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }

  async function replay(client: pg.PoolClient, key: string, fingerprint: string): Promise<Accepted> {
    const { rows } = await client.query<{ id: string; fingerprint: string; captured_at: Date }>(
      `SELECT id, fingerprint, captured_at FROM ${table} WHERE idempotency_key = $1`,
      [key],
    )
    const existing = rows[0]
    if (!existing) throw new Error('an idempotency key conflicted but no lead holds it')
    if (existing.fingerprint !== fingerprint) throw idempotencyConflict(unscopedKey(key), existing.id)
    return { leadId: existing.id, capturedAt: existing.captured_at.toISOString(), replayed: true }
  }

  return {
    accept,
    acceptMany: (rows: readonly { lead: PreparedLead; idempotencyKey: string | undefined }[]) =>
      acceptChunk(deps.pool, deps.schema, rows),
    find: (leadId: string) => readLead(deps.pool, deps.schema, leadId),
  }
}

export type LeadStore = ReturnType<typeof createPgLeadStore>
