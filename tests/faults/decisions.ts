import {
  decodeEvent,
  type LeadNurturedV1,
  type LeadRoutedV1,
  leadNurturedV1,
  leadRoutedV1,
} from '@leadwire/contracts'
import type { Names } from '@leadwire/runtime'
import type { Kafka } from 'kafkajs'

/** A routing decision as a CRM reading the topics would see it. */
export interface Decision {
  eventId: string
  leadId: string
  kind: 'routed' | 'nurtured'
  /** 1 for the first decision; re-routes after an SLA breach count up. */
  attempt: number
  repId: string | undefined
  routedAt: string | undefined
  /** When this reader first saw the event. */
  seenAt: number
  /** How many times the event (same id) was delivered to this reader. */
  copies: number
}

/**
 * Reads leads.routed.v1 and leads.nurture.v1 from the start, as a CRM integration would,
 * and keeps every distinct decision by event id. Two events with different ids for the same
 * lead and attempt are two decisions: the duplicate the fault suite looks for. The same
 * event delivered twice is at-least-once delivery, counted apart as `copies`.
 */
export async function decisionLog(kafka: Kafka, names: Names, groupSuffix: string) {
  const byEventId = new Map<string, Decision>()
  const consumer = kafka.consumer({
    groupId: names.group(`fault-reader-${groupSuffix}`),
    maxWaitTimeInMs: 100,
  })
  await consumer.connect()
  await consumer.subscribe({
    topics: [names.topic(leadRoutedV1.topic), names.topic(leadNurturedV1.topic)],
    fromBeginning: true,
  })
  await consumer.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent(message, [leadRoutedV1, leadNurturedV1])
      if (!decoded.ok) return
      const { id, type, data } = decoded.event
      const known = byEventId.get(id)
      if (known) {
        known.copies++
        return
      }
      const routed = type === leadRoutedV1.type ? (data as LeadRoutedV1) : undefined
      byEventId.set(id, {
        eventId: id,
        leadId: (data as LeadRoutedV1 | LeadNurturedV1).lead.leadId,
        kind: routed ? 'routed' : 'nurtured',
        attempt: routed?.assignment.attempt ?? 1,
        repId: routed?.assignment.repId,
        routedAt: routed?.assignment.routedAt,
        seenAt: Date.now(),
        copies: 1,
      })
    },
  })
  return {
    all: () => [...byEventId.values()],
    /** The first decision (attempt 1) per lead, the earliest seen if there were several. */
    firstDecisions(): Map<string, Decision> {
      const first = new Map<string, Decision>()
      for (const d of byEventId.values()) if (d.attempt === 1 && !first.has(d.leadId)) first.set(d.leadId, d)
      return first
    },
    /** Leads with two distinct decisions for any one attempt. */
    doubledAttempts(): string[] {
      const seen = new Set<string>()
      const doubled = new Set<string>()
      for (const d of byEventId.values()) {
        const key = `${d.leadId}#${d.attempt}`
        if (seen.has(key)) doubled.add(d.leadId)
        seen.add(key)
      }
      return [...doubled]
    },
    stop: () => consumer.disconnect(),
  }
}

export type DecisionLog = Awaited<ReturnType<typeof decisionLog>>
