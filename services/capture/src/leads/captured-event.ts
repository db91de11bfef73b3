import { createHash, randomUUID } from 'node:crypto'
import { encodeEvent, type LeadSnapshot, leadCapturedV1, type SpamAssessment } from '@leadwire/contracts'
import type { Names, OutboxRecord } from '@leadwire/runtime'
import type { LeadInput } from './lead-input.ts'
import { assessSpam } from './spam-signals.ts'

export type ReceivedVia = 'api' | 'form' | 'batch'

export interface PreparedLead {
  leadId: string
  lead: LeadSnapshot
  spam: SpamAssessment
  fingerprint: string
  receivedVia: ReceivedVia
  record: OutboxRecord
}

export interface PrepareOptions {
  receivedVia: ReceivedVia
  traceHeaders: { traceparent?: string; tracestate?: string }
  now: Date
  names: Names
}

/**
 * Everything about one accepted lead that needs no database: its id, the snapshot, the spam
 * assessment and the leads.captured.v1 record for the outbox (validated on the way).
 */
export function prepareLead(input: LeadInput, opts: PrepareOptions): PreparedLead {
  const { antiSpam: _, ...submitted } = input
  const leadId = randomUUID()
  const capturedAt = opts.now.toISOString()
  const lead: LeadSnapshot = { leadId, capturedAt, ...submitted }
  const spam = assessSpam(input, opts.now)
  const encoded = encodeEvent(leadCapturedV1, {
    id: randomUUID(),
    source: '/leadwire/capture',
    key: leadId,
    time: capturedAt,
    data: { lead, receivedVia: opts.receivedVia, spam },
    ...opts.traceHeaders,
  })
  return {
    leadId,
    lead,
    spam,
    // The anti-spam hints are left out: a browser retry may carry a new start time.
    fingerprint: fingerprintOf(submitted),
    receivedVia: opts.receivedVia,
    record: { ...encoded, topic: opts.names.topic(leadCapturedV1.topic) },
  }
}

export const fingerprintOf = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex')

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
