import { createHash, randomUUID } from 'node:crypto'
import { encodeEvent, type LeadSnapshot, leadCapturedV1 } from '@leadwire/contracts'
import { enqueueOutbox, ident, LeadwireError, type Names } from '@leadwire/runtime'
import type pg from 'pg'
import type { LeadInput } from './lead-input.ts'

export type ReceivedVia = 'api' | 'form' | 'batch'

export interface AcceptOptions {
  idempotencyKey: string | undefined
  receivedVia: ReceivedVia
  traceHeaders: { traceparent?: string; tracestate?: string }
  now: Date
}

export interface Accepted {
  leadId: string
  capturedAt: string
  /** True when this was a retry of a submission already accepted. */
  replayed: boolean
}

/**
 * Stores a lead and its leads.captured.v1 outbox row in one transaction: once `accept`
 * resolves, the lead is durable and will reach Kafka even if Kafka is down right now.
 */
export function createPgLeadStore(deps: { pool: pg.Pool; schema: string; names: Names }) {
  const table = `${ident(deps.schema)}.leads`

  async function accept(input: LeadInput, opts: AcceptOptions): Promise<Accepted> {
    const fingerprint = createHash('sha256').update(canonicalJson(input)).digest('hex')
    const leadId = randomUUID()
    const lead: LeadSnapshot = { leadId, capturedAt: opts.now.toISOString(), ...input }
    const client = await deps.pool.connect()
    try {
      await client.query('BEGIN')
      const inserted = await client.query(
        `INSERT INTO ${table} (id, idempotency_key, fingerprint, received_via, payload, captured_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING`,
        [leadId, opts.idempotencyKey ?? null, fingerprint, opts.receivedVia, lead, lead.capturedAt],
      )
      if (inserted.rowCount === 0) {
        await client.query('ROLLBACK')
        return await replay(client, opts.idempotencyKey!, fingerprint)
      }
      const record = encodeEvent(leadCapturedV1, {
        id: randomUUID(),
        source: '/leadwire/capture',
        key: leadId,
        time: lead.capturedAt,
        data: { lead, receivedVia: opts.receivedVia },
        ...opts.traceHeaders,
      })
      await enqueueOutbox(client, deps.schema, [{ ...record, topic: deps.names.topic(leadCapturedV1.topic) }])
      await client.query('COMMIT')
      return { leadId, capturedAt: lead.capturedAt, replayed: false }
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
    if (!existing) throw new Error(`idempotency key ${key} conflicted but no lead holds it`)
    if (existing.fingerprint !== fingerprint) {
      throw new LeadwireError(
        'CAPTURE_IDEMPOTENCY_CONFLICT',
        `Idempotency key '${key}' was already used for a different lead (${existing.id}); use a new key for a new submission`,
        { statusCode: 409 },
      )
    }
    return { leadId: existing.id, capturedAt: existing.captured_at.toISOString(), replayed: true }
  }

  return { accept }
}

export type LeadStore = ReturnType<typeof createPgLeadStore>

/** JSON with sorted keys, so the same submission always has the same fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
