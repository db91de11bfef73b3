import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aLead, type CaptureUnderTest, startCapture } from './helpers.ts'

let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture()
})
afterAll(() => c.close())

const raw = (payload: string | Buffer, contentType: string, headers: Record<string, string> = c.auth) =>
  c.app.inject({
    method: 'POST',
    url: '/v1/leads',
    headers: { ...headers, 'content-type': contentType },
    payload,
  })

interface Problem {
  status: number
  code: string
  detail: string
  errors: { field: string; message: string }[]
}

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): Problem },
  status: number,
) {
  expect(res.statusCode).toBe(status)
  expect(res.headers['content-type']).toContain('application/problem+json')
  const body = res.json()
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/leadwire\.dev\/problems\//) })
  expect(body.detail.length).toBeGreaterThan(10)
  return body
}

describe('errors people can act on', () => {
  it('malformed JSON: says it is not JSON and where it broke', async () => {
    const body = expectProblem(await raw('{"contact": {"email": "a@b.co",}}', 'application/json'), 400)
    expect(body.code).toBe('CAPTURE_MALFORMED_JSON')
    expect(body.detail).toMatch(/position|column/)
  })

  it('an empty JSON body says so', async () => {
    expect(expectProblem(await raw('', 'application/json'), 400).code).toBe('CAPTURE_EMPTY_BODY')
  })

  it('wrong content type: 415 naming what is accepted', async () => {
    const body = expectProblem(await raw('email=a@b.co', 'text/plain'), 415)
    expect(body.detail).toContain('application/json')
    expect(body.detail).toContain('application/x-www-form-urlencoded')
    expect(expectProblem(await raw('--x--', 'multipart/form-data; boundary=x'), 415).detail).toContain(
      'multipart',
    )
  })

  it('a charset other than UTF-8: 415', async () => {
    const res = await raw(JSON.stringify(aLead()), 'application/json; charset=iso-8859-1')
    expect(expectProblem(res, 415).detail).toContain('UTF-8')
  })

  it('oversize body: 413 with the limit', async () => {
    const huge = JSON.stringify({ ...aLead(), custom: { notes: 'x'.repeat(70 * 1024) } })
    expect(expectProblem(await raw(huge, 'application/json'), 413).detail).toContain(String(64 * 1024))
  })

  it('bad UTF-8 in a JSON body or in a form field: 400, nothing stored', async () => {
    const json = Buffer.concat([
      Buffer.from('{"contact":{"email":"x@y.co","firstName":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}}'),
    ])
    expect(expectProblem(await raw(json, 'application/json'), 400).code).toBe('CAPTURE_BAD_ENCODING')
    const form = await raw('email=x%40y.co&firstName=%C3%28', 'application/x-www-form-urlencoded')
    expect(expectProblem(form, 400).code).toBe('CAPTURE_BAD_ENCODING')
    expect(await c.rows(`SELECT 1 FROM $schema.leads WHERE payload->'contact'->>'email' = 'x@y.co'`)).toEqual(
      [],
    )
  })

  it('missing key: 401 saying how to send one', async () => {
    const res = await raw(JSON.stringify(aLead()), 'application/json', {})
    const body = expectProblem(res, 401)
    expect(res.headers['www-authenticate']).toContain('Bearer')
    expect(body.detail).toContain('Authorization: Bearer')
  })

  it('unknown key: 401; a secret key in the URL: 401 telling to rotate it', async () => {
    expectProblem(
      await raw(JSON.stringify(aLead()), 'application/json', { authorization: 'Bearer lwsk_nope' }),
      401,
    )
    const res = await c.app.inject({
      method: 'POST',
      url: `/v1/leads?key=${c.secretToken}`,
      payload: aLead(),
    })
    expect(expectProblem(res, 401).detail).toContain('rotate')
  })

  it('a public form key cannot read leads or record feedback: 403', async () => {
    const res = await c.app.inject({
      method: 'GET',
      url: `/v1/leads/${crypto.randomUUID()}?key=${c.formToken}`,
    })
    expect(expectProblem(res, 403).detail).toContain('public form key')
  })

  it('names each bad field and why, including unknown top-level fields', async () => {
    const res = await raw(
      JSON.stringify({ ...aLead('not-an-email'), favouriteColour: 'blue' }),
      'application/json',
    )
    const body = expectProblem(res, 400)
    expect(body.errors).toContainEqual(expect.objectContaining({ field: 'contact.email' }))
    expect(body.errors).toContainEqual(expect.objectContaining({ field: 'favouriteColour' }))
  })

  it('requires an email or a phone, and refuses a __proto__ key', async () => {
    const none = expectProblem(
      await raw(JSON.stringify({ contact: { firstName: 'Ann' } }), 'application/json'),
      400,
    )
    expect(none.errors[0]?.field).toBe('contact.email')
    const proto = await raw(
      '{"contact":{"email":"a@b.co"},"custom":{"__proto__":{"x":1}}}',
      'application/json',
    )
    expect(expectProblem(proto, 400).code).toBe('CAPTURE_FORBIDDEN_NAME')
  })

  it('an unknown route is a 404 problem', async () => {
    expectProblem(await c.app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404)
  })
})
