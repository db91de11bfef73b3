import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the fake vendor answers: a company body, 404, an error status, or never (slow). */
export type Behaviour = { company: Record<string, unknown> } | { status: number } | 'slow'

/**
 * A real HTTP server on 127.0.0.1 playing a Clearbit-style vendor, so the adapter's timeouts,
 * retries and error handling meet real sockets. It records every request and the most that
 * were in flight at once. `slow` holds the request until the client gives up or the server
 * closes; nothing here sleeps.
 */
export async function startFakeProvider(behave: (domain: string) => Behaviour) {
  const requests: { domain: string; authorization: string | undefined }[] = []
  let inFlight = 0
  let maxInFlight = 0
  let behaviour = behave
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const domain = new URL(req.url ?? '/', 'http://x').searchParams.get('domain') ?? ''
    requests.push({ domain, authorization: req.headers.authorization })
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    res.on('close', () => inFlight--)
    const b = behaviour(domain)
    if (b === 'slow') return
    if ('status' in b) {
      res.writeHead(b.status, { 'content-type': 'application/json' }).end('{"error":"nope"}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(b.company))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v2/companies/find`,
    requests,
    maxInFlight: () => maxInFlight,
    requestsFor: (domain: string) => requests.filter((r) => r.domain === domain).length,
    behave(next: (domain: string) => Behaviour) {
      behaviour = next
    },
    async close() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close').catch(() => {})
    },
  }
}

export type FakeProvider = Awaited<ReturnType<typeof startFakeProvider>>

/** A URL on which nothing listens: a port the OS gave out and we closed again. */
export async function downUrl(): Promise<string> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return `http://127.0.0.1:${port}/v2/companies/find`
}

/** A Clearbit-shaped body for a company. */
export const clearbitBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  category: { industry: 'Software' },
  metrics: { employees: 640, employeesRange: '251-1K' },
  geo: { countryCode: 'US' },
  tech: ['Okta'],
  ...extra,
})
