import { describe, expect, it } from 'vitest'
import { decodeEvent, encodeEvent, type KafkaHeaders, type KafkaRecord } from './cloudevents.ts'
import { leadContactedV1 } from './events/lead-contacted.v1.ts'
import { leadRoutedV1 } from './events/lead-routed.v1.ts'
import { exampleLeadContacted, exampleLeadId, exampleLeadRouted } from './examples.ts'

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7'

const encodeRouted = (): KafkaRecord =>
  encodeEvent(leadRoutedV1, {
    id,
    source: '/leadwire/routing',
    key: exampleLeadId,
    data: exampleLeadRouted,
    time: '2025-03-11T14:02:08.104Z',
    traceparent,
    tracestate: 'leadwire=routing',
  })

/** What kafkajs hands a consumer: every header value as a Buffer. */
const asConsumed = (record: KafkaRecord) => ({
  value: record.value,
  headers: Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)])),
})

const withHeaders = (headers: KafkaHeaders, value: Buffer | null = encodeRouted().value) => ({
  value,
  headers: { ...encodeRouted().headers, ...headers },
})

describe('encodeEvent', () => {
  it('refuses a key other than the lead id, which would break per-lead ordering', () => {
    expect(() =>
      encodeEvent(leadRoutedV1, {
        id,
        source: '/leadwire/routing',
        key: 'someone-else',
        data: exampleLeadRouted,
      }),
    ).toThrow(/is not the event's lead id/)
  })

  it('writes CloudEvents binary-mode headers, the lead id as key and JSON data as value', () => {
    const record = encodeRouted()
    expect(record.key).toBe(exampleLeadId)
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: id,
      ce_type: 'io.leadwire.lead.routed.v1',
      ce_source: '/leadwire/routing',
      ce_time: '2025-03-11T14:02:08.104Z',
      ce_subject: exampleLeadId,
      'content-type': 'application/json',
      traceparent,
      tracestate: 'leadwire=routing',
    })
    expect(JSON.parse(record.value.toString('utf8'))).toEqual(exampleLeadRouted)
  })

  it('stamps the time when none is given and leaves trace headers out when absent', () => {
    const record = encodeEvent(leadContactedV1, {
      id,
      source: '/leadwire/capture',
      key: exampleLeadId,
      data: exampleLeadContacted,
    })
    expect(Date.parse(record.headers.ce_time!)).not.toBeNaN()
    expect(record.headers).not.toHaveProperty('traceparent')
  })

  it('refuses data that does not match the schema, naming the field', () => {
    const data = { ...exampleLeadContacted, repId: '' }
    expect(() =>
      encodeEvent(leadContactedV1, { id, source: '/leadwire/capture', key: exampleLeadId, data }),
    ).toThrow(/"repId"/)
  })
})

describe('decodeEvent', () => {
  it('round-trips an event with its trace context, from kafkajs-style Buffer headers', () => {
    const result = decodeEvent(asConsumed(encodeRouted()), [leadRoutedV1])
    expect(result).toEqual({
      ok: true,
      event: {
        id,
        type: 'io.leadwire.lead.routed.v1',
        source: '/leadwire/routing',
        time: '2025-03-11T14:02:08.104Z',
        subject: exampleLeadId,
        data: exampleLeadRouted,
        traceparent,
        tracestate: 'leadwire=routing',
      },
    })
  })

  it('accepts any registered type when no expected types are given', () => {
    expect(decodeEvent(encodeRouted()).ok).toBe(true)
  })

  it.each([
    ['NOT_CLOUDEVENT', { value: Buffer.from('{}'), headers: { 'content-type': 'application/json' } }],
    ['UNSUPPORTED_SPECVERSION', withHeaders({ ce_specversion: '0.3' })],
    ['UNKNOWN_TYPE', withHeaders({ ce_type: 'io.leadwire.lead.teleported.v1' })],
    ['UNSUPPORTED_CONTENT_TYPE', withHeaders({ 'content-type': 'application/avro' })],
    ['MALFORMED_JSON', withHeaders({}, Buffer.from('{"lead":'))],
    ['MALFORMED_JSON', withHeaders({}, null)],
  ] as const)('reports %s', (code, message) => {
    const result = decodeEvent(message)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe(code)
  })

  it('says where a value stops being JSON without quoting it (it may hold personal data)', () => {
    const value = Buffer.from('{"contact":{"email":"ada@analytical-engines.com"} "phone": "+1 555 0100"}')
    const result = decodeEvent(withHeaders({}, value))
    expect(result).toMatchObject({ ok: false, error: { code: 'MALFORMED_JSON' } })
    if (result.ok) return
    expect(result.error.message).toBe(`value is not JSON (${value.length} bytes; it breaks at character 50)`)
    expect(result.error.message).not.toMatch(/ada|555|contact/)
  })

  it('reports UNEXPECTED_TYPE for a registered type the consumer does not read', () => {
    const result = decodeEvent(encodeRouted(), [leadContactedV1])
    expect(result).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_TYPE' } })
    if (!result.ok) expect(result.error.message).toContain('io.leadwire.lead.contacted.v1')
  })

  it('reports UNKNOWN_TYPE, not UNEXPECTED_TYPE, for an unregistered type on a consumer of one topic', () => {
    const result = decodeEvent(withHeaders({ ce_type: 'io.leadwire.lead.teleported.v1' }), [leadRoutedV1])
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TYPE' } })
  })

  it('names the CloudEvents header that is missing', () => {
    const { ce_type: _dropped, ...headers } = encodeRouted().headers
    const result = decodeEvent({ value: encodeRouted().value, headers }, [leadRoutedV1])
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_CLOUDEVENT', message: 'missing or empty CloudEvents header: ce_type' },
    })
  })

  it('reports SCHEMA_MISMATCH with the path of every issue', () => {
    const data = { ...exampleLeadRouted, assignment: { ...exampleLeadRouted.assignment, attempt: 0 } }
    const value = Buffer.from(JSON.stringify({ ...data, lead: { ...data.lead, leadId: 'nope' } }))
    const result = decodeEvent(withHeaders({}, value), [leadRoutedV1])
    expect(result).toMatchObject({ ok: false, error: { code: 'SCHEMA_MISMATCH' } })
    if (result.ok) return
    expect(result.error.issues?.map((i) => i.path)).toEqual(['lead.leadId', 'assignment.attempt'])
    expect(result.error.message).toMatch(
      /^data does not match io\.leadwire\.lead\.routed\.v1: lead\.leadId: /,
    )
  })
})
