import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { send, startCaptureProcesses } from './capture-processes.ts'

// Capture as a process at the chattiest log level, sent secrets and personal data on the happy
// path and every error path; then the log file it wrote is searched for them.
const origin = 'https://www.acme.example'
const email = 'zelda.quixote.7731@wirelog-test.example'
const phone = '+15550109876'
const wrongToken = 'lwsk_wrongwrongwrongwrongwrongwrong42'
let capture: Awaited<ReturnType<typeof startCaptureProcesses>>
let secret: string
let form: string
let log: string

const lead = (firstName = 'Zelda') => ({ contact: { email, phone, firstName }, company: { name: 'Wirelog' } })

beforeAll(async () => {
  capture = await startCaptureProcesses('lg', 1, { LOG_LEVEL: 'trace' })
  secret = (await capture.keys.create({ name: 'crm', kind: 'secret' })).token
  form = (await capture.keys.create({ name: 'site', kind: 'public', origins: [origin] })).token
  const port = capture.processes[0]!.port
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const json = { 'content-type': 'application/json' }
  const formType = { 'content-type': 'application/x-www-form-urlencoded' }
  const idem = { 'idempotency-key': `log-test-${randomUUID()}` }
  const urlEmail = encodeURIComponent(email)
  const urlPhone = encodeURIComponent(phone)
  const expected: [number, Parameters<typeof send>[1]][] = [
    [202, { path: '/v1/leads', headers: { ...bearer(secret), ...idem }, body: lead() }],
    [409, { path: '/v1/leads', headers: { ...bearer(secret), ...idem }, body: lead('Other') }],
    [
      400,
      {
        path: '/v1/leads',
        headers: { ...bearer(secret), ...json },
        body: `{"contact":{"email":"${email}","phone":"${phone}"},}`,
      },
    ],
    [400, { path: '/v1/leads', headers: bearer(secret), body: { ...lead(), favourite: email } }],
    [400, { path: '/v1/leads', headers: bearer(secret), body: { contact: { email: `${email}@`, phone } } }],
    [401, { path: '/v1/leads', headers: bearer(wrongToken), body: lead() }],
    [401, { path: '/v1/leads', body: lead() }],
    [401, { path: `/v1/leads?key=${secret}`, body: lead() }],
    [401, { path: `/v1/leads?%6Bey=${secret}`, body: lead() }],
    [202, { path: `/v1/leads?api_key=${secret}`, headers: bearer(secret), body: lead('Api') }],
    [400, { method: 'GET', path: `/v1/leads/${secret}`, headers: bearer(secret) }],
    [404, { method: 'GET', path: `/v1/nothing?key=${form}&token=${secret}` }],
    [
      202,
      {
        path: `/v1/leads?key=${form}`,
        headers: { origin, ...formType },
        body: `email=${urlEmail}&phone=${urlPhone}`,
      },
    ],
    [
      400,
      {
        path: `/v1/leads?key=${form}`,
        headers: { origin, ...formType },
        body: `email=${urlEmail}&phone=${urlPhone}&x=%FF`,
      },
    ],
    [
      403,
      {
        path: `/v1/leads?key=${form}`,
        headers: { origin: 'https://evil.example', ...formType },
        body: `email=${urlEmail}`,
      },
    ],
    [
      202,
      {
        path: '/v1/leads/batch',
        headers: bearer(secret),
        body: { leads: [lead('Batch'), { contact: { email: 'no' } }] },
      },
    ],
    [
      400,
      {
        path: '/v1/leads/batch',
        headers: bearer(secret),
        body: { leads: [{ contact: { email, phone: 7 } }] },
      },
    ],
    [
      415,
      {
        path: '/v1/leads',
        headers: { ...bearer(secret), 'content-type': 'text/plain' },
        body: `${email} ${phone}`,
      },
    ],
  ]
  for (const [status, request] of expected) {
    const answer = await send(port, request)
    expect([request.path, answer.status]).toEqual([request.path, status])
  }
  // Stopping flushes the process's log to the file.
  await capture.stop()
  log = readFileSync(capture.logFile, 'utf8')
}, 120_000)
afterAll(() => capture?.cleanup(), 60_000)

describe('capture logs', () => {
  it('logged the requests at all (so the search below means something)', () => {
    expect(log.split('\n').filter((l) => l.includes('"url":"/v1/leads')).length).toBeGreaterThan(10)
    expect(log).toContain('key=[masked]')
  })

  it('hold no key: secret, public or wrong, from a header, the query or the path', () => {
    for (const token of [secret, form, wrongToken]) {
      expect(log).not.toContain(token)
      expect(log).not.toContain(token.slice(5))
    }
  })

  it('hold no email or phone number, from JSON, a form or an error message', () => {
    for (const pii of [email, phone, encodeURIComponent(email), encodeURIComponent(phone), '5550109876']) {
      expect(log).not.toContain(pii)
    }
  })
})
