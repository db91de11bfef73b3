import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleCsv } from '../src/config.ts'
import { createPgFirmographicStore } from '../src/firmographics/pg-store.ts'
import { type EnrichmentFixture, enrichmentFixture } from './support.ts'

let fx: EnrichmentFixture
beforeAll(async () => {
  fx = await enrichmentFixture('es')
})
afterAll(() => fx?.cleanup())

const lookup = (domain: string) =>
  createPgFirmographicStore(fx.ns.pool, fx.schema).provider.lookup(domain, AbortSignal.timeout(5000))
const count = async () =>
  (await fx.ns.pool.query(`SELECT count(*)::int AS n FROM "${fx.schema}".firmographics`)).rows[0].n as number

describe('local firmographic store', () => {
  it('loads the sample CSV with the load command and finds a company by domain', async () => {
    const command = fileURLToPath(new URL('../src/load-firmographics.ts', import.meta.url))
    await promisify(execFile)(process.execPath, [command, sampleCsv], { env: fx.ns.env })
    expect(await count()).toBeGreaterThanOrEqual(20)
    const found = await lookup('northwind-logistics.com')
    expect(found).toMatchObject({
      found: true,
      record: {
        name: 'Northwind Logistics',
        employees: 2400,
        employeeBand: '1001-5000',
        country: 'US',
        technologies: ['Salesforce', 'Snowflake', 'Workday'],
      },
    })
  })

  it('finds a company from a regional sub-domain, and says unknown for the rest', async () => {
    expect(await lookup('uk.initech.com')).toMatchObject({ found: true, record: { name: 'Initech' } })
    expect(await lookup('initech.co')).toEqual({ found: false })
  })

  it('replaces a company on reload, last row of a domain winning, and stamps the load time', async () => {
    const result = await fx.loadCsv(
      'domain,name,employees\ninitech.com,Old Name,10\ninitech.com,Initech Global,900\n',
    )
    expect(result).toEqual({ written: 1, rejected: [] })
    const found = await lookup('initech.com')
    expect(found).toMatchObject({
      found: true,
      record: { name: 'Initech Global', employees: 900, technologies: [] },
    })
    expect(found.found && found.asOf).toBeInstanceOf(Date)
  })

  it('writes nothing from a file with a bad row, and says which lines are wrong', async () => {
    const before = await count()
    const result = await fx.loadCsv(
      'domain,name,country\nfresh-co.com,Fresh,DE\nnot a domain,Bad,DE\nx.com,X,Mars\n',
    )
    expect(result.written).toBe(0)
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4])
    expect(await count()).toBe(before)
    expect(await lookup('fresh-co.com')).toEqual({ found: false })
  })

  it('loads a file larger than one batch', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `bulk-${i}.example,Bulk ${i},${i + 1}`)
    const result = await fx.loadCsv(`domain,name,employees\n${rows.join('\n')}\n`)
    expect(result).toEqual({ written: 1200, rejected: [] })
    expect(await lookup('bulk-1199.example')).toMatchObject({ found: true, record: { employees: 1200 } })
  })
})
