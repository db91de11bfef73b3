import { z } from 'zod'
import type { RawCompany } from './record.ts'

// A vendor that changes one field's type must not cost us the rest of the record.
const loose = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined)
const str = loose(z.string())
const count = loose(z.number())
const strings = loose(z.array(z.string()).catch([]))

/** Clearbit's Company API shape (also what most look-alike vendors return). */
const clearbitShape = z.object({
  name: str,
  category: loose(z.object({ industry: str, sector: str })),
  metrics: loose(z.object({ employees: count, employeesRange: str, estimatedAnnualRevenue: str })),
  geo: loose(z.object({ countryCode: str, country: str })),
  tech: strings,
})

/** Apollo's organization enrichment shape. */
const apolloShape = z.object({
  organization: z.object({
    name: str,
    industry: str,
    estimated_num_employees: count,
    annual_revenue_printed: str,
    country: str,
    technology_names: strings,
  }),
})

/**
 * Reads a 200 response from a Clearbit- or Apollo-style company API into one raw record, or
 * undefined when it is neither (a proxy's HTML page, an empty object).
 */
export function readCompanyResponse(body: unknown): RawCompany | undefined {
  const apollo = apolloShape.safeParse(body)
  if (apollo.success) {
    const o = apollo.data.organization
    return {
      name: o.name,
      industry: o.industry,
      employees: o.estimated_num_employees,
      revenueBand: o.annual_revenue_printed,
      country: o.country,
      technologies: o.technology_names ?? [],
    }
  }
  const clearbit = clearbitShape.safeParse(body)
  if (!clearbit.success || clearbit.data.name == null) return undefined
  const c = clearbit.data
  return {
    name: c.name,
    industry: c.category?.industry ?? c.category?.sector,
    employees: c.metrics?.employees,
    employeeBand: c.metrics?.employeesRange,
    revenueBand: c.metrics?.estimatedAnnualRevenue,
    country: c.geo?.countryCode ?? c.geo?.country,
    technologies: c.tech ?? [],
  }
}
