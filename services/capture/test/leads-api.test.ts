import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aLead, type CaptureUnderTest, siteOrigin, startCapture } from './helpers.ts'

let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture()
})
afterAll(() => c.close())

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  c.app.inject({
    method: 'POST',
    url: '/v1/leads',
    headers: { ...c.auth, ...headers },
    payload: payload as object,
  })
const postForm = (body: string, origin = siteOrigin) =>
  c.app.inject({
    method: 'POST',
    url: `/v1/leads?key=${c.formToken}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    payload: body,
  })

describe('POST /v1/leads', () => {
  it('accepts a JSON lead with 202 and stores it with its leads.captured.v1 outbox row', async () => {
    const res = await post(aLead())
    expect(res.statusCode).toBe(202)
    const { leadId, status } = res.json()
    expect(status).toBe('accepted')
    const rows = await c.rows('SELECT topic, headers FROM $schema.outbox WHERE key = $1', [leadId])
    expect(rows).toHaveLength(1)
    expect(rows[0]!.topic).toBe(c.ns.names.topic('leads.captured.v1'))
    expect((rows[0]!.headers as Record<string, string>).ce_type).toBe('io.leadwire.lead.captured.v1')
  })

  it('accepts a urlencoded form post with a public key, flat field names and consent', async () => {
    const res = await postForm(
      'email=sam%40globex.io&firstName=Sam&company=Globex&employees=250&utm_source=linkedin&consent.marketing=on',
    )
    expect(res.statusCode).toBe(202)
    const [row] = await c.rows<{ received_via: string; payload: Record<string, Record<string, unknown>> }>(
      'SELECT received_via, payload FROM $schema.leads WHERE id = $1',
      [res.json().leadId],
    )
    expect(row!.received_via).toBe('form')
    expect(row!.payload.company).toMatchObject({ name: 'Globex', employees: 250 })
    expect(row!.payload.source!.utm).toEqual({ source: 'linkedin' })
    expect(row!.payload.consent).toEqual({ marketing: true })
  })

  it('sends a form post with `redirect` to that page with 303, after storing the lead', async () => {
    const res = await postForm(
      `email=ann%40initech.com&redirect=${encodeURIComponent(`${siteOrigin}/thanks`)}`,
    )
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`${siteOrigin}/thanks`)
    expect(
      await c.rows(`SELECT 1 FROM $schema.leads WHERE payload->'contact'->>'email' = 'ann@initech.com'`),
    ).toHaveLength(1)
  })

  it('refuses a redirect to another site and stores nothing', async () => {
    const res = await postForm('email=eve%40initech.com&redirect=https%3A%2F%2Fevil.example%2F')
    expect(res.statusCode).toBe(400)
    expect(res.json().detail).toContain('https://evil.example/')
    expect(
      await c.rows(`SELECT 1 FROM $schema.leads WHERE payload->'contact'->>'email' = 'eve@initech.com'`),
    ).toEqual([])
  })

  it('carries spam signals on the event without refusing the lead', async () => {
    const res = await postForm('email=bot%40mailinator.com&_hp=http%3A%2F%2Fspam.example&firstName=Bot')
    expect(res.statusCode).toBe(202)
    const [row] = await c.rows<{ spam: { score: number; signals: { signal: string }[] } }>(
      'SELECT spam FROM $schema.leads WHERE id = $1',
      [res.json().leadId],
    )
    expect(row!.spam.signals.map((s) => s.signal)).toEqual(['honeypot', 'disposable_email'])
    const [event] = await c.rows<{ value: Buffer }>('SELECT value FROM $schema.outbox WHERE key = $1', [
      res.json().leadId,
    ])
    expect(JSON.parse(event!.value.toString()).spam.score).toBe(row!.spam.score)
  })

  it('returns the same lead for a retry with the same Idempotency-Key and 409 for a different body', async () => {
    const headers = { 'idempotency-key': `retry-${c.ns.namespace}` }
    const first = await post(aLead('kim@initech.com'), headers)
    const again = await post(aLead('kim@initech.com'), headers)
    expect(again.statusCode).toBe(202)
    expect(again.json()).toMatchObject({ leadId: first.json().leadId, replayed: true })
    expect(await c.rows('SELECT 1 FROM $schema.outbox WHERE key = $1', [first.json().leadId])).toHaveLength(1)
    const other = await post(aLead('someone@else.com'), headers)
    expect(other.statusCode).toBe(409)
    expect(other.headers['content-type']).toContain('application/problem+json')
    expect(other.json().detail).toContain(first.json().leadId)
  })

  it('treats the same form id and submission id as a retry', async () => {
    const body = {
      ...aLead('lee@hooli.com'),
      source: { channel: 'inbound_form', formId: 'f1', submissionId: 's-42' },
    }
    const a = await post(body)
    const b = await post(body)
    expect(b.json()).toMatchObject({ leadId: a.json().leadId, replayed: true })
  })

  it('makes one lead of the same key sent concurrently', async () => {
    const headers = { 'idempotency-key': `race-${c.ns.namespace}` }
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(aLead('race@initech.com'), headers)),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(202))
    expect(new Set(answers.map((a) => a.json().leadId)).size).toBe(1)
    expect(answers.filter((a) => !a.json().replayed)).toHaveLength(1)
    expect(
      await c.rows(`SELECT 1 FROM $schema.leads WHERE payload->'contact'->>'email' = 'race@initech.com'`),
    ).toHaveLength(1)
  })

  it('keeps idempotency keys apart per API key', async () => {
    const other = await c.keys.create({ name: 'another integration', kind: 'secret' })
    const headers = { 'idempotency-key': `shared-${c.ns.namespace}` }
    const mine = await post(aLead('one@initech.com'), headers)
    const theirs = await post(aLead('two@initech.com'), {
      ...headers,
      authorization: `Bearer ${other.token}`,
    })
    expect(theirs.statusCode).toBe(202)
    expect(theirs.json().leadId).not.toBe(mine.json().leadId)
  })
})
