import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { blockingKeys } from '../matching/blocking.ts'
import { decide } from '../matching/decide.ts'
import { defaultParams } from '../matching/default-params.ts'
import { buildRecord, type RawRecord } from '../matching/record.ts'
import { defaultThresholds } from '../matching/settings.ts'
import { findCandidates, lockKeys } from '../store/pg-match-records.ts'
import { returning, syntheticPeople } from './synthetic.ts'

export interface CostStep {
  readonly identities: number
  readonly probes: number
  readonly candidates: { readonly mean: number; readonly max: number }
  /** Milliseconds per lead for lock + indexed candidate search + scoring. */
  readonly ms: { readonly p50: number; readonly p95: number; readonly p99: number; readonly mean: number }
  readonly loadSeconds: number
}

const batch = 5000

/**
 * Loads synthetic identities into dedup's tables (in `db`'s search_path) in batches, growing
 * the store to each size in turn, and at each size times the candidate search of `probes`
 * leads: half returning people with a typo, half new people. Each probe runs in its own
 * transaction that is rolled back, so the store does not change between measurements.
 */
export async function measureCandidateCost(
  pool: pg.Pool,
  schema: string,
  opts: { sizes: readonly number[]; probes: number; log?: (line: string) => void },
): Promise<CostStep[]> {
  const people = syntheticPeople(Math.max(...opts.sizes) + opts.probes, 7)
  const steps: CostStep[] = []
  let loaded = 0
  for (const size of [...opts.sizes].sort((a, b) => a - b)) {
    const started = performance.now()
    while (loaded < size) {
      const n = Math.min(batch, size - loaded)
      await loadBatch(pool, people.slice(loaded, loaded + n))
      loaded += n
    }
    await pool.query('ANALYZE match_keys; ANALYZE match_records')
    const loadSeconds = (performance.now() - started) / 1000
    opts.log?.(`loaded ${size} identities (+${loadSeconds.toFixed(1)} s); probing ${opts.probes} leads`)
    steps.push({
      identities: size,
      probes: opts.probes,
      loadSeconds,
      ...(await probe(pool, schema, people, size, opts.probes)),
    })
  }
  return steps
}

async function loadBatch(pool: pg.Pool, raws: readonly RawRecord[]): Promise<void> {
  const records = raws.map(buildRecord)
  const ids = raws.map(() => randomUUID())
  const leads = raws.map(() => randomUUID())
  await pool.query(
    `INSERT INTO identities (id, first_lead_id, created_at, last_seen_at)
     SELECT id, lead, now(), now() FROM unnest($1::uuid[], $2::uuid[]) AS t(id, lead)`,
    [ids, leads],
  )
  const { rows } = await pool.query<{ id: string; lead_id: string }>(
    `INSERT INTO match_records (lead_id, identity_id, record, created_at)
     SELECT lead, id, record, now() FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) AS t(id, lead, record)
     RETURNING id, lead_id`,
    [ids, leads, records.map((r) => JSON.stringify(r))],
  )
  const recordOf = new Map(rows.map((r) => [r.lead_id, r.id]))
  const keys: string[] = []
  const owners: string[] = []
  records.forEach((r, i) => {
    for (const k of blockingKeys(r)) {
      keys.push(k)
      owners.push(recordOf.get(leads[i] as string) as string)
    }
  })
  await pool.query('INSERT INTO match_keys (key, record_id) SELECT * FROM unnest($1::text[], $2::bigint[])', [
    keys,
    owners,
  ])
}

async function probe(
  pool: pg.Pool,
  schema: string,
  people: readonly RawRecord[],
  size: number,
  probes: number,
) {
  const times: number[] = []
  let total = 0
  let max = 0
  for (let i = 0; i < probes; i++) {
    // Even probes: someone already stored, returning with a typo; odd: someone new.
    const raw = i % 2 === 0 ? returning(people[(i * 7919) % size] ?? {}, i) : (people[size + i] ?? {})
    const record = buildRecord(raw)
    const keys = blockingKeys(record)
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const started = performance.now()
      await lockKeys(client, schema, keys)
      const candidates = await findCandidates(client, keys)
      decide(record, candidates, defaultParams, defaultThresholds)
      times.push(performance.now() - started)
      total += candidates.length
      max = Math.max(max, candidates.length)
    } finally {
      await client.query('ROLLBACK')
      client.release()
    }
  }
  const sorted = times.sort((a, b) => a - b)
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
  return {
    candidates: { mean: round(total / probes), max },
    ms: {
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      mean: round(sorted.reduce((a, b) => a + b, 0) / probes),
    },
  }
}

const round = (x: number) => Math.round(x * 100) / 100

export function formatCostTable(steps: readonly CostStep[]): string {
  const lines = ['identities  probes  candidates mean/max  ms p50    p95    p99    mean   load s']
  for (const s of steps) {
    lines.push(
      `${String(s.identities).padStart(10)}  ${String(s.probes).padStart(6)}  ${`${s.candidates.mean}/${s.candidates.max}`.padStart(19)}  ${String(s.ms.p50).padStart(6)} ${String(s.ms.p95).padStart(6)} ${String(s.ms.p99).padStart(6)} ${String(s.ms.mean).padStart(6)}  ${s.loadSeconds.toFixed(1).padStart(6)}`,
    )
  }
  return `${lines.join('\n')}\n`
}
