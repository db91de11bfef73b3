import { enqueueOutbox, ident } from '@leadwire/runtime'
import type pg from 'pg'
import type { PreparedLead } from './captured-event.ts'
import { unscopedKey } from './idempotency.ts'

export type RowOutcome =
  | { status: 'accepted' | 'replayed'; leadId: string; capturedAt: string }
  | { status: 'conflict'; leadId: string; detail: string }

interface ExistingRow {
  id: string
  idempotency_key: string
  fingerprint: string
  captured_at: Date
}

/**
 * One chunk of a batch in one transaction: every new lead with its outbox row, and for rows
 * whose key is already taken, the lead that holds it (a retry) or a conflict.
 */
export async function acceptChunk(
  pool: pg.Pool,
  schema: string,
  rows: readonly { lead: PreparedLead; idempotencyKey: string | undefined }[],
): Promise<RowOutcome[]> {
  const table = `${ident(schema)}.leads`
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const values: unknown[] = []
    const tuples = rows.map(({ lead: p, idempotencyKey }, i) => {
      values.push(
        p.leadId,
        idempotencyKey ?? null,
        p.fingerprint,
        p.receivedVia,
        p.lead,
        p.spam,
        p.lead.capturedAt,
      )
      return `(${Array.from({ length: 7 }, (_, j) => `$${i * 7 + j + 1}`).join(', ')})`
    })
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO ${table} (id, idempotency_key, fingerprint, received_via, payload, spam, captured_at)
       VALUES ${tuples.join(', ')} ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      values,
    )
    const fresh = new Set(inserted.rows.map((r) => r.id))
    const taken = rows.filter((r) => !fresh.has(r.lead.leadId)).map((r) => r.idempotencyKey!)
    const existing = new Map<string, ExistingRow>()
    if (taken.length) {
      const found = await client.query<ExistingRow>(
        `SELECT id, idempotency_key, fingerprint, captured_at FROM ${table} WHERE idempotency_key = ANY($1)`,
        [taken],
      )
      for (const row of found.rows) existing.set(row.idempotency_key, row)
    }
    await enqueueOutbox(
      client,
      schema,
      rows.filter((r) => fresh.has(r.lead.leadId)).map((r) => r.lead.record),
    )
    await client.query('COMMIT')
    return rows.map((r) => (fresh.has(r.lead.leadId) ? accepted(r.lead) : replayOrConflict(r, existing)))
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

const accepted = (p: PreparedLead): RowOutcome => ({
  status: 'accepted',
  leadId: p.leadId,
  capturedAt: p.lead.capturedAt,
})

function replayOrConflict(
  row: { lead: PreparedLead; idempotencyKey: string | undefined },
  existing: Map<string, ExistingRow>,
): RowOutcome {
  const holder = existing.get(row.idempotencyKey!)
  if (!holder) throw new Error('an idempotency key conflicted but no lead holds it')
  if (holder.fingerprint === row.lead.fingerprint) {
    return { status: 'replayed', leadId: holder.id, capturedAt: holder.captured_at.toISOString() }
  }
  return {
    status: 'conflict',
    leadId: holder.id,
    detail: `idempotency key '${unscopedKey(row.idempotencyKey!)}' was already used for a different lead (${holder.id})`,
  }
}
