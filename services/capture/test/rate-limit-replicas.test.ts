import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Answer, send, startCaptureProcesses } from './capture-processes.ts'
import { aLead } from './helpers.ts'

// Two real capture processes on one Redis: a client that spreads its requests over both
// replicas is still held to the configured rate, counted once in Redis, not once per replica.
const perIp = 5
let capture: Awaited<ReturnType<typeof startCaptureProcesses>>
let formToken: string
let slowToken: string

beforeAll(async () => {
  capture = await startCaptureProcesses('rl', 2, {
    CAPTURE_RATE_LIMIT_PER_IP: String(perIp),
    CAPTURE_RATE_LIMIT_PER_KEY: '1000',
  })
  formToken = (await capture.keys.create({ name: 'site', kind: 'public', origins: ['https://acme.example'] }))
    .token
  slowToken = (await capture.keys.create({ name: 'slow partner', kind: 'secret', ratePerMinute: 4 })).token
}, 120_000)
afterAll(() => capture?.cleanup(), 60_000)

const ports = () => capture.processes.map((p) => p.port)
const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort()

describe('rate limits across two capture replicas sharing Redis', () => {
  it('holds one address with a form key to the per-address rate, whichever replica answers', async () => {
    const [a, b] = ports()
    const post = (port: number) =>
      send(port, { path: `/v1/leads?key=${formToken}`, body: aLead('burst@initech.com') })
    const answers: Answer[] = []
    for (let i = 0; i < perIp + 3; i++) answers.push(await post(i % 2 === 0 ? a! : b!))
    expect(answers.map((x) => x.status)).toEqual([...Array(perIp).fill(202), 429, 429, 429])
    // Both replicas refused: each saw the other's requests in the shared counter.
    const refusedBy = new Set(answers.map((x, i) => (x.status === 429 ? i % 2 : -1)).filter((r) => r >= 0))
    expect(refusedBy).toEqual(new Set([0, 1]))
    const last = answers.at(-1)!
    expect(last.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0)
    expect(last.headers['ratelimit-limit']).toBe(String(perIp))
  })

  it('holds a key to its own rate under concurrent requests spread over both replicas', async () => {
    const [a, b] = ports()
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(i % 2 === 0 ? a! : b!, {
          path: '/v1/leads',
          headers: { authorization: `Bearer ${slowToken}` },
          body: aLead(`partner.${i}@initech.com`),
        }),
      ),
    )
    expect(statuses(answers)).toEqual([...Array(4).fill(202), ...Array(8).fill(429)])
    const stored = await capture.ns.pool.query(
      `SELECT count(*)::int AS n FROM "${capture.ns.names.schema('capture')}".leads WHERE payload->'contact'->>'email' LIKE 'partner.%'`,
    )
    expect(stored.rows[0].n).toBe(4)
  })
})
