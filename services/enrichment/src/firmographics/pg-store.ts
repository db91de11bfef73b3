import { ident } from '@leadwire/runtime'
import type pg from 'pg'
import type { Answer, CompanyRecord, FirmographicProvider } from './types.ts'

export interface StoredCompany extends CompanyRecord {
  readonly domain: string
}

interface Row {
  domain: string
  name: string | null
  industry: string | null
  employees: number | null
  employee_band: string | null
  revenue_band: string | null
  country: string | null
  technologies: string[]
  updated_at: Date
}

/**
 * The local store as a provider (named 'local'), plus the bulk upsert the CSV loader uses.
 * A lookup for 'eu.acme.com' also finds 'acme.com': people write from regional sub-domains
 * while the store holds the company's main one; the longest stored match wins.
 */
export function createPgFirmographicStore(pool: pg.Pool | pg.PoolClient, schema: string) {
  const table = `${ident(schema)}.firmographics`
  const provider: FirmographicProvider = {
    name: 'local',
    async lookup(domain: string): Promise<Answer> {
      const { rows } = await pool.query<Row>(
        `SELECT * FROM ${table} WHERE domain = ANY($1::text[]) ORDER BY length(domain) DESC LIMIT 1`,
        [parentDomains(domain)],
      )
      const row = rows[0]
      return row ? { found: true, record: fromRow(row), asOf: row.updated_at } : { found: false }
    },
  }

  /** Inserts or replaces rows by domain in one statement; returns how many were written. */
  async function upsert(db: pg.Pool | pg.PoolClient, rows: readonly StoredCompany[], loadedFrom: string) {
    if (rows.length === 0) return 0
    const col = <T>(pick: (r: StoredCompany) => T) => rows.map(pick)
    const result = await db.query(
      `INSERT INTO ${table} (domain, name, industry, employees, employee_band, revenue_band, country, technologies, loaded_from)
       SELECT d, n, i, e, eb, rb, c, COALESCE(string_to_array(t, E'\\x1f'), '{}'), $9
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
           AS u(d, n, i, e, eb, rb, c, t)
       ON CONFLICT (domain) DO UPDATE SET name = EXCLUDED.name, industry = EXCLUDED.industry,
         employees = EXCLUDED.employees, employee_band = EXCLUDED.employee_band,
         revenue_band = EXCLUDED.revenue_band, country = EXCLUDED.country,
         technologies = EXCLUDED.technologies, loaded_from = EXCLUDED.loaded_from, updated_at = now()`,
      [
        col((r) => r.domain),
        col((r) => r.name ?? null),
        col((r) => r.industry ?? null),
        col((r) => r.employees ?? null),
        col((r) => r.employeeBand ?? null),
        col((r) => r.revenueBand ?? null),
        col((r) => r.country ?? null),
        // A text[][] cannot be ragged, so each row's list travels as one unit-separated string.
        col((r) => (r.technologies.length ? r.technologies.join('\x1f') : null)),
        loadedFrom,
      ],
    )
    return result.rowCount ?? rows.length
  }

  return { provider, upsert }
}

/** 'a.b.acme.co.uk' -> itself and each parent with at least two labels. */
export function parentDomains(domain: string): string[] {
  const labels = domain.toLowerCase().split('.')
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'))
}

function fromRow(row: Row): CompanyRecord {
  const record: Record<string, unknown> = {
    name: row.name,
    industry: row.industry,
    employees: row.employees,
    employeeBand: row.employee_band,
    revenueBand: row.revenue_band,
    country: row.country,
    technologies: row.technologies,
  }
  for (const key of Object.keys(record)) if (record[key] === null) delete record[key]
  return record as unknown as CompanyRecord
}
