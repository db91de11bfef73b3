import { type LeadSnapshot, leadCapturedV1, type SpamAssessment } from '@leadwire/contracts'
import { ident } from '@leadwire/runtime'
import type pg from 'pg'
import type { ReceivedVia } from './captured-event.ts'
import { type FeedbackKind, type LeadStatus, leadStatus } from './lead-status.ts'

export interface LeadView {
  leadId: string
  status: LeadStatus
  /** `queued` while the leads.captured.v1 event waits in the outbox (Kafka away), then `published`. */
  delivery: 'queued' | 'published'
  receivedVia: ReceivedVia
  capturedAt: string
  lead: LeadSnapshot
  spam: SpamAssessment | null
  feedback: {
    eventId: string
    kind: FeedbackKind
    occurredAt: string
    recordedAt: string
    data: Record<string, unknown>
  }[]
}

/** What capture knows about one lead, from its own tables only. */
export async function readLead(pool: pg.Pool, schema: string, leadId: string): Promise<LeadView | undefined> {
  const s = ident(schema)
  const { rows } = await pool.query<{
    payload: LeadSnapshot
    spam: SpamAssessment | null
    received_via: ReceivedVia
    captured_at: Date
    queued: boolean
  }>(
    `SELECT payload, spam, received_via, captured_at,
            EXISTS (SELECT 1 FROM ${s}.outbox o WHERE o.key = l.id::text AND o.headers->>'ce_type' = $2) AS queued
       FROM ${s}.leads l WHERE l.id = $1`,
    [leadId, leadCapturedV1.type],
  )
  const lead = rows[0]
  if (!lead) return undefined
  const feedback = await pool.query<{
    event_id: string
    kind: FeedbackKind
    data: Record<string, unknown>
    occurred_at: Date
    recorded_at: Date
  }>(
    `SELECT event_id, kind, data, occurred_at, recorded_at FROM ${s}.feedback WHERE lead_id = $1
      ORDER BY occurred_at, recorded_at`,
    [leadId],
  )
  const facts = feedback.rows.map((f) => ({
    eventId: f.event_id,
    kind: f.kind,
    occurredAt: f.occurred_at.toISOString(),
    recordedAt: f.recorded_at.toISOString(),
    data: f.data,
  }))
  return {
    leadId,
    status: leadStatus(facts),
    delivery: lead.queued ? 'queued' : 'published',
    receivedVia: lead.received_via,
    capturedAt: lead.captured_at.toISOString(),
    lead: lead.payload,
    spam: lead.spam,
    feedback: facts,
  }
}
