import type { Kafka } from 'kafkajs'
import { trackArrivals } from './arrivals.ts'
import { benchLead } from './leadwire.ts'

export interface BulkResult {
  leads: number
  accepted: number
  missing: number
  /** Seconds to post every chunk (capture's side of an import). */
  postSeconds: number
  /** Seconds from the first chunk posted to the last lead routed. */
  untilLastRoutedSeconds: number
  routedPerSecond: number
}

/**
 * An event attendee list: `total` leads through POST /v1/leads/batch in chunks, timed until
 * the last one is routed.
 */
export async function measureBulk(opts: {
  kafka: Kafka
  captureUrl: string
  routedTopic: string
  apiKey: string
  total: number
  chunk: number
  run: string
  drainMs: number
}): Promise<BulkResult> {
  const tracker = await trackArrivals(opts.kafka, opts.routedTopic, (_v, key) => key)
  const ids: string[] = []
  const start = performance.now()
  for (let from = 0; from < opts.total; from += opts.chunk) {
    const count = Math.min(opts.chunk, opts.total - from)
    const leads = Array.from({ length: count }, (_, i) => JSON.parse(benchLead(from + i, `${opts.run}-bulk`)))
    const res = await fetch(`${opts.captureUrl}/v1/leads/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.apiKey}` },
      body: JSON.stringify({ leads }),
    })
    const body = (await res.json()) as { results?: { status: string; leadId?: string }[]; detail?: string }
    if (!body.results) throw new Error(`batch import answered ${res.status}: ${body.detail ?? ''}`)
    for (const r of body.results) if (r.status === 'accepted' && r.leadId) ids.push(r.leadId)
  }
  const posted = performance.now()
  const missing = await tracker.waitFor(ids, opts.drainMs)
  const last = ids.reduce((max, id) => Math.max(max, tracker.arrivals.get(id) ?? 0), posted)
  await tracker.stop()
  const untilLastRoutedSeconds = (last - start) / 1000
  return {
    leads: opts.total,
    accepted: ids.length,
    missing: missing.length,
    postSeconds: (posted - start) / 1000,
    untilLastRoutedSeconds,
    routedPerSecond: (ids.length - missing.length) / untilLastRoutedSeconds,
  }
}
