import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { normalizeDomain } from '../email.ts'
import type { StoredCompany } from './pg-store.ts'
import { toCompanyRecord } from './record.ts'

/**
 * The columns RevOps fills in; headers are matched case-insensitively, spaces and dashes
 * read as '_', other columns (a CRM export has dozens) are ignored. Only `domain` is required.
 * `technologies` is one cell separated by ';' or '|'.
 */
export const csvColumns = [
  'domain',
  'name',
  'industry',
  'employees',
  'employee_band',
  'revenue_band',
  'country',
  'technologies',
] as const

export type CsvRow =
  | { readonly line: number; readonly company: StoredCompany }
  | { readonly line: number; readonly error: string }

const headerName = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/**
 * Reads a firmographics CSV one row at a time (a stream, so a file of any size fits in bounded
 * memory), yielding each clean company or the reason a row is unusable, with its line number.
 */
export async function* readCompaniesCsv(input: Readable | string): AsyncGenerator<CsvRow> {
  const source = typeof input === 'string' ? Readable.from([input]) : input
  const parser = source.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map(headerName)
        if (!names.includes('domain'))
          throw new Error(`CSV header has no 'domain' column: ${header.join(',')}`)
        return names.map((n) => ((csvColumns as readonly string[]).includes(n) ? n : false))
      },
      skip_empty_lines: true,
      info: true,
    }),
  )
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>
    info: { lines: number }
  }>) {
    yield toRow(record, info.lines)
  }
}

function toRow(cells: Record<string, string>, line: number): CsvRow {
  const domain = normalizeDomain(cells.domain ?? '')
  if (!domain) return { line, error: `'${cells.domain ?? ''}' is not a domain` }
  const employees = cells.employees?.trim()
  if (employees && !/^\d[\d,]*$/.test(employees))
    return { line, error: `employees '${employees}' is not a count` }
  const country = cells.country?.trim()
  const record = toCompanyRecord({
    name: cells.name,
    industry: cells.industry,
    employees,
    employeeBand: cells.employee_band,
    revenueBand: cells.revenue_band,
    country,
    technologies: cells.technologies,
  })
  if (country && !record.country) return { line, error: `country '${country}' is not a country` }
  return { line, company: { domain, ...record } }
}
