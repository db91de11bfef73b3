import { Agent, request } from 'node:http'

export interface OpenLoopResult {
  /** Requests the schedule called for. */
  scheduled: number
  accepted: number
  errors: number
  /** Requests not sent because too many were already waiting: the system could not keep up. */
  dropped: number
  /** ms from the moment each request was due (not when it was sent) to its response. */
  latencies: number[]
  elapsedMs: number
}

/**
 * An open-loop load generator: request i is due at start + i / rate whether or not earlier
 * ones have answered, and its latency counts from that due time. A closed loop would wait
 * for slow answers and so hide them (coordinated omission).
 */
export async function runOpenLoop(opts: {
  url: string
  rate: number
  durationMs: number
  body: (i: number) => string
  headers?: Record<string, string>
  onAccepted: (i: number, dueAt: number, responseBody: string) => void
  maxInFlight?: number
}): Promise<OpenLoopResult> {
  const target = new URL(opts.url)
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  const total = Math.round((opts.rate * opts.durationMs) / 1000)
  const maxInFlight = opts.maxInFlight ?? 2000
  const result: OpenLoopResult = {
    scheduled: total,
    accepted: 0,
    errors: 0,
    dropped: 0,
    latencies: [],
    elapsedMs: 0,
  }
  const start = performance.now()
  let inFlight = 0
  const pending: Promise<void>[] = []
  for (let i = 0; i < total; i++) {
    const dueAt = start + (i * 1000) / opts.rate
    const wait = dueAt - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    if (inFlight >= maxInFlight) {
      result.dropped++
      continue
    }
    inFlight++
    pending.push(
      post(agent, target, opts.body(i), opts.headers ?? {}).then(
        ({ status, body }) => {
          inFlight--
          result.latencies.push(performance.now() - dueAt)
          if (status === 202) {
            result.accepted++
            opts.onAccepted(i, dueAt, body)
          } else result.errors++
        },
        () => {
          inFlight--
          result.errors++
        },
      ),
    )
  }
  await Promise.all(pending)
  result.elapsedMs = performance.now() - start
  agent.destroy()
  return result
}

function post(
  agent: Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
