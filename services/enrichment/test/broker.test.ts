import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captured, startOnBroker, until } from './broker-harness.ts'
import { clearbitBody, type FakeProvider, startFakeProvider } from './fake-provider.ts'
import { type EnrichmentFixture, enrichmentFixture } from './support.ts'

// The service's own consumer on the real broker: captured events produced with kafkajs,
// enriched ones and dead letters read back from their topics.
let fx: EnrichmentFixture
let vendor: FakeProvider
let bus: Awaited<ReturnType<typeof startOnBroker>>
const BUDGET = 100

beforeAll(async () => {
  fx = await enrichmentFixture('ek')
  vendor = await startFakeProvider((d) =>
    d.endsWith('.vendor-known.com') ? { company: clearbitBody('Known') } : { status: 404 },
  )
  await fx.loadCsv('domain,name,industry,employee_band,country\nhooli.com,Hooli,Software,5001-10000,US\n')
  bus = await startOnBroker(fx, {
    ENRICHMENT_PROVIDERS: 'local,clearbit',
    ENRICHMENT_CLEARBIT_URL: vendor.url,
    ENRICHMENT_CLEARBIT_API_KEY: 'test-key',
    ENRICHMENT_CLEARBIT_BUDGET_PER_MINUTE: String(BUDGET),
    ENRICHMENT_RETRY_BASE_MS: '10',
  })
})

afterAll(async () => {
  await bus?.stop()
  await vendor?.close()
  await fx?.cleanup(bus?.admin)
  await bus?.admin.disconnect()
})

describe('enrichment consumer on the real broker', () => {
  it('consumes a captured lead and publishes it enriched from the local store, with provenance', async () => {
    const lead = captured('Gavin.Belson@Hooli.com')
    await bus.send([lead.record])
    await until(() => bus.enriched.has(lead.leadId), 'enrichment')
    expect(bus.enriched.get(lead.leadId)).toMatchObject({
      companyDomain: 'hooli.com',
      employees: 5001,
      industry: 'Software',
      country: 'US',
      region: 'NAMER',
      firmographics: { name: 'Hooli' },
      provenance: { employees: { source: 'local' }, companyDomain: { source: 'derived' } },
      providers: [
        { name: 'local', status: 'hit' },
        { name: 'clearbit', status: 'skipped', detail: 'not needed' },
      ],
    })
  })

  it('sends a poison message to the DLQ and keeps its partition moving', async () => {
    const [good, offSchema] = [captured('jo@hooli.com'), captured('y@hooli.com')]
    // The junk carries the good lead's key, so both sit on one partition, junk first.
    await bus.send([
      { ...good.record, value: Buffer.from('{"lead": tru') },
      { ...offSchema.record, value: Buffer.from('{"lead":{"leadId":"not-a-uuid"}}') },
      good.record,
    ])
    const { enriched, deadLetters } = bus
    const arrived = () =>
      enriched.has(good.leadId) && deadLetters.has(good.leadId) && deadLetters.has(offSchema.leadId)
    await until(arrived, 'dead-lettering')
    expect(bus.deadLetters.get(good.leadId)).toMatchObject({
      dlq_reason: 'MALFORMED_JSON',
      dlq_service: 'enrichment',
    })
    expect(bus.deadLetters.get(offSchema.leadId)).toMatchObject({ dlq_reason: 'SCHEMA_MISMATCH' })
  })

  it('takes a burst with bounded work in flight, and a spent budget only skips the vendor', async () => {
    fx.advance(60_000) // a fresh budget minute
    const burst = Array.from({ length: 150 }, (_, i) => captured(`lead@c${i}.vendor-known.com`))
    await bus.send(burst.map((l) => l.record))
    await until(() => burst.every((l) => bus.enriched.has(l.leadId)), 'the burst')
    const vendorStatus = burst.map((l) => bus.enriched.get(l.leadId)?.providers[1])
    expect(vendorStatus.filter((s) => s?.status === 'hit')).toHaveLength(BUDGET)
    expect(vendorStatus.filter((s) => s?.detail === 'budget exhausted')).toHaveLength(burst.length - BUDGET)
    // One message per partition at a time (2 partitions here): the burst waits in Kafka, not
    // in this process, however long it is.
    expect(vendor.maxInFlight()).toBeLessThanOrEqual(2)
  })

  it('lets leads through with what is known while the vendor is down, saying so', async () => {
    fx.advance(60_000)
    await vendor.close()
    const lead = captured('ana@brand-new.vendor-known.com', { employees: 30 })
    await bus.send([lead.record])
    await until(() => bus.enriched.has(lead.leadId), 'enrichment during the outage')
    expect(bus.enriched.get(lead.leadId)).toMatchObject({
      companyDomain: 'brand-new.vendor-known.com',
      employees: 30,
      providers: [
        { name: 'local', status: 'miss' },
        { name: 'clearbit', status: 'error', detail: 'unreachable' },
      ],
    })
  })
})
