import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'

/** One POST the stream made and what came of it. */
export interface Submission {
  seq: number
  email: string
  sentAt: number
  /** HTTP status, or 0 when no answer came (refused, reset, timed out). */
  status: number
  leadId?: string
  answeredAt?: number
  /** The Retry-After header of a 429 or 503. */
  retryAfter?: string
  error?: string
}

const letters = 'abcdefghijklmnopqrstuvwxyz'

/** A distinct, pronounceable-enough name per sequence number, so dedup never merges two. */
function nameOf(run: string, seq: number, salt: number): string {
  let n = seq * 7919 + salt
  let out = ''
  for (let i = 0; i < 6; i++) {
    out += letters[n % 26]
    n = Math.floor(n / 26) + run.charCodeAt(i % run.length)
  }
  return out[0]!.toUpperCase() + out.slice(1)
}

/**
 * A steady stream of distinct, sales-ready web-form leads at `ratePerSecond`, each sent once
 * (never retried: a lead whose POST failed is simply not accepted, as a form would show an
 * error). Every outcome is kept for the checks.
 */
export function leadStream(opts: {
  url: () => string
  headers: Record<string, string>
  ratePerSecond: number
  timeoutMs?: number
}) {
  const run = randomBytes(3).toString('hex')
  const submissions: Submission[] = []
  let seq = 0
  let stopped = false
  const inFlight = new Set<Promise<void>>()

  async function submit(): Promise<void> {
    const n = seq++
    const email = `${nameOf(run, n, 1).toLowerCase()}.${run}${n}@wakanda-${n % 40}.example`
    const sub: Submission = { seq: n, email, sentAt: Date.now(), status: 0 }
    submissions.push(sub)
    try {
      const res = await fetch(`${opts.url()}/v1/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...opts.headers },
        body: JSON.stringify({
          contact: {
            firstName: nameOf(run, n, 2),
            lastName: nameOf(run, n, 3),
            email,
            title: 'VP of Engineering',
          },
          company: {
            name: `Wakanda ${n % 40} Software`,
            employees: 3000,
            industry: 'Software',
            country: 'US',
          },
          source: { channel: 'inbound_form', intent: 'demo_request', formId: 'fault-suite' },
        }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      })
      sub.status = res.status
      sub.answeredAt = Date.now()
      const retryAfter = res.headers.get('retry-after')
      if (retryAfter !== null) sub.retryAfter = retryAfter
      const body = (await res.json().catch(() => ({}))) as { leadId?: string }
      if (res.status === 202 && body.leadId) sub.leadId = body.leadId
    } catch (err) {
      sub.answeredAt = Date.now()
      sub.error = (err as Error).cause ? String((err as Error).cause) : (err as Error).message
    }
  }

  const loop = (async () => {
    const interval = 1000 / opts.ratePerSecond
    let next = Date.now()
    while (!stopped) {
      const p = submit().finally(() => inFlight.delete(p))
      inFlight.add(p)
      next += interval
      const wait = next - Date.now()
      if (wait > 0) await sleep(wait)
      else next = Date.now() // fell behind (machine busy): carry on from now, no burst
    }
  })()

  return {
    submissions,
    accepted: () => submissions.filter((s) => s.leadId !== undefined),
    /** Stops sending and waits for the answers still outstanding. */
    async stop() {
      stopped = true
      await loop
      await Promise.all(inFlight)
    },
  }
}

export type LeadStream = ReturnType<typeof leadStream>
