import { randomUUID } from 'node:crypto'
import { decodeEvent, type EventDefinition, topics } from '@leadwire/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aLead, type CaptureUnderTest, startCapture } from './helpers.ts'

let c: CaptureUnderTest
let leadId: string
beforeAll(async () => {
  c = await startCapture()
  leadId = (
    await c.app.inject({ method: 'POST', url: '/v1/leads', headers: c.auth, payload: aLead() })
  ).json().leadId
})
afterAll(() => c.close())

const report = (path: string, payload: unknown, headers: Record<string, string> = {}, id = leadId) =>
  c.app.inject({
    method: 'POST',
    url: `/v1/leads/${id}/${path}`,
    headers: { ...c.auth, ...headers },
    payload: payload as object,
  })

/** The decoded event the outbox holds for this event id. */
async function published(eventId: string) {
  const [row] = await c.rows<{ topic: string; key: string; value: Buffer; headers: Record<string, string> }>(
    `SELECT topic, key, value, headers FROM $schema.outbox WHERE headers->>'ce_id' = $1`,
    [eventId],
  )
  const definition = topics.find((t) => c.ns.names.topic(t.name) === row!.topic)!.event as EventDefinition
  const decoded = decodeEvent(row!, [definition])
  if (!decoded.ok) throw new Error(decoded.error.message)
  return { topic: row!.topic, key: row!.key, event: decoded.event }
}

describe('feedback from CRMs and product', () => {
  it.each([
    [
      'activities',
      { activity: 'pricing_page', properties: { url: 'https://acme.example/pricing' } },
      'leads.activity.v1',
    ],
    [
      'touches',
      { repId: 'rep-7', channel: 'call', crm: { system: 'hubspot', recordId: '123' } },
      'leads.contacted.v1',
    ],
    ['handoff', { repId: 'rep-7', decision: 'rejected', reason: 'wrong_territory' }, 'leads.handoff.v1'],
    ['outcomes', { outcome: 'opportunity', amount: 48000, currency: 'USD' }, 'leads.outcome.v1'],
  ])('POST …/%s publishes a valid event on its topic through the outbox', async (path, body, topic) => {
    const res = await report(path, body)
    expect(res.statusCode).toBe(202)
    const { eventId, replayed } = res.json()
    expect(replayed).toBe(false)
    const out = await published(eventId)
    expect(out).toMatchObject({ topic: c.ns.names.topic(topic), key: leadId })
    expect(out.event.data).toMatchObject({ leadId, ...body })
  })

  it('records a retry once: same Idempotency-Key → same event; different body → 409', async () => {
    const key = { 'idempotency-key': `touch-${randomUUID()}` }
    const first = (await report('touches', { repId: 'rep-9', channel: 'email' }, key)).json()
    const again = await report('touches', { repId: 'rep-9', channel: 'email' }, key)
    expect(again.json()).toMatchObject({ eventId: first.eventId, replayed: true })
    const other = await report('touches', { repId: 'rep-9', channel: 'sms' }, key)
    expect(other.statusCode).toBe(409)
  })

  it('counts the same activity id once, and an identical report without a key once', async () => {
    const activity = {
      activity: 'webinar',
      activityId: `web-${randomUUID()}`,
      occurredAt: '2026-03-11T10:00:00Z',
    }
    const a = (await report('activities', activity)).json()
    expect((await report('activities', activity)).json()).toMatchObject({
      eventId: a.eventId,
      replayed: true,
    })
    const won = { outcome: 'won', amount: 52000, currency: 'EUR', occurredAt: '2026-04-01T12:00:00Z' }
    const w = (await report('outcomes', won)).json()
    expect((await report('outcomes', won)).json()).toMatchObject({ eventId: w.eventId, replayed: true })
  })

  it('answers 404 for a lead that was never captured', async () => {
    const res = await report('touches', { repId: 'rep-1', channel: 'call' }, {}, randomUUID())
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('CAPTURE_LEAD_NOT_FOUND')
  })

  it('names what a handoff or an outcome is missing', async () => {
    const noReason = await report('handoff', { repId: 'rep-1', decision: 'rejected' })
    expect(noReason.json().errors).toContainEqual(expect.objectContaining({ field: 'reason' }))
    const otherNoNote = await report('handoff', { repId: 'rep-1', decision: 'rejected', reason: 'other' })
    expect(otherNoNote.json().errors).toContainEqual(expect.objectContaining({ field: 'note' }))
    const noCurrency = await report('outcomes', { outcome: 'won', amount: 10 })
    expect(noCurrency.json().errors).toContainEqual(expect.objectContaining({ field: 'currency' }))
  })

  it('needs the feedback:write scope', async () => {
    const readOnly = await c.keys.create({ name: 'dashboard', kind: 'secret', scopes: ['leads:read'] })
    const res = await report(
      'touches',
      { repId: 'r', channel: 'call' },
      { authorization: `Bearer ${readOnly.token}` },
    )
    expect(res.statusCode).toBe(403)
    expect(res.json().detail).toContain('feedback:write')
  })
})
