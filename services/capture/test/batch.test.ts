import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aLead, type CaptureUnderTest, startCapture } from './helpers.ts'

let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture()
})
afterAll(() => c.close())

const postBatch = (leads: unknown[], headers: Record<string, string> = {}) =>
  c.app.inject({
    method: 'POST',
    url: '/v1/leads/batch',
    headers: { ...c.auth, ...headers },
    payload: { leads },
  })
const attendee = (i: number) => ({
  ...aLead(`attendee.${i}@expo-${c.ns.namespace}.example`),
  source: { channel: 'event', campaign: 'expo-2026', formId: 'badge-scan' },
})

describe('POST /v1/leads/batch', () => {
  it('stores an attendee list of 2,000 rows, each with its outbox event, and answers per row', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => attendee(i))
    const res = await postBatch(rows)
    expect(res.statusCode).toBe(202)
    const body = res.json()
    expect(body).toMatchObject({ accepted: 2000, replayed: 0, invalid: 0, conflict: 0 })
    expect(body.results.map((r: { index: number }) => r.index)).toEqual(rows.map((_, i) => i))
    const ids = body.results.map((r: { leadId: string }) => r.leadId)
    const [stored] = await c.rows<{ n: string }>(
      `SELECT count(*) AS n FROM $schema.leads WHERE id = ANY($1) AND received_via = 'batch'`,
      [ids],
    )
    expect(Number(stored!.n)).toBe(2000)
    const [events] = await c.rows<{ n: string }>(
      'SELECT count(*) AS n FROM $schema.outbox WHERE key = ANY($1)',
      [ids],
    )
    expect(Number(events!.n)).toBe(2000)
  })

  it('reports invalid rows by index and field while storing the valid ones', async () => {
    const res = await postBatch([
      attendee(5001),
      { contact: { email: 'nope' } },
      { ...attendee(5002), shoeSize: 44 },
    ])
    expect(res.statusCode).toBe(202)
    const { results, accepted, invalid } = res.json()
    expect({ accepted, invalid }).toEqual({ accepted: 1, invalid: 2 })
    expect(results[1]).toMatchObject({ index: 1, status: 'invalid' })
    expect(results[1].errors).toContainEqual(expect.objectContaining({ field: 'leads.1.contact.email' }))
    expect(results[2].errors).toContainEqual(expect.objectContaining({ field: 'leads.2.shoeSize' }))
  })

  it('returns the same lead per row for a retried batch, and a conflict for a changed row', async () => {
    const key = { 'idempotency-key': `import-${c.ns.namespace}` }
    const rows = [attendee(6001), { ...attendee(6002), idempotencyKey: `row-${c.ns.namespace}-b` }]
    const first = (await postBatch(rows, key)).json()
    const retry = (await postBatch(rows, key)).json()
    expect(retry).toMatchObject({ accepted: 0, replayed: 2 })
    expect(retry.results.map((r: { leadId: string }) => r.leadId)).toEqual(
      first.results.map((r: { leadId: string }) => r.leadId),
    )
    const changed = await postBatch([{ ...attendee(6099) }, rows[1]], key)
    expect(changed.statusCode).toBe(202)
    expect(changed.json().results[0]).toMatchObject({ status: 'conflict', leadId: first.results[0].leadId })
    expect(changed.json().results[1]).toMatchObject({ status: 'replayed' })
  })

  it('answers 400 with every row’s result when no row could be stored', async () => {
    const res = await postBatch([{ contact: { email: 'nope' } }, { contact: {} }])
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'CAPTURE_BATCH_REJECTED', invalid: 2 })
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual(['invalid', 'invalid'])
  })

  it('refuses an empty batch, more than 5,000 rows, and a public form key', async () => {
    expect((await postBatch([])).statusCode).toBe(400)
    const tooMany = await postBatch(Array.from({ length: 5001 }, () => ({})))
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().errors[0].field).toBe('leads')
    const withFormKey = await c.app.inject({
      method: 'POST',
      url: `/v1/leads/batch?key=${c.formToken}`,
      payload: { leads: [attendee(1)] },
    })
    expect(withFormKey.statusCode).toBe(403)
  })
})
