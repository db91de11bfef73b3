import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aLead, type CaptureUnderTest, siteOrigin, startCapture } from './helpers.ts'

// Each case here is one the fuzzing in hostile-input.test.ts found as a 5xx or a wrong answer.
let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture()
})
afterAll(() => c.close())

const postJson = (payload: string, url = '/v1/leads') =>
  c.app.inject({ method: 'POST', url, headers: { ...c.auth, 'content-type': 'application/json' }, payload })

const postForm = (payload: string) =>
  c.app.inject({
    method: 'POST',
    url: `/v1/leads?key=${c.formToken}`,
    headers: { origin: siteOrigin, 'content-type': 'application/x-www-form-urlencoded' },
    payload,
  })

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  return JSON.parse(res.body) as { code: string; detail: string; errors?: { field: string }[] }
}

const countLeads = async (email: string) =>
  (await c.rows(`SELECT 1 FROM $schema.leads WHERE payload->'contact'->>'email' = $1`, [email])).length

describe('hostile input the fuzzing found', () => {
  it('deep nesting is a 400, not a stack overflow (the JSON reviver recursed)', async () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`
    expect(expectProblem(await postJson(deep), 400).code).toBe('CAPTURE_TOO_DEEP')
    const inCustom = `{"contact":{"email":"deep@acme.com"},"custom":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`
    const problem = expectProblem(await postJson(inCustom), 400)
    expect(problem.detail).toContain('custom.a.a')
  })

  it('NUL and lone surrogates are refused naming the field, where Postgres failed with a 500', async () => {
    for (const [body, field] of [
      ['{"contact":{"email":"nul@acme.com","firstName":"Ann\\u0000"}}', 'contact.firstName'],
      ['{"contact":{"email":"nul@acme.com"},"custom":{"\\udc00":"lone"}}', 'custom.\udc00'],
      ['{"contact":{"email":"nul@acme.com"},"company":{"name":"\\ud800"}}', 'company.name'],
    ] as const) {
      const problem = expectProblem(await postJson(body), 400)
      expect(problem.code).toBe('CAPTURE_BAD_TEXT')
      expect(problem.errors).toEqual([expect.objectContaining({ field })])
    }
    const batch = `{"leads":[{"contact":{"email":"nul@acme.com"},"idempotencyKey":"row-key-\\u0000"}]}`
    expect(expectProblem(await postJson(batch, '/v1/leads/batch'), 400).errors?.[0]?.field).toBe(
      'leads.0.idempotencyKey',
    )
    const form = expectProblem(await postForm('email=nul%40acme.com&company=Acme%00'), 400)
    expect(form.errors).toEqual([expect.objectContaining({ field: 'company' })])
    expect(await countLeads('nul@acme.com')).toBe(0)
  })

  it('a form field named constructor or toString is a 400, not a 500 (the alias table was a plain object)', async () => {
    expect(expectProblem(await postForm('email=a%40acme.com&constructor=x'), 400).code).toBe(
      'CAPTURE_FORBIDDEN_NAME',
    )
    expect(expectProblem(await postForm('email=a%40acme.com&toString=x'), 400).errors?.[0]?.field).toBe(
      'toString',
    )
  })

  it('a form field named __proto__ is refused, not silently dropped', async () => {
    const problem = expectProblem(await postForm('email=proto%40acme.com&__proto__=x'), 400)
    expect(problem.code).toBe('CAPTURE_FORBIDDEN_NAME')
    expect(await countLeads('proto@acme.com')).toBe(0)
  })

  it('prototype names are refused at any depth of JSON, naming where', async () => {
    for (const [body, field] of [
      ['{"contact":{"email":"a@acme.com","__proto__":{"polluted":1}}}', 'contact.__proto__'],
      ['{"contact":{"email":"a@acme.com"},"custom":{"constructor":"x"}}', 'custom.constructor'],
      ['{"leads":[{"contact":{"email":"a@acme.com"},"custom":{"prototype":1}}]}', 'leads.0.custom.prototype'],
    ] as const) {
      const url = body.startsWith('{"leads"') ? '/v1/leads/batch' : '/v1/leads'
      const problem = expectProblem(await postJson(body, url), 400)
      expect([problem.code, problem.errors?.[0]?.field]).toEqual(['CAPTURE_FORBIDDEN_NAME', field])
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('an empty field name is named "" rather than an empty string', async () => {
    const problem = expectProblem(await postJson(JSON.stringify({ ...aLead(), '': 1 })), 400)
    expect(problem.errors).toEqual([expect.objectContaining({ field: '""' })])
    const nested = expectProblem(
      await postJson('{"contact":{"email":"a@acme.com"},"":{"__proto__":{}}}'),
      400,
    )
    expect(nested.errors).toEqual([expect.objectContaining({ field: '"".__proto__' })])
    const form = expectProblem(await postForm('email=a%40acme.com&=%00'), 400)
    expect(form.errors).toEqual([expect.objectContaining({ field: '""' })])
  })

  it('a broken %-escape or an overlong id in the path is problem+json, not fastify’s own JSON', async () => {
    const bad = await c.app.inject({ method: 'GET', url: '/v1/leads/%E0%A4%A', headers: c.auth })
    expect(expectProblem(bad, 400).code).toBe('CAPTURE_BAD_URL')
    const long = await c.app.inject({ method: 'GET', url: `/v1/leads/${'a'.repeat(101)}`, headers: c.auth })
    expect(expectProblem(long, 414).code).toBe('CAPTURE_URL_TOO_LONG')
  })
})
