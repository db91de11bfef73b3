import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { Enrichment, LeadEnrichedV1, LeadSnapshot } from '@leadwire/contracts'
import { exampleLeadEnriched } from '@leadwire/contracts/examples'
import { ident, migrate, runtimeMigrationsDir, withSchemaTransaction } from '@leadwire/runtime'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type pg from 'pg'
import { defaultParams } from '../src/matching/default-params.ts'
import { defaultThresholds } from '../src/matching/settings.ts'
import type { ResolveDeps } from '../src/resolve-lead.ts'

const migrations = fileURLToPath(new URL('../migrations', import.meta.url))

/** A namespace with only dedup's schema migrated: other services' tables are not needed here. */
export async function createDedupNamespace(prefix = 'dd') {
  const ns = await createTestNamespace(prefix)
  const schema = ns.names.schema('dedup')
  await migrate(ns.pool, schema, [
    { label: 'runtime', dir: runtimeMigrationsDir },
    { label: 'dedup', dir: migrations },
  ])
  const deps: ResolveDeps = { schema, params: () => defaultParams, thresholds: defaultThresholds }
  return { ns, schema, deps }
}

export type DedupNamespace = Awaited<ReturnType<typeof createDedupNamespace>>

/** Runs work in one transaction on dedup's schema, as the consumer's handler runs. */
export function inTx<T>(ns: TestNamespace, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  return withSchemaTransaction(ns.pool, ns.names.schema('dedup'), work)
}

export async function count(ns: TestNamespace, table: string, where = 'true'): Promise<number> {
  const { rows } = await ns.pool.query(
    `SELECT count(*)::int AS n FROM ${ident(ns.names.schema('dedup'))}.${table} WHERE ${where}`,
  )
  return rows[0].n
}

interface LeadParts {
  contact?: LeadSnapshot['contact']
  company?: LeadSnapshot['company']
  intent?: NonNullable<LeadSnapshot['source']['intent']>
  capturedAt?: string
  enrichment?: Partial<Enrichment>
}

/**
 * An enriched lead built from the example, with a fresh id and only the given person and
 * company, so a test says exactly what two leads share. Enrichment validated nothing beyond
 * what the test passes, as for a lead whose phone and email providers had nothing to add.
 */
export function enrichedLead(parts: LeadParts): LeadEnrichedV1 {
  const base = exampleLeadEnriched
  const contact = parts.contact ?? {}
  const email = contact.email
  return {
    lead: {
      ...base.lead,
      leadId: randomUUID(),
      capturedAt: parts.capturedAt ?? new Date().toISOString(),
      contact,
      company: parts.company ?? {},
      custom: {},
      source: { channel: 'inbound_form', intent: parts.intent ?? 'content_download' },
    },
    enrichment: {
      provenance: {},
      completeness: 1,
      missing: [],
      providers: [],
      ...(email && {
        email: {
          normalized: email.toLowerCase(),
          domain: email.split('@')[1]?.toLowerCase() ?? '',
          kind: /@(gmail|yahoo|outlook)\./i.test(email) ? ('free' as const) : ('work' as const),
        },
      }),
      ...parts.enrichment,
    },
  }
}

/** A unique suffix, so leads of one test never match another test's in the same schema. */
export const tag = () => randomUUID().slice(0, 8)
