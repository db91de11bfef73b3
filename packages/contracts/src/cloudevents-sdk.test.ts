import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents'
import { describe, expect, it } from 'vitest'
import { decodeEvent, encodeEvent } from './cloudevents.ts'
import { leadHandedOffV1 } from './events/lead-handed-off.v1.ts'
import { leadRoutedV1 } from './events/lead-routed.v1.ts'
import { exampleLeadHandedOff, exampleLeadId, exampleLeadRouted } from './examples.ts'

// The design promises that the official SDK reads every message we write, and the reverse
// keeps CRM connectors built on the SDK able to feed us.
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'

describe('interoperability with the cloudevents SDK Kafka binding', () => {
  it('reads a message we encoded with the same id, type, source, subject, time and data', () => {
    const record = encodeEvent(leadRoutedV1, {
      id: 'c1b2a3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      source: '/leadwire/routing',
      key: exampleLeadId,
      data: exampleLeadRouted,
      time: '2025-03-11T14:02:08.104Z',
      traceparent,
    })
    const event = Kafka.toEvent(record as unknown as KafkaMessage) as CloudEvent<unknown>
    expect(Array.isArray(event)).toBe(false)
    expect(event.validate()).toBe(true)
    expect(event).toMatchObject({
      specversion: '1.0',
      id: 'c1b2a3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      type: 'io.leadwire.lead.routed.v1',
      source: '/leadwire/routing',
      subject: exampleLeadId,
      time: '2025-03-11T14:02:08.104Z',
      datacontenttype: 'application/json',
      partitionkey: exampleLeadId,
    })
    expect(event.data).toEqual(exampleLeadRouted)
  })

  it('decodes what the SDK produces in binary mode, trace context included', () => {
    const sdkEvent = new CloudEvent({
      id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      type: leadHandedOffV1.type,
      source: '/crm/salesforce',
      datacontenttype: 'application/json',
      data: exampleLeadHandedOff,
      partitionkey: exampleLeadId,
      traceparent,
    })
    const message = Kafka.binary(sdkEvent)
    // What kafkajs would put on the wire: Buffers, JSON for the object value, no undefined headers.
    const headers = Object.fromEntries(
      Object.entries(message.headers).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, Buffer.from(String(v))]],
      ),
    )
    const result = decodeEvent({ value: Buffer.from(JSON.stringify(message.value)), headers }, [
      leadHandedOffV1,
    ])
    expect(result).toMatchObject({
      ok: true,
      event: {
        id: sdkEvent.id,
        type: 'io.leadwire.lead.handed-off.v1',
        source: '/crm/salesforce',
        time: sdkEvent.time,
        data: exampleLeadHandedOff,
        traceparent,
      },
    })
  })
})
