import { createMetrics } from '@leadwire/runtime'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { createPgLeadStore } from '../src/pg-lead-store.ts'

let ns: TestNamespace
let app: ReturnType<typeof buildApp>
let schema: string

const lead = (email = 'dana.lee@acme-robotics.com') => ({
  contact: { firstName: 'Dana', lastName: 'Lee', email, title: 'VP Sales' },
  company: { name: 'Acme Robotics', employees: 1200, country: 'US' },
  source: { channel: 'inbound_form', intent: 'demo_request', formId: 'demo-2026' },
})

beforeAll(async () => {
  ns = await createTestNamespace()
  await ns.migrate()
  schema = ns.names.schema('capture')
  app = buildApp({
    store: createPgLeadStore({ pool: ns.pool, schema, names: ns.names }),
    log: ns.log,
    ops: {
      registry: createMetrics('capture').registry,
      checks: { postgres: () => ns.pool.query('SELECT 1') },
    },
  })
  await app.ready()
})

afterAll(async () => {
  await app.close()
  await ns.cleanup()
})

const outboxFor = async (leadId: string) =>
  (await ns.pool.query(`SELECT topic, key, headers FROM ${schema}.outbox WHERE key = $1`, [leadId])).rows

describe('POST /v1/leads', () => {
  it('accepts a JSON lead with 202 and stores it with its leads.captured.v1 outbox row', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/leads', payload: lead() })
    expect(res.statusCode).toBe(202)
    const { leadId, status } = res.json()
    expect(status).toBe('accepted')
    const rows = await outboxFor(leadId)
    expect(rows).toHaveLength(1)
    expect(rows[0].topic).toBe(ns.names.topic('leads.captured.v1'))
    expect(rows[0].headers.ce_type).toBe('io.leadwire.lead.captured.v1')
  })

  it('accepts a urlencoded form post with flat field names', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/leads',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload:
        'email=sam%40globex.io&firstName=Sam&company=Globex&employees=250&utm_source=linkedin&consent.marketing=on',
    })
    expect(res.statusCode).toBe(202)
    const { rows } = await ns.pool.query(`SELECT received_via, payload FROM ${schema}.leads WHERE id = $1`, [
      res.json().leadId,
    ])
    expect(rows[0].received_via).toBe('form')
    expect(rows[0].payload.company).toMatchObject({ name: 'Globex', employees: 250 })
    expect(rows[0].payload.source.utm).toEqual({ source: 'linkedin' })
    expect(rows[0].payload.consent).toEqual({ marketing: true })
  })

  it('rejects a bad email with problem+json naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/leads', payload: lead('not-an-email') })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'contact.email' }))
  })

  it('rejects unknown top-level fields instead of keeping them', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/leads',
      payload: { ...lead(), favouriteColour: 'blue' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().detail).toContain('favouriteColour')
  })

  it('requires an email or a phone', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/leads',
      payload: { contact: { firstName: 'Ann' } },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].field).toBe('contact.email')
  })

  it('returns the same lead for a retry with the same Idempotency-Key and 409 for a different body', async () => {
    const headers = { 'idempotency-key': `retry-${ns.namespace}` }
    const first = await app.inject({
      method: 'POST',
      url: '/v1/leads',
      headers,
      payload: lead('kim@initech.com'),
    })
    const again = await app.inject({
      method: 'POST',
      url: '/v1/leads',
      headers,
      payload: lead('kim@initech.com'),
    })
    expect(again.statusCode).toBe(202)
    expect(again.json()).toMatchObject({ leadId: first.json().leadId, replayed: true })
    expect(await outboxFor(first.json().leadId)).toHaveLength(1)
    const other = await app.inject({
      method: 'POST',
      url: '/v1/leads',
      headers,
      payload: lead('someone@else.com'),
    })
    expect(other.statusCode).toBe(409)
    expect(other.json().title).toContain(first.json().leadId)
  })

  it('treats the same form id and submission id as a retry', async () => {
    const body = {
      ...lead('lee@hooli.com'),
      source: { channel: 'inbound_form', formId: 'f1', submissionId: 's-42' },
    }
    const a = await app.inject({ method: 'POST', url: '/v1/leads', payload: body })
    const b = await app.inject({ method: 'POST', url: '/v1/leads', payload: body })
    expect(b.json().leadId).toBe(a.json().leadId)
  })

  it('publishes an OpenAPI document at /docs/json with the lead route', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' })
    expect(res.json().paths['/v1/leads'].post).toBeDefined()
  })
})
