import { leadSnapshot, spamAssessment } from '@leadwire/contracts'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { feedbackKinds } from '../src/feedback/feedback-kinds.ts'
import { leadInput } from '../src/leads/lead-input.ts'
import {
  contentType,
  formBody,
  jsonValue,
  type Mutation,
  mutate,
  mutation,
  nastyKey,
  nastyString,
  pathOf,
  rawBytes,
  rawJsonText,
  validLead,
} from './fuzz-arbitraries.ts'
import { aLead, type CaptureUnderTest, siteOrigin, startCapture } from './helpers.ts'

// Property-based fuzzing of the HTTP edge. A bounded number of runs keeps the file well under
// a minute; FUZZ_RUNS=2000 (say) digs deeper. FUZZ_SEED replays a failure fast-check reported.
const numRuns = Number(process.env.FUZZ_RUNS ?? 60)
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
const runs = { numRuns, ...(seed !== undefined && { seed }) }

let c: CaptureUnderTest
let leadId: string
const prototypeMembers = Object.getOwnPropertyNames(Object.prototype).sort()

beforeAll(async () => {
  c = await startCapture({ limits: { perIpPerMinute: 1e9, perKeyPerMinute: 1e9 } })
  const res = await c.app.inject({ method: 'POST', url: '/v1/leads', headers: c.auth, payload: aLead() })
  leadId = res.json().leadId
})
afterAll(() => c.close())
afterEach(() => expectNoPollution())

function expectNoPollution() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeMembers)
  expect(Object.getPrototypeOf({})).toBe(Object.prototype)
}

interface Problem {
  status: number
  code: string
  detail: string
  errors?: { field: string; message: string }[]
  results?: { index: number; status: string; leadId?: string; errors?: { field: string }[] }[]
}

type Injected = Awaited<ReturnType<CaptureUnderTest['app']['inject']>>

/** Problems about one part of the input must say which field (or header, or parameter). */
const fieldCodes = new Set(['CAPTURE_INVALID_REQUEST', 'CAPTURE_FORBIDDEN_NAME', 'CAPTURE_BAD_TEXT'])

