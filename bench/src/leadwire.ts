import type { Kafka } from 'kafkajs'
import { trackArrivals } from './arrivals.ts'
import { runOpenLoop } from './open-loop.ts'
import { type Summary, summarize } from './stats.ts'

export interface LeadwireStep {
  http: Summary
  endToEnd: Summary
  accepted: number
  routed: number
  missing: number
  errors: number
  dropped: number
  achievedPerSecond: number
}

let seq = 0

/** A distinct person per request (dedup matches on email and on name + company). */
export function benchLead(i: number, run: string): string {
  const n = `${run}-${seq++}-${i}`
  return JSON.stringify({
    contact: {
      firstName: `Bench${n}`,
      lastName: `Load${n}`,
      email: `lead.${n}@bench-${i % 97}.example`,
      title: 'VP Sales',
    },
    company: { name: `Bench Co ${n}`, employees: i % 2 ? 1500 : 300, industry: 'Software', country: 'US' },
    source: { channel: 'inbound_form', intent: 'demo_request', formId: 'bench' },
  })
}

/**
 * Posts leads at a fixed rate to capture and times each one from the moment it was due to
 * its leads.routed.v1 event, read here with a plain consumer.
 */
export async function measureLeadwire(opts: {
  kafka: Kafka
  captureUrl: string
  routedTopic: string
  rate: number
  durationMs: number
  drainMs: number
  run: string
  apiKey: string
}): Promise<LeadwireStep> {
  const tracker = await trackArrivals(opts.kafka, opts.routedTopic, (_v, key) => key)
  const due = new Map<string, number>()
  const load = await runOpenLoop({
    url: `${opts.captureUrl}/v1/leads`,
    rate: opts.rate,
    durationMs: opts.durationMs,
    body: (i) => benchLead(i, opts.run),
    headers: { authorization: `Bearer ${opts.apiKey}` },
    onAccepted: (_i, dueAt, body) => due.set((JSON.parse(body) as { leadId: string }).leadId, dueAt),
  })
  const missing = await tracker.waitFor([...due.keys()], opts.drainMs)
  const endToEnd = [...due].flatMap(([id, at]) => {
    const arrived = tracker.arrivals.get(id)
    return arrived === undefined ? [] : [arrived - at]
  })
  await tracker.stop()
  // reduce, not Math.max(...): a step can hold more samples than a call takes arguments.
  const lastArrival = [...due.keys()].reduce((max, id) => Math.max(max, tracker.arrivals.get(id) ?? 0), 0)
  const firstDue = [...due.values()].reduce((min, at) => Math.min(min, at), Number.POSITIVE_INFINITY)
  return {
    http: summarize(load.latencies),
    endToEnd: summarize(endToEnd),
    accepted: load.accepted,
    routed: endToEnd.length,
    missing: missing.length,
    errors: load.errors,
    dropped: load.dropped,
    achievedPerSecond: endToEnd.length ? (endToEnd.length * 1000) / (lastArrival - firstDue) : 0,
  }
}
