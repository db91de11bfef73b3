import { describe, expect, it } from 'vitest'
import { type CsvRow, readCompaniesCsv } from './csv.ts'

async function read(text: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = []
  for await (const row of readCompaniesCsv(text)) rows.push(row)
  return rows
}

describe('readCompaniesCsv', () => {
  it('reads quoted cells, a BOM, CRLF, odd header spellings and ignores unknown columns', async () => {
    const text =
      '\uFEFFDomain,Name,Employee Band,employees,Country,Technologies,CRM Owner\r\n' +
      'https://www.Acme.com/,"Acme, Inc.",1K-5K,"1,200",United States,"Salesforce; ""Okta""",jo\r\n'
    expect(await read(text)).toEqual([
      {
        line: 2,
        company: {
          domain: 'acme.com',
          name: 'Acme, Inc.',
          employees: 1200,
          employeeBand: '1K-5K',
          country: 'US',
          technologies: ['Salesforce', '"Okta"'],
        },
      },
    ])
  })

  it('skips blank lines and reports each unusable row with its line', async () => {
    const text = [
      'domain,employees,country',
      'good.com,10,DE',
      '',
      'not a domain,5,DE',
      'bad-count.com,about 50,DE',
      'bad-country.com,5,Narnia',
      'minimal.io,,',
    ].join('\n')
    expect(await read(text)).toEqual([
      {
        line: 2,
        company: { domain: 'good.com', employees: 10, employeeBand: '1-10', country: 'DE', technologies: [] },
      },
      { line: 4, error: "'not a domain' is not a domain" },
      { line: 5, error: "employees 'about 50' is not a count" },
      { line: 6, error: "country 'Narnia' is not a country" },
      { line: 7, company: { domain: 'minimal.io', technologies: [] } },
    ])
  })

  it('refuses a file without a domain column', async () => {
    await expect(read('name,industry\nAcme,Software\n')).rejects.toThrow(/no 'domain' column/)
  })

  it('reads the sample seed file without a rejected row', async () => {
    const { createReadStream } = await import('node:fs')
    const rows: CsvRow[] = []
    for await (const row of readCompaniesCsv(
      createReadStream(new URL('../../seed/firmographics.csv', import.meta.url)),
    ))
      rows.push(row)
    expect(rows.filter((r) => 'error' in r)).toEqual([])
    expect(rows.length).toBeGreaterThanOrEqual(20)
  })
})