/** Never a 5xx; every refusal is RFC 9457 problem+json, naming the field where one is at fault. */
function expectWellFormed(res: Injected): Problem | undefined {
  expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(500)
  if (res.statusCode < 400) return undefined
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  const problem = JSON.parse(res.body) as Problem
  expect(problem).toMatchObject({
    type: expect.stringMatching(/^https:\/\/leadwire\.dev\/problems\/[a-z-]+$/),
    title: expect.any(String),
    status: res.statusCode,
    detail: expect.any(String),
    instance: expect.stringMatching(/^\//),
    code: expect.stringMatching(/^CAPTURE_[A-Z_]+$/),
  })
  if (fieldCodes.has(problem.code)) {
    expect(problem.errors?.length, res.body.slice(0, 500)).toBeGreaterThan(0)
    for (const e of problem.errors!) {
      expect(e.field).toEqual(expect.any(String))
      expect(e.field.length).toBeGreaterThan(0)
    }
  }
  return problem
}

/** A fault at one path may be reported there, above it (a missing parent) or below it. */
function expectNamed(problem: Problem | undefined, m: Mutation) {
  if (!problem?.errors) return
  const at = pathOf(m)
  for (const { field } of problem.errors) {
    const related = at === '' || field === at || field.startsWith(`${at}.`) || at.startsWith(`${field}.`)
    expect(related, `${field} reported for a fault at ${at}`).toBe(true)
  }
}

/** The stored lead is exactly the validated input: no extra key, nothing unvalidated. */
async function expectStoredAsValidated(id: string, sent: unknown) {
  const [row] = await c.rows<{ payload: Record<string, unknown> }>(
    'SELECT payload FROM $schema.leads WHERE id = $1',
    [id],
  )
  const { antiSpam: _, ...validated } = leadInput.parse(sent)
  expect(row!.payload).toEqual({ leadId: id, capturedAt: row!.payload.capturedAt, ...validated })
}

const post = (url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
  c.app.inject({ method: 'POST', url, headers: { ...c.auth, ...headers }, payload })

const json = (value: unknown) => JSON.stringify(value) ?? 'undefined'

const idempotencyHeader = fc.option(
  fc.oneof(fc.uuid(), fc.stringMatching(/^[\x20-\x7e]{0,12}$/), fc.constant('x'.repeat(201))),
  { nil: undefined },
)
const withKey = (key: string | undefined): Record<string, string> =>
  key === undefined ? {} : { 'idempotency-key': key }

describe('hostile input to POST /v1/leads', () => {
  it('any JSON shape: never a 5xx, problems name the field, an accepted lead is exactly the validated input', async () => {
    const body = fc.oneof(
      { weight: 1, arbitrary: validLead.map((lead) => ({ lead, m: undefined })) },
      { weight: 4, arbitrary: fc.tuple(validLead, mutation).map(([l, m]) => ({ lead: mutate(l, m), m })) },
      { weight: 2, arbitrary: jsonValue.map((lead) => ({ lead, m: undefined })) },
    )
    await fc.assert(
      fc.asyncProperty(body, idempotencyHeader, async ({ lead, m }, key) => {
        const res = await post('/v1/leads', json(lead), {
          'content-type': 'application/json',
          ...withKey(key),
        })
        const problem = expectWellFormed(res)
        if (m && key === undefined) expectNamed(problem, m)
        if (res.statusCode === 202 && !res.json().replayed)
          await expectStoredAsValidated(res.json().leadId, lead)
      }),
      runs,
    )
  })

  it('raw text, bad bytes and any content type: never a 5xx, always problem+json', async () => {
    const payload = fc.oneof(rawJsonText, rawBytes, validLead.map(json))
    await fc.assert(
      fc.asyncProperty(payload, contentType, async (body, type) => {
        const res = await post('/v1/leads', body, type ? { 'content-type': type } : {})
        expectWellFormed(res)
      }),
      runs,
    )
  })

  it('form posts with odd names, separators and percent sequences: never a 5xx', async () => {
    const type = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=UTF-8',
      'application/x-www-form-urlencoded; charset=latin1',
    )
    await fc.assert(
      fc.asyncProperty(formBody, type, async (body, contentType) => {
        const res = await c.app.inject({
          method: 'POST',
          url: `/v1/leads?key=${c.formToken}`,
          headers: { origin: siteOrigin, 'content-type': contentType },
          payload: body,
        })
        expectWellFormed(res)
        if (res.statusCode === 303) expect(res.headers.location).toMatch(/^https:\/\/www\.acme\.example\//)
      }),
      runs,
    )
  })
})

describe('hostile input to POST /v1/leads/batch', () => {
  it('any rows: never a 5xx, each bad row named by index and field, each accepted row exactly as validated', async () => {
    const row = fc.oneof(
      validLead,
      fc.tuple(validLead, mutation).map(([l, m]) => mutate(l, m)),
      fc.tuple(validLead, fc.oneof(nastyString, fc.uuid())).map(([l, k]) => ({ ...l, idempotencyKey: k })),
      jsonValue,
    )
    const envelope = fc.oneof(
      { weight: 4, arbitrary: fc.array(row, { minLength: 1, maxLength: 6 }).map((leads) => ({ leads })) },
      { weight: 1, arbitrary: jsonValue },
    )
    await fc.assert(
      fc.asyncProperty(envelope, idempotencyHeader, async (body, key) => {
        const res = await post('/v1/leads/batch', json(body), {
          'content-type': 'application/json',
          ...withKey(key),
        })
        const problem = expectWellFormed(res)
        const results = ((problem ?? res.json()) as Problem).results ?? []
        const rows = (body as { leads?: unknown[] } | null)?.leads ?? []
        for (const r of results) {
          for (const e of r.errors ?? []) expect(e.field).toMatch(new RegExp(`^leads\\.${r.index}(\\.|$)`))
          if (r.status === 'accepted') {
            const { idempotencyKey: _, ...lead } = rows[r.index] as Record<string, unknown>
            await expectStoredAsValidated(r.leadId!, lead)
          }
        }
      }),
      runs,
    )
  })
})

describe('hostile input to the feedback and read endpoints', () => {
  const validReport = fc.constantFrom<Record<string, unknown>>(
    { activity: 'pricing_page', properties: { path: '/pricing' } },
    { repId: 'rep-1', channel: 'call' },
    { repId: 'rep-1', decision: 'rejected', reason: 'other', note: 'moved on' },
    { outcome: 'won', amount: 1000, currency: 'EUR' },
  )
  const report = fc.oneof(
    validReport,
    fc
      .tuple(validReport, nastyKey, jsonValue)
      .map(([r, k, v]) => Object.fromEntries([...Object.entries(r), [k, v]])),
    fc.tuple(validReport, jsonValue).map(([r, v]) => Object.fromEntries(Object.keys(r).map((k) => [k, v]))),
    jsonValue,
  )
  const leadSegment = fc.oneof(
    fc.constant('LEAD'),
    fc.uuid(),
    nastyString.map((s) => encodeURIComponent(s.slice(0, 100).toWellFormed())),
    fc.constantFrom('%', '..', '%2e%2e', '%00', 'x?y', ''),
  )

  it('any report on any id: never a 5xx, problems name the field', async () => {
    const kind = fc.constantFrom(...feedbackKinds.map((k) => k.path))
    await fc.assert(
      fc.asyncProperty(leadSegment, kind, report, async (segment, path, body) => {
        const id = segment === 'LEAD' ? leadId : segment
        expectWellFormed(
          await post(`/v1/leads/${id}/${path}`, json(body), { 'content-type': 'application/json' }),
        )
        expectWellFormed(await c.app.inject({ method: 'GET', url: `/v1/leads/${id}`, headers: c.auth }))
      }),
      runs,
    )
  })
})

describe('after the fuzzing', () => {
  it('every stored lead and report still matches its contract, with no extra key', async () => {
    const leads = await c.rows<{ payload: unknown; spam: unknown }>('SELECT payload, spam FROM $schema.leads')
    expect(leads.length).toBeGreaterThan(1)
    for (const { payload, spam } of leads) {
      // parse drops unknown keys at every level, so equality means there were none.
      expect(leadSnapshot.parse(payload)).toEqual(payload)
      expect(spamAssessment.parse(spam)).toEqual(spam)
    }
    const reports = await c.rows<{ kind: string; data: unknown }>('SELECT kind, data FROM $schema.feedback')
    for (const { kind, data } of reports) {
      const spec = feedbackKinds.find((k) => k.kind === kind)!
      expect(spec.event.schema.parse(data)).toEqual(data)
    }
    expect((await c.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })
})
